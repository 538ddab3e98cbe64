// .xlsx bytes -> the model, with exceljs's in-memory reader (it is the one that reads views, column
// widths and data validations). See ./layout for the hidden META_SHEET and what it adds.
import { types } from 'node:util';
import ExcelJS from 'exceljs';
import type { CellModel, SheetModel, ValidationModel } from '../gas/model';
import { isValidTimeZone, wallClockToInstant } from '../gas/time';
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
import type { WorkbookFile } from './write';

export interface ReadOptions {
  /**
   * The time zone for a file that does not record one (one not written here). Default
   * 'Australia/Sydney', the emulation's default. A zone recorded in the file wins.
   */
  timeZone?: string;
}

export const DEFAULT_TIME_ZONE = 'Australia/Sydney';

// Parts of exceljs's in-memory model its .d.ts leaves out.
interface SheetInternals {
  dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
}

interface ValidationGroup {
  model: ValidationModel;
  /** row, col pairs (1-based) */
  cells: number[];
  bottom: number;
}

interface Meta {
  timeZone?: string;
  sheets: Map<string, Partial<SheetMeta>>;
  properties: Record<string, string>;
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'object') return String(v);
  if (types.isDate(v)) return v.toISOString();
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('error' in v) return v.error;
  if ('text' in v) return typeof v.text === 'string' ? v.text : text(v.text);
  if ('result' in v) return text((v as ExcelJS.CellFormulaValue).result ?? null);
  return '';
}

