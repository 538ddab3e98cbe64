// The model -> .xlsx bytes, with exceljs's streaming writer (it keeps one row at a time, so a
// 200,000-row tab costs seconds, not gigabytes). Tabs can be handed over lazily (LazySheet), so only
// one tab's model exists at a time, and rows wait for the zip to take what was written (exceljs
// itself would buffer the whole workbook's XML). Serialising touches no file: writeWorkbook (./file)
// puts the finished bytes in place atomically.
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { types } from 'node:util';
import ExcelJS from 'exceljs';
import type { CellModel, SheetModel, ValidationModel } from '../gas/model';
import { instantToWallClock, isValidTimeZone } from '../gas/time';
import {
  CHECKBOX_FORMULA,
  CHECKBOX_MARKER,
  columnLetters,
  DATE_TIME_FORMAT,
  excelSheetName,
  EXCEL_MAX_COLUMNS,
  META_MARKER,
  META_SHEET,
  META_VERSION,
  pxToWidth,
  quoteSheetName,
  SHEETS_DEFAULT_FORMAT,
  SHORT_DATE_FORMAT,
  type SheetMeta,
} from './layout';

/** A tab to write: its name and state now, its model when its turn comes. */
export interface LazySheet {
  name: string;
  hidden: boolean;
  model(): SheetModel;
}

/** Rows written between checks that the zip keeps up. */
const ROWS_PER_CHECK = 1000;
/** Bytes of sheet XML allowed to wait for the zip. */
const MAX_PENDING = 4 * 1024 * 1024;

/** Waits while the zip has not taken the sheet's XML written so far (exceljs never waits). */
async function zipKeepsUp(sheet: StreamSheet): Promise<void> {
  const target = sheet.stream.pipes?.[0];
  if (target && target.writableLength > MAX_PENDING) await once(target, 'drain');
}

/** The whole spreadsheet as the local CLI keeps it in a .xlsx file. */
export interface WorkbookFile {
  /** The spreadsheet's time zone: date cells (model instants) are written as that zone's dates. */
  timeZone: string;
  /** Every tab, in order. */
  sheets: SheetModel[];
  /** PropertiesService.getDocumentProperties() (the add-in's ID counters live there). */
  documentProperties: Record<string, string>;
}

// The parts of exceljs's streaming writer used here (its .d.ts types them as the in-memory workbook).
type Style = Partial<ExcelJS.Style>;
type ExcelValue = ExcelJS.CellValue;
interface StreamCell {
  value: ExcelValue;
  style: Style;
}
interface StreamRow {
  getCell(col: number): StreamCell;
  commit(): void;
}
interface StreamSheet {
  columns: Array<Partial<ExcelJS.Column>>;
  /** exceljs's StreamBuf for the sheet's part; pipes[0] is the stream the zip reads it from */
  stream: { pipes?: Writable[] };
  getRow(row: number): StreamRow;
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
  commit(): void;
  // internals (exceljs 4.4 WorksheetWriter)
  startedData: boolean;
  _writeColumns(): void;
  _writeOpenSheetData(): void;
}
interface StreamBook {
  views: ExcelJS.WorkbookView[];
  addWorksheet(name: string, options: Partial<ExcelJS.AddWorksheetOptions>): StreamSheet;
  commit(): Promise<void>;
}

const EMPTY_STYLE: Style = {};
const BOLD_FONT: Partial<ExcelJS.Font> = { name: 'Calibri', size: 11, family: 2, bold: true };

/**
 * One style object per (format, bold): exceljs then finds the style id by identity (a WeakMap)
 * instead of hashing a new object per cell.
 */
class StyleCache {
  private readonly styles = new Map<string, Style>();

  get(numFmt: string | undefined, bold: boolean): Style {
    if (numFmt === undefined && !bold) return EMPTY_STYLE;
    const key = `${bold ? 'b' : '-'}${numFmt ?? ''}`;
    let s = this.styles.get(key);
    if (!s) {
      s = {};
      if (numFmt !== undefined) s.numFmt = numFmt;
      if (bold) s.font = BOLD_FONT;
      this.styles.set(key, s);
    }
    return s;
  }
}

/** The format the model gives a cell (undefined for Sheets' default). */
function declaredFormat(cell: CellModel | undefined): string | undefined {
  const f = cell?.numberFormat;
  return f === undefined || f === '' || f === SHEETS_DEFAULT_FORMAT || /^general$/i.test(f) ? undefined : f;
}

function isDate(v: unknown): v is Date {
  return types.isDate(v);
}

