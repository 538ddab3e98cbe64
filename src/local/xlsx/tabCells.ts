// One tab's cells read straight into the emulation's layers (values, formats, validations and bold
// by row, see ../gas/store), with no object per cell on the way: a row's cells gather in scratch
// arrays and go into the layers as rows of exactly their width, and every cell holding the same date
// shares one Date (the store replaces a stored Date, never changes one, and getValues() copies).
// About 1.2 million date cells in the main studio are a few hundred Dates instead of ~110 MB.
import { Formula, type Stored } from '../gas/cells';
import type { SheetModel, ValidationModel } from '../gas/model';
import { modelToStore } from '../gas/sheetModel';
import type { Layer, ValidationSpec } from '../gas/store';
import { wallMsToInstant } from '../gas/time';
import type { Book } from './book';
import { BOOLEAN_FORMULA, plainValue, serialToWallMs, usableFormat, type Plain } from './cellValue';
import type { CellRange, RawCell } from './sheetXml';
import type { Layers } from './storeView';

/** Date cells by wall clock, for one workbook's zone; bounded, as a log's timestamps all differ. */
export class SharedDates {
  private readonly byWall = new Map<number, Date>();

  constructor(private readonly zone: string) {}

  /** The instant of a date given as its wall clock read as UTC (as plainValue gives it). */
  of(wallMs: number): Date {
    let d = this.byWall.get(wallMs);
    if (d === undefined) {
      if (this.byWall.size >= 65_536) this.byWall.clear();
      d = new Date(wallMsToInstant(wallMs, this.zone));
      this.byWall.set(wallMs, d);
    }
    return d;
  }
}

/** What a cell style gives the store. */
interface StyleOut {
  /** the format kept for a value that is not a date, and for one that is */
  fmt: string | undefined;
  dateFmt: string | undefined;
  bold: boolean;
  date: boolean;
}

const NO_STYLE: StyleOut = { fmt: undefined, dateFmt: undefined, bold: false, date: false };

/** The row with room for column c (0-based): a new row, or a wider copy, is exactly `width` wide. */
function rowFor<T>(layer: Layer<T>, r: number, c: number, width: number): T[] {
  const row = layer[r];
  if (row !== undefined && c < row.length) return row;
  const wider = new Array<T>(Math.max(width, c + 1));
  if (row !== undefined) for (let i = 0; i < row.length; i++) wider[i] = row[i] as T;
  layer[r] = wider;
  return wider;
}

/** Moves a gathered row into the layer (merging with a row the file gave twice) and empties it. */
function flushRow<T>(layer: Layer<T>, r: number, scratch: (T | undefined)[]): void {
  const n = scratch.length;
  if (n === 0) return;
  const old = layer[r];
  if (old === undefined) layer[r] = scratch.slice() as T[];
  else {
    const row = rowFor(layer, r, n - 1, n);
    for (let c = 0; c < n; c++) if (scratch[c] !== undefined) row[c] = scratch[c] as T;
  }
  scratch.length = 0;
}

/** The last (1-based) row and the widest row with something in the given layers. */
function extent(layers: readonly Layer<unknown>[]): { lastRow: number; width: number } {
  let lastRow = 0;
  let width = 0;
  for (const layer of layers) {
    for (let r = 0; r < layer.length; r++) {
      const row = layer[r];
      if (row === undefined) continue;
      let n = row.length;
      while (n > 0 && row[n - 1] === undefined) n--;
      if (n > 0 && r + 1 > lastRow) lastRow = r + 1;
      if (n > width) width = n;
    }
  }
  return { lastRow, width };
}

/** One rule per distinct validation model, made by the emulation's own model -> store conversion. */
export class SpecCache {
  private readonly byKey = new Map<string, ValidationSpec | undefined>();

  of(model: ValidationModel): ValidationSpec | undefined {
    const key = JSON.stringify(model);
    if (!this.byKey.has(key)) {
      const probe: SheetModel = {
        name: 'probe',
        rows: [[{ value: '', validation: model }]],
        maxRows: 1,
        maxColumns: 1,
        frozenRows: 0,
        hidden: false,
      };
      this.byKey.set(key, modelToStore(probe, 0).validations[0]?.[0]);
    }
    return this.byKey.get(key);
  }
}

export class TabCells {
  readonly layers: Layers = { values: [], formats: [], validations: [], bold: [] };
  /** 1-based extent of the cells with a value, a format or bold */
  lastRow = 0;
  width = 0;
  private row = -1;
  private readonly vals: Stored[] = [];
  private readonly fmts: (string | undefined)[] = [];
  private readonly bolds: (boolean | undefined)[] = [];
  private readonly styles: StyleOut[];

