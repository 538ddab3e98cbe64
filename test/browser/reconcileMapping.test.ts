// The Reconcile sidebar's column map in Chromium, for a report layout it does not know: the drop-downs
// start on a guess from the header names, a column chosen twice or an amount column without amounts is
// refused, the saved mapping can be changed, and rows that could not be read never look like success.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeInBrowser,
  eventually,
  expectCalm,
  launchBrowser,
  openSidebar,
  openStudio,
  readBack,
  screenshot,
  sidebarContext,
  watch,
  type Step,
  type Studio,
} from './harness';

// Jane and Priya each owe a $220 instalment on Fri 16 Sep 2016, sent in B-000001. A mapping saved for
// another layout ("Member;Day;Sum;State") reads the State column as the amount: it can read no row.
const STEPS: Step[] = [
  [
    'sellPackage',
    { clientId: 'C-0001', packageCode: 'PT10-5F', startDate: '2016-09-16', today: '2016-09-13' },
  ],
  [
    'sellPackage',
    { clientId: 'C-0005', packageCode: 'PT10-5F', startDate: '2016-09-16', today: '2016-09-13' },
  ],
  ['runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }],
  ['createDebitFile', { format: 'aba', today: '2016-09-16' }],
  [
    'saveReportMapping',
    {
      headers: ['Member', 'Day', 'Sum', 'State'],
      mapping: {
        reference: ['Member'],
        date: 'Day',
        amount: 'State',
        paidValues: ['Paid'],
        declinedValues: ['Declined'],
      },
    },
  ],
];

const REPORT =
  'Ref;When;Dollars;Result\nHPT-JANE;16/09/2016;220.00;OK\nHPT-PRIYA;16/09/2016;220.00;BOUNCED\n';
const BROKEN = 'Member;Day;Sum;State\nHPT-JANE;16/09/2016;220.00;Paid\n';

const select = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true });
const input = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const saveButton = (page: Page) =>
  page.getByRole('button', { name: /^Save (the new )?mapping and preview$/ });

async function outcomes(page: Page): Promise<string[][]> {
  return page
    .locator('[data-testid="reconcile-results"] tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr.className,
        ...[...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent ?? ''),
      ]),
    );
}

describeInBrowser('Reconcile sidebar: mapping an unknown report in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let studio: Studio;

  beforeAll(async () => {
    studio = await openStudio('2016-09-20', STEPS);
    browser = await launchBrowser();
    context = await sidebarContext(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await studio?.close();
  });

  it('guesses, refuses a column twice and an amount column of words, then can be changed', async () => {
    const page = await context.newPage();
    const w = watch(page);
    await openSidebar(page, studio, 'Reconcile');
    const status = page.getByRole('status');
    await page.getByRole('textbox', { name: 'Report' }).fill(REPORT);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await eventually(() => status.textContent()).toMatch(/^Not a recognised payment report/);

    // The guess, from the header names and the values of Result.
    const chosen = async () =>
      Promise.all(
        ['Reference (client ID, DD reference or invoice)', 'Date', 'Amount', 'Status'].map((n) =>
          select(page, n).inputValue(),
        ),
      );
    expect(await chosen()).toEqual(['Ref', 'When', 'Dollars', 'Result']);
    expect(await page.getByTestId('status-values').textContent()).toBe('In Result: OK, BOUNCED');
    expect(await input(page, 'Status values meaning paid').inputValue()).toMatch(/, OK$/);
    expect(await input(page, 'Status values meaning declined').inputValue()).toMatch(/, BOUNCED$/);
    await screenshot(page, 'Reconcile-mapping');

    await select(page, 'Date').selectOption('Ref');
    await saveButton(page).click();
    await eventually(() => status.textContent()).toBe(
      'The column "Ref" is chosen as both the reference and the date: choose a different column for each.',
    );
    expect(await status.getAttribute('class')).toContain('error');

    await select(page, 'Date').selectOption('When');
    await select(page, 'Amount').selectOption('Result');
    await select(page, 'Status').selectOption('');
    await saveButton(page).click();
    await eventually(() => status.textContent()).toBe(
      'The column "Result" holds no amounts (row 2: "OK" is not an amount of money): choose the column with the amount.',
    );

    await select(page, 'Amount').selectOption('Dollars');
    await select(page, 'Status').selectOption('Result');
    await saveButton(page).click();
    await eventually(() => status.textContent()).toBe(
      'Preview written to the Reconciliation tab. Nothing is applied yet.',
    );
    expect(await status.getAttribute('class')).toContain('ok');
    expect(await outcomes(page)).toEqual([
      ['', '2', 'PaidC-0001'],
      ['', '3', 'DeclinedC-0005'],
    ]);

    // Change it: with OK no longer a paid value, row 2 cannot be read, and the status line says so.
    await page.getByRole('button', { name: 'Change mapping' }).click();
    expect(await page.getByRole('heading', { name: 'Change the mapping' }).count()).toBe(1);
    expect(await chosen()).toEqual(['Ref', 'When', 'Dollars', 'Result']);
    await input(page, 'Status values meaning paid').fill('Paid, Approved');
    await saveButton(page).click();
    await eventually(() => status.textContent()).toBe(
      'Preview written to the Reconciliation tab, but 1 row(s) could not be read: see the Error rows. Nothing is applied yet.',
    );
    expect(await status.getAttribute('class')).toContain('warn');
    expect(await outcomes(page)).toEqual([
      ['error', '2', 'Error'],
      ['', '3', 'DeclinedC-0005'],
    ]);
    const invoices = (await readBack(studio.workbook))('Invoices');
    expect(invoices.filter((i) => i.Status === 'Sent').map((i) => i['Client ID'])).toEqual([
      'C-0001',
      'C-0005',
    ]);
    expectCalm(w);
    await page.close();
  });

  it('a saved mapping that reads no row is an error with the mapping to change, not a preview', async () => {
    const page = await context.newPage();
    const w = watch(page);
    await openSidebar(page, studio, 'Reconcile');
    const status = page.getByRole('status');
    await page.getByRole('textbox', { name: 'Report' }).fill(BROKEN);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await eventually(() => status.textContent()).toBe(
      'No row of the report could be read (1 row with errors). Row 2, column State: "Paid" is not an amount of money.',
    );
    expect(await status.getAttribute('class')).toContain('error');
    expect(await page.locator('[data-testid="reconcile-results"] tr').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Apply', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Change the mapping' }).count()).toBe(1);
    expect(await select(page, 'Amount').inputValue()).toBe('State');

    await select(page, 'Amount').selectOption('Sum');
    await select(page, 'Status').selectOption('State');
    await saveButton(page).click();
    await eventually(() => status.textContent()).toBe(
      'Preview written to the Reconciliation tab. Nothing is applied yet.',
    );
    expect(await outcomes(page)).toEqual([['', '2', 'PaidC-0001']]);
    expectCalm(w);
    await page.close();
  });
});
