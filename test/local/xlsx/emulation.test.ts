import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createAppsScript, zonedMidnight, type AppsScriptEmulation } from '../../../src/local/gas';
import {
  loadIntoEmulation,
  META_SHEET,
  readWorkbook,
  saveFromEmulation,
  writeWorkbook,
} from '../../../src/local/xlsx';
import { sheet, tempFile, useTempDir, withoutIds } from './helpers';

const SYDNEY = 'Australia/Sydney';

/** A spreadsheet built through the Apps Script API the add-in uses. */
function buildStudio(): AppsScriptEmulation {
  const emu = createAppsScript({ timeZone: SYDNEY });
  const app = emu.globals.SpreadsheetApp;
  const ss = emu.spreadsheet;
  ss.getSheetByName('Sheet1')!.setName('Settings');
  const settings = ss.getSheetByName('Settings')!;
  settings.getRange('A1:B3').setValues([
    ['Setting', 'Value'],
    ['Business Name', 'Flex Studio'],
    ['Billing Day', zonedMidnight(2016, 9, 13, SYDNEY)],
  ]);
  settings.getRange('B3').setNumberFormat('dd/mm/yyyy');

  const inv = ss.insertSheet('Invoices');
  inv
    .getRange('A1:H1')
    .setValues([['Invoice ID', 'Due Date', 'Amount', 'Status', 'Paid', 'Note', 'Double', 'Count']])
    .setFontWeight('bold');
  inv.getRange('B2:B1000').setNumberFormat('dd/mm/yyyy');
  inv.getRange('C2:C1000').setNumberFormat('$#,##0.00');
  inv.getRange('F2:F1000').setNumberFormat('@');
  inv.getRange('H2:H1000').setNumberFormat('0');
  inv
    .getRange('D2:D1000')
    .setDataValidation(
      app
        .newDataValidation()
        .requireValueInList(['Open', 'Part paid', 'Paid'], true)
        .setAllowInvalid(false)
        .build(),
    );
  inv.getRange('E2:E1000').insertCheckboxes();
  inv.setFrozenRows(1);
  inv.setColumnWidth(4, 180);
  inv.getRange('A2:F5').setValues([
    ['INV-000001', zonedMidnight(2016, 9, 13, SYDNEY), 220, 'Open', false, '=HYPERLINK("x")'],
    ['INV-000002', zonedMidnight(2016, 10, 2, SYDNEY), 220.5, 'Paid', true, '0012'],
    ['INV-000003', zonedMidnight(2016, 10, 3, SYDNEY), 0, 'Part paid', false, ''],
    ['INV-000004', zonedMidnight(2017, 4, 2, SYDNEY), 1234567.89, 'Open', true, 'plain'],
  ]);
  inv.getRange('G2').setFormula('=C2*2');
  inv.getRange('H2:H3').setValues([[3], [4]]);

  const log = ss.insertSheet('Log');
  log.getRange('A1:C1').setValues([['Timestamp', 'Action', 'Details']]);
  log.hideSheet();

  emu.properties.document.set('nextInvoiceId', '5');
  emu.properties.document.set('nextSaleId', '12');
  return emu;
}

type Range = GoogleAppsScript.Spreadsheet.Range;

function snapshot(emu: AppsScriptEmulation) {
  const ss = emu.spreadsheet;
  return ss.getSheets().map((s) => {
    const range = s.getRange(1, 1, s.getMaxRows(), s.getMaxColumns()) as unknown as Range;
    return {
      name: s.getName(),
      hidden: s.isSheetHidden(),
      frozen: s.getFrozenRows(),
      size: [s.getMaxRows(), s.getMaxColumns(), s.getLastRow(), s.getLastColumn()],
      widths: [1, 2, 3, 4, 5].map((c) => s.getColumnWidth(c)),
      values: range.getValues(),
      formulas: range.getFormulas(),
      formats: range.getNumberFormats(),
      weights: range.getFontWeights(),
      validations: range
        .getDataValidations()
        .map((row) =>
          row.map((v) =>
            v
              ? [String(v.getCriteriaType()), JSON.stringify(v.getCriteriaValues()), v.getAllowInvalid()]
              : null,
          ),
        ),
    };
  });
}

