// .xlsx bytes -> the model, one tab at a time. Each sheet's XML is streamed (./sheetXml) straight into
// the tab's rows: no workbook-wide object per cell is ever built, and a cell that repeats its
// neighbours (same style, type and value) is one shared, frozen CellModel. See ./layout for the hidden
// META_SHEET and what it adds.
import { readFile } from 'node:fs/promises';
import type { CellModel, SheetModel, ValidationModel } from '../gas/model';
import { isValidTimeZone, wallMsToInstant } from '../gas/time';
import { openBook, type Book, type BookSheet } from './book';
import {
  CHECKBOX_MARKER,
  DATE_TIME_FORMAT,
  decodeAddress,
  DEFAULT_MAX_COLUMNS,
  DEFAULT_MAX_ROWS,
  EXCELJS_DEFAULT_WIDTH,
  EXCEL_MAX_ROWS,
  META_MARKER,
  META_SHEET,
  SHEETS_DEFAULT_FORMAT,
  SHORT_DATE_FORMAT,
  widthToPx,
  type SheetMeta,
} from './layout';
import { parseSheet, type CellRange, type RawCell, type RawValidation } from './sheetXml';
import type { WorkbookFile } from './write';
import { xmlTrue } from './xml';
import { Zip } from './zip';

export interface ReadOptions {
  /**
   * The time zone for a file that does not record one (one not written here). Default
   * 'Australia/Sydney', the emulation's default. A zone recorded in the file wins.
   */
  timeZone?: string;
}

export const DEFAULT_TIME_ZONE = 'Australia/Sydney';

interface Meta {
  timeZone?: string;
  sheets: Map<string, Partial<SheetMeta>>;
  properties: Record<string, string>;
}

/** A cell's value as the file has it; a date is its wall clock read as UTC (as exceljs gives it). */
type Plain = string | number | boolean | Date;

const MS_PER_DAY = 86_400_000;
/** Days from Excel's day 0 (30 Dec 1899) to 1 Jan 1970. */
const EPOCH_1900 = 25_569;

/** exceljs's test for a date format: y m d h s b outside quotes and brackets. */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function serialToWallMs(serial: number, date1904: boolean): number {
  return Math.round((serial - EPOCH_1900 + (date1904 ? 1462 : 0)) * MS_PER_DAY);
}

/** The value of a cell (or of a formula's result); undefined for none. */
function plainValue(book: Book, cell: RawCell): Plain | undefined {
  const v = cell.value;
  if (v === undefined) return undefined;
  switch (cell.type) {
    case 's':
      return book.strings[Number(v)] ?? '';
    case 'str':
    case 'inlineStr':
    case 'e': // an error shows as its text (#N/A)
      return v;
    case 'b':
      return Number(v) !== 0;
    case 'd': {
      const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
      return Number.isNaN(ms) ? v : new Date(ms);
    }
    default: {
      if (v === '') return undefined;
      const n = Number(v);
      if (Number.isNaN(n)) return v;
      const fmt = book.styles[cell.style]?.numFmt;
      return isDateFormat(fmt) ? new Date(serialToWallMs(n, book.date1904)) : n;
    }
  }
}

function text(v: Plain | undefined): string {
  if (v === undefined) return '';
  return v instanceof Date ? v.toISOString() : String(v);
}

// ---- the metadata sheet ----------------------------------------------------------------------

/** A small sheet as rows of text (the metadata sheet, a range a dropdown lists). */
async function textRows(book: Book, part: string, area?: CellRange): Promise<string[][]> {
  const rows: string[][] = [];
  await parseSheet(book.zip, part, (cell) => {
    if (
      area &&
      (cell.row < area.top || cell.row > area.bottom || cell.col < area.left || cell.col > area.right)
    )
      return;
    const v = plainValue(book, cell);
    if (v !== undefined) (rows[cell.row - 1] ??= [])[cell.col - 1] = text(v);
  });
  return rows;
}

function readMeta(rows: string[][]): Meta {
  const meta: Meta = { sheets: new Map(), properties: {} };
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    const at = (c: number): string => row[c - 1] ?? '';
    switch (at(1)) {
      case 'timeZone':
        meta.timeZone = at(2);
        break;
      case 'sheet':
        try {
          const parsed = JSON.parse(at(3)) as unknown;
          if (parsed && typeof parsed === 'object') meta.sheets.set(at(2), parsed as Partial<SheetMeta>);
        } catch {
          // a damaged row only loses the tab's size and real name
        }
        break;
      case 'property':
        meta.properties[at(2)] = at(3);
        break;
      default:
        break;
    }
  }
  return meta;
}

