// The grid every text paste or sheet range is turned into before a shape reads it.
import type { IsoDate } from '../calendar';

/** One cell: text from a paste; text, a number or a date from a sheet. */
export type Cell = string | number | { date: IsoDate };

export interface TableRow {
  /** 1-based line (text) or row (cells), counting the header. */
  rowNumber: number;
  cells: Cell[];
  /** Set when the row could not be split into cells cleanly (a quote never closed, …). */
  problem?: string;
}

export interface Table {
  /** 'text': a row with fewer cells than the header is an error; 'cells': missing cells are blank. */
  source: 'text' | 'cells';
  headerRowNumber: number;
  /** The header cells, trimmed, as written. */
  headers: string[];
  /** Every row after the header, blank ones included. */
  rows: TableRow[];
}

/** A cell as text: numbers as JavaScript writes them, dates as YYYY-MM-DD. */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return cell;
  return cell.date;
}

export function isBlankCell(cell: Cell | undefined): boolean {
  return cellText(cell).trim() === '';
}

export function isBlankRow(cells: Cell[]): boolean {
  return cells.every(isBlankCell);
}