describe('save from and load into the emulation', () => {
  const tmp = useTempDir();

  it('a fresh emulation loaded from the saved file reads back what was written', async () => {
    const emu = buildStudio();
    const path = tempFile(tmp());
    await saveFromEmulation(path, emu);

    const fresh = createAppsScript({ timeZone: 'UTC' });
    await loadIntoEmulation(path, fresh);
    expect(fresh.spreadsheet.getSpreadsheetTimeZone()).toBe(SYDNEY);
    expect(Object.fromEntries(fresh.properties.document)).toEqual({ nextInvoiceId: '5', nextSaleId: '12' });
    expect(fresh.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Settings', 'Invoices', 'Log']);
    expect(snapshot(fresh)).toEqual(snapshot(emu));

    const inv = fresh.spreadsheet.getSheetByName('Invoices')!;
    expect(inv.getRange('B2:B5').getValues().flat()).toEqual([
      new Date('2016-09-12T14:00:00Z'),
      new Date('2016-10-01T14:00:00Z'),
      new Date('2016-10-02T13:00:00Z'),
      new Date('2017-04-01T13:00:00Z'),
    ]);
    expect(inv.getRange('B2:C2').getDisplayValues()).toEqual([['13/09/2016', '$220.00']]);
    expect(inv.getRange('F2').getValue()).toBe('=HYPERLINK("x")');
    expect(inv.getRange('F2').getFormula()).toBe('');
    expect(inv.getRange('G2').getFormula()).toBe('=C2*2');
    expect(inv.getRange('E3').getDataValidation()!.getCriteriaType()).toBe(
      emu.globals.SpreadsheetApp.DataValidationCriteria.CHECKBOX,
    );
    expect(inv.getFrozenRows()).toBe(1);
    expect(inv.getColumnWidth(4)).toBe(180);
    expect(fresh.spreadsheet.getSheetByName('Log')!.isSheetHidden()).toBe(true);
    expect(fresh.spreadsheet.getSheetByName(META_SHEET)).toBeNull();

    // The model itself, too (ids are not kept: a new emulation numbers tabs in order).
    expect(withoutIds(fresh.spreadsheet.sheetsModel())).toEqual(withoutIds(emu.spreadsheet.sheetsModel()));
  });

  it('a 3,000-row tab and a tab with long empty stretches come back cell for cell', async () => {
    // The save hands rows over a block at a time and the load reads one tab at a time: block edges,
    // blocks with nothing in them and whole-column styles must all come out exact.
    const emu = createAppsScript({ timeZone: SYDNEY });
    const app = emu.globals.SpreadsheetApp;
    const ss = emu.spreadsheet;
    const big = ss.getSheetByName('Sheet1')!.setName('Invoices');
    big.insertRowsAfter(1000, 2000);
    big.getRange('A1:F1').setValues([['ID', 'Due', 'Amount', 'Status', 'Include', 'Note']]);
    big.getRange('A1:F1').setFontWeight('bold');
    big.getRange('B2:B3000').setNumberFormat('dd/mm/yyyy');
    big.getRange('C2:C3000').setNumberFormat('$#,##0.00');
    const status = app.newDataValidation().requireValueInList(['Open', 'Paid'], true).setAllowInvalid(false);
    big.getRange('D2:D3000').setDataValidation(status.build());
    big.getRange('E2:E3000').insertCheckboxes();
    big.setFrozenRows(1);
    big.setColumnWidth(1, 120);
    big.setColumnWidth(6, 300);
    const rows = Array.from({ length: 2999 }, (_, i) => [
      `INV-${String(i + 1).padStart(6, '0')}`,
      zonedMidnight(2016, 1 + (i % 12), 1 + (i % 28), SYDNEY),
      i % 7 === 0 ? '' : 100 + (i % 50) * 0.25,
      i % 3 ? 'Open' : 'Paid',
      i % 2 === 0,
      i % 97 === 0 ? '=not a formula' : i % 5 ? '' : `note ${i % 10}`,
    ]);
    big.getRange(2, 1, rows.length, 6).setValues(rows);
    big.getRange('G1500').setFormula('=C1500*2');

    const gaps = ss.insertSheet('Gaps');
    gaps.deleteRows(701, 300); // 700 rows: every row counts for the whole-column styles
    // Rows 101..448 are empty and row 449 starts a block of the writer's (64 rows): the empty
    // stretch must still stop column A from getting a whole-column format.
    gaps.getRange('A2:A100').setNumberFormat('0').setValue(7);
    gaps.getRange('A449:A700').setNumberFormat('0').setValue(8);
    gaps.getRange('C700').setFontWeight('bold');

    const path = tempFile(tmp());
    await saveFromEmulation(path, emu);
    const fresh = createAppsScript({ timeZone: 'UTC' });
    await loadIntoEmulation(path, fresh);
    expect(snapshot(fresh)).toEqual(snapshot(emu));
    expect(withoutIds(fresh.spreadsheet.sheetsModel())).toEqual(withoutIds(emu.spreadsheet.sheetsModel()));

    const inv = fresh.spreadsheet.getSheetByName('Invoices')!;
    expect(inv.getRange('A3000:F3000').getDisplayValues()).toEqual([
      ['INV-002999', '03/11/2016', '$112.00', 'Open', 'TRUE', ''],
    ]);
    expect(inv.getRange('F2').getFormula()).toBe('=not a formula'); // setValues made it a formula
    expect(inv.getRange('G1500').getFormula()).toBe('=C1500*2');
    expect(inv.getRange('D3000').getDataValidation()!.getAllowInvalid()).toBe(false);
    expect([inv.getFrozenRows(), inv.getColumnWidth(1), inv.getColumnWidth(6)]).toEqual([1, 120, 300]);
    const g = fresh.spreadsheet.getSheetByName('Gaps')!;
    expect(g.getRange('A101').getNumberFormat()).not.toBe('0'); // the gap keeps no column format
    expect(g.getRange('A700').getDisplayValue()).toBe('8');
  });

  it('loading counts no Apps Script calls and replaces what the emulation held', async () => {
    const path = tempFile(tmp());
    await saveFromEmulation(path, buildStudio());
    const fresh = createAppsScript({ timeZone: SYDNEY });
    fresh.properties.document.set('stale', 'x');
    fresh.spreadsheet.insertSheet('Old');
    const before = fresh.calls.byMethod();
    await loadIntoEmulation(path, fresh);
    expect(fresh.calls.byMethod()).toEqual(before);
    expect(fresh.properties.document.has('stale')).toBe(false);
    expect(fresh.spreadsheet.getSheetByName('Old')).toBeNull();
  });

  it('an ID counter written by one run is there for the next, through the file', async () => {
    const path = tempFile(tmp());
    await writeWorkbook(path, { timeZone: SYDNEY, sheets: [sheet('Clients')], documentProperties: {} });
    for (let run = 1; run <= 3; run++) {
      const emu = createAppsScript({ timeZone: SYDNEY });
      await loadIntoEmulation(path, emu);
      const props = emu.globals.PropertiesService.getDocumentProperties();
      const next = Number(props.getProperty('nextClientId') ?? '1');
      expect(next).toBe(run);
      props.setProperty('nextClientId', String(next + 1));
      emu.spreadsheet.getSheetByName('Clients')!.appendRow([`C-${next}`]);
      await saveFromEmulation(path, emu);
    }
    const wb = await readWorkbook(path);
    expect(wb.documentProperties).toEqual({ nextClientId: '4' });
    expect(wb.sheets[0]!.rows.map((r) => r[0]!.value)).toEqual(['C-1', 'C-2', 'C-3']);
  });

  it('a file with no recorded zone takes the emulation zone; an empty file still gives one tab', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Only').getCell('A1').value = new Date('2016-09-13T00:00:00Z');
    const path = tempFile(tmp());
    await book.xlsx.writeFile(path);
    const emu = createAppsScript({ timeZone: 'America/New_York' });
    await loadIntoEmulation(path, emu);
    expect(emu.spreadsheet.getSpreadsheetTimeZone()).toBe('America/New_York');
    expect(emu.spreadsheet.getSheets()[0]!.getRange('A1').getValue()).toEqual(
      new Date('2016-09-13T04:00:00Z'),
    );
    expect(readFileSync(path).length).toBeGreaterThan(0);
  });
});

