// `init --demo` puts the demo studio into a new workbook only: a second run on the demo workbook
// changes nothing, a workbook with records is refused, and settings already in a workbook are kept.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppsScript } from '../../src/local/gas';
import { loadIntoEmulation, saveFromEmulation } from '../../src/local/xlsx';
import { cli, tab } from './cliRun';

const dir = mkdtempSync(join(tmpdir(), 'studio-ledger-init-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const body = (rows: string[][]) => rows.slice(1).filter((r) => r.some((c) => c !== ''));
const setting = (rows: string[][], key: string) => rows.find((r) => r[0] === key)?.[1];

describe('studio-ledger init --demo', () => {
  it('a second init --demo on the demo workbook changes nothing and exits 0', async () => {
    const W = join(dir, 'demo.xlsx');
    expect((await cli('init', '--workbook', W, '--demo', '--today', '2016-09-09')).code).toBe(0);
    const before = readFileSync(W);
    const again = await cli('init', '--workbook', W, '--demo', '--today', '2016-09-10');
    expect(again).toEqual({ code: 0, out: `${W} already holds the demo studio; nothing changed.`, err: '' });
    expect(readFileSync(W).equals(before)).toBe(true);
    expect(body(await tab(W, 'Clients')).map((r) => r[0])).toEqual([
      'C-0001',
      'C-0002',
      'C-0003',
      'C-0004',
      'C-0005',
    ]);
    expect(body(await tab(W, 'Packages')).map((r) => r[0])).toEqual(['PT10', 'PT10-5F', 'PT2W']);
  });

  it('refuses demo data for a workbook with records (a client added, or a sale on the demo studio)', async () => {
    const inUse = join(dir, 'in-use.xlsx');
    expect((await cli('init', '--workbook', inUse, '--today', '2016-09-09')).code).toBe(0);
    expect((await cli('add-client', '--workbook', inUse, '--name', 'Robin Hale')).code).toBe(0);
    const sold = join(dir, 'sold.xlsx');
    expect((await cli('init', '--workbook', sold, '--demo', '--today', '2016-09-09')).code).toBe(0);
    const sale = [
      'sell',
      '--workbook',
      sold,
      '--client',
      'C-0004',
      '--package',
      'PT10',
      '--today',
      '2016-09-13',
    ];
    expect((await cli(...sale)).code).toBe(0);
    for (const [W, tabs] of [
      [inUse, 'Clients (1 row)'],
      [sold, 'Clients (5 rows), Packages (3 rows), Sales (1 row), Invoices (1 row), Allocations (1 row)'],
    ] as const) {
      const before = readFileSync(W);
      const r = await cli('init', '--workbook', W, '--demo', '--today', '2016-09-20');
      expect(r.code, W).toBe(1);
      expect(r.err).toBe(
        `studio-ledger init: ${W} already holds records (${tabs}): demo data goes into a new workbook only.`,
      );
      expect(readFileSync(W).equals(before), W).toBe(true);
    }
  });

  it("never changes a setting the workbook already has: the studio's name and account stay", async () => {
    const W = join(dir, 'own-settings.xlsx');
    expect((await cli('init', '--workbook', W, '--today', '2016-09-09')).code).toBe(0);
    // The owner types in their studio's details, as they would in the sheet.
    const emu = createAppsScript();
    await loadIntoEmulation(W, emu);
    const range = emu.spreadsheet.getSheetByName('Settings')!.getDataRange();
    const values = range.getValues();
    for (const r of values) {
      if (r[0] === 'Business Name') r[1] = 'Pilates Loft';
      if (r[0] === 'Studio Account Number') r[1] = '00998877';
    }
    range.setValues(values);
    await saveFromEmulation(W, emu);

    const r = await cli('init', '--workbook', W, '--demo', '--today', '2016-09-10');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Demo studio: Harbour PT, packages PT10, PT10-5F, PT2W, clients C-0001');
    expect(r.out).toMatch(
      /Kept the workbook's own settings \(not the demo's\): Business Name, .*Studio Account Number/,
    );
    const settings = await tab(W, 'Settings');
    expect(setting(settings, 'Business Name')).toBe('Pilates Loft');
    expect(setting(settings, 'Studio Account Number')).toBe('00998877');
    expect(setting(settings, 'ABA User ID')).toBe('');
    expect(body(await tab(W, 'Clients'))).toHaveLength(5);
  });

  it('a new workbook gets the demo settings', async () => {
    const W = join(dir, 'fresh.xlsx');
    const r = await cli('init', '--workbook', W, '--demo', '--today', '2016-09-09');
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('Kept');
    const settings = await tab(W, 'Settings');
    expect(setting(settings, 'Business Name')).toBe('Harbour PT');
    expect(setting(settings, 'Studio Account Number')).toBe('123456');
  });
});
