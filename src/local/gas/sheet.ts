// Sheet: one tab, over its SheetStore; hands out Ranges.
import { parseA1 } from './a1';
import { toInt, typeName } from './args';
import { gas, type Env } from './env';
import { EmulatedRange } from './range';
import type { EmulatedSpreadsheet } from './spreadsheet';
import type { SheetStore } from './store';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const SHEET_METHODS = [
  'activate',
  'appendRow',
  'clear',
  'clearContents',
  'clearFormats',
  'deleteColumns',
  'deleteRow',
  'deleteRows',
  'getColumnWidth',
  'getDataRange',
  'getFrozenRows',
  'getIndex',
  'getLastColumn',
  'getLastRow',
  'getMaxColumns',
  'getMaxRows',
  'getName',
  'getParent',
  'getRange',
  'getSheetId',
  'hideSheet',
  'insertColumnsAfter',
  'insertRowAfter',
  'insertRowsAfter',
  'insertRowsBefore',
  'isSheetHidden',
  'setColumnWidth',
  'setFrozenRows',
  'setName',
  'showSheet',
] as const;

export class EmulatedSheet implements Pick<Sheet, (typeof SHEET_METHODS)[number]> {
  constructor(
    readonly book: EmulatedSpreadsheet,
    readonly store: SheetStore,
  ) {}

  private get _env(): Env {
    return this.book.env;
  }
  private _self(): Sheet {
    return gas(this._env.wrap(this, 'Sheet'));
  }