function readMeta(ws: ExcelJS.Worksheet): Meta {
  const meta: Meta = { sheets: new Map(), properties: {} };
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    const at = (c: number): string => text(row.findCell(c)?.value ?? null);
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

function isMetaSheet(ws: ExcelJS.Worksheet): boolean {
  return ws.name === META_SHEET && text(ws.findCell(1, 1)?.value ?? null) === META_MARKER;
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

/** A list validation from a range ('Lists'!$A$1:$A$5): the values the range holds now. */
function rangeList(formula: string, book: ExcelJS.Workbook, own: ExcelJS.Worksheet): string[] | undefined {
  const m = RANGE_REF.exec(formula);
  if (!m) return undefined;
  const sheetName = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const ws = sheetName === undefined ? own : book.getWorksheet(sheetName.trim());
  const a = decodeAddress(m[3] as string);
  const b = m[4] === undefined ? a : decodeAddress(m[4]);
  if (!ws || !a || !b) return undefined;
  const values: string[] = [];
  const maxRow = Math.min(Math.max(a.row, b.row), ws.rowCount);
  for (let r = Math.min(a.row, b.row); r <= maxRow; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) {
      const cell = row.findCell(c);
      if (cell && cell.value !== null && cell.value !== undefined) values.push(text(cell.value));
    }
  }
  return values;
}

/** The model of an xlsx validation, or undefined for kinds the model has no place for. */
function validationModel(
  dv: ExcelJS.DataValidation,
  book: ExcelJS.Workbook,
  own: ExcelJS.Worksheet,
): ValidationModel | undefined {
  if (dv.type !== 'list') return undefined;
  if (dv.promptTitle === CHECKBOX_MARKER) return { kind: 'checkbox' };
  const formula = String(dv.formulae?.[0] ?? '');
  const values = inlineList(formula) ?? rangeList(formula, book, own);
  if (!values) return undefined;
  // Excel's "Stop" rejects invalid input; "Warning"/"Information" (or no error alert) let it in.
  const rejects = dv.showErrorMessage === true && (dv.errorStyle ?? 'stop') === 'stop';
  return { kind: 'list', values, allowInvalid: !rejects };
}

// ---- sheets -----------------------------------------------------------------------------------

function cellValue(v: ExcelJS.CellValue, zone: string): CellModel['value'] {
  if (v === null || v === undefined) return '';
  switch (typeof v) {
    case 'string':
    case 'number':
    case 'boolean':
      return v;
    default:
      if (types.isDate(v)) return wallClockToInstant(v, zone);
      return text(v);
  }
}

/** LibreOffice saves a TRUE or FALSE cell as the formula TRUE() or FALSE(). */
const BOOLEAN_FORMULA = /^\s*(TRUE|FALSE)\(\s*\)\s*$/i;

/** A number format worth keeping in the model (not Excel's or Sheets' default). */
function usableFormat(fmt: string | undefined, isDateValue: boolean): string | undefined {
  if (!fmt || fmt === 'General' || fmt === SHEETS_DEFAULT_FORMAT || /^general$/i.test(fmt)) return undefined;
  // Excel's short date or date-time (formats 14, 22) on a date: what a date without a format gets.
  if (isDateValue && (fmt === SHORT_DATE_FORMAT || fmt === DATE_TIME_FORMAT)) return undefined;
  return fmt;
}

function frozenRows(ws: ExcelJS.Worksheet): number {
  for (const view of ws.views ?? []) {
    if (view.state === 'frozen')
      return Math.max(0, Number((view as ExcelJS.WorksheetViewFrozen).ySplit) || 0);
  }
  return 0;
}

function readSheet(
  ws: ExcelJS.Worksheet,
  book: ExcelJS.Workbook,
  zone: string,
  meta: Partial<SheetMeta> | undefined,
): SheetModel {
  const rows: CellModel[][] = [];
  let lastRow = 0;
  let width = 0;
  const rowCount = ws.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    const cells: CellModel[] = [];
    const n = row.cellCount;
    for (let c = 1; c <= n; c++) {
      const cell = row.findCell(c);
      if (!cell) continue;
      const raw = cell.value;
      const out: CellModel = { value: '' };
      if (cell.type === ExcelJS.ValueType.Merge) {
        // the hidden part of a merged range: Sheets reads it as empty
      } else if (cell.type === ExcelJS.ValueType.Formula) {
        // cell.formula also works out a shared formula's text for this cell
        const formula = cell.formula;
        const bool = formula ? BOOLEAN_FORMULA.exec(formula) : null;
        if (bool) {
          out.value = (bool[1] as string).toUpperCase() === 'TRUE'; // LibreOffice's TRUE/FALSE cells
        } else {
          if (formula) out.formula = `=${formula}`;
          out.value = cellValue((raw as ExcelJS.CellFormulaValue).result ?? null, zone);
        }
      } else {
        out.value = cellValue(raw, zone);
      }
      const fmt = usableFormat(cell.numFmt, out.value instanceof Date);
      if (fmt !== undefined) out.numberFormat = fmt;
      if (cell.font?.bold) out.fontWeight = 'bold';
      if (
        out.value === '' &&
        out.formula === undefined &&
        out.numberFormat === undefined &&
        !out.fontWeight
      ) {
        continue;
      }
      cells[c - 1] = out;
    }
    if (cells.length) {
      rows[r - 1] = cells;
      lastRow = r;
      if (cells.length > width) width = cells.length;
    }
  }

  // Validations: exceljs lists them per cell (a range is expanded); one object per <dataValidation>.
  const dvs = (ws as unknown as SheetInternals).dataValidations.model;
  const groups = new Map<ExcelJS.DataValidation, ValidationGroup | null>();
  for (const address in dvs) {
    const dv = dvs[address];
    if (!dv) continue;
    let group = groups.get(dv);
    if (group === undefined) {
      const model = validationModel(dv, book, ws);
      group = model ? { model, cells: [], bottom: 0 } : null;
      groups.set(dv, group);
    }
    if (!group) continue;
    const a = decodeAddress(address);
    if (!a) continue;
    group.cells.push(a.row, a.col);
    if (a.row > group.bottom) group.bottom = a.row;
  }

  // Size: what the file recorded, never less than what is used (values, formats, validations
  // short of a whole column). Whole-column validations stop at the last row.
  let maxRows = Math.max(1, Number(meta?.maxRows) || DEFAULT_MAX_ROWS, lastRow);
  let maxColumns = Math.max(1, Number(meta?.maxColumns) || DEFAULT_MAX_COLUMNS, width);
  for (const g of groups.values()) {
    if (!g) continue;
    if (g.bottom < EXCEL_MAX_ROWS - 1 && g.bottom > maxRows) maxRows = g.bottom;
    for (let i = 1; i < g.cells.length; i += 2) maxColumns = Math.max(maxColumns, g.cells[i] as number);
  }

  // A column's own format (Excel and LibreOffice keep a whole-column format there, not on each
  // empty cell) applies to its empty cells below the header, down to the last row.
  const columns = (ws.columns as ExcelJS.Column[] | null) ?? [];
  for (let c = 1; c <= Math.min(columns.length, maxColumns); c++) {
    const column = columns[c - 1];
    const fmt = usableFormat(column?.numFmt, false);
    const bold = column?.font?.bold === true;
    if (fmt === undefined && !bold) continue;
    for (let r = 2; r <= maxRows; r++) {
      const cells = (rows[r - 1] ??= []);
      if (cells[c - 1]) continue; // a cell's own style wins
      const cell: CellModel = { value: '' };
      if (fmt !== undefined) cell.numberFormat = fmt;
      if (bold) cell.fontWeight = 'bold';
      cells[c - 1] = cell;
    }
    lastRow = Math.max(lastRow, maxRows);
  }

  for (const g of groups.values()) {
    if (!g) continue;
    const list = g.cells;
    for (let i = 0; i < list.length; i += 2) {
      const row = list[i] as number;
      const col = list[i + 1] as number;
      if (row > maxRows) continue;
      const cells = (rows[row - 1] ??= []);
      const cell = (cells[col - 1] ??= { value: '' });
      cell.validation = g.model;
      if (row > lastRow) lastRow = row;
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
    for (let c = 0; c < cells.length; c++) if (!cells[c]) cells[c] = { value: '' };
    dense[r] = cells;
  }

  const model: SheetModel = {
    name: typeof meta?.name === 'string' && meta.name !== '' ? meta.name : ws.name,
    rows: dense,
    maxRows,
    maxColumns,
    frozenRows: frozenRows(ws),
    hidden: ws.state !== 'visible',
  };
  const widths: Record<number, number> = {};
  let anyWidth = false;
  for (let c = 1; c <= Math.min(columns.length, maxColumns); c++) {
    const w = columns[c - 1]?.width;
    if (w === undefined || !Number.isFinite(w) || w === EXCELJS_DEFAULT_WIDTH) continue;
    widths[c] = widthToPx(w);
    anyWidth = true;
  }
  if (anyWidth) model.columnWidths = widths;
  return model;
}

async function loadBook(source: string | Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  const what = typeof source === 'string' ? source : 'the data';
  try {
    if (typeof source === 'string') await book.xlsx.readFile(source);
    else await book.xlsx.load(source as unknown as ArrayBuffer);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new Error(`Cannot read ${what} as an .xlsx workbook: ${reason}`, { cause: e });
  }
  return book;
}

/** A workbook from .xlsx bytes or a file path. */
export async function readWorkbookFrom(
  source: string | Buffer,
  opts: ReadOptions = {},
): Promise<WorkbookFile> {
  const book = await loadBook(source);
  const sheets = book.worksheets;
  const metaSheet = sheets.find(isMetaSheet);
  const meta: Meta = metaSheet ? readMeta(metaSheet) : { sheets: new Map(), properties: {} };
  const fallback = opts.timeZone ?? DEFAULT_TIME_ZONE;
  const timeZone =
    meta.timeZone !== undefined && isValidTimeZone(meta.timeZone)
      ? meta.timeZone
      : isValidTimeZone(fallback)
        ? fallback
        : DEFAULT_TIME_ZONE;
  return {
    timeZone,
    sheets: sheets
      .filter((ws) => ws !== metaSheet)
      .map((ws) => readSheet(ws, book, timeZone, meta.sheets.get(ws.name))),
    documentProperties: meta.properties,
  };
}
