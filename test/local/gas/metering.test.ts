// The emulation meters itself: cells read and written by outside calls, the reads' blocks, and the
// time spent inside the services (what the bench subtracts to get the add-in's own time).
import { describe, expect, it } from 'vitest';
import { createAppsScript } from '../../../src/local/gas';

function tab() {
  const emu = createAppsScript();
  const sheet = emu.spreadsheet.insertSheet('Invoices');
  return { emu, sheet };
}

describe('cell metering', () => {
  it('a getValues of a 3x4 range reads 12 cells and logs its block', () => {
    const { emu, sheet } = tab();
    emu.calls.reset();
    const got = sheet.getRange(2, 3, 3, 4).getValues();
    expect(got.length * got[0]!.length).toBe(12);
    expect(emu.calls.cellsRead()).toBe(12);
    expect(emu.calls.cellsWritten()).toBe(0);
    expect(emu.calls.valueReads()).toEqual([
      { sheet: 'Invoices', row: 2, column: 3, numRows: 3, numColumns: 4 },
    ]);
    expect(emu.calls.formulaReads()).toEqual([]);
  });

  it('a setValues of 2x5 writes 10 cells; single cells and appendRow count their own cells', () => {
    const { emu, sheet } = tab();
    emu.calls.reset();
    sheet.getRange(1, 1, 2, 5).setValues([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10],
    ]);
    expect(emu.calls.cellsWritten()).toBe(10);
    sheet.getRange(4, 1).setValue('x');
    sheet.getRange(5, 1, 1, 3).setNumberFormat('0.00');
    sheet.getRange(6, 1).setFormula('=A1+1');
    sheet.appendRow(['a', 'b', 'c', 'd']);
    expect(emu.calls.cellsWritten()).toBe(10 + 1 + 3 + 1 + 4);
    expect(emu.calls.cellsRead()).toBe(0);
    expect(sheet.getRange(7, 1, 1, 4).getValues()).toEqual([['a', 'b', 'c', 'd']]);
  });

  it('nested internal calls are not counted twice (appendRow writes through a range of its own)', () => {
    const { emu, sheet } = tab();
    emu.calls.reset();
    sheet.appendRow([1, 2, 3]);
    expect(emu.calls.cellsWritten()).toBe(3);
    expect(emu.calls.total()).toBe(1);
    // getDataRange works through the sheet's own lookups; only the outer getValues meters.
    emu.calls.reset();
    const values = sheet.getDataRange().getValues();
    expect(values).toEqual([[1, 2, 3]]);
    expect(emu.calls.cellsRead()).toBe(3);
    expect(emu.calls.valueReads()).toHaveLength(1);
  });

  it('formulas and formats reads count cells; formulas reads are listed apart from values reads', () => {
    const { emu, sheet } = tab();
    sheet.getRange(1, 1).setFormula('=1+1');
    emu.calls.reset();
    expect(sheet.getRange(1, 1, 2, 2).getFormulas()).toEqual([
      ['=1+1', ''],
      ['', ''],
    ]);
    sheet.getRange(1, 1, 1, 3).getNumberFormats();
    sheet.getRange(1, 1, 2, 1).getDisplayValues();
    expect(emu.calls.cellsRead()).toBe(4 + 3 + 2);
    expect(emu.calls.formulaReads()).toEqual([
      { sheet: 'Invoices', row: 1, column: 1, numRows: 2, numColumns: 2 },
    ]);
    expect(emu.calls.valueReads()).toEqual([
      { sheet: 'Invoices', row: 1, column: 1, numRows: 2, numColumns: 1 },
    ]);
  });

  it('a call that fails meters nothing', () => {
    const { emu, sheet } = tab();
    emu.calls.reset();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(/number of rows/);
    expect(emu.calls.cellsWritten()).toBe(0);
    expect(emu.calls.total()).toBe(2);
  });

  it('reset() zeroes calls, time, cells and the reads log', () => {
    const { emu, sheet } = tab();
    sheet.getRange(1, 1, 10, 10).setValues(Array.from({ length: 10 }, () => Array<number>(10).fill(7)));
    sheet.getRange(1, 1, 10, 10).getValues();
    sheet.getRange(1, 1, 10, 10).getFormulas();
    expect(emu.calls.cellsRead()).toBe(200);
    expect(emu.calls.cellsWritten()).toBe(100);
    expect(emu.calls.ms()).toBeGreaterThan(0);
    emu.calls.reset();
    expect(emu.calls.total()).toBe(0);
    expect(emu.calls.ms()).toBe(0);
    expect(emu.calls.cellsRead()).toBe(0);
    expect(emu.calls.cellsWritten()).toBe(0);
    expect(emu.calls.valueReads()).toEqual([]);
    expect(emu.calls.formulaReads()).toEqual([]);
  });
});
