// .xlsx bytes -> the emulation's cells, one tab at a time. Each sheet's XML is streamed (./sheetXml)
// straight into the tab's layers (./tabCells): no object per cell is ever built. See ./layout for the
// hidden META_SHEET and what it adds.
import type { SheetModel, ValidationModel } from '../gas/model';
import { modelToStore, storeToModel } from '../gas/sheetModel';
import { isValidTimeZone } from '../gas/time';
import { openBook, type Book, type BookSheet } from './book';
import { plainValue, usableFormat, type Plain } from './cellValue';
import {
  CHECKBOX_MARKER,
  decodeAddress,
  DEFAULT_MAX_COLUMNS,
  DEFAULT_MAX_ROWS,
  EXCELJS_DEFAULT_WIDTH,
  EXCEL_MAX_ROWS,
  META_MARKER,
  META_SHEET,
  widthToPx,
  type SheetMeta,
} from './layout';
import { parseSheet, type CellRange, type RawValidation } from './sheetXml';
import type { StoredCells } from './storeView';
import { SharedDates, SpecCache, TabCells } from './tabCells';
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

export class WorkbookReader {
  readonly timeZone: string;
  readonly documentProperties: Record<string, string>;
  /** The tabs, in order (the metadata sheet left out). */
  readonly tabs: BookSheet[];
  private readonly lists = new Map<string, string[] | undefined>();
  private readonly specs = new SpecCache();
  private readonly dates: SharedDates;

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
    this.dates = new SharedDates(this.timeZone);
  }

  /** Opens a workbook from a file (read as it goes: close() the reader) or from bytes. */
  static async open(source: string | Buffer, opts: ReadOptions = {}): Promise<WorkbookReader> {
    const what = typeof source === 'string' ? source : 'the data';
    let zip: Zip | undefined;
    try {
      zip = typeof source === 'string' ? await Zip.openFile(source) : await Zip.fromBytes(source);
      const book = await openBook(zip);
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
      await zip?.close().catch(() => undefined);
      const reason = e instanceof Error ? e.message : String(e);
      throw new Error(`Cannot read ${what} as an .xlsx workbook: ${reason}`, { cause: e });
    }
  }

  /** Closes the file being read. */
  close(): Promise<void> {
    return this.book.zip.close();
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

  /** One tab's model (for readWorkbook: the emulation's own store -> model conversion of its cells). */
  async readSheet(tab: BookSheet): Promise<SheetModel> {
    const { tab: model, layers } = await this.readCells(tab);
    const store = modelToStore(model, 0);
    Object.assign(store, layers);
    const out = storeToModel(store);
    delete out.sheetId;
    return out;
  }

  /** One tab as the emulation's cells (./storeView), and the tab without its rows. */
  async readCells(tab: BookSheet): Promise<StoredCells> {
    try {
      return await this.tabCells(tab);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      throw new Error(`Cannot read ${this.what} as an .xlsx workbook: tab "${tab.name}": ${reason}`, {
        cause: e,
      });
    }
  }

  private async tabCells(tab: BookSheet): Promise<StoredCells> {
    const { book } = this;
    const meta = this.meta.sheets.get(tab.name);
    const cells = new TabCells(book, this.dates);
    const extras = await parseSheet(book.zip, tab.part, (raw) => cells.add(raw));
    cells.flush();
    cells.clearMerged(extras.merges);

    // Validations: one model per <dataValidation>, over its ranges.
    const groups: { model: ValidationModel; ranges: CellRange[]; bottom: number }[] = [];
    for (const dv of extras.validations) {
      const model = await this.validationModel(dv, tab);
      if (!model || dv.ranges.length === 0) continue;
      groups.push({ model, ranges: dv.ranges, bottom: Math.max(...dv.ranges.map((r) => r.bottom)) });
    }

    // Size: what the file recorded, never less than what is used (values, formats, validations
    // short of a whole column). Whole-column validations stop at the last row.
    let maxRows = Math.max(1, Number(meta?.maxRows) || DEFAULT_MAX_ROWS, cells.lastRow);
    let maxColumns = Math.max(1, Number(meta?.maxColumns) || DEFAULT_MAX_COLUMNS, cells.width);
    for (const g of groups) {
      if (g.bottom < EXCEL_MAX_ROWS - 1 && g.bottom > maxRows) maxRows = g.bottom;
      for (const r of g.ranges) maxColumns = Math.max(maxColumns, r.right);
    }

    // Column definitions (<col min max>), one per column up to the tab's width.
    const columns: ({ width?: number; style: number } | undefined)[] = [];
    for (const def of extras.columns) {
      for (let c = def.min; c <= Math.min(def.max, maxColumns); c++) columns[c - 1] = def;
    }

    // A column's own format fills its empty cells below the header (a cell's own style wins).
    const fills: { col: number; fmt: string | undefined; bold: boolean }[] = [];
    for (let c = 1; c <= columns.length; c++) {
      const style = book.styles[columns[c - 1]?.style ?? 0];
      const fmt = usableFormat(style?.numFmt, false);
      const bold = style?.bold === true;
      if (fmt !== undefined || bold) fills.push({ col: c, fmt, bold });
    }
    cells.fillColumns(fills, maxRows);

    for (const g of groups) {
      const spec = this.specs.of(g.model);
      if (spec) cells.validate(spec, g.ranges, maxRows);
    }

    const model: SheetModel = {
      name: typeof meta?.name === 'string' && meta.name !== '' ? meta.name : tab.name,
      rows: [],
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
    return { tab: model, layers: cells.layers };
  }
}

/** A workbook from .xlsx bytes or a file path. */
export async function readWorkbookFrom(
  source: string | Buffer,
  opts: ReadOptions = {},
): Promise<WorkbookFile> {
  const reader = await WorkbookReader.open(source, opts);
  try {
    const sheets: SheetModel[] = [];
    for (const tab of reader.tabs) sheets.push(await reader.readSheet(tab));
    return { timeZone: reader.timeZone, sheets, documentProperties: reader.documentProperties };
  } finally {
    await reader.close();
  }
}