  constructor(
    private readonly book: Book,
    private readonly dates: SharedDates,
  ) {
    this.styles = book.styles.map((s) => ({
      fmt: usableFormat(s.numFmt, false),
      dateFmt: usableFormat(s.numFmt, true),
      bold: s.bold,
      date: s.date,
    }));
  }

  /** A parsed cell (sheetXml's onCell). */
  add(raw: RawCell): void {
    if (!(raw.row >= 1 && raw.col >= 1)) return;
    const style = this.styles[raw.style] ?? NO_STYLE;
    const formula = raw.formula;
    const bool = formula ? BOOLEAN_FORMULA.exec(formula) : null;
    let value: Plain | undefined;
    if (bool)
      value = (bool[1] as string).toUpperCase() === 'TRUE'; // LibreOffice's TRUE/FALSE cells
    else if (raw.type === 'n' && raw.value !== undefined) {
      // the common case, without plainValue's Date per date cell
      const v = raw.value;
      const n = v === '' ? NaN : Number(v);
      if (v === '') value = undefined;
      else if (Number.isNaN(n)) value = v;
      else value = style.date ? this.dates.of(serialToWallMs(n, this.book.date1904)) : n;
    } else {
      value = plainValue(this.book, raw);
      if (value instanceof Date) value = this.dates.of(value.getTime());
    }
    const isDate = value instanceof Date;
    const fmt = isDate ? style.dateFmt : style.fmt;
    let stored: Stored = value === '' ? undefined : value;
    if (formula && !bool) stored = new Formula(`=${formula}`, stored ?? '');
    if (stored === undefined && fmt === undefined && !style.bold) return;

    const r = raw.row - 1;
    const c = raw.col - 1;
    if (r !== this.row) {
      this.flush();
      this.row = r;
    }
    if (stored !== undefined) this.vals[c] = stored;
    if (fmt !== undefined) this.fmts[c] = fmt;
    if (style.bold) this.bolds[c] = true;
    if (raw.row > this.lastRow) this.lastRow = raw.row;
    if (raw.col > this.width) this.width = raw.col;
  }

  /** Puts the row being gathered into the layers (call once the sheet is parsed). */
  flush(): void {
    if (this.row < 0) return;
    flushRow(this.layers.values, this.row, this.vals);
    flushRow(this.layers.formats, this.row, this.fmts);
    flushRow(this.layers.bold, this.row, this.bolds);
    this.row = -1;
  }

  /** The hidden part of a merged range reads as empty (as Sheets does), keeping its own format. */
  clearMerged(merges: readonly CellRange[]): void {
    if (merges.length === 0) return;
    const values = this.layers.values;
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        const row = values[r - 1];
        if (!row) continue;
        for (let c = m.left; c <= Math.min(m.right, row.length); c++) {
          if (r !== m.top || c !== m.left) row[c - 1] = undefined;
        }
      }
    }
    const { lastRow, width } = extent([values, this.layers.formats, this.layers.bold]);
    this.lastRow = lastRow;
    this.width = width;
  }

  /**
   * A column's own format applies to its cells of rows 2..maxRows that have nothing (no value, format
   * or bold): Excel and LibreOffice keep a whole-column format there, not on each empty cell.
   */
  fillColumns(
    fills: readonly { col: number; fmt: string | undefined; bold: boolean }[],
    maxRows: number,
  ): void {
    if (fills.length === 0) return;
    const { values, formats, bold } = this.layers;
    let width = 0;
    for (const f of fills) width = Math.max(width, f.col);
    for (let r = 1; r < maxRows; r++) {
      const vals = values[r];
      for (const f of fills) {
        const c = f.col - 1;
        if (vals?.[c] !== undefined || formats[r]?.[c] !== undefined || bold[r]?.[c]) continue;
        if (f.fmt !== undefined) rowFor(formats, r, c, width)[c] = f.fmt;
        if (f.bold) rowFor(bold, r, c, width)[c] = true;
      }
    }
  }

  /** A rule over 1-based ranges, down to maxRows (a later rule wins a cell). */
  validate(spec: ValidationSpec, ranges: readonly CellRange[], maxRows: number): void {
    const layer = this.layers.validations;
    for (const range of ranges) {
      const bottom = Math.min(range.bottom, maxRows);
      for (let r = range.top; r <= bottom; r++) {
        const row = rowFor(layer, r - 1, range.right - 1, range.right);
        for (let c = range.left; c <= range.right; c++) row[c - 1] = spec;
      }
    }
  }
}
