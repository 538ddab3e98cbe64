// The local stand-in for the Google spreadsheet: a .xlsx workbook. It is written with exceljs's
// streaming writer (./write) straight into the file, and read by streaming each sheet's XML from
// disk through saxes (./read, ./book, ./sheetXml, ./zip) straight into the emulation's cell layers
// (./tabCells). Saving goes a block of rows at a time (./storeView), so memory is the emulation's
// own cells plus the writer's tables; a loaded file touches the emulation only once it has read
// completely.
//
//   const emu = createAppsScript({ timeZone: 'Australia/Sydney' });
//   await loadIntoEmulation('studio.xlsx', emu);   // tabs, time zone, document properties
//   ... run the add-in ...
//   await saveFromEmulation('studio.xlsx', emu);   // atomic: temp file + rename
//
// What a file keeps:
// - tabs in order, names (ones Excel cannot hold are kept in the metadata, see ./layout), hidden
//   state, frozen rows, column widths (pixels <-> Excel widths, exact for 6 px and up);
// - size: maxRows/maxColumns are recorded in the metadata; on load a tab is never smaller than its
//   used, formatted or validated area (a whole-column validation from Excel stops at the last row).
//   A file without metadata gets Google's 1000 x 26 or its used area, whichever is bigger;
// - values: text stays text even when it starts with '=' (exceljs writes formulas only from
//   { formula }); formulas with their last result; numbers, booleans; date cells as the spreadsheet
//   zone's calendar dates (the model's zone-midnight instant is written as that date at UTC midnight,
//   the way exceljs, Excel, LibreOffice and Sheets read it). A number in a date-formatted cell reads
//   back as a date (xlsx cannot tell them apart; Sheets' getValues() gives a Date for it too). A date
//   without a format is written with Excel's short-date format 14 and reads back without one.
//   NaN/Infinity become #NUM!; XML-illegal control characters are dropped by exceljs;
// - number formats, bold; dropdown lists (inline "a,b,c", or a row of the metadata sheet when a value
//   has a comma, a quote or edge spaces, or the list is over 255 characters) with allowInvalid as
//   Excel's Stop alert; checkboxes as a TRUE/FALSE dropdown marked by its prompt title
//   (CHECKBOX_MARKER). Other validation kinds in a foreign file are dropped (the model has none);
//   a list from a range elsewhere in the file becomes the values that range holds;
// - the time zone and document properties (the add-in's ID counters), in the veryHidden
//   '_studio_ledger' sheet, which never shows up as a tab.
// Sheet ids (gids) are not kept: a loaded emulation numbers its tabs in order.
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
