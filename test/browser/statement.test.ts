// The Statement sidebar in Chromium on the preview: a charge whose description looks like markup is shown
// as text, Copy as text puts the statement on the clipboard, Update the Statement tab writes the workbook,
// and the printable page (as the server builds it) shows the same text and hides its Print button on paper.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildStatement } from '../../src/core/ledger/statement';
import { statementHtml } from '../../src/addon/statementPrint';
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
  type Studio,
} from './harness';

const SHAKER = '<img src=x onerror=alert(1)> Shaker';

describeInBrowser('Statement sidebar in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let studio: Studio;

  beforeAll(async () => {
    studio = await openStudio('2016-10-05', [
      [
        'addAdHocInvoice',
        { clientId: 'C-0004', description: SHAKER, amount: '50', dueDate: '2016-09-20', today: '2016-09-14' },
      ],
      ['recordPayment', { clientId: 'C-0004', amount: '20', date: '2016-09-21', today: '2016-09-21' }],
    ]);
    browser = await launchBrowser();
    context = await sidebarContext(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: studio.preview.url });
  });
  afterAll(async () => {
    await browser?.close();
    await studio?.close();
  });

  it('shows the lines and parts as text, copies them, and writes the Statement tab', async () => {
    const page = await context.newPage();
    const w = watch(page);
    await openSidebar(page, studio, 'Statement');
    await page.locator('#f-clientId').selectOption('C-0004');
    await page.getByRole('button', { name: 'Show' }).click();
    const balance = page.getByTestId('balance');
    await eventually(() => balance.textContent()).toBe('Balance $30.00 as of Wed 5 Oct 2016');
    expect(await page.locator('[data-part="overdue"]').textContent()).toBe('Overdue now$30.00');
    expect(await page.locator('[data-ref="INV-000001"] [data-testid="line-description"]').textContent()).toBe(
      `${SHAKER} (due Tue 20 Sep 2016)`,
    );
    expect(await page.locator('img').count()).toBe(0);
    // The lines fit the 300 px sidebar: nothing to scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    await screenshot(page, 'Statement-shown');

    await page.getByRole('button', { name: 'Copy as text' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('Copied the statement as text.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Statement for');
    expect(copied).toContain(`${SHAKER} (due Tue 20 Sep 2016)`);
    expect(copied).toContain('Balance $30.00, made up of:');

    await page.getByRole('button', { name: 'Update the Statement tab' }).click();
    await eventually(() => page.getByRole('status').textContent()).toMatch(/^The Statement tab now shows /);
    const rows = (await readBack(studio.workbook))('Statement', 4);
    expect(rows.map((r) => [r.Type, r.Reference, r.Description, r.Amount, r.Balance])).toEqual([
      ['Invoice', 'INV-000001', SHAKER, 50, 50],
      ['Payment', 'R-000001', 'Cash on INV-000001', -20, 30],
    ]);
    expectCalm(w);
  });

  it('the printable page shows the workbook text as text, and its Print button is not printed', async () => {
    const statement = buildStatement(
      {
        clientId: 'C-0004',
        invoices: [
          {
            id: 'INV-000001',
            clientId: 'C-0004',
            description: SHAKER,
            dueDate: '2016-09-20',
            amount: 5000,
            paid: 2000,
            status: 'Part paid',
            batchId: '',
            created: '2016-09-14',
          },
        ],
        payments: [
          {
            id: 'P-000001',
            date: '2016-09-21',
            clientId: 'C-0004',
            invoiceId: 'INV-000001',
            amount: 2000,
            method: 'Cash',
            reference: '',
          },
        ],
      },
      '2016-10-05',
    );
    const page = await context.newPage();
    const w = watch(page);
    await page.setContent(
      statementHtml({
        client: { id: 'C-0004', name: '<b>Sam</b>', billingMethod: 'Manual' },
        business: 'Harbour PT',
        statement,
      }),
    );
    expect(await page.locator('h2').textContent()).toBe('Statement for <b>Sam</b> (C-0004)');
    expect(await page.locator('img, b').count()).toBe(0);
    expect(await page.locator('table.lines').textContent()).toContain(SHAKER);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await screenshot(page, 'Statement-print');
    expectCalm(w);
  });
});
