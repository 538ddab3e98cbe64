// Record payment or refund in Chromium, on the preview server's workbook: Sam (Manual) pays cash at the
// desk for his $500 package with $100 over, then $100 is refunded; the rows land on the Payments tab.
import type { Browser, BrowserContext } from 'playwright-core';
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
  type Studio,
} from './harness';

describeInBrowser('Record payment or refund sidebar in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let studio: Studio;

  beforeAll(async () => {
    studio = await openStudio('2016-09-20', [
      ['sellPackage', { clientId: 'C-0004', packageCode: 'PT10', today: '2016-09-13' }],
    ]);
    browser = await launchBrowser();
    context = await sidebarContext(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await studio?.close();
  });

  it('records a cash payment, then refunds part of it', async () => {
    const page = await context.newPage();
    const w = watch(page);
    await openSidebar(page, studio, 'RecordPayment');
    await page.locator('#f-clientId').selectOption('C-0004');
    await eventually(() => page.getByTestId('desk-summary').textContent()).toBe(
      'Sam Lee (Manual): $500.00 in 1 invoice; credit $0.00.',
    );
    await page.locator('#f-amount').fill('600');
    await page.locator('#f-reference').fill('Receipt book 7');
    await page.getByRole('button', { name: 'Preview' }).first().click();
    await eventually(() => page.getByTestId('payment-preview').locator('li').allTextContents()).toEqual([
      'Pays INV-000001 10 x PT — paid in full: $500.00 (Paid)',
      'Kept as credit: $100.00',
      'Credit after: $100.00',
    ]);
    await page.getByRole('button', { name: 'Record payment' }).click();
    const status = page.getByRole('status');
    await eventually(() => status.textContent()).toBe(
      'Recorded R-000001: $600.00 Cash from Sam Lee on Tue 20 Sep 2016.',
    );
    await screenshot(page, 'RecordPayment-recorded');

    await eventually(() => page.locator('#f-refundOf option').count()).toBe(2);
    await page.locator('#f-refundOf').selectOption('R-000001');
    await page.locator('#f-refundAmount').fill('100');
    await page.locator('#f-refundReason').fill('Overpaid');
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    await eventually(() => status.textContent()).toBe(
      'Refunded R-000002: $100.00 of R-000001 given back to Sam Lee on Tue 20 Sep 2016.',
    );

    const payments = (await readBack(studio.workbook))('Payments');
    expect(
      payments.map((p) => [p['Invoice ID'], p.Amount, p.Method, p['Receipt ID'], p['Refund Of']]),
    ).toEqual([
      ['INV-000001', 500, 'Cash', 'R-000001', ''],
      ['', 100, 'Cash', 'R-000001', ''],
      ['', -100, 'Refund', 'R-000002', 'R-000001'],
    ]);
    expectCalm(w);
    await page.close();
  });
});