/** A model value as exceljs takes it: dates become the zone's wall clock, read as UTC. */
function scalar(v: unknown, zone: string): string | number | boolean | Date | ExcelJS.CellErrorValue | null {
  switch (typeof v) {
    case 'string':
      return v === '' ? null : v;
    case 'number':
      return Number.isFinite(v) ? v : { error: '#NUM!' };
    case 'boolean':
      return v;
    default:
      if (v === null || v === undefined) return null;
      if (isDate(v)) {
        const t = v.getTime();
        return Number.isNaN(t) ? null : instantToWallClock(new Date(t), zone);
      }
      return String(v);
  }
}

/** exceljs writes a formula only from { formula } (without '='); text stays text whatever it looks like. */
function excelValue(cell: CellModel, zone: string): ExcelValue {
  const value = scalar(cell.value, zone);
  const f = cell.formula;
  if (f === undefined || f === '' || f === '=') return value;
  const formula = f.startsWith('=') ? f.slice(1) : f;
  return value === null ? { formula, date1904: false } : { formula, result: value, date1904: false };
}

/**
 * A date with no format of its own shows as the locale's short date (Excel's format 14), or its
 * date and time (format 22) when it is not at midnight, such as a log timestamp. The reader takes
 * either on a date as "no format".
 */
function defaultDateFormat(value: ExcelValue): string | undefined {
  let d: unknown = value;
  if (typeof value === 'object' && value !== null && 'result' in value) d = value.result;
  if (!isDate(d)) return undefined;
  return d.getTime() % 86_400_000 === 0 ? SHORT_DATE_FORMAT : DATE_TIME_FORMAT;
}

// ---- validations ------------------------------------------------------------------------------

/** Rows of the META_SHEET holding dropdown values that cannot be written inline. */
class ListRows {
  readonly rows: string[][] = [];
  private readonly refs = new Map<string, string>();

  constructor(private readonly firstRow: number) {}

  ref(values: readonly string[]): string {
    const key = JSON.stringify(values);
    let ref = this.refs.get(key);
    if (ref === undefined) {
      if (values.length + 2 > EXCEL_MAX_COLUMNS) throw new Error('A dropdown list has too many values');
      const row = this.firstRow + this.rows.length;
      this.rows.push(values.slice());
      const last = columnLetters(values.length + 2);
      ref = `${quoteSheetName(META_SHEET)}!$C$${row}:$${last}$${row}`;
      this.refs.set(key, ref);
    }
    return ref;
  }
}

