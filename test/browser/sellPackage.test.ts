// Selling each kind of package through the Sell package sidebar in Chromium, on the seed's dates, and
// reading the rows back from the saved workbook.
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
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

/** The preview table's rows as [description or ID, due, amount]. */
async function tableRows(scope: Page | Frame, testId: string): Promise<string[][]> {
  return scope
    .locator(`[data-testid="${testId}"] tbody tr`)
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

/** Picks the client by typing in the search box and clicking the option, then the package. */
async function choose(scope: Page | Frame, search: string, clientId: string, pkg: string): Promise<void> {
  await scope.getByPlaceholder('Type a name or client ID').fill(search);
  const option = scope.locator(`[role="option"][data-client-id="${clientId}"]`);
  await option.click();
  await eventually(() => option.getAttribute('aria-selected')).toBe('true');
  await scope.locator('#f-packageCode').selectOption(pkg);
}

async function save(scope: Page | Frame): Promise<string> {
  const button = scope.getByRole('button', { name: 'Save', exact: true });
  await eventually(() => button.isEnabled()).toBe(true);
  await button.click();
  const status = scope.locator('.status.ok');
  await status.waitFor();
  const text = (await status.textContent()) ?? '';
  const saleId = /Saved (S-\d+)/.exec(text)?.[1];
  expect(saleId, text).toBeDefined();
  return saleId!;
}

describeInBrowser('Sell package sidebar in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let studio: Studio;

  beforeAll(async () => {
    studio = await openStudio('2016-09-13');
    browser = await launchBrowser();
    context = await sidebarContext(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await studio?.close();
  });

  it('paid in full: one invoice for the whole price due on the sale date, every session at the sale', async () => {
    const page = await context.newPage();
    const w = watch(page);
    await openSidebar(page, studio, 'SellPackage');
    await choose(page, 'sam', 'C-0004', 'PT10');
    expect(await page.getByTestId('chosen-client').textContent()).toBe('Selected: Sam Lee (C-0004)');
    await eventually(() => tableRows(page, 'invoice-preview')).toEqual([
      [expect.stringContaining('PT'), 'Tue 13 Sep 2016', '$500.00'],
    ]);
    expect(await tableRows(page, 'allocation-preview')).toEqual([['Tue 13 Sep 2016', '10']]);
    await screenshot(page, 'SellPackage-paid-in-full');
    const saleId = await save(page);

    const tab = await readBack(studio.workbook);
    const sale = tab('Sales').find((s) => s['Sale ID'] === saleId)!;
    expect(sale).toMatchObject({
      'Client ID': 'C-0004',
      'Package Code': 'PT10',
      Kind: 'Paid in full',
      'Sale Date': '2016-09-13',
      'Start Date': '2016-09-13',
      'Due Date': '2016-09-13',
      Total: 500,
      Sessions: 10,
    });
    const invoices = tab('Invoices').filter((i) => i['Sale ID'] === saleId);
    expect(invoices.map((i) => [i['Client ID'], i['Due Date'], i.Amount, i.Status])).toEqual([
      ['C-0004', '2016-09-13', 500, 'Open'],
    ]);
    const allocations = tab('Allocations').filter((a) => a['Sale ID'] === saleId);
    expect(allocations.map((a) => [a['Client ID'], a.Date, a.Sessions])).toEqual([
      ['C-0004', '2016-09-13', 10],
    ]);
    expectCalm(w);
    await page.close();
  });

  it('instalments: the seed example, $1,100 as 5 x $220 fortnightly from Tue 13 Sep 2016', async () => {
    const page = await context.newPage();
    const w = watch(page);
    await openSidebar(page, studio, 'SellPackage');
    await choose(page, 'C-0001', 'C-0001', 'PT10-5F');
    expect(await page.locator('label[for="f-startDate"]').textContent()).toBe('Package start date');
    // The default is the next billing day (Fri 16 Sep); the seed starts the package on Tue 13 Sep.
    expect(await page.locator('#f-startDate').inputValue()).toBe('2016-09-16');
    await page.locator('#f-startDate').fill('2016-09-13');
    const due = [
      'Tue 13 Sep 2016',
      'Tue 27 Sep 2016',
      'Tue 11 Oct 2016',
      'Tue 25 Oct 2016',
      'Tue 8 Nov 2016',
    ];
    await eventually(() => tableRows(page, 'invoice-preview')).toEqual(
      due.map((d) => [expect.any(String), d, '$220.00']),
    );
    expect(await tableRows(page, 'allocation-preview')).toEqual([['Tue 13 Sep 2016', '10']]);
    expect(await page.locator('[data-testid="preview"] h2').textContent()).toBe(
      'Preview (5 invoices, $1,100.00)',
    );
    await screenshot(page, 'SellPackage-instalments');
    const saleId = await save(page);
    expect(await tableRows(page, 'invoice-preview')).toHaveLength(5);

    const tab = await readBack(studio.workbook);
    expect(tab('Sales').find((s) => s['Sale ID'] === saleId)).toMatchObject({
      'Client ID': 'C-0001',
      Kind: 'Instalments',
      'Start Date': '2016-09-13',
      Total: 1100,
      Instalments: 5,
      Frequency: 'Fortnightly',
    });
    const invoices = tab('Invoices').filter((i) => i['Sale ID'] === saleId);
    expect(invoices.map((i) => [i.Instalment, i['Due Date'], i.Amount, i.Status])).toEqual([
      [1, '2016-09-13', 220, 'Open'],
      [2, '2016-09-27', 220, 'Open'],
      [3, '2016-10-11', 220, 'Open'],
      [4, '2016-10-25', 220, 'Open'],
      [5, '2016-11-08', 220, 'Open'],
    ]);
    const allocations = tab('Allocations').filter((a) => a['Sale ID'] === saleId);
    expect(allocations.map((a) => [a.Date, a.Sessions])).toEqual([['2016-09-13', 10]]);
    expectCalm(w);
    await page.close();
  });

  it('recurring, in the index page frame: first invoice on the billing start date, first lot at the sale; the tables follow', async () => {
    const wide = await sidebarContext(browser, 1280);
    const page = await wide.newPage();
    const w = watch(page);
    await page.goto(`${studio.preview.url}#SellPackage`, { waitUntil: 'domcontentloaded' });
    const frame = await (await page.locator('iframe.sidebar-frame').elementHandle())!.contentFrame();
    if (!frame) throw new Error('no sidebar frame');
    await frame.waitForURL(/\/sidebar\/SellPackage$/);
    await frame.locator('#app h1').waitFor();
    const box = await page.locator('iframe.sidebar-frame').boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(300);
    expect(box?.width).toBeLessThanOrEqual(302);

    await choose(frame, 'Chris', 'C-0002', 'PT2W');
    expect(await frame.locator('label[for="f-startDate"]').textContent()).toBe('Billing start date');
    expect(await frame.locator('#f-startDate').inputValue()).toBe('2016-09-16');
    await eventually(() => tableRows(frame, 'invoice-preview')).toEqual([
      [expect.any(String), 'Fri 16 Sep 2016', '$160.00'],
    ]);
    expect(await tableRows(frame, 'allocation-preview')).toEqual([['Tue 13 Sep 2016', '4']]);
    const saleId = await save(frame);

    // The index page reloads its tables after the saved change, without a page reload.
    const salesTable = page.locator('section[data-tab="Sales"] table');
    await eventually(() => salesTable.textContent()).toContain(saleId);
    expect(await salesTable.locator('tr', { hasText: saleId }).textContent()).toContain('2016-09-16');
    await screenshot(page, 'index-after-recurring-sale');

    const tab = await readBack(studio.workbook);
    expect(tab('Sales').find((s) => s['Sale ID'] === saleId)).toMatchObject({
      'Client ID': 'C-0002',
      Kind: 'Recurring',
      'Sale Date': '2016-09-13',
      'Start Date': '2016-09-16',
      Sessions: 4,
    });
    const invoices = tab('Invoices').filter((i) => i['Sale ID'] === saleId);
    expect(invoices.map((i) => [i['Due Date'], i.Amount, i.Status])).toEqual([['2016-09-16', 160, 'Open']]);
    const allocations = tab('Allocations').filter((a) => a['Sale ID'] === saleId);
    expect(allocations.map((a) => [a.Date, a.Sessions])).toEqual([['2016-09-13', 4]]);
    expectCalm(w);
    await wide.close();
  });
});
