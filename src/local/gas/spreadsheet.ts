// Spreadsheet: the tabs, the time zone, toasts, and the model boundary the xlsx load and save use.
import { parseA1 } from './a1';
import { toInt, typeName } from './args';
import { EmulatedDataValidation } from './dataValidation';
import { gas, type Env } from './env';
import type { SheetModel } from './model';
import { EmulatedSheet } from './sheet';
import { modelToStore, storeToModel } from './sheetModel';
import { SheetStore, type ValidationSpec } from './store';
import { instantToWallMs, isValidTimeZone, wallMsToInstant } from './time';

/** Google Sheets' cap on a spreadsheet's cells (every tab's max rows x max columns). */
export const CELL_LIMIT = 10_000_000;
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

interface SpreadsheetOptions {
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
  /** Every tab's grid counts, used or not (Sheets' cap is on the spreadsheet's cells). */
  _cells(): number {
    let n = 0;
    for (const s of this.sheets) n += s.store.maxRows * s.store.maxColumns;
    return n;
  }
  /** Refuses, as Sheets does, a change that would take the spreadsheet past CELL_LIMIT cells. */
  _checkGrowth(extraCells: number): void {
    if (extraCells > 0 && this._cells() + extraCells > CELL_LIMIT) {
      throw this.env.exception(
        `This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`,
      );
    }
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
    this._checkGrowth(NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
    const store = new SheetStore(name, this._newSheetId(), NEW_SHEET_ROWS, NEW_SHEET_COLUMNS);
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
