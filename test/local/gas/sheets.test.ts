import { describe, expect, it } from 'vitest';
import { createAppsScript, Enums } from '../../../src/local/gas';

function setup() {
  const emu = createAppsScript();
  const ss = emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.insertSheet('Data');
  return { emu, ss, sheet, app: emu.globals.SpreadsheetApp };
}

describe('spreadsheet and sheets', () => {
  it('starts with Sheet1; a new sheet is 1000 x 26; SpreadsheetApp returns the same spreadsheet', () => {
    const emu = createAppsScript();
    const { SpreadsheetApp } = emu.globals;
    expect(SpreadsheetApp.getActive()).toBe(emu.spreadsheet);
    expect(SpreadsheetApp.getActiveSpreadsheet()).toBe(emu.spreadsheet);
    expect(emu.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    const sheet = emu.spreadsheet.insertSheet('Clients');
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow(), sheet.getLastColumn()]).toEqual([
      1000, 26, 0, 0,
    ]);
    expect(emu.spreadsheet.getSheetByName('Clients')).toBe(sheet);
    expect(emu.spreadsheet.getSheetByName('Nope')).toBeNull();
    expect(emu.spreadsheet.getSheetById(sheet.getSheetId())).toBe(sheet);
    expect(emu.spreadsheet.getSheets()[0]!.getSheetId()).toBe(0);
  });

  it('insertSheet refuses a name that exists (ignoring case), with Google message; index places it', () => {
    const { ss } = setup();
    expect(() => ss.insertSheet('data')).toThrow(
      'A sheet with the name "data" already exists. Please enter another name.',
    );
    ss.insertSheet('First', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['First', 'Sheet1', 'Data']);
    expect(ss.insertSheet().getName()).toBe('Sheet4');
    const data = ss.getSheetByName('Data')!;
    expect(() => ss.getSheetByName('First')!.setName('DATA')).toThrow(/already exists/);
    data.setName('Renamed');
    expect(data.getName()).toBe('Renamed');
  });

  it('deleteSheet removes it; the last sheet cannot be deleted or hidden', () => {
    const { ss, sheet } = setup();
    ss.deleteSheet(ss.getSheetByName('Sheet1')!);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Data']);
    expect(() => ss.deleteSheet(sheet)).toThrow();
    expect(() => sheet.hideSheet()).toThrow();
    const other = ss.insertSheet('Other');
    other.hideSheet();
    expect(other.isSheetHidden()).toBe(true);
  });

  it('toast is recorded', () => {
    const { emu, ss } = setup();
    ss.toast('Saved', 'Studio Ledger', 5);
    ss.toast('Hi');
    expect(emu.ui.toasts).toEqual([
      { message: 'Saved', title: 'Studio Ledger', timeoutSeconds: 5 },
      { message: 'Hi' },
    ]);
  });
});

