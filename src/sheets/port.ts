// The narrow port between the workbook contract and a spreadsheet: one batch read per tab, one batch write
// per block of columns. The Apps Script adapter (src/addon) and tests implement it; nothing here knows Sheets.
import type { IsoDate } from '../core/calendar';

/** A calendar date cell. Adapters turn it into a real date cell in the spreadsheet's time zone. */
export interface SheetDate {
  readonly date: IsoDate;
}
/** A cell that holds a formula (read back so a write can put it back untouched). */
export interface SheetFormula {
  readonly formula: string;
}
/**
 * A date and time, 'YYYY-MM-DD HH:mm:ss' on the spreadsheet's clock (the Log's Timestamp). Adapters write
 * a real date-time value, never text Sheets would parse by its locale.
 */
export interface SheetDateTime {
  readonly dateTime: string;
}
/** What a cell holds when read: '' for empty, dates as SheetDate. */
export type CellValue = string | number | boolean | SheetDate;
/**
 * What may be written. Text in a block's text columns is written as is (the port makes those cells plain
 * text first); other text must already be made safe by cellSafety.safeText.
 */
export type CellWrite = CellValue | SheetFormula | SheetDateTime;

export function isSheetDate(v: unknown): v is SheetDate {
  return typeof v === 'object' && v !== null && typeof (v as SheetDate).date === 'string';
}
export function isSheetFormula(v: unknown): v is SheetFormula {
  return typeof v === 'object' && v !== null && typeof (v as SheetFormula).formula === 'string';
}
export function isSheetDateTime(v: unknown): v is SheetDateTime {
  return typeof v === 'object' && v !== null && typeof (v as SheetDateTime).dateTime === 'string';
}

/** A tab's grid: every cell of it counts toward Sheets' cap, used or not. */
export interface GridSize {
  readonly rows: number;
  readonly columns: number;
}

/**
 * The top of a tab an action only appends to: its first rows (where the header is found), how far it
 * reaches and its grid. What it costs does not grow with the tab's rows.
 */
export interface TabHead {
  readonly name: string;
  /** The tab's first rows (at most HEAD_ROWS), rectangular; row 0 is sheet row 1. */
  readonly values: CellValue[][];
  /**
   * The last sheet row holding more than blanks, as a whole read would find it (a stray tick counts, a
   * formula showing "" does not; 0 for an empty tab): appends go below it.
   */
  readonly lastRow: number;
  readonly grid?: GridSize;
}

/** How many rows a head holds: the rows readTable searches for the header. */
export const HEAD_ROWS = 10;

export interface TabSnapshot {
  readonly name: string;
  /** Row 0 is the header row (sheet row 1); row i is sheet row i + 1. Rectangular. */
  readonly values: CellValue[][];
  /** The tab's grid (max rows x max columns), when the port knows it. */
  readonly grid?: GridSize;
  /**
   * Of a tab read by columns (readColumns): the 0-based columns its rows below the header hold. Every other
   * cell there is '' here, whatever the sheet holds, so a write must leave those cells alone (toBlocks).
   * Absent: every cell as the sheet holds it.
   */
  readonly columns?: readonly number[];
  /**
   * Of a tab read by columns: the last sheet row holding more than blanks in any column, read or not (as
   * TabHead.lastRow): appends go below it, never onto a row holding only what was not read.
   */
  readonly lastRow?: number;
}

/** What readColumns reads of a tab, found from its head: where the header is and which columns to read. */
export interface ColumnPick {
  /** 1-based sheet row of the header row: it and the rows above it are kept whole. */
  readonly headerRow: number;
  /** 0-based columns to read, every row below the header. */
  readonly columns: readonly number[];
}

/** One read of a rectangle's values (1-based top-left), as cells: arrays the snapshot may keep and change. */
export type ReadRun = (row: number, column: number, numRows: number, numColumns: number) => CellValue[][];

/**
 * A tab's snapshot from its head and the columns `pick` chose: the rows down to the header as the head
 * holds them, then the chosen columns of every row to the last (the head's rows, then one `read` per
 * contiguous run of columns below the head), '' in every other cell. Shared by the ports, so each one
 * only says how a rectangle is read.
 */
export function columnSnapshot(head: TabHead, pick: ColumnPick, read: ReadRun): TabSnapshot {
  const width = head.values[0]?.length ?? 0;
  const columns = [...new Set(pick.columns)]
    .filter((c) => Number.isInteger(c) && c >= 0 && c < width)
    .sort((a, b) => a - b);
  const top = Math.max(0, Math.min(pick.headerRow, head.values.length));
  const height = Math.max(top, head.lastRow);
  const values: CellValue[][] = head.values.slice(0, top);
  // Copies of one blank row (slice keeps a packed array: quicker to make and read than Array(n).fill).
  const blank: CellValue[] = [];
  for (let j = 0; j < width; j++) blank.push('');
  for (let r = top; r < Math.min(height, head.values.length); r++) {
    const row = blank.slice();
    for (const c of columns) row[c] = head.values[r]![c] ?? '';
    values.push(row);
  }
  const first = head.values.length + 1;
  const below = height - head.values.length;
  if (below < 1) return { name: head.name, values, grid: head.grid, columns, lastRow: head.lastRow };
  const runs = columnRuns(columns);
  // The rows of a run from the first column become the snapshot's, widened in place: no copy of them.
  const lead = runs[0]?.[0] === 0 ? runs.shift()! : null;
  const base = lead ? read(first, 1, below, lead[1]) : [];
  for (let i = 0; i < below; i++) {
    const row = base[i];
    if (!row) values.push(blank.slice());
    else {
      for (let j = row.length; j < width; j++) row.push('');
      values.push(row);
    }
  }
  for (const [start, count] of runs) {
    const got = read(first, start + 1, below, count);
    for (let i = 0; i < below; i++) {
      const cells = got[i];
      const row = values[first - 1 + i]!;
      if (cells) for (let j = 0; j < count; j++) row[start + j] = cells[j] ?? '';
    }
  }
  return { name: head.name, values, grid: head.grid, columns, lastRow: head.lastRow };
}

