import { describe, expect, it } from 'vitest';
import { createAppsScript } from '../../../src/local/gas';

function setup(timeZone = 'Australia/Sydney') {
  const emu = createAppsScript({ timeZone });
  const ss = emu.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.insertSheet('Data');
  return { emu, ss, sheet };
}

describe('values round-trip like Google Sheets', () => {
  it('numbers, booleans, strings and empty cells come back as written; null and undefined become empty', () => {
    const { sheet } = setup();
    const range = sheet.getRange(1, 1, 2, 4);
    range.setValues([
      [1.5, true, 'text', ''],
      [null, undefined, -0.25, false],
    ]);
    expect(range.getValues()).toEqual([
      [1.5, true, 'text', ''],
      ['', '', -0.25, false],
    ]);
    expect(sheet.getRange('C2').getValue()).toBe(-0.25);
  });

  it('a Date is a date cell: getValues returns a fresh Date for the same instant', () => {
    const { sheet } = setup();
    const sydneyMidnight = new Date('2016-09-12T14:00:00Z'); // 13/09/2016 in Sydney
    sheet.getRange('A1').setValue(sydneyMidnight);
    const a = sheet.getRange('A1').getValue() as Date;
    const b = sheet.getRange('A1').getValue() as Date;
    expect(a).toBeInstanceOf(Date);
    expect(a.toISOString()).toBe('2016-09-12T14:00:00.000Z');
    expect(a).not.toBe(b);
    a.setFullYear(2000);
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2016-09-12T14:00:00.000Z');
    sydneyMidnight.setFullYear(2001); // the cell does not share the caller's Date either
    expect(sheet.getRange('A1').getDisplayValue()).toBe('13/09/2016');
  });

  it("typed 'YYYY-MM-DD' text becomes a date cell at midnight in the spreadsheet's zone, across DST", () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([['2016-09-13'], ['2016-10-02'], ['2016-10-03']]);
    const got = sheet
      .getRange('A1:A3')
      .getValues()
      .map((r) => (r[0] as Date).toISOString());
    // Sydney is +10 until 2 Oct 2016 02:00, then +11.
    expect(got).toEqual(['2016-09-12T14:00:00.000Z', '2016-10-01T14:00:00.000Z', '2016-10-02T13:00:00.000Z']);
    expect(sheet.getRange('A1:A3').getDisplayValues()).toEqual([
      ['13/09/2016'],
      ['02/10/2016'],
      ['03/10/2016'],
    ]);
    // Not a real day: stays text.
    sheet.getRange('B1').setValue('2016-02-30');
    expect(sheet.getRange('B1').getValue()).toBe('2016-02-30');
  });

  it('a date cell in another zone is midnight there', () => {
    const { sheet } = setup('America/New_York');
    sheet.getRange('A1').setValue('2016-09-13');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2016-09-13T04:00:00.000Z');
  });

  it('currency, percent and d/m/yyyy text are parsed as Sheets (en_AU) parses typed input', () => {
    const { sheet } = setup();
    sheet.getRange('A1:F1').setValues([['$12.50', '-$1,000', '50%', '13/09/2016', '31/02/2016', '$5 off']]);
    const [row] = sheet.getRange('A1:F1').getValues();
    expect(row!.slice(0, 3)).toEqual([12.5, -1000, 0.5]);
    expect((row![3] as Date).toISOString()).toBe('2016-09-12T14:00:00.000Z');
    expect(row!.slice(4)).toEqual(['31/02/2016', '$5 off']);
  });

  it('number-looking text becomes a number, TRUE/FALSE become booleans, other text stays text', () => {
    const { sheet } = setup();
    const input = [['0012', '12.50', '-5', '1,234.5', '1e3', 'TRUE', 'false', '062-000', '+61 400', 'abc']];
    sheet.getRange(1, 1, 1, input[0]!.length).setValues(input);
    expect(sheet.getRange(1, 1, 1, input[0]!.length).getValues()).toEqual([
      [12, 12.5, -5, 1234.5, 1000, true, false, '062-000', '+61 400', 'abc'],
    ]);
  });

  it("'=' writes a formula (not evaluated: its value reads ''), a leading apostrophe keeps literal text", () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['=1+1', "'=1+1", "'0012"]]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['=1+1', '', '']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['', '=1+1', '0012']]);
    expect(sheet.getRange('A1').getFormula()).toBe('=1+1');
    expect(sheet.getLastColumn()).toBe(3);
    // An apostrophe alone leaves the cell empty.
    sheet.getRange('D1').setValue("'");
    expect(sheet.getRange('D1').getValue()).toBe('');
  });

  it("with the plain-text format '@' strings are stored exactly as given", () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:D1');
    range.setNumberFormat('@');
    range.setValues([['=1+1', '0012', 'TRUE', '2016-09-13']]);
    expect(range.getValues()).toEqual([['=1+1', '0012', 'TRUE', '2016-09-13']]);
    expect(range.getFormulas()).toEqual([['', '', '', '']]);
    // Numbers written as numbers stay numbers.
    sheet.getRange('E1').setNumberFormat('@').setValue(7);
    expect(sheet.getRange('E1').getValue()).toBe(7);
  });

  it('setValue on a multi-cell range fills every cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue('x');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
  });

  it('a cell over 50,000 characters is refused and nothing is written', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B1').setValues([['ok', 'x'.repeat(50_001)]])).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(sheet.getRange('A1').getValue()).toBe('');
  });

  it('a number under a date format reads as a Date; a date under a number format reads as its serial', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setNumberFormat('dd/mm/yyyy').setValue(42626); // 13/09/2016
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2016-09-12T14:00:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('13/09/2016');
    sheet.getRange('B1').setValue('2016-09-13');
    sheet.getRange('B1').setNumberFormat('0');
    expect(sheet.getRange('B1').getValue()).toBe(42626);
  });

  it('changing the spreadsheet time zone keeps the calendar date of date cells', () => {
    const { ss, sheet } = setup();
    sheet.getRange('A1').setValue('2016-09-13');
    ss.setSpreadsheetTimeZone('Europe/London');
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/London');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2016-09-12T23:00:00.000Z');
    expect(() => ss.setSpreadsheetTimeZone('Mars/Olympus')).toThrow();
  });
});

describe('display values', () => {
  it('formats currency with two decimals, dates as dd/MM/yyyy, booleans as TRUE/FALSE', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:F1');
    range.setNumberFormats([
      ['$#,##0.00', '#,##0.00;(#,##0.00)', '0%', 'yyyy-mm-dd', 'd mmm yyyy', '0.###############'],
    ]);
    range.setValues([[1234.5, -20, 0.125, '2016-09-13', '2016-10-02', 12.5]]);
    expect(range.getDisplayValues()).toEqual([
      ['$1,234.50', '(20.00)', '13%', '2016-09-13', '2 Oct 2016', '12.5'],
    ]);
    sheet.getRange('A2:D2').setValues([[true, '', 'text', new Date('2016-09-13T00:30:00Z')]]);
    expect(sheet.getRange('A2:D2').getDisplayValues()).toEqual([['TRUE', '', 'text', '13/09/2016 10:30:00']]);
    sheet.getRange('A3').setNumberFormat('[$$]#,##0.00').setValue(-5);
    expect(sheet.getRange('A3').getDisplayValue()).toBe('-$5.00');
  });

  it('getNumberFormats reports the default format for untouched cells', () => {
    const { sheet } = setup();
    sheet.getRange('B1').setNumberFormat('$#,##0.00');
    expect(sheet.getRange('A1:B1').getNumberFormats()).toEqual([['0.###############', '$#,##0.00']]);
  });
});
