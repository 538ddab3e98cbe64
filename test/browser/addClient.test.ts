// Add client in Chromium: a name that looks like markup stays text everywhere it is shown (the Sell
// package client list, the preview's tables), and a refused client leaves the workbook file untouched.
import { readFileSync, statSync } from 'node:fs';
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

const NAME = '<img src=x onerror=alert(1)>';

describeInBrowser('Add client sidebar in Chromium', () => {
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

  it('a name like markup is saved as typed and shown as text in the Sell sidebar and the tables', async () => {
    const page = await context.newPage();
    const w = watch(page);
    await openSidebar(page, studio, 'AddClient');
    await page.locator('#f-name').fill(NAME);
    await page.locator('#f-email').fill('img@example.com');
    await page.locator('#f-billingMethod').selectOption('Manual');
    await page.getByRole('button', { name: 'Add client' }).click();
    const status = page.getByRole('status');
    await eventually(() => status.textContent()).toBe(`Added ${NAME} as C-0006 (Manual).`);
    expect(await page.locator('img').count()).toBe(0);
    await screenshot(page, 'AddClient-added');

    const clients = (await readBack(studio.workbook))('Clients');
    expect(clients.find((c) => c['Client ID'] === 'C-0006')).toMatchObject({
      Name: NAME,
      'Billing Method': 'Manual',
    });

    await openSidebar(page, studio, 'SellPackage');
    await page.getByPlaceholder('Type a name or client ID').fill('onerror');
    const option = page.locator('[role="option"][data-client-id="C-0006"]');
    expect(await option.textContent()).toBe(`${NAME} (C-0006, Manual)`);
    expect(await page.locator('[role="option"]').count()).toBe(1);
    await option.click();
    expect(await page.getByTestId('chosen-client').textContent()).toBe(`Selected: ${NAME} (C-0006)`);
    expect(await page.locator('img').count()).toBe(0);

    for (const path of ['', 'tab/Clients', 'tab/Log']) {
      await page.goto(`${studio.preview.url}${path}`, { waitUntil: 'domcontentloaded' });
      const cell = page.locator('table.sheet td', { hasText: NAME }).first();
      await cell.waitFor();
      expect(await page.locator('img').count(), path).toBe(0);
      expect(await page.locator('table.sheet img').count(), path).toBe(0);
    }
    // The index page's frame holds a sidebar too: no image there either.
    await page.goto(studio.preview.url, { waitUntil: 'load' });
    const frame = page.frameLocator('iframe.sidebar-frame');
    await frame.locator('#app h1').waitFor();
    expect(await frame.locator('img').count()).toBe(0);
    expectCalm(w);
    await page.close();
  });

  it('a refused client shows the reason on its field and leaves the workbook file as it was', async () => {
    const before = readFileSync(studio.workbook);
    const mtime = statSync(studio.workbook).mtimeMs;
    const page = await context.newPage();
    const w = watch(page);
    await openSidebar(page, studio, 'AddClient');
    await page.locator('#f-name').fill('Bad Bank');
    await page.locator('#f-billingMethod').selectOption('DD Full Integration');
    await page.locator('#f-bsb').fill('12');
    await page.locator('#f-accountNumber').fill('123456');
    await page.getByRole('button', { name: 'Add client' }).click();
    const error = page.locator('[data-error-for="bsb"]');
    await eventually(() => error.textContent()).toMatch(/BSB/);
    expect(await page.getByRole('status').getAttribute('class')).toContain('error');
    await screenshot(page, 'AddClient-refused');
    expect(statSync(studio.workbook).mtimeMs).toBe(mtime);
    expect(readFileSync(studio.workbook).equals(before)).toBe(true);
    expectCalm(w);
    await page.close();
  });
});
