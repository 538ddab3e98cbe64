// Moving a workbook file in and out of the Apps Script emulation (../gas).
import type { AppsScriptEmulation } from '../gas';
import type { SheetModel } from '../gas/model';
import { storeToModel } from '../gas/sheetModel';
import type { SheetStore } from '../gas/store';
import { readWorkbook, writeFileAtomic, type WriteOptions } from './file';
import { DEFAULT_MAX_COLUMNS, DEFAULT_MAX_ROWS } from './layout';
import { sourceWorkbookBytes, type SheetSource, type WorkbookFile } from './write';

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

/** Loads a .xlsx file into the emulation; a file without a recorded zone keeps the emulation's. */
export async function loadIntoEmulation(path: string, emu: AppsScriptEmulation): Promise<WorkbookFile> {
  const wb = await readWorkbook(path, { timeZone: emu.spreadsheet.timeZone });
  loadWorkbookIntoEmulation(wb, emu);
  return wb;
}

/** The store's layers of cells, by row: a view of rows [from, to) slices exactly these. */
const LAYERS = ['values', 'formats', 'validations', 'bold'] as const;

/**
 * A tab's rows as models a block at a time: storeToModel on a view of the store that holds only
 * rows [from, to) (everything else is the store's own). Converting the whole tab at once costs about
 * 90 bytes per cell (300 MB for a 200,000-row Invoices tab).
 */
function storeSource(store: SheetStore): SheetSource {
  // A layer this file does not know about would not be sliced and would land on the wrong rows.
  for (const [key, v] of Object.entries(store)) {
    if (Array.isArray(v) && !(LAYERS as readonly string[]).includes(key)) {
      throw new Error(`internal: the sheet store has a layer (${key}) the xlsx save does not slice`);
    }
  }
  const tab = storeToModel(Object.assign(Object.create(store) as SheetStore, empty()));
  let bound = 0;
  for (const k of LAYERS) bound = Math.max(bound, store[k].length);
  return {
    tab,
    rowBound: bound,
    rows(from, to) {
      const view = Object.create(store) as SheetStore;
      for (const k of LAYERS) (view[k] as unknown[]) = store[k].slice(from, to);
      return storeToModel(view).rows;
    },
  };
}

function empty(): Pick<SheetStore, (typeof LAYERS)[number]> {
  return { values: [], formats: [], validations: [], bold: [] };
}

/**
 * Saves the emulation's spreadsheet to a .xlsx file, atomically. Tabs are turned into models a block
 * of rows at a time as the writer reaches them, so a big workbook is never all models at once.
 */
export async function saveFromEmulation(
  path: string,
  emu: AppsScriptEmulation,
  opts: WriteOptions = {},
): Promise<void> {
  const bytes = await sourceWorkbookBytes({
    timeZone: emu.spreadsheet.timeZone,
    sheets: emu.spreadsheet.sheets.map(({ store }) => storeSource(store)),
    documentProperties: Object.fromEntries(emu.properties.document),
  });
  await writeFileAtomic(path, bytes, opts);
}