/** Contiguous runs [start, count] of sorted, distinct column indexes. */
export function columnRuns(sorted: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const c of sorted) {
    const run = runs[runs.length - 1];
    if (run && run[0] + run[1] === c) run[1]++;
    else runs.push([c, 1]);
  }
  return runs;
}

/** A rectangle to write: top-left at 1-based sheet row/column. */
export interface CellBlock {
  readonly row: number;
  readonly column: number;
  readonly values: CellWrite[][];
  /**
   * 0-based offsets (into each row of `values`) of the plain-text columns. Their strings are written
   * unquoted, so the port must give those cells the plain-text format ('@') right before writing them:
   * text lands as text even where a user removed the column's format.
   */
  readonly textColumns: readonly number[];
}

export type ColumnFormat =
  | { readonly kind: 'date' }
  /** A timestamp (the Log's), shown day first as the studio reads dates. */
  | { readonly kind: 'datetime' }
  | { readonly kind: 'money' }
  | { readonly kind: 'integer' }
  | { readonly kind: 'text' }
  | { readonly kind: 'list'; readonly values: readonly string[] }
  | { readonly kind: 'checkbox' };

/** How a tab should look: set up once, then only added to. */
export interface TabLayout {
  readonly name: string;
  /** 1-based sheet row of the header row (readTable finds it in rows 1–10; row 1 for a new tab). */
  readonly headerRow: number;
  /** Headers to append after the last used cell of the header row, in order. */
  readonly addHeaders: readonly string[];
  /** Header row position of each column to format (1-based), with its format, from the row below it. */
  readonly columnFormats: readonly { column: number; format: ColumnFormat }[];
  /** Single cells to format (Settings values by kind), before anything is written into them. */
  readonly cellFormats: readonly { row: number; column: number; format: ColumnFormat }[];
  /**
   * Pixel widths, set on a new tab and on columns still at the default width: a width the user gave
   * a column is kept.
   */
  readonly columnWidths: readonly { column: number; width: number }[];
  readonly create: boolean;
  /** Hide the tab when it is created (the add-in's own records); a tab a user unhid stays shown. */
  readonly hidden?: boolean;
  readonly frozenRows: number;
  readonly boldHeader: boolean;
}

/** A whole tab's new content, for tabs an action regenerates (Process Billing). */
export interface TabContent {
  /** From A1; rows may differ in length (padded with blanks when written). */
  readonly values: readonly (readonly CellWrite[])[];
  readonly formats: readonly { row: number; column: number; numRows: number; format: ColumnFormat }[];
  readonly boldRows: readonly number[];
  readonly frozenRows: number;
}

export interface WorkbookPort {
  timeZone(): string;
  /** One batch read per tab; null when the tab does not exist. */
  readTabs(names: readonly string[]): Record<string, TabSnapshot | null>;
  /** Each tab's head (its first rows, last row and grid), constant calls and cells; null when missing. */
  readHeads(names: readonly string[]): Record<string, TabHead | null>;
  /**
   * One column's cells from sheet row `row`, `numRows` of them (one read): what an action needs of a
   * tab it does not read whole (an ID column, to seed a missing counter).
   */
  readColumn(tab: string, column: number, row: number, numRows: number): CellValue[];
  /**
   * Chosen columns of a tab, every row (a history tab of which an action needs a few columns): its head,
   * as readHeads reads it, then `pick` says from it where the header is and which columns, and each run of
   * adjacent columns is one read of the rows below the head (columnSnapshot). Constant calls, whatever the
   * rows. The snapshot says which columns it holds; null when the tab is missing.
   */
  readColumns(name: string, pick: (head: TabHead) => ColumnPick): TabSnapshot | null;
  /**
   * The formulas of one rectangle ('' where a cell holds none), one read: only for blocks about to be
   * written, never a whole tab (reading a tab's formulas would double the cells every action reads).
   */
  readFormulas(tab: string, row: number, column: number, numRows: number, numColumns: number): string[][];
  /** One write per block; the rows and columns past the sheet's edge are added first (no spare ones). */
  writeBlocks(tab: string, blocks: readonly CellBlock[]): void;
  /** Creates a missing tab and applies header, frozen row, formats and validations. */
  applyLayout(layout: TabLayout): void;
  /**
   * Clears the tab's contents and validations, then writes `content` (one write, constant calls). Its
   * text is written as is: the port makes every text cell plain text first, so nothing is parsed.
   */
  rewriteTab(name: string, content: TabContent): void;
  /**
   * Every tab's grid, in tab order (the cell cap counts all of them, ours or not). A port that cannot
   * tell leaves it out, and commits are then not checked against the cap.
   */
  gridSizes?(): readonly (GridSize & { readonly name: string })[];
  getProperty(key: string): string | null;
  /** Every document property at once (one call), for reading many batch records. */
  getProperties(): Record<string, string>;
  setProperties(values: Record<string, string>): void;
}
