// Check this spreadsheet, run against the emulation as CI does: every check passes (their expected
// values are Google's, so a failure here is an emulation that disagrees with the reference), the
// temporary tab is gone afterwards, nothing is left in document properties, and a Log row says so.
import { describe, expect, it } from 'vitest';
import { loadAddin, records } from './harness';
import { setUpStudio, ok } from './studio';

interface Report {
  checks: { name: string; pass: boolean; expected: string; seen: string; reference: string }[];
  passed: number;
  total: number;
}

describe('Check this spreadsheet', () => {
  it('every check passes on the emulation; the probe tab and property are gone; one Log row', () => {
    const addin = loadAddin();
    setUpStudio(addin);
    const tabs = addin.emu.spreadsheet.getSheets().map((s) => s.getName());
    const props = new Map(addin.emu.properties.document);
    const r = ok<Report>(addin.run('runSelfCheck', { today: '2016-09-13' }));
    expect(r.checks.filter((c) => !c.pass)).toEqual([]);
    expect(r.passed).toBe(r.total);
    expect(r.total).toBeGreaterThanOrEqual(12);
    for (const c of r.checks) expect(c.reference).toMatch(/^https:\/\/(developers|support)\.google\.com\//);
    expect(addin.emu.spreadsheet.getSheets().map((s) => s.getName())).toEqual(tabs);
    // The probe property is gone; only the commit stamp of the check's Log row moved on.
    const after = new Map(addin.emu.properties.document);
    const stamp = 'studioLedger.ledgerStamp';
    expect(Number(after.get(stamp))).toBe(Number(props.get(stamp) ?? 0) + 1);
    after.delete(stamp);
    props.delete(stamp);
    expect(after).toEqual(props);
    const log = records(addin.tab('Log')).at(-1)!;
    expect([log.Action, log.Details]).toEqual([
      'Check this spreadsheet',
      `${r.total} of ${r.total} checks passed`,
    ]);
  });

  it('a workbook at the 10 million cell cap: the checks that fail say what was expected and seen', () => {
    const addin = loadAddin();
    setUpStudio(addin);
    // One more tab, one column wide, as long as it takes to fill the workbook to the cap exactly.
    const ss = addin.emu.spreadsheet;
    const big = ss.insertSheet('Big');
    big.deleteColumns(2, big.getMaxColumns() - 1);
    const used = ss.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
    big.insertRowsAfter(big.getMaxRows(), 10_000_000 - used);
    const r = ok<Report>(addin.run('runSelfCheck', { today: '2016-09-13' }));
    expect(r.checks.map((c) => [c.name, c.pass])).toEqual([
      ['A temporary tab for the probe can be made', false],
      ['Cells left before the 10 million cell cap', false],
    ]);
    expect(r.checks[0]!.seen).toMatch(/^not made: .*10000000 cells/);
    expect(r.checks[1]).toMatchObject({
      expected: 'fewer than 10,000,000 cells',
      seen: `10,000,000 cells in ${ss.getSheets().length} tabs; 0 left`,
    });
    expect(ss.getSheetByName('_Studio Ledger check')).toBeNull();
    expect(records(addin.tab('Log')).at(-1)!.Details).toBe(
      '0 of 2 checks passed; failed: A temporary tab for the probe can be made; Cells left before the 10 million cell cap',
    );
  });

  it('from the menu: Help > Check this spreadsheet shows every check in a dialog', () => {
    const addin = loadAddin();
    setUpStudio(addin);
    addin.run('showSelfCheck');
    const dialog = addin.emu.ui.dialogs.at(-1)!;
    expect(dialog.title).toBe('Check this spreadsheet');
    expect(dialog.html).toMatch(/(\d+) of \1 checks passed/);
    expect(dialog.html).toContain('Plain text (&#39;@&#39;) keeps what looks like a formula, number or date');
  });
});
