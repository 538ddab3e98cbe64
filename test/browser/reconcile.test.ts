// Reconcile DD report in Chromium: paste the DD company's report for a sent batch, preview what each row
// does, apply it, and read the invoices, payments and dishonour fee back from the workbook. A row that
// changes nothing (pending) is counted in one line, not listed: the Reconciliation tab has it.
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

// Jane and Priya (DD Full Integration) each owe a $220 instalment on Fri 16 Sep 2016, sent in B-000001.
const SENT_BATCH: Step[] = [
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
];

// Ezidebit's payments export: Jane's debit succeeded, Priya's was dishonoured, Jane's next one is pending.
const REPORT = [
  'PaymentID,PaymentReference,YourSystemReference,YourGeneralReference,EzidebitCustomerID,CustomerName,DebitDate,SettlementDate,ScheduledAmount,PaymentAmount,TransactionFeeClient,TransactionFeeCustomer,PaymentMethod,PaymentSource,PaymentStatus,BankReturnCode,BankFailedReason,BankReceiptID,InvoiceID',
  'SCHEDULED-200001-20160916,HPT-JANE,C-0001,,200001,"Citizen, Jane",16/09/2016,19/09/2016,220.00,220.00,0.99,0.00,DR,SCHEDULED,S,,,88300001,0',
  'SCHEDULED-200005-20160916,HPT-PRIYA,C-0005,,200005,"Shah, Priya",16/09/2016,,220.00,220.00,0.99,0.00,DR,SCHEDULED,D,06,Refer to customer,,0',
  'SCHEDULED-200001-20160930,HPT-JANE,C-0001,,200001,"Citizen, Jane",30/09/2016,,220.00,220.00,0.99,0.00,DR,SCHEDULED,P,,,,0',
].join('\n');

const QUIET_LINE =
  '1 row(s) that change nothing (already applied or paid, pending, not a payment) are listed on the Reconciliation tab only.';

async function resultRows(page: Page): Promise<string[][]> {
  return page
    .locator('[data-testid="reconcile-results"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

describeInBrowser('Reconcile DD report sidebar in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let studio: Studio;

  beforeAll(async () => {
    studio = await openStudio('2016-09-20', SENT_BATCH);
    browser = await launchBrowser();
    context = await sidebarContext(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await studio?.close();
  });

  it('pastes an Ezidebit report, previews it without touching invoices, then applies it', async () => {
    const page = await context.newPage();
    const w = watch(page);
    await openSidebar(page, studio, 'Reconcile');
    await page.getByRole('textbox', { name: 'Report' }).fill(REPORT);
    const status = page.getByRole('status');
    const apply = page.getByRole('button', { name: 'Apply', exact: true });
    expect(await apply.isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await eventually(() => status.textContent()).toBe(
      'Preview written to the Reconciliation tab. Nothing is applied yet.',
    );
    const preview = await resultRows(page);
    // The pending row 4 has no table row: the heading counts it, and one line says where it is.
    expect(preview.map((r) => r.slice(0, 3))).toEqual([
      ['2', 'PaidC-0001', '$220.00'],
      ['3', 'DeclinedC-0005', '$220.00'],
    ]);
    const results = page.locator('[data-testid="reconcile-results"]');
    expect(await results.locator('h2').textContent()).toBe('Preview: ezidebit report, 3 row(s)');
    expect(await results.locator('[data-testid="reconcile-quiet"]').textContent()).toBe(QUIET_LINE);
    expect(await results.locator('tr[data-outcome="Pending: no change"]').count()).toBe(0);
    let invoices = (await readBack(studio.workbook))('Invoices');
    expect(invoices.filter((i) => i.Status === 'Sent').map((i) => i['Client ID'])).toEqual([
      'C-0001',
      'C-0005',
    ]);
    await screenshot(page, 'Reconcile-preview');

    await eventually(() => apply.isEnabled()).toBe(true);
    await apply.click();
    await eventually(() => status.textContent()).toMatch(
      /^Applied: 2 payment row\(s\), 1 dishonour fee\(s\)\./,
    );
    expect(await results.locator('h2').textContent()).toBe('Applied: ezidebit report, 3 row(s)');
    expect((await resultRows(page)).map((r) => r[0])).toEqual(['2', '3']);
    expect(await results.locator('[data-testid="reconcile-quiet"]').textContent()).toBe(QUIET_LINE);
    await screenshot(page, 'Reconcile-applied');

    const tab = await readBack(studio.workbook);
    // The Reconciliation tab (its header on row 3) lists every row, the pending one too.
    expect(tab('Reconciliation', 3).map((r) => [r['Report Row'], r.Outcome, r['Client ID'], r.Note])).toEqual(
      [
        [2, 'Paid', 'C-0001', expect.stringMatching(/^Matched by /)],
        [3, 'Declined', 'C-0005', expect.stringMatching(/^Matched by /)],
        [4, 'Pending: no change', '', 'Waiting on the bank; reconcile a later report'],
      ],
    );
    invoices = tab('Invoices');
    const due16 = (client: string) =>
      invoices
        .filter((i) => i['Client ID'] === client && i['Due Date'] === '2016-09-16')
        .map((i) => [i.Description, i.Amount, i.Status]);
    expect(due16('C-0001')).toEqual([[expect.any(String), 220, 'Paid']]);
    expect(due16('C-0005')).toEqual([[expect.not.stringMatching(/^Dishonour fee/), 220, 'Declined']]);
    // The report gives no settlement date for the dishonour: it was reported when it was read (20 Sep).
    expect(
      invoices
        .filter((i) => String(i.Description).startsWith('Dishonour fee'))
        .map((i) => [i['Client ID'], i['Due Date'], i.Amount, i.Status]),
    ).toEqual([['C-0005', '2016-09-20', 15, 'Open']]);
    // Jane's payment, and the row recording Priya's declined debit (nothing had been paid to take back).
    expect(tab('Payments').map((p) => [p['Client ID'], p.Amount, p.Method, p.Date])).toEqual([
      ['C-0001', 220, 'DD report', '2016-09-16'],
      ['C-0005', 0, 'Decline', '2016-09-20'],
    ]);
    // The preview announced the very fee apply made: it reserved no ID.
    const fee = invoices.find((i) => String(i.Description).startsWith('Dishonour fee'))!;
    expect(preview[1]![3]).toContain(`dishonour fee ${String(fee['Invoice ID'])} $15.00`);
    expectCalm(w);
    await page.close();
  });
});
