// The local stand-in for the Google spreadsheet: a .xlsx workbook, read and written with exceljs.
//
//   const emu = createAppsScript({ timeZone: 'Australia/Sydney' });
//   await loadIntoEmulation('studio.xlsx', emu);   // tabs, time zone, document properties
//   ... run the add-in ...
//   await saveFromEmulation('studio.xlsx', emu);   // atomic: temp file + rename
//
// What a file keeps: tabs in order with their names, hidden state, frozen rows, column widths and
// size (maxRows/maxColumns, never below the used or formatted area); values (text stays text even
// when it starts with '=', formulas with their last result, dates as the spreadsheet zone's calendar
// dates), number formats, bold, dropdown lists and checkboxes; the time zone and document properties
// (in a veryHidden '_studio_ledger' sheet, see ./layout). A number in a date-formatted cell reads back
// as a date (xlsx cannot tell them apart; Sheets' getValues() gives a Date for it too).
export { readWorkbook, readWorkbookBytes, writeFileAtomic, writeWorkbook, type WriteOptions } from './file';
export {
  loadIntoEmulation,
  loadWorkbookIntoEmulation,
  saveFromEmulation,
  workbookFromEmulation,
} from './emulation';
export { DEFAULT_TIME_ZONE, type ReadOptions } from './read';
export { workbookBytes, type WorkbookFile } from './write';
export { CHECKBOX_MARKER, META_SHEET } from './layout';