  /** A range by 1-based coordinates, checked like Google's getRange(row, column, numRows, numColumns). */
  _range(row: number, column: number, numRows: number, numColumns: number): Range {
    const env = this._env;
    if (row < 1) throw env.exception('The starting row of the range is too small.');
    if (column < 1) throw env.exception('The starting column of the range is too small.');
    if (numRows < 1) throw env.exception('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw env.exception('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.store.maxRows || column + numColumns - 1 > this.store.maxColumns) {
      throw env.exception('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return gas(env.wrap(new EmulatedRange(this, row, column, numRows, numColumns), 'Range'));
  }

  /** A range from A1 notation, relative to this sheet. */
  _rangeA1(a1: string): Range {
    const env = this._env;
    const p = parseA1(a1);
    if (!p || (p.sheetName !== undefined && p.sheetName.toLowerCase() !== this.store.name.toLowerCase())) {
      throw env.exception('Range not found');
    }
    const row = p.startRow ?? 1;
    const column = p.startColumn ?? 1;
    const endRow = p.endRow ?? this.store.maxRows;
    const endColumn = p.endColumn ?? this.store.maxColumns;
    if (row > this.store.maxRows || column > this.store.maxColumns) {
      throw env.exception('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this._range(row, column, endRow - row + 1, endColumn - column + 1);
  }

  activate(): Sheet {
    this.book.active = this;
    this.store.hidden = false;
    return this._self();
  }
  appendRow(rowContents: unknown[]): Sheet {
    const env = this._env;
    if (!Array.isArray(rowContents)) {
      throw env.exception(
        `The parameters (${typeName(rowContents)}) don't match the method signature for SpreadsheetApp.Sheet.appendRow.`,
      );
    }
    const s = this.store;
    const target = s.lastRow() + 1;
    if (rowContents.length === 0) return this._self();
    const rows = Math.max(s.maxRows, target);
    const columns = Math.max(s.maxColumns, rowContents.length);
    this.book._checkGrowth(rows * columns - s.maxRows * s.maxColumns);
    if (target > s.maxRows) s.insertRowsAfter(s.maxRows, target - s.maxRows);
    if (rowContents.length > s.maxColumns)
      s.insertColumnsAfter(s.maxColumns, rowContents.length - s.maxColumns);
    const range = this._range(target, 1, 1, rowContents.length);
    range.setValues([rowContents]);
    return this._self();
  }
  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): Sheet {
    const o = options ?? {};
    const any = Boolean(o.formatOnly || o.contentsOnly);
    this.store.clear({
      contents: !any || Boolean(o.contentsOnly),
      formats: !any || Boolean(o.formatOnly),
      validations: !any,
    });
    return this._self();
  }
  clearContents(): Sheet {
    this.store.clear({ contents: true, formats: false, validations: false });
    return this._self();
  }
  clearFormats(): Sheet {
    this.store.clear({ contents: false, formats: true, validations: false });
    return this._self();
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    const env = this._env;
    const pos = toInt(env, columnPosition);
    const n = toInt(env, howMany);
    if (pos < 1 || n < 1 || pos + n - 1 > this.store.maxColumns)
      throw env.exception('Those columns are out of bounds.');
    if (n >= this.store.maxColumns) throw env.exception("You can't delete all the columns on the sheet.");
    this.store.deleteColumns(pos, n);
  }
  deleteRow(rowPosition: number): Sheet {
    this.deleteRows(rowPosition, 1);
    return this._self();
  }
  deleteRows(rowPosition: number, howMany: number): void {
    const env = this._env;
    const pos = toInt(env, rowPosition);
    const n = toInt(env, howMany);
    const s = this.store;
    if (pos < 1 || n < 1 || pos + n - 1 > s.maxRows) throw env.exception('Those rows are out of bounds.');
    if (n >= s.maxRows) throw env.exception("You can't delete all the rows on the sheet.");
    if (s.frozenRows > 0 && s.maxRows - n <= s.frozenRows) {
      throw env.exception('Sorry, it is not possible to delete all non-frozen rows.');
    }
    s.deleteRows(pos, n);
  }
  getColumnWidth(columnPosition: number): number {
    return this.store.columnWidths.get(toInt(this._env, columnPosition)) ?? 100;
  }
  getDataRange(): Range {
    return this._range(1, 1, Math.max(1, this.store.lastRow()), Math.max(1, this.store.lastColumn()));
  }
  getFrozenRows(): number {
    return this.store.frozenRows;
  }
  getIndex(): number {
    return this.book.sheets.indexOf(this) + 1;
  }
  getLastColumn(): number {
    return this.store.lastColumn();
  }
  getLastRow(): number {
    return this.store.lastRow();
  }
  getMaxColumns(): number {
    return this.store.maxColumns;
  }
  getMaxRows(): number {
    return this.store.maxRows;
  }
  getName(): string {
    return this.store.name;
  }
  getParent(): Spreadsheet {
    return gas(this._env.wrap(this.book, 'Spreadsheet'));
  }
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    const env = this._env;
    if (typeof rowOrA1 === 'string' && column === undefined && !/^\s*\d+\s*$/.test(rowOrA1)) {
      return this._rangeA1(rowOrA1);
    }
    if (column === undefined) {
      throw env.exception(
        `The parameters (${typeName(rowOrA1)}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
      );
    }
    return this._range(
      toInt(env, rowOrA1),
      toInt(env, column),
      numRows === undefined ? 1 : toInt(env, numRows),
      numColumns === undefined ? 1 : toInt(env, numColumns),
    );
  }
  getSheetId(): number {
    return this.store.id;
  }
  hideSheet(): Sheet {
    const visible = this.book.sheets.filter((s) => !s.store.hidden);
    if (!this.store.hidden && visible.length <= 1) {
      throw this._env.exception("You can't hide all the sheets in a document.");
    }
    this.store.hidden = true;
    return this._self();
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    const env = this._env;
    const after = toInt(env, afterPosition);
    const n = toInt(env, howMany);
    if (after < 1 || after > this.store.maxColumns) throw env.exception('Those columns are out of bounds.');
    if (n < 1) throw env.exception('The number of columns to insert must be at least 1.');
    this.book._checkGrowth(n * this.store.maxRows);
    this.store.insertColumnsAfter(after, n);
    return this._self();
  }
  insertRowAfter(afterPosition: number): Sheet {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    const env = this._env;
    const after = toInt(env, afterPosition);
    const n = toInt(env, howMany);
    if (after < 1 || after > this.store.maxRows) throw env.exception('Those rows are out of bounds.');
    if (n < 1) throw env.exception('The number of rows to insert must be at least 1.');
    this.book._checkGrowth(n * this.store.maxColumns);
    this.store.insertRowsAfter(after, n);
    return this._self();
  }
  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    const env = this._env;
    const before = toInt(env, beforePosition);
    const n = toInt(env, howMany);
    if (before < 1 || before > this.store.maxRows) throw env.exception('Those rows are out of bounds.');
    if (n < 1) throw env.exception('The number of rows to insert must be at least 1.');
    this.book._checkGrowth(n * this.store.maxColumns);
    this.store.insertRowsBefore(before, n);
    return this._self();
  }
  isSheetHidden(): boolean {
    return this.store.hidden;
  }
  setColumnWidth(columnPosition: number, width: number): Sheet {
    const env = this._env;
    const c = toInt(env, columnPosition);
    if (c < 1 || c > this.store.maxColumns) throw env.exception('Those columns are out of bounds.');
    this.store.columnWidths.set(c, toInt(env, width));
    return this._self();
  }
  setFrozenRows(rows: number): void {
    const env = this._env;
    const n = toInt(env, rows);
    if (n < 0 || n > this.store.maxRows) throw env.exception('Those rows are out of bounds.');
    if (n === this.store.maxRows && n > 0) {
      throw env.exception("You can't freeze all visible rows on the sheet.");
    }
    this.store.frozenRows = n;
  }
  setName(name: string): Sheet {
    const text = String(name);
    this.book._checkNewName(text, this);
    this.store.name = text;
    return this._self();
  }
  showSheet(): Sheet {
    this.store.hidden = false;
    return this._self();
  }
}
