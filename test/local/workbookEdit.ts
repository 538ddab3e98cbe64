// A person editing a saved workbook between commands: open it in the emulation, change cells, save it back.
import { createAppsScript } from '../../src/local/gas';
import { loadIntoEmulation, saveFromEmulation } from '../../src/local/xlsx';

type Spreadsheet = ReturnType<typeof createAppsScript>['spreadsheet'];

export async function editWorkbook(path: string, edit: (ss: Spreadsheet) => void): Promise<void> {
  const emu = createAppsScript();
  await loadIntoEmulation(path, emu);
  edit(emu.spreadsheet);
  await saveFromEmulation(path, emu);
}

/** 1-based column of a header on a tab's header row (row `headerRow`). */
export function columnOf(ss: Spreadsheet, tab: string, header: string, headerRow = 1): number {
  const sheet = ss.getSheetByName(tab)!;
  const row = sheet.getRange(headerRow, 1, 1, sheet.getLastColumn()).getValues()[0]!;
  const i = row.findIndex((h) => String(h) === header);
  if (i < 0) throw new Error(`${tab} has no ${header}`);
  return i + 1;
}
