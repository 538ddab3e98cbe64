// What the .xlsx file holds beyond the cells, shared by the reader and the writer.
//
// The workbook keeps a veryHidden sheet, META_SHEET, with one key/value row per fact (column A the
// kind, B the key, C.. the values):
//   studio-ledger | 1                          marker and layout version (row 1)
//   timeZone      | Australia/Sydney           the spreadsheet's time zone
//   sheet         | <xlsx tab name> | {json}    the tab's real name (Sheets allows names Excel does
//                                              not), maxRows and maxColumns
//   property      | <key> | <value>            one document property
//   list          | <id> | v1 | v2 | ...       values of a dropdown too awkward to write inline
//                                              (a comma, a quote, edge spaces, > 255 characters);
//                                              the validation refers to this row
// The reader hides this sheet from the model. A file without it (made by Excel, LibreOffice or
// Sheets) still loads: every tab is a tab, the time zone comes from the caller.

export const META_SHEET = '_studio_ledger';
export const META_MARKER = 'studio-ledger';
export const META_VERSION = 1;

/** promptTitle of the TRUE/FALSE list validation that stands for a checkbox (exceljs has none). */
export const CHECKBOX_MARKER = 'studio-ledger:checkbox';
/** The inline list of a checkbox validation. */
export const CHECKBOX_FORMULA = '"TRUE,FALSE"';

/** A new Google sheet's size, used for a tab the file says nothing about. */
export const DEFAULT_MAX_ROWS = 1000;
export const DEFAULT_MAX_COLUMNS = 26;

/** Excel's last row; a validation reaching it covers "the whole column". */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

/** exceljs writes this width for a styled column nobody gave a width: it means "no width". */
export const EXCELJS_DEFAULT_WIDTH = 9;

/** Excel's built-in format 14 (the locale's short date), which exceljs calls 'mm-dd-yy'. */
export const SHORT_DATE_FORMAT = 'mm-dd-yy';
/** Excel's built-in format 22 (the locale's date and time), as exceljs names it. */
export const DATE_TIME_FORMAT = 'm/d/yy "h":mm';

/** The default-format text of Sheets (the model omits it); Excel calls its default 'General'. */
export const SHEETS_DEFAULT_FORMAT = '0.###############';

// ---- column widths: Sheets pixels <-> Excel character widths -------------------------------------
// Excel (Calibri 11, max digit width 7 px, 5 px padding) shows a width of w characters as 7w + 5 px.
// A width set in pixels survives a round trip exactly; below 6 px it is kept as 6 px (width 0 would
// hide the column), and exceljs's placeholder width 9 is nudged so it is not mistaken for "unset".

export function pxToWidth(px: number): number {
  const w = (Math.max(6, px) - 5) / 7;
  return w === EXCELJS_DEFAULT_WIDTH ? w + 1e-9 : w;
}

export function widthToPx(width: number): number {
  return Math.max(0, Math.round(width * 7 + 5));
}

// ---- A1 ---------------------------------------------------------------------------------------

const letterCache: string[] = [];

/** 1 -> 'A', 27 -> 'AA'. */
export function columnLetters(col: number): string {
  let s = letterCache[col];
  if (s === undefined) {
    s = '';
    for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    letterCache[col] = s;
  }
  return s;
}

/** 'B12' or '$B$12' -> { row: 12, col: 2 }; undefined when it is not a cell address. */
export function decodeAddress(a1: string): { row: number; col: number } | undefined {
  const n = a1.length;
  let i = 0;
  if (a1.charCodeAt(i) === 36) i++; // $
  let col = 0;
  const colStart = i;
  for (; i < n; i++) {
    const ch = a1.charCodeAt(i) | 32; // lower case
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
  }
  if (i === colStart || i - colStart > 3) return undefined;
  if (a1.charCodeAt(i) === 36) i++;
  let row = 0;
  const rowStart = i;
  for (; i < n; i++) {
    const ch = a1.charCodeAt(i);
    if (ch < 48 || ch > 57) return undefined;
    row = row * 10 + (ch - 48);
  }
  if (i === rowStart || row < 1) return undefined;
  return { row, col };
}

// ---- tab names -------------------------------------------------------------------------------
// Sheets allows up to 100 characters and any character; Excel 31 and not []:*?/\ nor a leading or
// trailing apostrophe (and exceljs refuses "History"). The file gets a legal name; the real one is
// kept in the META_SHEET row of the tab.

export function excelSheetName(name: string, taken: Set<string>): string {
  let base = name
    .replace(/[[\]:*?/\\]/g, '_')
    .replace(/^'|'$/g, '_')
    .slice(0, 31);
  if (base.trim() === '') base = 'Sheet';
  if (base === 'History') base = 'History_';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = base.slice(0, 31 - suffix.length).replace(/'$/, '_') + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** A sheet name as a formula reference: 'It''s here'!. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export interface SheetMeta {
  name: string;
  maxRows: number;
  maxColumns: number;
}