/** A list Excel, LibreOffice and Sheets all read back exactly as "a,b,c". */
function inlineable(values: readonly string[]): boolean {
  let length = 2;
  for (const v of values) {
    if (v === '' || /[,"]|^\s|\s$/.test(v)) return false;
    length += v.length + 1;
  }
  return length <= 255;
}

class Validations {
  private readonly keys = new WeakMap<ValidationModel, string>();
  private readonly byKey = new Map<string, ExcelJS.DataValidation>();

  constructor(private readonly lists: ListRows) {}

  key(v: ValidationModel): string {
    let k = this.keys.get(v);
    if (k === undefined) {
      k = v.kind === 'checkbox' ? 'checkbox' : JSON.stringify([v.allowInvalid, v.values]);
      this.keys.set(v, k);
      if (!this.byKey.has(k)) this.byKey.set(k, this.build(v));
    }
    return k;
  }

  rule(key: string): ExcelJS.DataValidation {
    const rule = this.byKey.get(key);
    if (!rule) throw new Error(`internal: no validation for ${key}`);
    return rule;
  }

  private build(v: ValidationModel): ExcelJS.DataValidation {
    if (v.kind === 'checkbox') {
      // A TRUE/FALSE dropdown (Excel and LibreOffice have no checkbox cell); the title marks it.
      return {
        type: 'list',
        formulae: [CHECKBOX_FORMULA],
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'stop',
        showInputMessage: false,
        promptTitle: CHECKBOX_MARKER,
      };
    }
    const values = v.values.map(String);
    const formula =
      values.length === 0 ? '""' : inlineable(values) ? `"${values.join(',')}"` : this.lists.ref(values);
    const rule: ExcelJS.DataValidation = {
      type: 'list',
      formulae: [formula],
      allowBlank: true,
      showErrorMessage: !v.allowInvalid,
    };
    if (!v.allowInvalid) rule.errorStyle = 'stop';
    return rule;
  }
}

/** Open runs of equal validations, one per column, closed into ranges as rows go by. */
class ValidationRuns {
  private readonly open: ({ key: string; top: number; bottom: number } | undefined)[] = [];

  constructor(
    private readonly sheet: StreamSheet,
    private readonly rules: Validations,
  ) {}

  /** Row r (1-based) has these validation keys by column (0-based); rows arrive in order. */
  row(r: number, cells: readonly (CellModel | undefined)[]): void {
    const n = Math.max(cells.length, this.open.length);
    for (let c = 0; c < n; c++) {
      const v = cells[c]?.validation;
      const key = v ? this.rules.key(v) : undefined;
      const run = this.open[c];
      if (run && run.key === key && run.bottom === r - 1) {
        run.bottom = r;
        continue;
      }
      if (run) this.close(c, run);
      this.open[c] = key === undefined ? undefined : { key, top: r, bottom: r };
    }
  }

  finish(): void {
    this.open.forEach((run, c) => {
      if (run) this.close(c, run);
    });
    this.open.length = 0;
  }

  private close(c: number, run: { key: string; top: number; bottom: number }): void {
    const col = columnLetters(c + 1);
    const address = run.top === run.bottom ? `${col}${run.top}` : `${col}${run.top}:${col}${run.bottom}`;
    this.sheet.dataValidations.add(address, this.rules.rule(run.key));
    this.open[c] = undefined;
  }
}

// ---- sheets -----------------------------------------------------------------------------------

/**
 * A column whose rows 2..maxRows all share one format (the add-in formats whole columns below the
 * header) gets it as the column's style too, so rows a user adds in Excel or LibreOffice come out
 * formatted, and LibreOffice, which keeps such a format on the column only, saves it back there.
 * Each written cell still carries its own style; the reader gives a column's format to the empty
 * cells of rows 2..maxRows that have none, so the round trip is exact.
 */
function columnStyles(
  rows: readonly CellModel[][],
  width: number,
  maxRows: number,
  styles: StyleCache,
): (Style | undefined)[] {
  const out: (Style | undefined)[] = new Array<Style | undefined>(width);
  if (rows.length < 3 || rows.length < maxRows) return out;
  for (let c = 0; c < width; c++) {
    const first = rows[1]?.[c];
    const fmt = declaredFormat(first);
    const bold = first?.fontWeight === 'bold';
    if (fmt === undefined && !bold) continue;
    let same = true;
    for (let r = 2; r < rows.length && same; r++) {
      const cell = rows[r]?.[c];
      same = declaredFormat(cell) === fmt && (cell?.fontWeight === 'bold') === bold;
    }
    if (same) out[c] = styles.get(fmt, bold);
  }
  return out;
}

async function writeSheet(
  book: StreamBook,
  model: SheetModel,
  xlsxName: string,
  active: boolean,
  zone: string,
  styles: StyleCache,
  rules: Validations,
): Promise<SheetMeta> {
  const rows = model.rows;
  let width = 0;
  for (const row of rows) if (row && row.length > width) width = row.length;

  const frozen = Math.max(0, Math.floor(model.frozenRows || 0));
  const view: Partial<ExcelJS.WorksheetView> =
    frozen > 0
      ? { state: 'frozen', xSplit: 0, ySplit: frozen, topLeftCell: `A${frozen + 1}` }
      : { state: 'normal' };
  if (active) (view as { tabSelected?: boolean }).tabSelected = true;
  const sheet = book.addWorksheet(xlsxName, {
    state: model.hidden ? 'hidden' : 'visible',
    views: [view],
  });

  // Columns (widths, whole-column styles) go out before the first row.
  const maxRows = Math.max(1, Math.floor(model.maxRows || 0), rows.length);
  const maxColumns = Math.max(1, Math.floor(model.maxColumns || 0), width);
  const colStyles = columnStyles(rows, width, maxRows, styles);
  const widths = model.columnWidths ?? {};
  let lastCol = colStyles.length;
  for (const k of Object.keys(widths)) lastCol = Math.max(lastCol, Number(k));
  if (lastCol > 0) {
    const defs: Array<Partial<ExcelJS.Column>> = [];
    for (let c = 1; c <= lastCol; c++) {
      const def: Partial<ExcelJS.Column> = {};
      const px = widths[c];
      if (px !== undefined && Number.isFinite(px)) def.width = pxToWidth(px);
      const style = colStyles[c - 1];
      if (style) def.style = style;
      defs.push(def);
    }
    sheet.columns = defs;
  }

  const runs = new ValidationRuns(sheet, rules);
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    runs.row(r + 1, cells);
    if (cells.length === 0) continue;
    const row = sheet.getRow(r + 1);
    let formattedOnly = false;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) continue;
      const value = excelValue(cell, zone);
      const fmt = declaredFormat(cell);
      const bold = cell.fontWeight === 'bold';
      if (value === null && fmt === undefined && !bold) continue; // absent: no value, no format
      if (value === null) formattedOnly = true;
      const out = row.getCell(c + 1);
      out.value = value;
      out.style = styles.get(fmt ?? defaultDateFormat(value), bold);
    }
    // exceljs's streaming writer drops a row without values; a row of formatted empty cells counts.
    if (formattedOnly) Object.defineProperty(row, 'hasValues', { value: true });
    row.commit();
    if (r % ROWS_PER_CHECK === 0) await zipKeepsUp(sheet);
  }
  runs.finish();
  // exceljs writes <cols> when the first row goes out: a tab without rows would lose its widths.
  if (!sheet.startedData) {
    sheet._writeColumns();
    sheet._writeOpenSheetData();
    sheet.startedData = true;
  }
  sheet.commit();

  return { name: model.name, maxRows, maxColumns };
}

