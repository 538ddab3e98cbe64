// Range: reads and writes a block of one tab's SheetStore.
import { rangeA1 } from './a1';
import { toInt, typeName } from './args';
import {
  DEFAULT_NUMBER_FORMAT,
  displayOf,
  formatKind,
  Formula,
  isEmpty,
  MAX_CELL_CHARS,
  toStored,
  type ParseContext,
  type Stored,
} from './cells';
import { CHECKBOX_SPEC, specOf } from './dataValidation';
import { gas, type Env } from './env';
import type { EmulatedSheet } from './sheet';
import { SheetStore, type ValidationSpec } from './store';
import { instantToSerial, serialToInstant, wallParts } from './time';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;
type Alignment = 'left' | 'center' | 'normal' | 'right' | null;

const get = SheetStore.get;
const fill = SheetStore.fill;

/** getValues() of one stored cell: the format decides whether a number reads as a Date and back. */
function outValue(v: Stored, fmt: string | undefined, zone: string): unknown {
  let s = v;
  if (s instanceof Formula) s = s.result;
  if (s === undefined) return '';
  if (typeof s === 'number') {
    return fmt !== undefined && formatKind(fmt) === 'date' ? new Date(serialToInstant(s, zone)) : s;
  }
  if (s instanceof Date) {
    if (fmt !== undefined && formatKind(fmt) === 'number') return instantToSerial(s.getTime(), zone);
    return new Date(s.getTime());
  }
  return s;
}

export const RANGE_METHODS = [
  'activate',
  'clear',
  'clearContent',
  'clearDataValidations',
  'clearFormat',
  'getA1Notation',
  'getCell',
  'getColumn',
  'getDataValidation',
  'getDataValidations',
  'getDisplayValue',
  'getDisplayValues',
  'getFontWeight',
  'getFontWeights',
  'getFormula',
  'getFormulas',
  'getLastColumn',
  'getLastRow',
  'getNumColumns',
  'getNumRows',
  'getNumberFormat',
  'getNumberFormats',
  'getRow',
  'getSheet',
  'getValue',
  'getValues',
  'insertCheckboxes',
  'isBlank',
  'offset',
  'removeCheckboxes',
  'setBackground',
  'setDataValidation',
  'setDataValidations',
  'setFontColor',
  'setFontWeight',
  'setFormula',
  'setHorizontalAlignment',
  'setNumberFormat',
  'setNumberFormats',
  'setValue',
  'setValues',
] as const;

