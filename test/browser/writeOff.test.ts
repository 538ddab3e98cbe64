// Write off in Chromium through the preview's bridge to the real bundle: Sam's $500 written off with a
// reason (saved to the workbook file), then undone from the list of write-offs.
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

describeInBrowser('Write off sidebar in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let studio: Studio;

  beforeAll(async () => {
    // Sam (C-0004, Manual) owes $500 due Tue 13 Sep: INV-000001.
    studio = await openStudio('2016-10-01', [
      ['sellPackage', { clientId: 'C-0004', packageCode: 'PT10', today: '2016-09-13' }],
    ]);
    browser = await launchBrowser();
    context = await sidebarContext(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await studio?.close();
  });

  it('writes an invoice off with its reason, saved to the file, then Undo makes it Open again', async () => {
    const page = await context.newPage();
    const w = watch(page);
    await openSidebar(page, studio, 'WriteOff');
    await page.locator('#f-clientId').selectOption('C-0004');
    await page.locator('#f-invoiceId').selectOption('INV-000001');
    await page.locator('#f-reason').fill('Moved overseas');
    expect(await page.locator('#f-date').inputValue()).toBe('2016-10-01');
    await page.getByRole('button', { name: 'Write off' }).click();
    const status = page.getByRole('status').first();
    await eventually(() => status.textContent()).toBe(
      'Wrote off INV-000001: $500.00 is no longer owed by Sam Lee.',
    );
    await page.locator('[data-written-off="INV-000001"]').waitFor();
    await screenshot(page, 'WriteOff-written-off');

    let invoices = (await readBack(studio.workbook))('Invoices');
    expect(invoices.find((i) => i['Invoice ID'] === 'INV-000001')).toMatchObject({
      Status: 'Written off',
      'Write-off Reason': 'Moved overseas',
      'Write-off Date': '2016-10-01',
    });

    await page.getByRole('button', { name: 'Undo the write-off of INV-000001' }).click();
    await eventually(() => status.textContent()).toBe('INV-000001 is Open again: $500.00 owed.');
    invoices = (await readBack(studio.workbook))('Invoices');
    expect(invoices.find((i) => i['Invoice ID'] === 'INV-000001')).toMatchObject({
      Status: 'Open',
      'Write-off Reason': '',
    });
    expectCalm(w);
  });
});
