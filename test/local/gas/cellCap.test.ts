// Sheets' 10,000,000-cell cap: every tab's grid counts, and growing past it is refused.
import { describe, expect, it } from 'vitest';
import { createAppsScript } from '../../../src/local/gas';

const REFUSAL =
  'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

describe('the cell cap', () => {
  it('refuses rows, columns, appendRow and new tabs past 10,000,000 cells, changing nothing', () => {
    const emu = createAppsScript();
    const book = emu.globals.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = book.getSheets()[0]!; // 1,000 x 26
    // 26 columns x 384,000 rows = 9,984,000 cells, 16,000 left.
    sheet.insertRowsAfter(1000, 383_000);
    expect(sheet.getMaxRows() * sheet.getMaxColumns()).toBe(9_984_000);
    expect(() => sheet.insertRowsAfter(1, 1000)).toThrow(REFUSAL);
    expect(() => sheet.insertRowsBefore(1, 1000)).toThrow(REFUSAL);
    expect(() => sheet.insertColumnsAfter(26, 1)).toThrow(REFUSAL);
    expect(() => book.insertSheet('More')).toThrow(REFUSAL);
    expect(sheet.getMaxRows()).toBe(384_000);
    expect(book.getSheets()).toHaveLength(1);
    // Up to the cap is fine.
    sheet.insertRowsAfter(1, 615);
    expect(sheet.getMaxRows() * sheet.getMaxColumns()).toBe(9_999_990);
    sheet.getRange(sheet.getMaxRows(), 1).setValue('last');
    expect(() => sheet.appendRow(['one more'])).toThrow(REFUSAL);
    // Deleting rows makes room again.
    sheet.deleteRows(2, 10);
    sheet.appendRow(['one more']);
    expect(sheet.getRange(sheet.getMaxRows(), 1).getValue()).toBe('one more');
  });
});