export class EmulatedRange implements Pick<Range, (typeof RANGE_METHODS)[number]> {
  constructor(
    readonly sheet: EmulatedSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  private get _env(): Env {
    return this.sheet.book.env;
  }
  private get _store(): SheetStore {
    return this.sheet.store;
  }
  private get _zone(): string {
    return this.sheet.book.timeZone;
  }

  /** Ranges keep their coordinates: one left outside the sheet by deleted rows fails on use. */
  private _check(): void {
    const s = this._store;
    if (this.row + this.numRows - 1 > s.maxRows || this.column + this.numColumns - 1 > s.maxColumns) {
      throw this._env.exception('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }

  private _self(): Range {
    return gas(this._env.wrap(this, 'Range'));
  }

  /** Checks a 2-D argument has exactly the range's shape, with Google's messages. */
  private _checkShape(data: unknown, method: string): asserts data is unknown[][] {
    const env = this._env;
    if (!Array.isArray(data) || (data.length > 0 && !data.every((r) => Array.isArray(r)))) {
      throw env.exception(
        `The parameters (${typeName(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    if (data.length !== this.numRows) {
      throw env.exception(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.numRows}.`,
      );
    }
    for (const r of data as unknown[][]) {
      if (r.length !== this.numColumns) {
        throw env.exception(
          `The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${this.numColumns}.`,
        );
      }
    }
  }

  private _tooLong = (): Error =>
    this._env.exception(
      `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
    );

  /** A 2-D array (in the add-in's realm) of f(row, column) over the range (0-based sheet indexes). */
  private _grid<T>(f: (r: number, c: number) => T): T[][] {
    const env = this._env;
    const out = env.array<T[]>(this.numRows);
    for (let i = 0; i < this.numRows; i++) {
      const row = env.array<T>(this.numColumns);
      for (let j = 0; j < this.numColumns; j++) row[j] = f(this.row - 1 + i, this.column - 1 + j);
      out[i] = row;
    }
    return out;
  }

  /** How typed input is read: the spreadsheet's zone and locale, this year for a date typed without one. */
  private _parsing(): ParseContext {
    const book = this.sheet.book;
    const zone = book.timeZone;
    return {
      zone,
      locale: book.getSpreadsheetLocale(),
      year: wallParts(book.env.now().getTime(), zone).year,
    };
  }

  private _stored(value: unknown, r: number, c: number): Stored {
    return toStored(value, get(this._store.formats, r, c), this._parsing(), this._tooLong);
  }

  activate(): Range {
    this.sheet.book.active = this.sheet;
    return this._self();
  }

  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): Range {
    this._check();
    const o = options ?? {};
    const any = Boolean(o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly);
    const s = this._store;
    const [r0, c0, nr, nc] = [this.row - 1, this.column - 1, this.numRows, this.numColumns];
    if (!any || o.contentsOnly) fill(s.values, r0, c0, nr, nc, undefined);
    if (!any || o.formatOnly) {
      fill(s.formats, r0, c0, nr, nc, undefined);
      fill(s.bold, r0, c0, nr, nc, undefined);
    }
    if (!any || o.validationsOnly) fill(s.validations, r0, c0, nr, nc, undefined);
    return this._self();
  }
  clearContent(): Range {
    this._check();
    fill(this._store.values, this.row - 1, this.column - 1, this.numRows, this.numColumns, undefined);
    return this._self();
  }
  clearDataValidations(): Range {
    this._check();
    fill(this._store.validations, this.row - 1, this.column - 1, this.numRows, this.numColumns, undefined);
    return this._self();
  }
  clearFormat(): Range {
    this._check();
    fill(this._store.formats, this.row - 1, this.column - 1, this.numRows, this.numColumns, undefined);
    fill(this._store.bold, this.row - 1, this.column - 1, this.numRows, this.numColumns, undefined);
    return this._self();
  }
  getA1Notation(): string {
    return rangeA1(this.row, this.column, this.numRows, this.numColumns);
  }
  getCell(row: number, column: number): Range {
    const r = toInt(this._env, row);
    const c = toInt(this._env, column);
    if (r < 1 || c < 1 || r > this.numRows || c > this.numColumns) {
      throw this._env.exception('Cell reference out of range');
    }
    return gas(this.sheet._range(this.row + r - 1, this.column + c - 1, 1, 1));
  }
  getColumn(): number {
    return this.column;
  }
  getDataValidation(): DataValidation | null {
    this._check();
    return this._validation(get(this._store.validations, this.row - 1, this.column - 1));
  }
  private _validation(spec: ValidationSpec | undefined): DataValidation | null {
    return spec ? gas(this._env.wrap(this.sheet.book._rule(spec), 'DataValidation')) : null;
  }
  getDataValidations(): (DataValidation | null)[][] {
    this._check();
    const layer = this._store.validations;
    return this._grid((r, c) => this._validation(get(layer, r, c)));
  }
  getDisplayValue(): string {
    this._check();
    const r = this.row - 1;
    const c = this.column - 1;
    return displayOf(get(this._store.values, r, c), get(this._store.formats, r, c), this._zone);
  }
  getDisplayValues(): string[][] {
    this._check();
    const { values, formats } = this._store;
    const zone = this._zone;
    return this._grid((r, c) => displayOf(get(values, r, c), get(formats, r, c), zone));
  }
  getFontWeight(): FontWeight {
    this._check();
    return get(this._store.bold, this.row - 1, this.column - 1) ? 'bold' : 'normal';
  }
  getFontWeights(): FontWeight[][] {
    this._check();
    const bold = this._store.bold;
    return this._grid((r, c): FontWeight => (get(bold, r, c) ? 'bold' : 'normal'));
  }
  getFormula(): string {
    this._check();
    const v = get(this._store.values, this.row - 1, this.column - 1);
    return v instanceof Formula ? v.text : '';
  }
  getFormulas(): string[][] {
    this._check();
    const values = this._store.values;
    return this._grid((r, c) => {
      const v = get(values, r, c);
      return v instanceof Formula ? v.text : '';
    });
  }
  getLastColumn(): number {
    return this.column + this.numColumns - 1;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getNumColumns(): number {
    return this.numColumns;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumberFormat(): string {
    this._check();
    return get(this._store.formats, this.row - 1, this.column - 1) ?? DEFAULT_NUMBER_FORMAT;
  }
  getNumberFormats(): string[][] {
    this._check();
    const formats = this._store.formats;
    return this._grid((r, c) => get(formats, r, c) ?? DEFAULT_NUMBER_FORMAT);
  }
  getRow(): number {
    return this.row;
  }
  getSheet(): Sheet {
    return gas(this._env.wrap(this.sheet, 'Sheet'));
  }
  getValue(): unknown {
    this._check();
    const r = this.row - 1;
    const c = this.column - 1;
    return outValue(get(this._store.values, r, c), get(this._store.formats, r, c), this._zone);
  }
  getValues(): unknown[][] {
    this._check();
    const { values, formats } = this._store;
    const zone = this._zone;
    const r0 = this.row - 1;
    const c0 = this.column - 1;
    const nr = this.numRows;
    const nc = this.numColumns;
    const out = new Array<unknown[]>(nr);
    for (let i = 0; i < nr; i++) {
      const src = values[r0 + i];
      const fmts = formats[r0 + i];
      const row = new Array<unknown>(nc);
      for (let j = 0; j < nc; j++) {
        const v = src === undefined ? undefined : src[c0 + j];
        if (v === undefined) row[j] = '';
        else if (typeof v === 'string' || typeof v === 'boolean') row[j] = v;
        else row[j] = outValue(v, fmts === undefined ? undefined : fmts[c0 + j], zone);
      }
      out[i] = row;
    }
    return out;
  }

  insertCheckboxes(...args: unknown[]): Range {
    this._check();
    const spec: ValidationSpec =
      args.length === 0
        ? CHECKBOX_SPEC
        : Object.freeze({
            criteria: 'CHECKBOX',
            args: Object.freeze(args.slice(0, 2)),
            allowInvalid: true,
            helpText: '',
          });
    const unchecked: unknown = args.length === 0 ? false : args.length === 1 ? '' : args[1];
    const [r0, c0, nr, nc] = [this.row - 1, this.column - 1, this.numRows, this.numColumns];
    fill(this._store.validations, r0, c0, nr, nc, spec);
    fill(this._store.values, r0, c0, nr, nc, this._stored(unchecked, r0, c0));
    return this._self();
  }
  isBlank(): boolean {
    this._check();
    const values = this._store.values;
    for (let r = this.row - 1; r < this.row - 1 + this.numRows; r++) {
      for (let c = this.column - 1; c < this.column - 1 + this.numColumns; c++) {
        if (!isEmpty(get(values, r, c))) return false;
      }
    }
    return true;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const env = this._env;
    return gas(
      this.sheet._range(
        this.row + toInt(env, rowOffset),
        this.column + toInt(env, columnOffset),
        numRows === undefined ? this.numRows : toInt(env, numRows),
        numColumns === undefined ? this.numColumns : toInt(env, numColumns),
      ),
    );
  }
  removeCheckboxes(): Range {
    this._check();
    const { values, validations } = this._store;
    for (let r = this.row - 1; r < this.row - 1 + this.numRows; r++) {
      for (let c = this.column - 1; c < this.column - 1 + this.numColumns; c++) {
        const spec = get(validations, r, c);
        if (!spec || spec.criteria !== 'CHECKBOX') continue;
        const checked = spec.args.length ? spec.args[0] : true;
        const unchecked = spec.args.length ? (spec.args[1] ?? '') : false;
        const v = get(values, r, c);
        if (v === checked || v === unchecked) SheetStore.set(values, r, c, undefined);
        SheetStore.set(validations, r, c, undefined);
      }
    }
    return this._self();
  }
  setBackground(_color: string | null): Range {
    this._check();
    return this._self();
  }
  setDataValidation(rule: DataValidation | null): Range {
    this._check();
    const spec = specOf(this._env, rule, 'setDataValidation');
    fill(this._store.validations, this.row - 1, this.column - 1, this.numRows, this.numColumns, spec);
    return this._self();
  }
  setDataValidations(rules: (DataValidation | null)[][]): Range {
    this._check();
    this._checkShape(rules, 'setDataValidations');
    const specs = rules.map((row) => row.map((rule) => specOf(this._env, rule, 'setDataValidations')));
    const layer = this._store.validations;
    specs.forEach((row, i) =>
      row.forEach((spec, j) => SheetStore.set(layer, this.row - 1 + i, this.column - 1 + j, spec)),
    );
    return this._self();
  }
  setFontColor(_color: string | null): Range {
    this._check();
    return this._self();
  }
  setFontWeight(fontWeight: FontWeight | null): Range {
    this._check();
    const bold = fontWeight === 'bold' ? true : undefined;
    fill(this._store.bold, this.row - 1, this.column - 1, this.numRows, this.numColumns, bold);
    return this._self();
  }
  setFormula(formula: string): Range {
    this._check();
    const text = String(formula);
    const [r0, c0, nr, nc] = [this.row - 1, this.column - 1, this.numRows, this.numColumns];
    fill(
      this._store.values,
      r0,
      c0,
      nr,
      nc,
      text.startsWith('=') ? new Formula(text) : this._stored(text, r0, c0),
    );
    return this._self();
  }
  setHorizontalAlignment(_alignment: Alignment): Range {
    this._check();
    return this._self();
  }
  setNumberFormat(numberFormat: string): Range {
    this._check();
    const fmt = String(numberFormat);
    fill(
      this._store.formats,
      this.row - 1,
      this.column - 1,
      this.numRows,
      this.numColumns,
      fmt === DEFAULT_NUMBER_FORMAT ? undefined : fmt,
    );
    return this._self();
  }
  setNumberFormats(numberFormats: string[][]): Range {
    this._check();
    this._checkShape(numberFormats, 'setNumberFormats');
    const layer = this._store.formats;
    numberFormats.forEach((row, i) =>
      row.forEach((f, j) => {
        const fmt = f === null || f === undefined ? undefined : String(f);
        SheetStore.set(
          layer,
          this.row - 1 + i,
          this.column - 1 + j,
          fmt === DEFAULT_NUMBER_FORMAT ? undefined : fmt,
        );
      }),
    );
    return this._self();
  }
  setValue(value: unknown): Range {
    this._check();
    if (Array.isArray(value)) {
      throw this._env.exception(
        `The parameters (${typeName(value)}) don't match the method signature for SpreadsheetApp.Range.setValue.`,
      );
    }
    const values = this._store.values;
    // Convert every cell first (formats differ per cell), then write: a failure writes nothing.
    const converted = this._grid((r, c) => this._stored(value, r, c));
    converted.forEach((row, i) =>
      row.forEach((v, j) => SheetStore.set(values, this.row - 1 + i, this.column - 1 + j, v)),
    );
    return this._self();
  }
  setValues(values: unknown[][]): Range {
    this._check();
    this._checkShape(values, 'setValues');
    const { values: layer, formats } = this._store;
    const parsing = this._parsing();
    const tooLong = this._tooLong;
    const r0 = this.row - 1;
    const c0 = this.column - 1;
    const nc = this.numColumns;
    // The only conversion that can fail is a cell over the length limit: check first, so that a
    // failed call writes nothing, then convert straight into the rows.
    for (const src of values) {
      for (let j = 0; j < nc; j++) {
        const v = src[j];
        if (typeof v === 'string' && v.length > MAX_CELL_CHARS) throw tooLong();
      }
    }
    for (let i = 0; i < values.length; i++) {
      const src = values[i] as unknown[];
      const fmts = formats[r0 + i];
      let row = layer[r0 + i];
      if (row === undefined) {
        if (src.every((v) => v === '' || v === null || v === undefined)) continue;
        row = new Array<Stored>(c0 + nc);
        layer[r0 + i] = row;
      }
      for (let j = 0; j < nc; j++) {
        row[c0 + j] = toStored(src[j], fmts === undefined ? undefined : fmts[c0 + j], parsing, tooLong);
      }
    }
    return this._self();
  }
}
