// What one <c> holds, as the file has it: shared by the tab reader (./tabCells) and the reader of small
// sheets as text (./read).
import { SHEETS_DEFAULT_FORMAT, SHORT_DATE_FORMAT, DATE_TIME_FORMAT } from './layout';
import type { Book } from './book';
import type { RawCell } from './sheetXml';

/** A cell's value as the file has it; a date is its wall clock read as UTC (as exceljs gives it). */
export type Plain = string | number | boolean | Date;

const MS_PER_DAY = 86_400_000;
/** Days from Excel's day 0 (30 Dec 1899) to 1 Jan 1970. */
const EPOCH_1900 = 25_569;

export function serialToWallMs(serial: number, date1904: boolean): number {
  return Math.round((serial - EPOCH_1900 + (date1904 ? 1462 : 0)) * MS_PER_DAY);
}

/** The value of a cell (or of a formula's result); undefined for none. */
export function plainValue(book: Book, cell: RawCell): Plain | undefined {
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
      return book.styles[cell.style]?.date ? new Date(serialToWallMs(n, book.date1904)) : n;
    }
  }
}

/** A number format worth keeping in the model (not Excel's or Sheets' default). */
export function usableFormat(fmt: string | undefined, isDateValue: boolean): string | undefined {
  if (!fmt || fmt === 'General' || fmt === SHEETS_DEFAULT_FORMAT || /^general$/i.test(fmt)) return undefined;
  // Excel's short date or date-time (formats 14, 22) on a date: what a date without a format gets.
  if (isDateValue && (fmt === SHORT_DATE_FORMAT || fmt === DATE_TIME_FORMAT)) return undefined;
  return fmt;
}

/** LibreOffice saves a TRUE or FALSE cell as the formula TRUE() or FALSE(). */
export const BOOLEAN_FORMULA = /^\s*(TRUE|FALSE)\(\s*\)\s*$/i;
