// What `studio-ledger init` leaves in the .xlsx a person opens: column widths, Settings formats by kind,
// the DD Report instruction, day-first Log timestamps; and they survive loading the file again.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppsScript } from '../../src/local/gas';
import { loadIntoEmulation } from '../../src/local/xlsx';
import { DD_REPORT_INSTRUCTION } from '../../src/sheets/tabs/ddReport';
import { cli } from './cliRun';

const dir = mkdtempSync(join(tmpdir(), 'studio-ledger-setup-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Excel's character width for a width in pixels, as the file stores it (7 px a character, 5 px padding). */
const chars = (px: number) => (px - 5) / 7;

describe('studio-ledger init: the workbook file', () => {
  const W = join(dir, 'studio.xlsx');

  it('holds the widths and formats set-up gave, and they come back on the next load', async () => {
    expect((await cli('init', '--workbook', W, '--today', '2016-09-09')).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(W);
    const settings = book.getWorksheet('Settings')!;
    const row = (key: string) => {
      let found = 0;
      settings.eachRow((r, n) => {
        if (r.getCell(1).value === key) found = n;
      });
      return settings.getRow(found).getCell(2);
    };
    expect(settings.getColumn(1).width).toBeCloseTo(chars(190));
    expect(settings.getColumn(2).width).toBeCloseTo(chars(230));
    expect(row('Billing Day').numFmt).toBe('dd/mm/yyyy');
    expect(row('Billing Day').value).toEqual(new Date('2016-09-09T00:00:00Z'));
    expect(row('Dishonour Fee').numFmt).toBe('$#,##0.00');
    expect(row('Studio Account Number').numFmt).toBe('@');
    expect(row('ABA User ID').numFmt).toBe('@');
    expect(row('Report Date Order').dataValidation).toMatchObject({ type: 'list' });
    const clients = book.getWorksheet('Clients')!;
    expect(clients.getColumn(2).width).toBeCloseTo(chars(180)); // Name
    expect(clients.getColumn(3).width).toBeCloseTo(chars(220)); // Email
    expect(book.getWorksheet('DD Report')!.getCell('A1').value).toBe(DD_REPORT_INSTRUCTION);
    expect(book.getWorksheet('Log')!.getCell('A2').numFmt).toBe('dd/mm/yyyy hh:mm:ss');

    const emu = createAppsScript();
    await loadIntoEmulation(W, emu);
    const reopened = emu.spreadsheet.getSheetByName('Settings')!;
    expect(reopened.getColumnWidth(2)).toBe(230);
    expect(emu.spreadsheet.getSheetByName('Clients')!.getColumnWidth(3)).toBe(220);
    const values = reopened.getDataRange().getValues();
    const at = (key: string) => reopened.getRange(values.findIndex((r) => r[0] === key) + 1, 2);
    expect(at('Studio Account Number').getNumberFormat()).toBe('@');
    at('Studio Account Number').setValue('012345678');
    expect(at('Studio Account Number').getValue()).toBe('012345678');
    expect(at('Billing Day').getDisplayValue()).toBe('09/09/2016');
  });
});
