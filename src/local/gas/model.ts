// The plain model of a spreadsheet's tabs, for loading from and saving to a workbook file (xlsx).
//
// - rows are 0-based (rows[0] is row 1), may be ragged, and a missing row or cell is empty.
// - value: what the cell holds. A date cell is a Date: the instant getValues() would return, i.e.
//   midnight (or the time) in the spreadsheet's time zone (13/09/2016 in Australia/Sydney is
//   2016-09-12T14:00:00Z). Use wallClockToInstant / instantToWallClock (./time) to convert from and to
//   the UTC wall clock exceljs uses. A number with a date numberFormat stays a number here.
// - formula: the formula text with its leading '=' (as getFormulas() returns it); value is then its last
//   known result ('' if unknown: the emulation does not evaluate formulas).
// - numberFormat: omitted for the default format ('0.###############'); '@' is plain text.
// - Formats and validations are stored per cell (a format set on A2:A1000 appears on each of those
//   cells), so sheetsModel() lists cells that are empty but formatted, up to the last formatted row.

export interface SheetModel {
  name: string;
  rows: CellModel[][];
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  hidden: boolean;
  /** 1-based column number -> width in pixels, only for columns given a width. */
  columnWidths?: Record<number, number>;
  /** The sheet's id (gid); one is assigned when omitted. */
  sheetId?: number;
}

export interface CellModel {
  value: string | number | boolean | Date | '';
  formula?: string;
  numberFormat?: string;
  validation?: ValidationModel;
  fontWeight?: 'bold';
}

export type ValidationModel =
  { kind: 'list'; values: string[]; allowInvalid: boolean } | { kind: 'checkbox' };
