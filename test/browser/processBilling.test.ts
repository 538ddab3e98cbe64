// Process Billing in Chromium: set the billing date and Run, untick a client, create the ABA file (a
// browser download), and check what the workbook then says about each invoice.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
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

// The demo's first cycle, sold as in `npm start`: billing day Fri 16 Sep 2016.
const FIRST_CYCLE: Step[] = [
  [
    'sellPackage',
    { clientId: 'C-0001', packageCode: 'PT10-5F', startDate: '2016-09-13', today: '2016-09-13' },
  ],
  ['sellPackage', { clientId: 'C-0002', packageCode: 'PT2W', today: '2016-09-13' }],
  ['sellPackage', { clientId: 'C-0003', packageCode: 'PT2W', today: '2016-09-13' }],
  ['sellPackage', { clientId: 'C-0004', packageCode: 'PT10', today: '2016-09-13' }],
  ['sellPackage', { clientId: 'C-0005', packageCode: 'PT10-5F', today: '2016-09-14' }],
  [
    'addAdHocInvoice',
    {
      clientId: 'C-0001',
      description: 'Protein powder 1kg',
      amount: '49.95',
      dueDate: '2016-09-14',
      today: '2016-09-14',
    },
  ],
];

async function listRows(page: Page): Promise<string[][]> {
  return page.locator('[data-testid="billing-list"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => {
        const input = td.querySelector('input');
        if (!input) return td.textContent ?? '';
        return input.type === 'checkbox' ? (input.checked ? 'x' : '-') : input.value;
      }),
    ),
  );
}

describeInBrowser('Process Billing sidebar in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let studio: Studio;

  beforeAll(async () => {
    studio = await openStudio('2016-09-15', FIRST_CYCLE);
    browser = await launchBrowser();
    context = await sidebarContext(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await studio?.close();
  });

  it('runs billing for a date, leaves out an unticked client, and downloads the ABA file of the rest', async () => {
    const page = await context.newPage();
    const w = watch(page);
    await openSidebar(page, studio, 'ProcessBilling');
    await screenshot(page, 'ProcessBilling');
    const date = page.locator('#f-billingDate');
    expect(await date.inputValue()).toBe('2016-09-15');
    await page.getByRole('button', { name: /^Next billing day: Fri 16 Sep 2016$/ }).click();
    expect(await date.inputValue()).toBe('2016-09-16');

    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const status = page.getByRole('status');
    await eventually(() => status.textContent()).toMatch(/^B-000001: 4 client\(s\) to debit/);
    const byName = (rows: string[][]) => [...rows].sort((a, b) => a[1]!.localeCompare(b[1]!));
    expect(byName(await listRows(page))).toEqual([
      ['x', 'Alex Wong', '$160.00', '160.00'],
      ['x', 'Chris Nguyen', '$160.00', '160.00'],
      ['x', 'Jane Citizen', '$269.95', '269.95'],
      ['x', 'Priya Shah', '$220.00', '220.00'],
    ]);
    expect(await page.locator('[data-testid="billing-list"] li').allTextContents()).toEqual([
      'Sam Lee: $500.00 due',
    ]);

    // Chris is away this fortnight: untick him (saved on the Process Billing tab at once).
    await page.getByRole('checkbox', { name: 'Include Chris Nguyen' }).uncheck();
    await eventually(() => status.textContent()).toBe('Saved: 3 client(s) to debit, $649.95.');
    expect((await listRows(page)).find((r) => r[1] === 'Chris Nguyen')).toEqual([
      '-',
      'Chris Nguyen',
      '$160.00',
      '160.00',
    ]);
    const sheet = (await readBack(studio.workbook))('Process Billing', 3);
    expect(sheet.find((r) => r['Client ID'] === 'C-0002')?.Include).toBe(false);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Create ABA file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('B-000001-2016-09-16.aba');
    const aba = readFileSync((await download.path())!, 'utf8');
    const lines = aba.split(/\r?\n/).filter(Boolean);
    expect(lines.every((l) => l.length === 120)).toBe(true);
    const debits = lines.filter((l) => l.startsWith('1') && l.slice(18, 20) === '13'); // 13: debit
    const balancing = lines.filter((l) => l.startsWith('1') && l.slice(18, 20) === '50');
    expect(balancing.map((l) => Number(l.slice(20, 30)))).toEqual([48995]);
    // Full and Partial Integration clients who are ticked: Jane and Priya; Chris is unticked and Alex is
    // on DD Reconciliation (the DD company debits on its own schedule).
    expect(debits).toHaveLength(2);
    expect(debits.some((l) => l.includes('HPT-JANE') && l.includes('0000026995'))).toBe(true);
    expect(debits.some((l) => l.includes('HPT-PRIYA') && l.includes('0000022000'))).toBe(true);
    expect(aba).not.toContain('HPT-CHRIS');
    await eventually(() => status.textContent()).toMatch(
      /^B-000001-2016-09-16\.aba: 2 debit\(s\), \$489\.95\./,
    );
    await screenshot(page, 'ProcessBilling-after-ABA');

    const tab = await readBack(studio.workbook);
    const invoices = tab('Invoices');
    const of = (client: string) =>
      invoices
        .filter((i) => i['Client ID'] === client && String(i['Due Date']) <= '2016-09-16')
        .map((i) => [i['Due Date'], i.Amount, i.Status, i['Batch ID']]);
    expect(of('C-0001')).toEqual([
      ['2016-09-13', 220, 'Sent', 'B-000001'],
      ['2016-09-14', 49.95, 'Sent', 'B-000001'],
    ]);
    expect(of('C-0005')).toEqual([['2016-09-16', 220, 'Sent', 'B-000001']]);
    expect(of('C-0002')).toEqual([['2016-09-16', 160, 'Open', '']]);
    expect(of('C-0004')).toEqual([['2016-09-13', 500, 'Open', '']]);
    // Jane's later instalments are not due yet: still open, in no batch.
    expect(
      invoices
        .filter((i) => i['Client ID'] === 'C-0001' && String(i['Due Date']) > '2016-09-16')
        .every((i) => i.Status === 'Open' && i['Batch ID'] === ''),
    ).toBe(true);
    expectCalm(w);
    await page.close();
  });
});
