// The 10,000,000-cell cap through the real bundle: set-up makes tabs only as wide as their columns,
// writes add no spare rows, and an action that would take the workbook past the cap is refused before
// its first write, saying how full the workbook is and which tabs are largest.
import { describe, expect, it } from 'vitest';
import { TABS } from '../../src/sheets/schema';
import { loadAddin, records, type Addin } from './harness';
import { ok, setUpStudio } from './studio';

function grid(addin: Addin, tab: string): [number, number] {
  const s = addin.sheet(tab);
  return [s.getMaxRows(), s.getMaxColumns()];
}

function cells(addin: Addin): number {
  return addin.emu.spreadsheet.getSheets().reduce((sum, s) => sum + s.getMaxRows() * s.getMaxColumns(), 0);
}

/** Cuts every tab's grid down to its last row (so any append must grow it). */
function trimRows(addin: Addin): void {
  for (const s of addin.emu.spreadsheet.getSheets()) {
    const last = Math.max(s.getLastRow(), s.getFrozenRows() + 1, 2);
    if (s.getMaxRows() > last) s.deleteRows(last + 1, s.getMaxRows() - last);
  }
}

describe('the cell cap', () => {
  it('set-up makes each new tab as wide as its columns, not 26', () => {
    const addin = loadAddin();
    ok(addin.run('setUpWorkbook', { today: '2016-09-09' }));
    expect(grid(addin, 'Log')).toEqual([1000, 3]);
    expect(grid(addin, 'Clients')[1]).toBe(TABS.clients.columns.length);
    expect(grid(addin, 'Invoices')[1]).toBe(TABS.invoices.columns.length);
    // The paste tab has no columns of its own: a report needs room.
    expect(grid(addin, 'DD Report')[1]).toBe(26);
  });

  it('an append past the last row adds exactly the rows it writes', () => {
    const addin = loadAddin();
    setUpStudio(addin);
    trimRows(addin);
    const [rows] = grid(addin, 'Invoices');
    ok(addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10-5F', today: '2016-09-13' }));
    expect(records(addin.tab('Invoices'))).toHaveLength(5);
    expect(grid(addin, 'Invoices')[0]).toBe(Math.max(rows, 6));
    expect(addin.sheet('Invoices').getLastRow()).toBe(addin.sheet('Invoices').getMaxRows());
  });

  it('a sale that would pass the cap is refused before anything is written, naming the largest tabs', () => {
    const addin = loadAddin();
    setUpStudio(addin);
    trimRows(addin);
    // A user's own tab fills the workbook to 30 cells short of the cap.
    const notes = addin.emu.spreadsheet.insertSheet('Notes');
    notes.deleteColumns(2, 25);
    notes.insertRowsAfter(1000, 10_000_000 - 30 - cells(addin));
    expect(cells(addin)).toBe(10_000_000 - 30);
    const before = ['Sales', 'Invoices', 'Allocations', 'Log'].map((t) => addin.tab(t));
    const r = addin.run<{ ok: boolean; error: string }>('sellPackage', {
      clientId: 'C-0001',
      packageCode: 'PT10-5F',
      today: '2016-09-13',
    });
    expect(r.ok).toBe(false);
    expect(r.error).toContain('Nothing was saved: Google Sheets allows 10,000,000 cells in a spreadsheet');
    expect(r.error).toContain('this one has 9,999,970 (99.9% full)');
    expect(r.error).toContain('saving needs 71 more (Invoices 68, Log 3)');
    expect(r.error).toContain('Largest tabs: Notes 9,999,473 (9,999,473 rows x 1 column), Clients 60');
    expect(r.error).not.toContain('\n');
    expect(['Sales', 'Invoices', 'Allocations', 'Log'].map((t) => addin.tab(t))).toEqual(before);
    expect(cells(addin)).toBe(10_000_000 - 30);
    // With room made, the same sale goes through.
    notes.deleteRows(2, 1000);
    ok(addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10-5F', today: '2016-09-13' }));
    expect(records(addin.tab('Invoices'))).toHaveLength(5);
  });
});
