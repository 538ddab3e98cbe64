// SpreadsheetApp, Spreadsheet, Sheet, Range and data validations, over SheetStore.
import { cellA1, parseA1, rangeA1 } from './a1';
import {
  DEFAULT_NUMBER_FORMAT,
  displayOf,
  formatKind,
  Formula,
  isEmpty,
  MAX_CELL_CHARS,
  toStored,
  type Stored,
} from './cells';
import { BorderStyle, DataValidationCriteria, Dimension, WrapStrategy, type CriteriaName } from './enums';
import { enumMember, Env, gas, isDateValue } from './env';
import type { CellModel, SheetModel, ValidationModel } from './model';
import { SheetStore, type Layer, type ValidationSpec } from './store';
import { instantToSerial, instantToWallMs, isValidTimeZone, serialToInstant, wallMsToInstant } from './time';

type GS = typeof GoogleAppsScript.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type DataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;
type Alignment = 'left' | 'center' | 'normal' | 'right' | null;

const get = SheetStore.get;
const fill = SheetStore.fill;

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return Array.isArray(v[0]) ? 'Object[][]' : 'Object[]';
  if (isDateValue(v)) return 'Date';
  switch (typeof v) {
    case 'string':
      return 'String';
    case 'number':
      return 'number';
    case 'boolean':
      return 'Boolean';
    case 'undefined':
      return 'undefined';
    default:
      return 'Object';
  }
}

/** Apps Script converts a numeric argument to an int, refusing fractions and non-numbers. */
function toInt(env: Env, v: unknown): number {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n))
    throw env.exception(`Cannot convert '${String(v)}' to int.`);
  return n;
}

// ---- data validation --------------------------------------------------------------------------

export const DATA_VALIDATION_METHODS = [
  'copy',
  'getAllowInvalid',
  'getCriteriaType',
  'getCriteriaValues',
  'getHelpText',
] as const;

export class EmulatedDataValidation implements Pick<
  DataValidation,
  (typeof DATA_VALIDATION_METHODS)[number]
> {
  constructor(
    readonly env: Env,
    readonly spec: ValidationSpec,
  ) {}

  copy(): DataValidationBuilder {
    return gas(
      this.env.wrap(new EmulatedDataValidationBuilder(this.env, { ...this.spec }), 'DataValidationBuilder'),
    );
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return gas(DataValidationCriteria[this.spec.criteria as CriteriaName]);
  }
  getCriteriaValues(): unknown[] {
    return this.env.list(this.spec.args.map((a) => (Array.isArray(a) ? this.env.list(a) : a)));
  }
  getHelpText(): string {
    return this.spec.helpText;
  }
}

interface BuilderState {
  criteria?: string;
  args?: readonly unknown[];
  allowInvalid?: boolean;
  helpText?: string;
}

export const BUILDER_METHODS = [
  'build',
  'copy',
  'getAllowInvalid',
  'getCriteriaType',
  'getCriteriaValues',
  'getHelpText',
  'requireCheckbox',
  'requireValueInList',
  'requireNumberBetween',
  'requireNumberGreaterThan',
  'requireNumberGreaterThanOrEqualTo',
  'requireDate',
  'requireTextIsEmail',
  'requireFormulaSatisfied',
  'setAllowInvalid',
  'setHelpText',
  'withCriteria',
] as const;

export class EmulatedDataValidationBuilder implements Pick<
  DataValidationBuilder,
  (typeof BUILDER_METHODS)[number]
