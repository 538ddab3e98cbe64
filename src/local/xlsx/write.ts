// The model -> .xlsx bytes, with exceljs's streaming writer (it keeps one row at a time, so a
// 200,000-row tab costs seconds, not gigabytes). A tab's rows are handed over a block at a time
// (SheetSource), so no tab ever exists as a whole model, and the rows wait for the zip to take what
// was written (exceljs itself would buffer the whole workbook's XML). The bytes go to a stream the
// caller gives: writeWorkbook (./file) streams them into a temporary file it then renames.
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { types } from 'node:util';
import ExcelJS from 'exceljs';
import type { CellModel, SheetModel, ValidationModel } from '../gas/model';
import { instantToWallClock, isValidTimeZone } from '../gas/time';
import { streamSharedStrings, type SharedStringsWriter } from './sharedStrings';
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

/** Bytes of sheet XML allowed to wait for the zip. */
const MAX_PENDING = 4 * 1024 * 1024;

/** The stream archiver reads a sheet part from (readable-stream 2 has no writableLength). */
interface ZipInput extends NodeJS.EventEmitter {
  writableLength?: number;
  _writableState?: { length: number };
}

/** Waits while the zip has not taken the sheet's XML written so far (exceljs never waits). */
async function zipKeepsUp(sheet: StreamSheet): Promise<void> {
  const target = sheet.stream.pipes?.[0];
  if (!target) return;
  const pending = target.writableLength ?? target._writableState?.length ?? 0;
  if (pending > MAX_PENDING) await once(target, 'drain');
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
  stream: { pipes?: ZipInput[] };
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
 * cells of rows 2..maxRows that have none, so the round trip is exact. Rows arrive a block at a time.
 */
class ColumnStyles {
  /** per column: the format and boldness of row 2, while every later row matches it */
  private readonly candidates: ({ fmt: string | undefined; bold: boolean } | undefined)[] = [];

  row(r: number, cells: readonly (CellModel | undefined)[]): void {
    if (r === 1) {
      cells.forEach((cell, c) => {
        const fmt = declaredFormat(cell);
        const bold = cell?.fontWeight === 'bold';
        if (fmt !== undefined || bold) this.candidates[c] = { fmt, bold };
      });
      return;
    }
    if (r < 2) return;
    this.candidates.forEach((k, c) => {
      const cell = cells[c];
      if (k && (declaredFormat(cell) !== k.fmt || (cell?.fontWeight === 'bold') !== k.bold)) {
        this.candidates[c] = undefined;
      }
    });
  }

  styles(rowCount: number, maxRows: number, width: number, cache: StyleCache): (Style | undefined)[] {
    const out: (Style | undefined)[] = new Array<Style | undefined>(width);
    if (rowCount < 3 || rowCount < maxRows) return out;
    this.candidates.forEach((k, c) => {
      if (k && c < width) out[c] = cache.get(k.fmt, k.bold);
    });
    return out;
  }
}

/** Rows handed to the writer a block at a time. */
const BLOCK = 64;

/** A tab to write: its rows come a block at a time, so they need not all be models at once. */
export interface SheetSource {
  /** Name, size, frozen rows, hidden state and widths (rows is not read). */
  tab: Omit<SheetModel, 'rows'>;
  /** At least the number of rows (rows past it are empty). */
  rowBound: number;
  /** Rows [from, to) (0-based); it may stop short at the last row with anything in it. */
  rows(from: number, to: number): CellModel[][];
}

/** A model as a SheetSource. */
export function modelSource(model: SheetModel): SheetSource {
  return { tab: model, rowBound: model.rows.length, rows: (from, to) => model.rows.slice(from, to) };
}

async function writeSheet(
  book: StreamBook,
  source: SheetSource,
  xlsxName: string,
  active: boolean,
  zone: string,
  styles: StyleCache,
  rules: Validations,
): Promise<SheetMeta> {
  const model = source.tab;
  // First pass: the row count, the width and the whole-column styles, which go out before row 1.
  let rowCount = 0;
  let width = 0;
  const columns = new ColumnStyles();
  let gap = false; // a block stopped short: empty rows follow it
  for (let from = 0; from < source.rowBound; from += BLOCK) {
    const block = source.rows(from, from + BLOCK);
    if (block.length > 0 && gap) columns.row(rowCount, []); // an empty row below row 2
    block.forEach((cells, i) => {
      columns.row(from + i, cells ?? []);
      if (cells && cells.length > width) width = cells.length;
    });
    if (block.length > 0) rowCount = from + block.length;
    gap = block.length < BLOCK;
  }

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
  const maxRows = Math.max(1, Math.floor(model.maxRows || 0), rowCount);
  const maxColumns = Math.max(1, Math.floor(model.maxColumns || 0), width);
  const colStyles = columns.styles(rowCount, maxRows, width, styles);
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

  // Second pass: the rows, then the zip gets a chance to catch up.
  const runs = new ValidationRuns(sheet, rules);
  for (let from = 0; from < rowCount; from += BLOCK) {
    const block = source.rows(from, Math.min(rowCount, from + BLOCK));
    for (let i = 0; i < block.length; i++) writeRow(sheet, from + i + 1, block[i] ?? [], runs, zone, styles);
    await zipKeepsUp(sheet);
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

function writeRow(
  sheet: StreamSheet,
  r: number,
  cells: readonly (CellModel | undefined)[],
  runs: ValidationRuns,
  zone: string,
  styles: StyleCache,
): void {
  runs.row(r, cells);
  if (cells.length === 0) return;
  const row = sheet.getRow(r);
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

export type SourceWorkbook = Omit<WorkbookFile, 'sheets'> & { sheets: SheetSource[] };

function check(wb: SourceWorkbook): void {
  if (!isValidTimeZone(wb.timeZone)) throw new Error(`Invalid time zone: ${String(wb.timeZone)}`);
  const names = new Set<string>();
  for (const s of wb.sheets) {
    const key = String(s.tab.name).toLowerCase();
    if (names.has(key)) throw new Error(`Duplicate sheet name "${s.tab.name}"`);
    names.add(key);
  }
}

/** The workbook as .xlsx bytes. Throws (before anything is written anywhere) on a bad model. */
export async function workbookBytes(wb: WorkbookFile): Promise<Buffer> {
  return sourceWorkbookBytes({ ...wb, sheets: wb.sheets.map(modelSource) });
}

/** workbookBytes with each tab's rows made a block at a time, as the writer reaches them. */
export async function sourceWorkbookBytes(wb: SourceWorkbook): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writeSourceWorkbook(wb, sink);
  return Buffer.concat(chunks);
}

/**
 * Streams the workbook's .xlsx bytes into `out` (which is ended), resolving once it has taken them
 * all: a big workbook is never whole in memory. A bad model throws before anything is written; a
 * failure part-way destroys `out`.
 */
export async function writeSourceWorkbook(wb: SourceWorkbook, out: Writable): Promise<void> {
  check(wb);
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  finished.catch(() => undefined); // observed below; a failure part-way throws its own error first
  // An output that fails part-way (a full disk) stops taking bytes: the zip then waits for it for ever
  // (zipKeepsUp), so its error ends the save at once.
  const failed = new Promise<never>((_, reject) => out.on('error', reject));
  failed.catch(() => undefined);
  try {
    await Promise.race([writeBook(wb, out), failed]);
  } catch (e) {
    out.destroy();
    throw e;
  }
  await finished;
}

async function writeBook(wb: SourceWorkbook, out: Writable): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: true,
  });
  streamSharedStrings(writer as unknown as SharedStringsWriter);
  const book = writer as unknown as StreamBook;

  const propRows = Object.entries(wb.documentProperties).map(([k, v]): [string, string] => [k, String(v)]);
  const lists = new ListRows(3 + wb.sheets.length + propRows.length);
  const rules = new Validations(lists);
  const styles = new StyleCache();
  const taken = new Set<string>([META_SHEET.toLowerCase()]);
  const activeIndex = Math.max(
    0,
    wb.sheets.findIndex((s) => !s.tab.hidden),
  );
  const sheetRows: [string, SheetMeta][] = [];
  for (const [i, source] of wb.sheets.entries()) {
    const xlsxName = excelSheetName(source.tab.name, taken);
    sheetRows.push([
      xlsxName,
      await writeSheet(book, source, xlsxName, i === activeIndex, wb.timeZone, styles, rules),
    ]);
  }
  writeMeta(book, wb, sheetRows, propRows, lists);
  book.views = [
    { x: 0, y: 0, width: 24000, height: 12000, firstSheet: 0, activeTab: activeIndex, visibility: 'visible' },
  ];
  await book.commit();
}
