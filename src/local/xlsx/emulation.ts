// Moving a workbook file in and out of the Apps Script emulation (../gas).
import type { AppsScriptEmulation } from '../gas';
import type { SheetModel } from '../gas/model';
import { writeSourceFile, type WriteOptions } from './file';
import { DEFAULT_MAX_COLUMNS, DEFAULT_MAX_ROWS } from './layout';
import { WorkbookReader } from './read';
import { putCells, storeSource, type StoredCells } from './storeView';
import type { WorkbookFile } from './write';

/** The emulation's spreadsheet as a WorkbookFile (no Apps Script calls are counted). */
export function workbookFromEmulation(emu: AppsScriptEmulation): WorkbookFile {
  return {
    timeZone: emu.spreadsheet.timeZone,
    sheets: emu.spreadsheet.sheetsModel(),
    documentProperties: Object.fromEntries(emu.properties.document),
  };
}

/**
 * Replaces the emulation's tabs, time zone and document properties with the workbook's. Sheet ids
 * are assigned afresh (in tab order), as the emulation does for a model without ids.
 */
export function loadWorkbookIntoEmulation(wb: WorkbookFile, emu: AppsScriptEmulation): void {
  const sheets: SheetModel[] = wb.sheets.map((s) => {
    const copy: SheetModel = { ...s };
    delete copy.sheetId;
    return copy;
  });
  if (sheets.length === 0) {
    sheets.push({
      name: 'Sheet1',
      rows: [],
      maxRows: DEFAULT_MAX_ROWS,
      maxColumns: DEFAULT_MAX_COLUMNS,
      frozenRows: 0,
      hidden: false,
    });
  }
  // The model's date instants are midnights in wb.timeZone: set the zone without moving any dates
  // (setSpreadsheetTimeZone would, and would count as an Apps Script call), then load the tabs.
  emu.spreadsheet.timeZone = wb.timeZone;
  emu.spreadsheet.loadModel(sheets);
  const props = emu.properties.document;
  props.clear();
  for (const [k, v] of Object.entries(wb.documentProperties)) props.set(k, v);
}

/**
 * Loads a .xlsx file into the emulation; a file without a recorded zone keeps the emulation's. Each
 * tab is read straight into the emulation's cells (no model of its rows is ever made); nothing
 * changes in the emulation unless the whole file reads.
 */
export async function loadIntoEmulation(path: string, emu: AppsScriptEmulation): Promise<void> {
  const reader = await WorkbookReader.open(path, { timeZone: emu.spreadsheet.timeZone });
  const tabs: StoredCells[] = [];
  try {
    for (const tab of reader.tabs) tabs.push(await reader.readCells(tab));
  } finally {
    await reader.close();
  }
  loadWorkbookIntoEmulation(
    {
      timeZone: reader.timeZone,
      sheets: tabs.map((t) => t.tab),
      documentProperties: reader.documentProperties,
    },
    emu,
  );
  emu.spreadsheet.sheets.forEach(({ store }, i) => {
    const cells = tabs[i];
    if (cells) putCells(store, cells);
  });
}

/**
 * Saves the emulation's spreadsheet to a .xlsx file, atomically. Tabs are turned into models a block
 * of rows at a time as the writer reaches them, and the bytes stream into the file, so a big
 * workbook is never all models, nor all bytes, at once.
 */
export async function saveFromEmulation(
  path: string,
  emu: AppsScriptEmulation,
  opts: WriteOptions = {},
): Promise<void> {
  await writeSourceFile(
    path,
    {
      timeZone: emu.spreadsheet.timeZone,
      sheets: emu.spreadsheet.sheets.map(({ store }) => storeSource(store)),
      documentProperties: Object.fromEntries(emu.properties.document),
    },
    opts,
  );
}
