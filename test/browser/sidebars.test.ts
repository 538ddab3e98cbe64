// Every sidebar and dialog in dist/ opens in a 300 px Chromium window through the preview's bridge,
// loads its data from the server functions without an error, fits the width, and is photographed
// (test-artifacts/screenshots/<Name>.png).
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listSidebars } from '../../src/local/preview';
import {
  describeInBrowser,
  expectCalm,
  launchBrowser,
  openSidebar,
  openStudio,
  screenshot,
  sidebarContext,
  watch,
  type Studio,
} from './harness';

const SIDEBARS = listSidebars('dist');

describeInBrowser('Every sidebar in Chromium', () => {
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

  it('serves the four sidebars of the first release at least', () => {
    expect(SIDEBARS).toEqual(
      expect.arrayContaining(['SellPackage', 'AddClient', 'AdHocInvoice', 'ProcessBilling']),
    );
  });

  it('google.script.run in the page: handlers chain, a refused function reaches the failure handler', async () => {
    const page = await context.newPage();
    const w = watch(page);
    await openSidebar(page, studio, 'AddClient');
    const out = await page.evaluate(() => {
      type Run = Record<string, (...a: unknown[]) => Run>;
      const g = (window as unknown as { google: { script: { run: Run; host: { close(): void } } } }).google;
      const ask = (fn: string, ...args: unknown[]) =>
        new Promise<unknown>((resolve) => {
          g.script.run.withFailureHandler!((e: unknown, o: unknown) =>
            resolve({ failed: (e as Error).message, o }),
          ).withSuccessHandler!((v: unknown, o: unknown) => resolve({ value: v, o })).withUserObject!('mine')[
            fn
          ]!(...args);
        });
      g.script.host.close();
      return Promise.all([ask('getSellForm'), ask('onOpen'), ask('noSuchFunction')]);
    });
    const [form, onOpen, missing] = out as { value?: { ok: boolean }; failed?: string; o: string }[];
    expect(form).toMatchObject({ value: { ok: true }, o: 'mine' });
    expect(onOpen?.failed).toMatch(/onOpen/);
    expect(missing?.failed).toMatch(/noSuchFunction/);
    expect(missing?.o).toBe('mine');
    // Chromium logs the two refused calls' 400s; nothing else went wrong.
    expectCalm({ ...w, consoleErrors: w.consoleErrors.filter((e) => !/status of 400/.test(e)) });
    await page.close();
  });

  it.each(SIDEBARS)('%s loads through google.script.run, fits 300 px, no errors', async (name) => {
    const page = await context.newPage();
    const w = watch(page);
    await openSidebar(page, studio, name);
    await page.waitForLoadState('networkidle');
    // Still loading, or a server error in the status line, would show here.
    const status = page.locator('#app .status.error');
    expect(await status.count(), (await status.allTextContents()).join(' ')).toBe(0);
    expect(await page.locator('#app').textContent()).not.toMatch(/Loading…/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    await screenshot(page, name);
    expectCalm(w);
    await page.close();
  });
});
