// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core against the preview
// server (src/local/preview) on a temporary workbook made by the CLI in-process.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { runCli } from '../../src/local/cli/main';
import { openWorkbook } from '../../src/local/cli/session';
import { createAppsScript, instantToWallClock } from '../../src/local/gas';
import { startPreview, type Preview } from '../../src/local/preview';
import { loadIntoEmulation } from '../../src/local/xlsx';

export const CHROMIUM = '/usr/bin/chromium';
const IN_CI = process.env.CI === 'true';
const HAVE_CHROMIUM = existsSync(CHROMIUM);

if (!HAVE_CHROMIUM && IN_CI)
  throw new Error(
    `The browser tests need Chromium at ${CHROMIUM} and CI must run them: add "chromium" to .ci/apt-packages (apt-get install -y chromium).`,
  );
if (!HAVE_CHROMIUM)
  console.warn(
    `Skipping the browser tests: no Chromium at ${CHROMIUM} (install it with: apt-get install -y chromium).`,
  );
if (!existsSync('dist/Code.js') || !existsSync('dist/SellPackage.html'))
  throw new Error('The browser tests serve dist/: run `node build.mjs` first (npm test does).');

/** describe, skipped (outside CI only) when there is no Chromium. */
export const describeInBrowser = describe.skipIf(!HAVE_CHROMIUM);

export const SCREENSHOTS = 'test-artifacts/screenshots';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const quiet = { out: () => undefined, err: (s: string) => console.error(s), progress: () => undefined };

/** Runs a studio-ledger command line in-process; throws when it does not exit 0. */
export async function cli(args: string[]): Promise<void> {
  const errors: string[] = [];
  const code = await runCli(args, { ...quiet, err: (s) => errors.push(s) });
  if (code !== 0) throw new Error(`studio-ledger ${args.join(' ')} exited ${code}: ${errors.join(' ')}`);
}

export interface Studio {
  dir: string;
  workbook: string;
  preview: Preview;
  close(): Promise<void>;
}

/** A server function call to set the scene: [function, request] (the request names its `today`). */
export type Step = [fn: string, request: Record<string, unknown>];

/**
 * A temporary workbook with the demo studio (`studio-ledger init --demo` on 2016-09-09), then `steps`
 * run through the add-in and saved once, served by the preview as on `today`.
 */
export async function openStudio(today: string, steps: Step[] = []): Promise<Studio> {
  const dir = mkdtempSync(join(tmpdir(), 'studio-ledger-browser-'));
  const workbook = join(dir, 'studio.xlsx');
  await cli(['init', '--workbook', workbook, '--demo', '--today', '2016-09-09']);
  if (steps.length) {
    const session = await openWorkbook(workbook);
    for (const [fn, request] of steps) {
      const r = session.addin.call<{ ok: boolean; error?: string }>(fn, request);
      if (!r.ok) throw new Error(`${fn}(${JSON.stringify(request)}): ${r.error}`);
    }
    await session.save();
  }
  const preview = await startPreview({ workbook, port: 0, today });
  return {
    dir,
    workbook,
    preview,
    async close() {
      await preview.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What a page did that a person would notice: errors, dialogs (an alert from injected markup). */
export interface Watch {
  dialogs: string[];
  pageErrors: string[];
  consoleErrors: string[];
}

/** A 300 px wide context like the Sheets sidebar; Google's stylesheet fails fast, as offline. */
export async function sidebarContext(browser: Browser, width = 300): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: 'en-AU',
    timezoneId: 'Australia/Sydney',
    acceptDownloads: true,
    reducedMotion: 'reduce',
  });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort('internetdisconnected'));
  return context;
}

export function watch(page: Page): Watch {
  const w: Watch = { dialogs: [], pageErrors: [], consoleErrors: [] };
  page.on('dialog', (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  page.on('pageerror', (e) => w.pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // Google's add-on stylesheet cannot load offline; the pages carry a fallback.
    if (/gstatic\.com/.test(m.location().url) || /gstatic\.com/.test(m.text())) return;
    w.consoleErrors.push(m.text());
  });
  return w;
}

export function expectCalm(w: Watch): void {
  expect(w.dialogs, 'dialogs').toEqual([]);
  expect(w.pageErrors, 'uncaught errors in the page').toEqual([]);
  expect(w.consoleErrors, 'console errors').toEqual([]);
}

/** Opens /sidebar/<name> and waits for its script to have built the page (an h1). */
export async function openSidebar(page: Page, studio: Studio, name: string): Promise<void> {
  await page.goto(`${studio.preview.url}sidebar/${name}`, { waitUntil: 'domcontentloaded' });
  await page.locator('#app h1').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export type Row = Record<string, string | number | boolean>;

/**
 * The workbook file read back into a fresh emulation: a tab's rows below its header row as records by
 * header, dates as YYYY-MM-DD.
 */
export async function readBack(workbook: string): Promise<(tab: string, headerRow?: number) => Row[]> {
  const emu = createAppsScript();
  await loadIntoEmulation(workbook, emu);
  const zone = emu.spreadsheet.timeZone;
  return (tab, headerRow = 1) => {
    const sheet = emu.spreadsheet.getSheetByName(tab);
    if (!sheet) throw new Error(`no tab ${tab}`);
    const [header = [], ...rows] = sheet
      .getDataRange()
      .getValues()
      .slice(headerRow - 1);
    return rows
      .filter((r) => r.some((v) => v !== ''))
      .map((r) =>
        Object.fromEntries(
          header.map((h, i) => {
            const v = r[i];
            const plain =
              v instanceof Date ? instantToWallClock(v, zone).toISOString().slice(0, 10) : (v as Row[string]);
            return [String(h), plain];
          }),
        ),
      );
  };
}

/** expect.poll with room for a workbook load and save (the default gives up after a second). */
export function eventually<T>(fn: () => T | Promise<T>, timeout = 15_000) {
  return expect.poll(fn, { timeout, interval: 50 });
}