function writeMeta(
  book: StreamBook,
  wb: { timeZone: string },
  sheetRows: [string, SheetMeta][],
  propRows: [string, string][],
  lists: ListRows,
): void {
  const sheet = book.addWorksheet(META_SHEET, { state: 'veryHidden', views: [{ state: 'normal' }] });
  const rows: (string | number)[][] = [
    [META_MARKER, META_VERSION],
    ['timeZone', wb.timeZone],
    ...sheetRows.map(([xlsxName, meta]) => ['sheet', xlsxName, JSON.stringify(meta)]),
    ...propRows.map(([k, v]) => ['property', k, v]),
    ...lists.rows.map((values, i) => ['list', `L${i + 1}`, ...values]),
  ];
  rows.forEach((values, i) => {
    const row = sheet.getRow(i + 1);
    values.forEach((v, c) => {
      // '' is written as an empty string cell, so a property set to '' survives.
      row.getCell(c + 1).value = v;
    });
    row.commit();
  });
  sheet.commit();
}

type LazyWorkbook = Omit<WorkbookFile, 'sheets'> & { sheets: LazySheet[] };

function check(wb: LazyWorkbook): void {
  if (!isValidTimeZone(wb.timeZone)) throw new Error(`Invalid time zone: ${String(wb.timeZone)}`);
  const names = new Set<string>();
  for (const s of wb.sheets) {
    const key = String(s.name).toLowerCase();
    if (names.has(key)) throw new Error(`Duplicate sheet name "${s.name}"`);
    names.add(key);
  }
}

/** The workbook as .xlsx bytes. Throws (before anything is written anywhere) on a bad model. */
export async function workbookBytes(wb: WorkbookFile): Promise<Buffer> {
  const sheets = wb.sheets.map((s): LazySheet => ({ name: s.name, hidden: s.hidden, model: () => s }));
  return lazyWorkbookBytes({ ...wb, sheets });
}

/** workbookBytes with each tab's model made only when it is written. */
export async function lazyWorkbookBytes(wb: LazyWorkbook): Promise<Buffer> {
  check(wb);
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('finish', resolve);
    sink.on('error', reject);
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: true,
  }) as unknown as StreamBook;

  const propRows = Object.entries(wb.documentProperties).map(([k, v]): [string, string] => [k, String(v)]);
  const lists = new ListRows(3 + wb.sheets.length + propRows.length);
  const rules = new Validations(lists);
  const styles = new StyleCache();
  const taken = new Set<string>([META_SHEET.toLowerCase()]);
  const activeIndex = Math.max(
    0,
    wb.sheets.findIndex((s) => !s.hidden),
  );
  const sheetRows: [string, SheetMeta][] = [];
  for (const [i, lazy] of wb.sheets.entries()) {
    const xlsxName = excelSheetName(lazy.name, taken);
    const model = lazy.model();
    sheetRows.push([
      xlsxName,
      await writeSheet(book, model, xlsxName, i === activeIndex, wb.timeZone, styles, rules),
    ]);
  }
  writeMeta(book, wb, sheetRows, propRows, lists);
  book.views = [
    { x: 0, y: 0, width: 24000, height: 12000, firstSheet: 0, activeTab: activeIndex, visibility: 'visible' },
  ];
  await book.commit();
  await finished;
  return Buffer.concat(chunks);
}
