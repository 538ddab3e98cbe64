// `studio-ledger self-check` on a real .xlsx: every check passes on the emulation (CI runs the probe),
// each with Google's reference; the probe tab is gone from the saved file and a Log row is in it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppsScript } from '../../src/local/gas';
import { loadIntoEmulation } from '../../src/local/xlsx';
import { cli, tab } from './cliRun';
import { ok } from './cliStudio';

describe('studio-ledger self-check', () => {
  it('passes every check on the emulation, prints expected and seen, and saves a Log row', async () => {
    const W = join(mkdtempSync(join(tmpdir(), 'sl-check-')), 'studio.xlsx');
    await ok(W, 'init', '--today', '2016-09-13');
    const r = await cli('self-check', '--workbook', W, '--today', '2016-09-13', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as {
      checks: { name: string; pass: boolean; reference: string }[];
      passed: number;
      total: number;
    };
    expect(report.checks.filter((c) => !c.pass)).toEqual([]);
    expect(report.passed).toBe(report.total);

    const text = await cli('self-check', '--workbook', W, '--today', '2016-09-13');
    expect(text.code).toBe(0);
    expect(text.out).toContain(`${report.total} of ${report.total} checks passed.`);
    expect(text.out).toMatch(/pass\s+Plain text \('@'\) keeps what looks like a formula, number or date/);
    expect(text.out).toContain(
      'https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()',
    );

    const log = await tab(W, 'Log');
    const details = log.map((row) => row[log[0]!.indexOf('Details')]);
    expect(details.at(-1)).toBe(`${report.total} of ${report.total} checks passed`);
    const emu = createAppsScript();
    await loadIntoEmulation(W, emu);
    expect(emu.spreadsheet.getSheetByName('_Studio Ledger check')).toBeNull();
  });
});
