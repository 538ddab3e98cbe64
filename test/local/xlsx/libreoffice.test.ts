// fixtures/libreoffice-resaved.xlsx is what saveFromEmulation wrote for buildSmallStudio() below,
// opened and saved again by LibreOffice 7.4 (soffice --headless --convert-to xlsx). LibreOffice
// keeps a whole-column format on the column only, writes TRUE/FALSE cells as the formulas TRUE() and
// FALSE(), turns the veryHidden metadata sheet into a hidden one and writes a list-from-range
// validation without quotes; headless conversion drops frozen panes (it has no view to save).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAppsScript, zonedMidnight, type AppsScriptEmulation } from '../../../src/local/gas';
import { loadIntoEmulation, readWorkbook } from '../../../src/local/xlsx';
import { withoutIds } from './helpers';

const Z = 'Australia/Sydney';
const FIXTURE = fileURLToPath(new URL('./fixtures/libreoffice-resaved.xlsx', import.meta.url));

function buildSmallStudio(): AppsScriptEmulation {
  const emu = createAppsScript({ timeZone: Z });
  const app = emu.globals.SpreadsheetApp;
  const ss = emu.spreadsheet;
  ss.getSheetByName('Sheet1')!.setName('Settings');
  ss.getSheetByName('Settings')!
    .getRange('A1:B2')
    .setValues([
      ['Setting', 'Value'],
      ['Time Zone', Z],
    ]);
  const inv = ss.insertSheet('Invoices');
  inv.deleteRows(21, 980);
  inv
    .getRange('A1:H1')
    .setValues([['Invoice ID', 'Due Date', 'Amount', 'Status', 'Paid', 'Note', 'Double', 'Client']])
    .setFontWeight('bold');
  inv.getRange('B2:B20').setNumberFormat('dd/mm/yyyy');
  inv.getRange('C2:C20').setNumberFormat('$#,##0.00');
  inv.getRange('F2:F20').setNumberFormat('@');
  inv
    .getRange('D2:D20')
    .setDataValidation(
      app
        .newDataValidation()
        .requireValueInList(['Open', 'Part paid', 'Paid'], true)
        .setAllowInvalid(false)
        .build(),
    );
  inv
    .getRange('H2:H20')
    .setDataValidation(
      app
        .newDataValidation()
        .requireValueInList(['Smith, John', 'Doe, Jane'], true)
        .setAllowInvalid(true)
        .build(),
    );
  inv.getRange('E2:E20').insertCheckboxes();
  inv.setFrozenRows(1);
  inv.setColumnWidth(4, 180);
  inv.getRange('A2:F5').setValues([
    ['INV-000001', zonedMidnight(2016, 9, 13, Z), 220, 'Open', false, '=HYPERLINK("x")'],
    ['INV-000002', zonedMidnight(2016, 10, 2, Z), 220.5, 'Paid', true, '0012'],
    ['INV-000003', zonedMidnight(2016, 10, 3, Z), 0, 'Part paid', false, ''],
    ['INV-000004', zonedMidnight(2017, 4, 2, Z), 1234567.89, 'Open', true, 'plain'],
  ]);
  inv.getRange('G2').setFormula('=C2*2');
  const log = ss.insertSheet('Log');
  log.getRange('A1').setValue('Timestamp');
  log.hideSheet();
  emu.properties.document.set('nextInvoiceId', '5');
  return emu;
}

describe('a workbook LibreOffice saved again', () => {
  it('reads back the same spreadsheet (LibreOffice computed the formula; no view, no frozen rows)', async () => {
    const expected = withoutIds(buildSmallStudio().spreadsheet.sheetsModel());
    const invoices = expected[1]!;
    invoices.frozenRows = 0;
    invoices.rows[1]![6] = { value: 440, formula: '=C2*2' };

    const wb = await readWorkbook(FIXTURE);
    expect(wb.timeZone).toBe(Z);
    expect(wb.documentProperties).toEqual({ nextInvoiceId: '5' });
    expect(wb.sheets).toEqual(expected);
  });

  it('loads into the emulation: checkboxes are booleans, formats of empty cells are back', async () => {
    const emu = createAppsScript({ timeZone: 'UTC' });
    await loadIntoEmulation(FIXTURE, emu);
    const inv = emu.spreadsheet.getSheetByName('Invoices')!;
    expect(inv.getRange('E2:E5').getValues().flat()).toEqual([false, true, false, true]);
    expect(inv.getRange('E2').getFormula()).toBe('');
    expect(inv.getRange('C20').getNumberFormat()).toBe('$#,##0.00');
    expect(inv.getRange('B2:C2').getDisplayValues()).toEqual([['13/09/2016', '$220.00']]);
    expect(inv.getRange('H20').getDataValidation()!.getCriteriaValues()[0]).toEqual([
      'Smith, John',
      'Doe, Jane',
    ]);
    expect(emu.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Settings', 'Invoices', 'Log']);
  });
});
