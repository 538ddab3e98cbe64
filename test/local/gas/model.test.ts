import { describe, expect, it } from 'vitest';
import {
  createAppsScript,
  instantToWallClock,
  wallClockToInstant,
  type SheetModel,
} from '../../../src/local/gas';

const SYDNEY = 'Australia/Sydney';

describe('the sheet model (xlsx load/save boundary)', () => {
  it('loadModel replaces the tabs; values, formulas, formats, validations, bold and layout come through', () => {
    const emu = createAppsScript();
    const due = new Date('2016-09-12T14:00:00Z');
    const model: SheetModel = {
      name: 'Invoices',
      maxRows: 50,
      maxColumns: 6,
      frozenRows: 1,
      hidden: false,
      columnWidths: { 2: 180 },
      rows: [
        [
          { value: 'Invoice ID', fontWeight: 'bold' },
          { value: 'Due Date', fontWeight: 'bold' },
          { value: 'Amount', fontWeight: 'bold' },
          { value: 'Status', fontWeight: 'bold' },
          { value: 'Include', fontWeight: 'bold' },
          { value: 'Check', fontWeight: 'bold' },
        ],
        [
          { value: 'INV-000001' },
          { value: due, numberFormat: 'dd/mm/yyyy' },
          { value: 220, numberFormat: '$#,##0.00' },
          { value: 'Open', validation: { kind: 'list', values: ['Open', 'Paid'], allowInvalid: false } },
          { value: true, validation: { kind: 'checkbox' } },
          { value: 440, formula: '=C2*2' },
        ],
        [],
        [{ value: 'INV-000002' }],
      ],
    };
    emu.spreadsheet.loadModel([
      model,
      { name: 'Log', rows: [], maxRows: 1000, maxColumns: 26, frozenRows: 0, hidden: true },
    ]);
    const ss = emu.spreadsheet;
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Invoices', 'Log']);
    const sheet = ss.getSheetByName('Invoices')!;
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getFrozenRows(), sheet.getLastRow()]).toEqual([
      50, 6, 1, 4,
    ]);
    expect(sheet.getColumnWidth(2)).toBe(180);
    expect(ss.getSheetByName('Log')!.isSheetHidden()).toBe(true);
    expect(sheet.getRange('A2:F2').getValues()).toEqual([['INV-000001', due, 220, 'Open', true, 440]]);
    expect(sheet.getRange('A2:F2').getDisplayValues()).toEqual([
      ['INV-000001', '13/09/2016', '$220.00', 'Open', 'TRUE', '440'],
    ]);
    expect(sheet.getRange('F2').getFormula()).toBe('=C2*2');
    expect(String(sheet.getRange('D2').getDataValidation()!.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(sheet.getRange('A1').getFontWeight()).toBe('bold');

    // And back: what was loaded is what is saved.
    const saved = ss.sheetsModel();
    expect(saved[0]).toEqual({ ...model, sheetId: saved[0]!.sheetId });
    expect(saved[1]).toMatchObject({ name: 'Log', rows: [], hidden: true });
  });

  it('sheetsModel lists formatted-but-empty cells and new rows added by the add-in', () => {
    const emu = createAppsScript();
    const sheet = emu.spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:B1').setValues([['Date', 'Amount']]);
    sheet.getRange('B2:B3').setNumberFormat('$#,##0.00');
    sheet.getRange('A2').setValue('2016-10-02');
    const [m] = emu.spreadsheet.sheetsModel();
    expect(m!.rows).toEqual([
      [{ value: 'Date' }, { value: 'Amount' }],
      [{ value: new Date('2016-10-01T14:00:00Z') }, { value: '', numberFormat: '$#,##0.00' }],
      [{ value: '' }, { value: '', numberFormat: '$#,##0.00' }],
    ]);
  });

  it('converts between the UTC wall clock exceljs uses and zone midnight, across DST', () => {
    for (const [utc, instant] of [
      ['2016-09-13T00:00:00Z', '2016-09-12T14:00:00.000Z'],
      ['2016-10-02T00:00:00Z', '2016-10-01T14:00:00.000Z'],
      ['2016-10-03T00:00:00Z', '2016-10-02T13:00:00.000Z'],
    ] as const) {
      expect(wallClockToInstant(new Date(utc), SYDNEY).toISOString()).toBe(instant);
      expect(instantToWallClock(new Date(instant), SYDNEY).toISOString()).toBe(new Date(utc).toISOString());
    }
  });

  it('rejects duplicate names and an empty list', () => {
    const emu = createAppsScript();
    const blank = { rows: [], maxRows: 10, maxColumns: 5, frozenRows: 0, hidden: false };
    expect(() => emu.spreadsheet.loadModel([])).toThrow();
    expect(() =>
      emu.spreadsheet.loadModel([
        { name: 'A', ...blank },
        { name: 'a', ...blank },
      ]),
    ).toThrow();
    emu.spreadsheet.addSheetFromModel({ name: 'Extra', ...blank }, 0);
    expect(emu.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Extra', 'Sheet1']);
  });
});

// How fast is the bench's business (npm run bench times every action); here only what comes out.
describe('200,000 rows x 10 columns', () => {
  const ROWS = 200_000;

  it('loads, reads, writes, saves and finds the last row of a long tab', () => {
    const emu = createAppsScript();
    const day = new Date('2016-09-12T14:00:00Z');
    const rows = Array.from({ length: ROWS }, (_, i) => [
      { value: `INV-${i}` },
      { value: 'S-1' },
      { value: 'C-1' },
      { value: 'history' },
      { value: 1 },
      { value: day, numberFormat: 'dd/mm/yyyy' },
      { value: 10.5, numberFormat: '$#,##0.00' },
      { value: 0, numberFormat: '$#,##0.00' },
      { value: 'Paid', validation: { kind: 'list' as const, values: ['Open', 'Paid'], allowInvalid: false } },
      { value: '' },
    ]);
    const model: SheetModel = {
      name: 'Invoices',
      rows,
      maxRows: ROWS + 1,
      maxColumns: 10,
      frozenRows: 1,
      hidden: false,
    };
    emu.spreadsheet.loadModel([model]);
    model.rows = []; // let the loaded model go, as a loader would
    const sheet = emu.spreadsheet.getSheetByName('Invoices')!;
    const values = sheet.getRange(1, 1, ROWS, 10).getValues();
    expect(values).toHaveLength(ROWS);
    expect(values[ROWS - 1]![5]).toEqual(day);
    const fresh = values.map((r, i) => [...r.slice(0, 9), i % 2 ? 'x' : '12.50']);
    sheet.getRange(1, 1, ROWS, 10).setValues(fresh);
    expect(sheet.getRange(ROWS, 10).getValue()).toBe('x');
    expect(sheet.getRange(ROWS - 1, 10).getValue()).toBe(12.5);
    const saved = emu.spreadsheet.sheetsModel();
    expect(saved[0]!.rows).toHaveLength(ROWS);
    expect(saved[0]!.rows[ROWS - 1]![5]).toMatchObject({ value: day, numberFormat: 'dd/mm/yyyy' });
    expect(sheet.getLastRow()).toBe(ROWS);
  });
});