describe('ranges', () => {
  it('A1 notation: cells, blocks, whole columns, open-ended columns, rows, $ and sheet names', () => {
    const { ss, sheet } = setup();
    const dims = (r: GoogleAppsScript.Spreadsheet.Range) => [
      r.getRow(),
      r.getColumn(),
      r.getNumRows(),
      r.getNumColumns(),
    ];
    expect(dims(sheet.getRange('B3'))).toEqual([3, 2, 1, 1]);
    expect(dims(sheet.getRange('A2:C10'))).toEqual([2, 1, 9, 3]);
    expect(dims(sheet.getRange('C10:A2'))).toEqual([2, 1, 9, 3]);
    expect(dims(sheet.getRange('A:A'))).toEqual([1, 1, 1000, 1]);
    expect(dims(sheet.getRange('A2:A'))).toEqual([2, 1, 999, 1]);
    expect(dims(sheet.getRange('B:D'))).toEqual([1, 2, 1000, 3]);
    expect(dims(sheet.getRange('2:3'))).toEqual([2, 1, 2, 26]);
    expect(dims(sheet.getRange('$A$1:$b$2'))).toEqual([1, 1, 2, 2]);
    expect(dims(sheet.getRange('Z1'))).toEqual([1, 26, 1, 1]);
    expect(sheet.getRange('A2:C10').getA1Notation()).toBe('A2:C10');
    expect(sheet.getRange(5, 2).getA1Notation()).toBe('B5');
    ss.insertSheet('Process Billing').getRange('B2').setValue(7);
    const r = ss.getRange("'Process Billing'!A1:C3");
    expect(r.getSheet().getName()).toBe('Process Billing');
    expect(r.getValues()[1]![1]).toBe(7);
    expect(ss.getRange('Data!A1').getSheet().getName()).toBe('Data');
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
    expect(() => ss.getRange('Missing!A1')).toThrow('Range not found');
  });

  it('a range outside the sheet throws like Google', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 1, 1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('AA1')).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1.5, 1)).toThrow("Cannot convert '1.5' to int.");
    try {
      sheet.getRange(1001, 1);
    } catch (e) {
      expect((e as Error).name).toBe('Exception');
      expect(String(e)).toBe(
        'Exception: The coordinates of the range are outside the dimensions of the sheet.',
      );
    }
    // A range left outside by deleted rows fails when used.
    const last = sheet.getRange(1000, 1);
    sheet.deleteRows(1, 10);
    expect(() => last.getValues()).toThrow('outside the dimensions');
  });

  it('setValues needs a rectangle exactly the size of the range', () => {
    const { sheet } = setup();
    const range = sheet.getRange(1, 1, 3, 2);
    expect(() => range.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
    expect(() => range.setValues([[1, 2], [3], [5, 6]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() =>
      range.setValues([
        [1, 2, 3],
        [3, 4, 5],
        [5, 6, 7],
      ]),
    ).toThrow('The data has 3 but the range has 2.');
    expect(range.getValues()).toEqual([
      ['', ''],
      ['', ''],
      ['', ''],
    ]); // nothing was written by the failed calls
  });

  it('getLastRow / getLastColumn find the last content past blank rows; getDataRange covers it', () => {
    const { sheet } = setup();
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('A1:B1').setValues([['h1', 'h2']]);
    sheet.getRange('A5').setValue(0);
    sheet.getRange('D3').setValue(false);
    sheet.getRange('A8').setNumberFormat('0.00'); // formatting alone is not content
    expect(sheet.getLastRow()).toBe(5);
    expect(sheet.getLastColumn()).toBe(4);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:D5');
    sheet.getRange('A5').clearContent();
    sheet.getRange('D3').setValue('');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([1, 2]);
    sheet.getRange('F9').setValue('=A1');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([9, 6]);
  });

  it('insertRowsAfter extends the sheet and moves rows below; new rows take the formatting above', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([['h'], [1], [2]]);
    sheet.getRange('A2:A3').setNumberFormat('$#,##0.00').setFontWeight('bold');
    sheet.insertRowsAfter(2, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([['h'], [1], [''], [''], [2]]);
    expect(sheet.getRange('A3:A4').getNumberFormats()).toEqual([['$#,##0.00'], ['$#,##0.00']]);
    expect(sheet.getRange('A3').getFontWeight()).toBe('bold');
    sheet.insertRowsAfter(sheet.getMaxRows(), 500);
    expect(sheet.getMaxRows()).toBe(1502);
    expect(sheet.getRange(1502, 1).getValue()).toBe('');
    expect(() => sheet.insertRowsAfter(0, 1)).toThrow('Those rows are out of bounds.');
  });

  it('column-wide number formats and validations apply to rows added later', () => {
    const { sheet, app } = setup();
    const list = app
      .newDataValidation()
      .requireValueInList(['Manual', 'DD Full Integration'], true)
      .setAllowInvalid(false)
      .build();
    sheet.getRange('B2:B').setDataValidation(list);
    sheet.getRange('C2:C').setNumberFormat('$#,##0.00');
    sheet.getRange('D2:D').insertCheckboxes();
    sheet.insertRowsAfter(sheet.getMaxRows(), 100);
    const rules = sheet.getRange(1100, 2, 1, 3).getDataValidations()[0]!;
    expect(String(rules[0]!.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(rules[0]!.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(rules[0]!.getCriteriaValues()).toEqual([['Manual', 'DD Full Integration'], true]);
    expect(rules[0]!.getAllowInvalid()).toBe(false);
    expect(rules[1]).toBeNull();
    expect(rules[2]!.getCriteriaType()).toBe(Enums.DataValidationCriteria.CHECKBOX);
    expect(sheet.getRange(1100, 3).getNumberFormat()).toBe('$#,##0.00');
    expect(sheet.getRange('B1').getDataValidation()).toBeNull();
    // Inserted checkboxes read false; new rows carry the checkbox rule but no value.
    expect(sheet.getRange('D2').getValue()).toBe(false);
    expect(sheet.getRange(1100, 4).getValue()).toBe('');
  });

  it('setDataValidations and clear() remove rules and formats; clearContent keeps them', () => {
    const { sheet, app } = setup();
    const check = app.newDataValidation().requireCheckbox().build();
    const range = sheet.getRange('A1:B1');
    range.setDataValidations([[check, null]]);
    range.setNumberFormat('0.00').setValues([[true, 3]]);
    range.clearContent();
    expect(range.getValues()).toEqual([['', '']]);
    expect(range.getDataValidations()[0]![0]!.getCriteriaType()).toBe(app.DataValidationCriteria.CHECKBOX);
    expect(range.getNumberFormats()).toEqual([['0.00', '0.00']]);
    range.clear();
    expect(range.getDataValidations()).toEqual([[null, null]]);
    expect(range.getNumberFormats()).toEqual([['0.###############', '0.###############']]);
    expect(() => range.setDataValidation({} as GoogleAppsScript.Spreadsheet.DataValidation)).toThrow(
      /don't match/,
    );
  });

  it('deleteRows removes rows and shrinks the sheet, within bounds', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A4').setValues([['a'], ['b'], ['c'], ['d']]);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['a'], ['d']]);
    expect(sheet.getMaxRows()).toBe(998);
    expect(() => sheet.deleteRows(998, 2)).toThrow('Those rows are out of bounds.');
    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(() => sheet.deleteRows(2, 997)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
  });

  it('insertColumnsAfter shifts cells right and widens the sheet', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.setColumnWidth(3, 250);
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getMaxColumns()).toBe(28);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['a', '', '', 'b', 'c']]);
    expect(sheet.getColumnWidth(5)).toBe(250);
    expect(sheet.getColumnWidth(1)).toBe(100);
  });

  it('appendRow writes after the last content row, growing the sheet when full', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['h1', 'h2']]);
    sheet.appendRow(['x', 1]);
    sheet.appendRow(['0012', '=A2']);
    expect(sheet.getRange('A1:B3').getValues()).toEqual([
      ['h1', 'h2'],
      ['x', 1],
      [12, ''],
    ]);
    expect(sheet.getRange('B3').getFormula()).toBe('=A2');
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(new Array(30).fill('w'));
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow()]).toEqual([1001, 30, 1001]);
  });

  it('offset and getCell address neighbouring cells; isBlank', () => {
    const { sheet } = setup();
    const r = sheet.getRange('B2:C3');
    expect(r.offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(r.getCell(2, 2).getA1Notation()).toBe('C3');
    expect(r.isBlank()).toBe(true);
    r.getCell(1, 1).setValue(0);
    expect(r.isBlank()).toBe(false);
  });

  it('insertRowsBefore takes the formatting of the row it pushes down; activate and setFormula', () => {
    const { ss, sheet } = setup();
    sheet.getRange('A1:A2').setValues([['h'], [5]]);
    sheet.getRange('A2').setNumberFormat('0.00');
    sheet.insertRowsBefore(2, 1);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['h'], [''], [5]]);
    expect(sheet.getRange('A2').getNumberFormat()).toBe('0.00');
    sheet.getRange('B1').setFormula('=SUM(A:A)');
    expect(sheet.getRange('B1').getFormulas()).toEqual([['=SUM(A:A)']]);
    ss.getSheetByName('Sheet1')!.activate();
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
    sheet.getRange('A1').activate();
    expect(ss.getActiveSheet().getName()).toBe('Data');
    expect(ss.getRange('A1').getValue()).toBe('h'); // no sheet name: the active sheet
    expect(sheet.getParent()).toBe(ss);
    expect(sheet.getIndex()).toBe(2);
  });

  it('clear / clearContents on a sheet', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(1).setNumberFormat('0.00');
    sheet.clearContents();
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.00');
    sheet.clear();
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
  });
});