// ---- validations ------------------------------------------------------------------------------

/** "a,b,c" -> ['a','b','c'] (a doubled quote is a quote). */
function inlineList(formula: string): string[] | undefined {
  const m = /^\s*"((?:[^"]|"")*)"\s*$/.exec(formula);
  if (!m) return undefined;
  const inner = (m[1] as string).replace(/""/g, '"');
  return inner === '' ? [] : inner.split(',');
}

const RANGE_REF =
  /^=?\s*(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?\s*$/;

// ---- one workbook being read ------------------------------------------------------------------

/** Cells that repeat their column's recent cells are shared; the cache is per column and bounded. */
const INTERN_LIMIT = 256;
const EMPTY: CellModel = Object.freeze({ value: '' }) as CellModel;

/** A number format worth keeping in the model (not Excel's or Sheets' default). */
function usableFormat(fmt: string | undefined, isDateValue: boolean): string | undefined {
  if (!fmt || fmt === 'General' || fmt === SHEETS_DEFAULT_FORMAT || /^general$/i.test(fmt)) return undefined;
  // Excel's short date or date-time (formats 14, 22) on a date: what a date without a format gets.
  if (isDateValue && (fmt === SHORT_DATE_FORMAT || fmt === DATE_TIME_FORMAT)) return undefined;
  return fmt;
}

/** LibreOffice saves a TRUE or FALSE cell as the formula TRUE() or FALSE(). */
const BOOLEAN_FORMULA = /^\s*(TRUE|FALSE)\(\s*\)\s*$/i;

export class WorkbookReader {
  readonly timeZone: string;
  readonly documentProperties: Record<string, string>;
  /** The tabs, in order (the metadata sheet left out). */
  readonly tabs: BookSheet[];
  private readonly lists = new Map<string, string[] | undefined>();

  private constructor(
    private readonly what: string,
    private readonly book: Book,
    private readonly meta: Meta,
    private readonly metaRows: string[][] | undefined,
    metaTab: BookSheet | undefined,
    fallbackZone: string,
  ) {
    this.timeZone =
      meta.timeZone !== undefined && isValidTimeZone(meta.timeZone)
        ? meta.timeZone
        : isValidTimeZone(fallbackZone)
          ? fallbackZone
          : DEFAULT_TIME_ZONE;
    this.documentProperties = meta.properties;
    this.tabs = book.sheets.filter((s) => s !== metaTab);
  }

  static async open(source: string | Buffer, opts: ReadOptions = {}): Promise<WorkbookReader> {
    const what = typeof source === 'string' ? source : 'the data';
    try {
      const bytes = typeof source === 'string' ? await readFile(source) : source;
      const book = await openBook(new Zip(bytes));
      let metaTab: BookSheet | undefined;
      let metaRows: string[][] | undefined;
      const candidate = book.sheets.find((s) => s.name === META_SHEET);
      if (candidate) {
        const rows = await textRows(book, candidate.part);
        if (rows[0]?.[0] === META_MARKER) {
          metaTab = candidate;
          metaRows = rows;
        }
      }
      const meta = metaRows ? readMeta(metaRows) : { sheets: new Map(), properties: {} };
      return new WorkbookReader(what, book, meta, metaRows, metaTab, opts.timeZone ?? DEFAULT_TIME_ZONE);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      throw new Error(`Cannot read ${what} as an .xlsx workbook: ${reason}`, { cause: e });
    }
  }

  /** The values of a list validation's range ('Lists'!$A$1:$A$5), as text, row by row. */
  private async rangeList(formula: string, own: BookSheet): Promise<string[] | undefined> {
    const key = `${own.part}\u0000${formula}`;
    if (this.lists.has(key)) return this.lists.get(key);
    let values: string[] | undefined;
    const m = RANGE_REF.exec(formula);
    const sheetName = m ? (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]?.trim()) : undefined;
    const a = m ? decodeAddress(m[3] as string) : undefined;
    const b = m && m[4] !== undefined ? decodeAddress(m[4]) : a;
    const tab =
      sheetName === undefined
        ? own
        : (this.book.sheets.find((s) => s.name === sheetName) ??
          this.book.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase()));
    if (a && b && tab) {
      const area = {
        top: Math.min(a.row, b.row),
        bottom: Math.max(a.row, b.row),
        left: Math.min(a.col, b.col),
        right: Math.max(a.col, b.col),
      };
      // The metadata rows are at hand; another sheet is read again for just that range (rare).
      const rows =
        this.metaRows && tab.name === META_SHEET ? this.metaRows : await textRows(this.book, tab.part, area);
      values = [];
      for (let r = area.top; r <= area.bottom; r++) {
        const row = rows[r - 1];
        if (!row) continue;
        for (let c = area.left; c <= area.right; c++) {
          const v = row[c - 1];
          if (v !== undefined) values.push(v);
        }
      }
    }
    this.lists.set(key, values);
    return values;
  }

  /** The model of an xlsx validation, or undefined for kinds the model has no place for. */
  private async validationModel(dv: RawValidation, own: BookSheet): Promise<ValidationModel | undefined> {
    const a = dv.attrs;
    if (a.type !== 'list') return undefined;
    if (a.promptTitle === CHECKBOX_MARKER) return { kind: 'checkbox' };
    const values = inlineList(dv.formula1) ?? (await this.rangeList(dv.formula1, own));
    if (!values) return undefined;
    // Excel's "Stop" rejects invalid input; "Warning"/"Information" (or no error alert) let it in.
    const rejects = xmlTrue(a.showErrorMessage) && (a.errorStyle ?? 'stop') === 'stop';
    return { kind: 'list', values, allowInvalid: !rejects };
  }

  /** One tab's model. */
  async readSheet(tab: BookSheet): Promise<SheetModel> {
    try {
      return await this.sheetModel(tab);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      throw new Error(`Cannot read ${this.what} as an .xlsx workbook: tab "${tab.name}": ${reason}`, {
        cause: e,
      });
    }
  }

  private async sheetModel(tab: BookSheet): Promise<SheetModel> {
    const { book, timeZone: zone } = this;
    const meta = this.meta.sheets.get(tab.name);
    const rows: CellModel[][] = [];
    const caches: Map<string, CellModel>[] = [];
    let lastRow = 0;
    let width = 0;

    const extras = await parseSheet(book.zip, tab.part, (raw) => {
      const style = book.styles[raw.style];
      let cache: Map<string, CellModel> | undefined;
      let key = '';
      if (raw.formula === undefined) {
        cache = caches[raw.col] ??= new Map();
        key = `${raw.style}|${raw.type}|${raw.value === undefined ? '-' : `=${raw.value}`}`;
        const known = cache.get(key);
        if (known) {
          (rows[raw.row - 1] ??= [])[raw.col - 1] = known;
          if (raw.row > lastRow) lastRow = raw.row;
          if (raw.col > width) width = raw.col;
          return;
        }
      }
      const out: CellModel = { value: '' };
      let value: Plain | undefined;
      const formula = raw.formula;
      const bool = formula ? BOOLEAN_FORMULA.exec(formula) : null;
      if (bool)
        value = (bool[1] as string).toUpperCase() === 'TRUE'; // LibreOffice's TRUE/FALSE cells
      else {
        if (formula) out.formula = `=${formula}`;
        value = plainValue(book, raw);
      }
      if (value instanceof Date) out.value = new Date(wallMsToInstant(value.getTime(), zone));
      else if (value !== undefined) out.value = value;
      const fmt = usableFormat(style?.numFmt, out.value instanceof Date);
      if (fmt !== undefined) out.numberFormat = fmt;
      if (style?.bold) out.fontWeight = 'bold';
      if (out.value === '' && out.formula === undefined && fmt === undefined && !out.fontWeight) return;
      if (cache) {
        if (cache.size >= INTERN_LIMIT) cache.clear();
        cache.set(key, Object.freeze(out));
      }
      (rows[raw.row - 1] ??= [])[raw.col - 1] = out;
      if (raw.row > lastRow) lastRow = raw.row;
      if (raw.col > width) width = raw.col;
    });

    // The hidden part of a merged range reads as empty (as Sheets does), keeping its own format.
    if (extras.merges.length) {
      for (const m of extras.merges) {
        for (let r = m.top; r <= m.bottom; r++) {
          const cells = rows[r - 1];
          if (!cells) continue;
          for (let c = m.left; c <= m.right; c++) {
            const cell = cells[c - 1];
            if (!cell || (r === m.top && c === m.left)) continue;
            const rest: CellModel = { value: '' };
            if (cell.numberFormat !== undefined) rest.numberFormat = cell.numberFormat;
            if (cell.fontWeight) rest.fontWeight = cell.fontWeight;
            if (rest.numberFormat === undefined && !rest.fontWeight) delete cells[c - 1];
            else cells[c - 1] = rest;
          }
        }
      }
      lastRow = 0;
      width = 0;
      rows.forEach((cells, r) => {
        let n = cells.length;
        while (n > 0 && !cells[n - 1]) n--;
        cells.length = n;
        if (n > 0) lastRow = r + 1;
        if (n > width) width = n;
      });
    }

    // Validations: one model per <dataValidation>, over its ranges.
    const groups: { model: ValidationModel; ranges: CellRange[]; bottom: number }[] = [];
    for (const dv of extras.validations) {
      const model = await this.validationModel(dv, tab);
      if (!model || dv.ranges.length === 0) continue;
      groups.push({ model, ranges: dv.ranges, bottom: Math.max(...dv.ranges.map((r) => r.bottom)) });
    }

    // Size: what the file recorded, never less than what is used (values, formats, validations
    // short of a whole column). Whole-column validations stop at the last row.
    let maxRows = Math.max(1, Number(meta?.maxRows) || DEFAULT_MAX_ROWS, lastRow);
    let maxColumns = Math.max(1, Number(meta?.maxColumns) || DEFAULT_MAX_COLUMNS, width);
    for (const g of groups) {
      if (g.bottom < EXCEL_MAX_ROWS - 1 && g.bottom > maxRows) maxRows = g.bottom;
      for (const r of g.ranges) maxColumns = Math.max(maxColumns, r.right);
    }

    // Column definitions (<col min max>), one per column up to the tab's width.
    const columns: ({ width?: number; style: number } | undefined)[] = [];
    for (const def of extras.columns) {
      for (let c = def.min; c <= Math.min(def.max, maxColumns); c++) columns[c - 1] = def;
    }

    // A column's own format (Excel and LibreOffice keep a whole-column format there, not on each
    // empty cell) applies to its empty cells below the header, down to the last row.
    for (let c = 1; c <= columns.length; c++) {
      const style = book.styles[columns[c - 1]?.style ?? 0];
      const fmt = usableFormat(style?.numFmt, false);
      const bold = style?.bold === true;
      if (fmt === undefined && !bold) continue;
      const fill: CellModel = { value: '' };
      if (fmt !== undefined) fill.numberFormat = fmt;
      if (bold) fill.fontWeight = 'bold';
      Object.freeze(fill);
      for (let r = 2; r <= maxRows; r++) {
        const cells = (rows[r - 1] ??= []);
        if (!cells[c - 1]) cells[c - 1] = fill; // a cell's own style wins
      }
      lastRow = Math.max(lastRow, maxRows);
    }

    for (const g of groups) {
      // Cells are shared, so each gets a validated copy (one per distinct cell).
      const copies = new Map<CellModel, CellModel>();
      for (const range of g.ranges) {
        const bottom = Math.min(range.bottom, maxRows);
        for (let r = range.top; r <= bottom; r++) {
          const cells = (rows[r - 1] ??= []);
          for (let c = range.left; c <= range.right; c++) {
            const cell = cells[c - 1] ?? EMPTY;
            let copy = copies.get(cell);
            if (!copy) {
              copy = Object.freeze({ ...cell, validation: g.model });
              copies.set(cell, copy);
            }
            cells[c - 1] = copy;
          }
          if (r > lastRow) lastRow = r;
        }
      }
    }

    // Dense rows and cells, as sheetsModel() gives them.
    const dense: CellModel[][] = new Array<CellModel[]>(lastRow);
    for (let r = 0; r < lastRow; r++) {
      const cells = rows[r];
      if (!cells) {
        dense[r] = [];
        continue;
      }
      for (let c = 0; c < cells.length; c++) if (!cells[c]) cells[c] = EMPTY;
      dense[r] = cells;
    }

    const model: SheetModel = {
      name: typeof meta?.name === 'string' && meta.name !== '' ? meta.name : tab.name,
      rows: dense,
      maxRows,
      maxColumns,
      frozenRows: extras.frozenRows,
      hidden: tab.state !== 'visible',
    };
    const widths: Record<number, number> = {};
    let anyWidth = false;
    for (let c = 1; c <= columns.length; c++) {
      const w = columns[c - 1]?.width;
      if (w === undefined || !Number.isFinite(w) || w === EXCELJS_DEFAULT_WIDTH) continue;
      widths[c] = widthToPx(w);
      anyWidth = true;
    }
    if (anyWidth) model.columnWidths = widths;
    return model;
  }
}

/** A workbook from .xlsx bytes or a file path. */
export async function readWorkbookFrom(
  source: string | Buffer,
  opts: ReadOptions = {},
): Promise<WorkbookFile> {
  const reader = await WorkbookReader.open(source, opts);
  const sheets: SheetModel[] = [];
  for (const tab of reader.tabs) sheets.push(await reader.readSheet(tab));
  return { timeZone: reader.timeZone, sheets, documentProperties: reader.documentProperties };
}
