// Loading reads each tab straight into the emulation's cells (equal dates share one stored Date) and
// reads the file from disk as it goes: what a caller sees of that must not change.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAppsScript, zonedMidnight } from '../../../src/local/gas';
import { loadIntoEmulation, readWorkbook, saveFromEmulation } from '../../../src/local/xlsx';
import { tempFile, useTempDir } from './helpers';

const SYDNEY = 'Australia/Sydney';

describe('loading a tab into the emulation', () => {
  const tmp = useTempDir();

  it('cells with the same date read back as separate dates: changing one read changes nothing stored', async () => {
    const path = tempFile(tmp());
    const emu = createAppsScript({ timeZone: SYDNEY });
    const tab = emu.spreadsheet.getSheets()[0]!;
    const day = zonedMidnight(2024, 3, 15, SYDNEY);
    tab.getRange('A1:B400').setValues(Array.from({ length: 400 }, (_, i) => [day, i]));
    tab.getRange('A1:A400').setNumberFormat('dd/mm/yyyy');
    await saveFromEmulation(path, emu);

    const fresh = createAppsScript({ timeZone: SYDNEY });
    await loadIntoEmulation(path, fresh);
    const range = fresh.spreadsheet.getSheets()[0]!.getRange('A1:A400');
    const first = range.getValues();
    expect(first.every(([d]) => d instanceof Date && d.getTime() === day.getTime())).toBe(true);
    (first[0]![0] as Date).setTime(0);
    (first[399]![0] as Date).setTime(0);
    const again = range.getValues();
    expect(again.every(([d]) => (d as Date).getTime() === day.getTime())).toBe(true);
    expect(again[0]![0]).not.toBe(again[1]![0]);

    // a save of the loaded emulation writes the same dates
    const second = tempFile(tmp(), 'second.xlsx');
    await saveFromEmulation(second, fresh);
    const rows = (await readWorkbook(second)).sheets[0]!.rows;
    expect(rows).toHaveLength(400);
    expect(rows.map((r) => (r[0]!.value as Date).getTime())).toEqual(Array(400).fill(day.getTime()));
    expect(rows.map((r) => r[1]!.value)).toEqual(Array.from({ length: 400 }, (_, i) => i));
    expect(rows[399]![0]!.numberFormat).toBe('dd/mm/yyyy');
  });

  it('a sheet whose compressed bytes are damaged fails to load and leaves the emulation as it was', async () => {
    const path = tempFile(tmp());
    const emu = createAppsScript({ timeZone: SYDNEY });
    emu.spreadsheet
      .getSheets()[0]!
      .getRange('A1:C900')
      .setValues(Array.from({ length: 900 }, (_, i) => [`row ${i}`, i * 7, i % 3 === 0]));
    await saveFromEmulation(path, emu);

    // Overwrite 64 bytes 1 KB into the first sheet's deflated data (after its local header's name).
    const bytes = readFileSync(path);
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const at = bytes.indexOf(name);
    expect(at).toBeGreaterThan(0);
    const data = at + name.length + bytes.readUInt16LE(at - 30 + 28);
    expect(bytes.indexOf(Buffer.from('PK'), data)).toBeGreaterThan(data + 2000);
    bytes.fill(0xff, data + 1000, data + 1064);
    writeFileSync(path, bytes);

    const target = createAppsScript({ timeZone: SYDNEY });
    target.spreadsheet.getSheets()[0]!.getRange('A1').setValue('untouched');
    await expect(loadIntoEmulation(path, target)).rejects.toThrow(/Cannot read .*book\.xlsx/);
    expect(target.spreadsheet.getSheets()[0]!.getRange('A1').getValue()).toBe('untouched');
    await expect(readWorkbook(path)).rejects.toThrow(/Cannot read .*book\.xlsx/);
  });
});