describe('the written file, read with exceljs itself', () => {
  const tmp = useTempDir();

  it('stores dates as UTC midnight of the calendar date, formula text as text, formulas as formulas', async () => {
    const path = tempFile(tmp());
    await saveFromEmulation(path, buildStudio());
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const ws = book.getWorksheet('Invoices')!;

    const due = ws.getCell('B2');
    expect(due.value).toEqual(new Date('2016-09-13T00:00:00Z'));
    expect(due.numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('B3').value).toEqual(new Date('2016-10-02T00:00:00Z'));
    expect(ws.getCell('B4').value).toEqual(new Date('2016-10-03T00:00:00Z'));
    expect(ws.getCell('B5').value).toEqual(new Date('2017-04-02T00:00:00Z'));

    const text = ws.getCell('F2');
    expect(text.type).toBe(ExcelJS.ValueType.String);
    expect(text.value).toBe('=HYPERLINK("x")');
    expect(text.formula).toBeUndefined();
    expect(ws.getCell('F3').value).toBe('0012');

    const formula = ws.getCell('G2');
    expect(formula.type).toBe(ExcelJS.ValueType.Formula);
    expect(formula.formula).toBe('C2*2');

    expect(ws.getCell('C3').value).toBe(220.5);
    expect(ws.getCell('C3').numFmt).toBe('$#,##0.00');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('E3').value).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.state).toBe('visible');
    expect(book.getWorksheet('Log')!.state).toBe('hidden');

    const dvs = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    expect(dvs['D2']).toMatchObject({
      type: 'list',
      formulae: ['"Open,Part paid,Paid"'],
      allowBlank: true,
      showErrorMessage: true,
    });
    expect(dvs['D1000']).toBe(dvs['D2']);
    expect(dvs['D1']).toBeUndefined();
    expect(dvs['E2']).toMatchObject({
      type: 'list',
      formulae: ['"TRUE,FALSE"'],
      promptTitle: 'studio-ledger:checkbox',
    });

    // The metadata tab is last and veryHidden; tabs keep their order.
    expect(book.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Settings', 'visible'],
      ['Invoices', 'visible'],
      ['Log', 'hidden'],
      [META_SHEET, 'veryHidden'],
    ]);
  });
});