> {
  constructor(
    readonly env: Env,
    private state: BuilderState = {},
  ) {}

  private _set(criteria: CriteriaName, args: readonly unknown[]): DataValidationBuilder {
    this.state.criteria = criteria;
    this.state.args = Object.freeze(args.slice());
    return gas(this.env.wrap(this, 'DataValidationBuilder'));
  }

  build(): DataValidation {
    const { criteria, args, allowInvalid, helpText } = this.state;
    if (criteria === undefined) throw this.env.exception('You must specify a data validation rule criteria.');
    const spec: ValidationSpec = Object.freeze({
      criteria,
      args: args ?? [],
      allowInvalid: allowInvalid ?? true,
      helpText: helpText ?? '',
    });
    return gas(this.env.wrap(new EmulatedDataValidation(this.env, spec), 'DataValidation'));
  }
  copy(): DataValidationBuilder {
    return gas(
      this.env.wrap(new EmulatedDataValidationBuilder(this.env, { ...this.state }), 'DataValidationBuilder'),
    );
  }
  getAllowInvalid(): boolean {
    return this.state.allowInvalid ?? true;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return gas(DataValidationCriteria[(this.state.criteria ?? 'CUSTOM_FORMULA') as CriteriaName]);
  }
  getCriteriaValues(): unknown[] {
    return this.env.list(this.state.args ?? []);
  }
  getHelpText(): string | null {
    return this.state.helpText ?? null;
  }
  requireCheckbox(...args: unknown[]): DataValidationBuilder {
    return this._set('CHECKBOX', args.slice(0, 2));
  }
  requireValueInList(values: string[], showDropdown?: boolean): DataValidationBuilder {
    if (!Array.isArray(values)) {
      throw this.env.exception(
        `The parameters (${typeName(values)}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.`,
      );
    }
    return this._set('VALUE_IN_LIST', [Object.freeze(values.map((v) => String(v))), showDropdown ?? true]);
  }
  requireNumberBetween(start: number, end: number): DataValidationBuilder {
    return this._set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThan(n: number): DataValidationBuilder {
    return this._set('NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): DataValidationBuilder {
    return this._set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireDate(): DataValidationBuilder {
    return this._set('DATE_IS_VALID_DATE', []);
  }
  requireTextIsEmail(): DataValidationBuilder {
    return this._set('TEXT_IS_VALID_EMAIL', []);
  }
  requireFormulaSatisfied(formula: string): DataValidationBuilder {
    return this._set('CUSTOM_FORMULA', [formula]);
  }
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder {
    this.state.allowInvalid = Boolean(allowInvalidData);
    return gas(this.env.wrap(this, 'DataValidationBuilder'));
  }
  setHelpText(helpText: string): DataValidationBuilder {
    this.state.helpText = String(helpText);
    return gas(this.env.wrap(this, 'DataValidationBuilder'));
  }
  withCriteria(
    criteria: GoogleAppsScript.Spreadsheet.DataValidationCriteria,
    args: unknown[],
  ): DataValidationBuilder {
    const member = enumMember(DataValidationCriteria, criteria);
    if (!member) throw this.env.exception('Invalid argument: criteria');
    return this._set(member.name() as CriteriaName, Array.isArray(args) ? args : []);
  }
}

function specOf(env: Env, rule: unknown, method: string): ValidationSpec | undefined {
  if (rule === null || rule === undefined) return undefined;
  if (rule instanceof EmulatedDataValidation) return rule.spec;
  throw env.exception(
    `The parameters (${typeName(rule)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
  );
}

const CHECKBOX_SPEC: ValidationSpec = Object.freeze({
  criteria: 'CHECKBOX',
  args: Object.freeze([]),
  allowInvalid: true,
  helpText: '',
});

const modelOfSpec = new WeakMap<ValidationSpec, ValidationModel | null>();

/** The model of a rule (one shared object per rule: treat it as read-only). */
export function validationToModel(spec: ValidationSpec | undefined): ValidationModel | undefined {
  if (!spec) return undefined;
  let m = modelOfSpec.get(spec);
  if (m === undefined) {
    m = specToModel(spec) ?? null;
    modelOfSpec.set(spec, m);
  }
  return m ?? undefined;
}

function specToModel(spec: ValidationSpec): ValidationModel | undefined {
  if (spec.criteria === 'CHECKBOX') return { kind: 'checkbox' };
  if (spec.criteria === 'VALUE_IN_LIST') {
    const values = spec.args[0];
    return {
      kind: 'list',
      values: Array.isArray(values) ? values.map((v) => String(v)) : [],
      allowInvalid: spec.allowInvalid,
    };
  }
  return undefined;
}

export function validationFromModel(model: ValidationModel | undefined): ValidationSpec | undefined {
  if (!model) return undefined;
  if (model.kind === 'checkbox') return CHECKBOX_SPEC;
  return Object.freeze({
    criteria: 'VALUE_IN_LIST',
    args: Object.freeze([Object.freeze(model.values.slice()), true]),
    allowInvalid: model.allowInvalid,
    helpText: '',
  });
}

// ---- range ------------------------------------------------------------------------------------

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

  private _stored(value: unknown, r: number, c: number): Stored {
    return toStored(value, get(this._store.formats, r, c), this._zone, this._tooLong);
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
    const zone = this._zone;
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
        row[c0 + j] = toStored(src[j], fmts === undefined ? undefined : fmts[c0 + j], zone, tooLong);
      }
    }
    return this._self();
  }
}

// ---- sheet ------------------------------------------------------------------------------------

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
    this.store.insertRowsAfter(after, n);
    return this._self();
  }
  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    const env = this._env;
    const before = toInt(env, beforePosition);
    const n = toInt(env, howMany);
    if (before < 1 || before > this.store.maxRows) throw env.exception('Those rows are out of bounds.');
    if (n < 1) throw env.exception('The number of rows to insert must be at least 1.');
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

// ---- spreadsheet ------------------------------------------------------------------------------

export interface SpreadsheetOptions {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  /** Records a toast (Spreadsheet.toast). */
  toast: (message: string, title: string | undefined, timeoutSeconds: number | undefined) => void;
}

export const SPREADSHEET_METHODS = [
  'deleteSheet',
  'getActiveSheet',
  'getId',
  'getName',
  'getNumSheets',
  'getRange',
  'getSheetById',
  'getSheetByName',
  'getSheets',
  'getSpreadsheetLocale',
  'getSpreadsheetTimeZone',
  'getUrl',
  'insertSheet',
  'rename',
  'setActiveSheet',
  'setSpreadsheetTimeZone',
  'toast',
] as const;

/** Not Apps Script methods: the model boundary for the xlsx load/save. They are not counted. */
const SPREADSHEET_UNCOUNTED = ['sheetsModel', 'loadModel', 'addSheetFromModel'];

export class EmulatedSpreadsheet implements Pick<Spreadsheet, (typeof SPREADSHEET_METHODS)[number]> {
  sheets: EmulatedSheet[] = [];
  active: EmulatedSheet | undefined;
  timeZone: string;
  name: string;
  private nextSheetId = 0;
  private rules = new WeakMap<ValidationSpec, EmulatedDataValidation>();

  constructor(
    readonly env: Env,
    private readonly options: SpreadsheetOptions,
  ) {
    this.timeZone = options.timeZone;
    this.name = options.name;
  }

  static create(env: Env, options: SpreadsheetOptions): EmulatedSpreadsheet {
    const book = new EmulatedSpreadsheet(env, options);
    book._addStore(new SheetStore('Sheet1', book.nextSheetId++));
    return env.wrap(book, 'Spreadsheet', SPREADSHEET_UNCOUNTED);
  }

  private _self(): Spreadsheet {
    return gas(this.env.wrap(this, 'Spreadsheet', SPREADSHEET_UNCOUNTED));
  }
  private _sheet(s: EmulatedSheet): Sheet {
    return gas(this.env.wrap(s, 'Sheet'));
  }
  /** One DataValidation object per stored rule. */
  _rule(spec: ValidationSpec): EmulatedDataValidation {
    let rule = this.rules.get(spec);
    if (!rule) {
      rule = new EmulatedDataValidation(this.env, spec);
      this.rules.set(spec, rule);
    }
    return rule;
  }
  _addStore(store: SheetStore, index?: number): EmulatedSheet {
    const sheet = new EmulatedSheet(this, store);
    if (index === undefined || index >= this.sheets.length) this.sheets.push(sheet);
    else this.sheets.splice(Math.max(0, index), 0, sheet);
    this.active = sheet;
    return sheet;
  }
  /** Sheet names are unique ignoring case, as in Google Sheets. */
  _checkNewName(name: string, self?: EmulatedSheet): void {
    if (name.trim() === '') throw this.env.exception('Sheet names cannot be empty.');
    if (name.length > 100) throw this.env.exception('Sheet names must be 100 characters or fewer.');
    const clash = this.sheets.find((s) => s !== self && s.store.name.toLowerCase() === name.toLowerCase());
    if (clash) {
      throw this.env.exception(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }
  private _find(sheet: unknown): EmulatedSheet | undefined {
    return this.sheets.find((s) => s === sheet || this.env.wrap(s, 'Sheet') === sheet);
  }

  deleteSheet(sheet: Sheet): void {
    const target = this._find(sheet);
    if (!target) throw this.env.exception('The sheet does not exist or has already been deleted.');
    if (this.sheets.length <= 1) throw this.env.exception("You can't remove all the sheets in a document.");
    this.sheets.splice(this.sheets.indexOf(target), 1);
    if (this.active === target) this.active = this.sheets[0];
  }
  getActiveSheet(): Sheet {
    return this._sheet(this.active ?? (this.sheets[0] as EmulatedSheet));
  }
  getId(): string {
    return this.options.id;
  }
  getName(): string {
    return this.name;
  }
  getNumSheets(): number {
    return this.sheets.length;
  }
  getRange(a1Notation: string): Range {
    const p = parseA1(a1Notation);
    if (!p) throw this.env.exception('Range not found');
    let sheet = this.active ?? this.sheets[0];
    if (p.sheetName !== undefined) {
      const name = p.sheetName.toLowerCase();
      sheet = this.sheets.find((s) => s.store.name.toLowerCase() === name);
      if (!sheet) throw this.env.exception('Range not found');
    }
    return (sheet as EmulatedSheet)._rangeA1(a1Notation);
  }
  getSheetById(id: number): Sheet | null {
    const s = this.sheets.find((x) => x.store.id === id);
    return s ? this._sheet(s) : null;
  }
  /** Apps Script matches sheet names ignoring case. */
  getSheetByName(name: string): Sheet | null {
    const key = String(name).toLowerCase();
    const s = this.sheets.find((x) => x.store.name.toLowerCase() === key);
    return s ? this._sheet(s) : null;
  }
  getSheets(): Sheet[] {
    return this.env.list(this.sheets.map((s) => this._sheet(s)));
  }
  getSpreadsheetLocale(): string {
    return this.options.locale;
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.options.id}/edit`;
  }
  insertSheet(...args: unknown[]): Sheet {
    const env = this.env;
    let name: string | undefined;
    let index: number | undefined;
    for (const a of args) {
      if (typeof a === 'string' && name === undefined && index === undefined) name = a;
      else if (typeof a === 'number') index = toInt(env, a);
      else if (a !== undefined && (typeof a !== 'object' || a === null)) {
        throw env.exception(
          `The parameters (${args.map(typeName).join(',')}) don't match the method signature for SpreadsheetApp.Spreadsheet.insertSheet.`,
        );
      }
    }
    if (name === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheets.some((s) => s.store.name.toLowerCase() === `sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    this._checkNewName(name);
    if (index !== undefined && (index < 0 || index > this.sheets.length)) {
      throw env.exception(`The sheet index ${index} is out of range.`);
    }
    const store = new SheetStore(name, this._newSheetId());
    return this._sheet(this._addStore(store, index));
  }
  private _newSheetId(): number {
    // Like Google: the first sheet is gid 0, later ones get large numbers (deterministic here).
    const id = this.nextSheetId === 0 ? 0 : 1_000_000_000 + this.nextSheetId * 7_919;
    this.nextSheetId++;
    return id;
  }
  rename(newName: string): void {
    this.name = String(newName);
  }
  setActiveSheet(sheet: Sheet): Sheet {
    const target = this._find(sheet);
    if (!target) throw this.env.exception('The sheet does not exist or has already been deleted.');
    this.active = target;
    return this._sheet(target);
  }
  /** A date cell keeps its calendar value (its serial number), so its instant moves with the zone. */
  setSpreadsheetTimeZone(timezone: string): void {
    if (!isValidTimeZone(timezone)) throw this.env.exception(`Invalid argument: ${String(timezone)}`);
    const old = this.timeZone;
    if (old === timezone) return;
    for (const sheet of this.sheets) {
      for (const row of sheet.store.values) {
        if (row === undefined) continue;
        for (let c = 0; c < row.length; c++) {
          const v = row[c];
          if (v instanceof Date)
            row[c] = new Date(wallMsToInstant(instantToWallMs(v.getTime(), old), timezone));
        }
      }
    }
    this.timeZone = timezone;
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.options.toast(
      String(msg),
      title === undefined ? undefined : String(title),
      timeoutSeconds ?? undefined,
    );
  }

  // ---- the model boundary (not Apps Script; not counted) -------------------------------------

  /** Every tab as a plain model, in tab order. See ./model.ts for the conventions. */
  sheetsModel(): SheetModel[] {
    return this.sheets.map((s) => storeToModel(s.store));
  }

  /** Replaces all tabs with these (at least one, as a spreadsheet always has a tab). */
  loadModel(models: readonly SheetModel[]): void {
    if (models.length === 0) throw new Error('loadModel: a spreadsheet needs at least one sheet');
    const names = new Set<string>();
    for (const m of models) {
      const key = m.name.toLowerCase();
      if (names.has(key)) throw new Error(`loadModel: duplicate sheet name "${m.name}"`);
      names.add(key);
    }
    this.sheets = [];
    this.active = undefined;
    this.nextSheetId = 0;
    for (const m of models) this.addSheetFromModel(m);
    this.active = this.sheets.find((s) => !s.store.hidden) ?? this.sheets[0];
  }

  /** Adds one tab from a model (at the end, or at 0-based `index`) and returns it. */
  addSheetFromModel(model: SheetModel, index?: number): Sheet {
    this._checkNewName(model.name);
    const id = model.sheetId ?? this._newSheetId();
    if (model.sheetId !== undefined && this.nextSheetId === 0) this.nextSheetId = 1;
    const store = modelToStore(model, id);
    return this._sheet(this._addStore(store, index));
  }
}

function storeToModel(s: SheetStore): SheetModel {
  const layers: Layer<unknown>[] = [s.values, s.formats, s.validations, s.bold];
  let lastRow = 0;
  for (const layer of layers) {
    for (let r = layer.length - 1; r >= lastRow; r--) {
      const row = layer[r];
      if (row && row.some((v) => v !== undefined && v !== '')) {
        lastRow = r + 1;
        break;
      }
    }
  }
  const rows: CellModel[][] = new Array<CellModel[]>(lastRow);
  for (let r = 0; r < lastRow; r++) {
    const vals = s.values[r];
    const fmts = s.formats[r];
    const vals2 = s.validations[r];
    const bold = s.bold[r];
    let width = 0;
    for (const row of [vals, fmts, vals2, bold] as (unknown[] | undefined)[]) {
      if (!row) continue;
      for (let c = row.length - 1; c >= width; c--) {
        if (row[c] !== undefined && row[c] !== '') {
          width = c + 1;
          break;
        }
      }
    }
    const cells: CellModel[] = new Array<CellModel>(width);
    for (let c = 0; c < width; c++) {
      const v = vals ? vals[c] : undefined;
      const cell: CellModel = { value: '' };
      if (v instanceof Formula) {
        cell.formula = v.text;
        cell.value = v.result instanceof Date ? new Date(v.result.getTime()) : v.result;
      } else if (v instanceof Date) cell.value = new Date(v.getTime());
      else if (v !== undefined) cell.value = v;
      const f = fmts ? fmts[c] : undefined;
      if (f !== undefined) cell.numberFormat = f;
      const validation = validationToModel(vals2 ? vals2[c] : undefined);
      if (validation) cell.validation = validation;
      if (bold && bold[c]) cell.fontWeight = 'bold';
      cells[c] = cell;
    }
    rows[r] = cells;
  }
  const model: SheetModel = {
    name: s.name,
    rows,
    maxRows: s.maxRows,
    maxColumns: s.maxColumns,
    frozenRows: s.frozenRows,
    hidden: s.hidden,
    sheetId: s.id,
  };
  if (s.columnWidths.size) model.columnWidths = Object.fromEntries(s.columnWidths);
  return model;
}

/** One rule per distinct validation model while loading (cheap when neighbours repeat a rule). */
class SpecInterner {
  private last: ValidationModel | undefined;
  private lastSpec: ValidationSpec | undefined;
  private byKey = new Map<string, ValidationSpec | undefined>();

  private static same(a: ValidationModel, b: ValidationModel): boolean {
    if (a.kind === 'checkbox' || b.kind === 'checkbox') return a.kind === b.kind;
    if (a.allowInvalid !== b.allowInvalid || a.values.length !== b.values.length) return false;
    for (let i = 0; i < a.values.length; i++) if (a.values[i] !== b.values[i]) return false;
    return true;
  }

  of(model: ValidationModel): ValidationSpec | undefined {
    if (this.last && (this.last === model || SpecInterner.same(this.last, model))) return this.lastSpec;
    const key =
      model.kind === 'checkbox'
        ? 'checkbox'
        : `${model.allowInvalid ? 1 : 0}\u0000${model.values.join('\u0000')}`;
    if (!this.byKey.has(key)) this.byKey.set(key, validationFromModel(model));
    this.last = model;
    this.lastSpec = this.byKey.get(key);
    return this.lastSpec;
  }
}

function modelToStore(m: SheetModel, id: number): SheetStore {
  let width = 0;
  for (const row of m.rows) if (row && row.length > width) width = row.length;
  const s = new SheetStore(
    m.name,
    id,
    Math.max(1, m.maxRows, m.rows.length),
    Math.max(1, m.maxColumns, width),
  );
  s.frozenRows = m.frozenRows;
  s.hidden = m.hidden;
  if (m.columnWidths) for (const [c, w] of Object.entries(m.columnWidths)) s.columnWidths.set(Number(c), w);
  const specs = new SpecInterner();
  const rows = m.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    const n = row.length;
    let vals: Stored[] | undefined;
    let fmts: string[] | undefined;
    let rules: ValidationSpec[] | undefined;
    let bold: boolean[] | undefined;
    for (let c = 0; c < n; c++) {
      const cell = row[c];
      if (!cell) continue;
      const raw = cell.value;
      let v: Stored;
      if (typeof raw === 'object' && raw !== null)
        v = isDateValue(raw) ? new Date(raw.getTime()) : String(raw);
      else v = raw === null || raw === '' ? undefined : raw;
      if (cell.formula) {
        const text = cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`;
        v = new Formula(text, v ?? '');
      }
      if (v !== undefined) (vals ??= new Array<Stored>(n))[c] = v;
      const f = cell.numberFormat;
      if (f !== undefined && f !== DEFAULT_NUMBER_FORMAT) (fmts ??= new Array<string>(n))[c] = f;
      if (cell.validation) {
        const spec = specs.of(cell.validation);
        if (spec) (rules ??= new Array<ValidationSpec>(n))[c] = spec;
      }
      if (cell.fontWeight === 'bold') (bold ??= new Array<boolean>(n))[c] = true;
    }
    if (vals) s.values[r] = vals;
    if (fmts) s.formats[r] = fmts;
    if (rules) s.validations[r] = rules;
    if (bold) s.bold[r] = bold;
  }
  return s;
}

// ---- SpreadsheetApp ---------------------------------------------------------------------------

export const APP_MEMBERS = [
  'BorderStyle',
  'DataValidationCriteria',
  'Dimension',
  'WrapStrategy',
  'flush',
  'getActive',
  'getActiveSheet',
  'getActiveSpreadsheet',
  'getUi',
  'newDataValidation',
] as const;

export class EmulatedSpreadsheetApp implements Pick<
  GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  (typeof APP_MEMBERS)[number]
> {
  readonly BorderStyle = gas<GS['BorderStyle']>(BorderStyle);
  readonly DataValidationCriteria = gas<GS['DataValidationCriteria']>(DataValidationCriteria);
  readonly Dimension = gas<GS['Dimension']>(Dimension);
  readonly WrapStrategy = gas<GS['WrapStrategy']>(WrapStrategy);

  constructor(
    private readonly env: Env,
    private readonly book: EmulatedSpreadsheet,
    private readonly ui: () => GoogleAppsScript.Base.Ui,
  ) {}

  flush(): void {}
  getActive(): Spreadsheet {
    return gas(this.book);
  }
  getActiveSheet(): Sheet {
    return this.book.getActiveSheet();
  }
  getActiveSpreadsheet(): Spreadsheet {
    return gas(this.book);
  }
  getUi(): GoogleAppsScript.Base.Ui {
    return this.ui();
  }
  newDataValidation(): DataValidationBuilder {
    return gas(this.env.wrap(new EmulatedDataValidationBuilder(this.env), 'DataValidationBuilder'));
  }
}

export { cellA1 };
