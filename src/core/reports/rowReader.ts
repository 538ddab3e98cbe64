// Reads one row's cells for a shape, collecting every problem with its row and column.
import type { IsoDate } from '../calendar';
import type { Cents } from '../money';
import type { Columns } from './columns';
import { parseReportAmount, parseReportDate, tidy, ValueError, type DateReading } from './reportValues';
import { cellText, isBlankCell, type Cell, type TableRow } from './table';
import type { ReportError } from './types';

/** "Row 4, column DebitDate: …" or "Row 4: …". */
export function rowMessage(rowNumber: number, column: string | null, message: string): string {
  return column === null ? `Row ${rowNumber}: ${message}` : `Row ${rowNumber}, column ${column}: ${message}`;
}

/** A value a text cell read as, or the message of why it did not. */
type Read<T> = { value: T } | { error: string };

/**
 * What each distinct text read as, for one table: a report repeats a few dates and amounts in every
 * row, and the reading of a text does not change within one report.
 */
export class ReadMemo {
  readonly dates = new Map<string, Read<IsoDate>>();
  readonly amounts = new Map<string, Read<Cents>>();
}

export class RowReader {
  readonly problems: ReportError[] = [];

  constructor(
    private readonly row: TableRow,
    private readonly columns: Columns,
    private readonly reading: DateReading,
    private readonly memo: ReadMemo = new ReadMemo(),
  ) {}

  get rowNumber(): number {
    return this.row.rowNumber;
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  cell(col: number | undefined): Cell {
    return col === undefined ? '' : (this.row.cells[col] ?? '');
  }

  isBlank(col: number | undefined): boolean {
    return isBlankCell(this.cell(col));
  }

  /** The cell's text, spaces tidied; '' when blank or the column is absent. */
  text(col: number | undefined): string {
    return tidy(cellText(this.cell(col)));
  }

  optionalText(col: number | undefined): string | null {
    return this.text(col) || null;
  }

  /** Records a problem; column null for the whole row. */
  fail(col: number | null, message: string): void {
    const column = col === null ? null : this.columns.label(col);
    this.problems.push({
      rowNumber: this.row.rowNumber,
      column,
      message: rowMessage(this.row.rowNumber, column, message),
    });
  }

  /** A required date; null (and a recorded problem) when it does not read. */
  date(col: number): IsoDate | null {
    return this.remembered(col, this.memo.dates, (cell) =>
      parseReportDate(cell, this.reading.dayFirst, this.reading.toStudioDate),
    );
  }

  /** A date that may be blank. */
  optionalDate(col: number | undefined): IsoDate | null {
    return col === undefined || this.isBlank(col) ? null : this.date(col);
  }

  /** A required signed amount in cents. */
  amount(col: number): Cents | null {
    return this.remembered(col, this.memo.amounts, parseReportAmount);
  }

  /** A text cell read once per distinct text (a number or date cell each time), its problem recorded. */
  private remembered<T>(col: number, memo: Map<string, Read<T>>, parse: (cell: Cell) => T): T | null {
    const cell = this.cell(col);
    let read = typeof cell === 'string' ? memo.get(cell) : undefined;
    if (!read) {
      read = attempt(() => parse(cell));
      if (typeof cell === 'string') memo.set(cell, read);
    }
    if ('value' in read) return read.value;
    this.fail(col, read.error);
    return null;
  }
}

function attempt<T>(read: () => T): Read<T> {
  try {
    return { value: read() };
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    return { error: e.message };
  }
}

/** The trimmed, non-empty values of some columns, each once, in column order given. */
export function distinctTexts(r: RowReader, cols: (number | undefined)[]): string[] {
  const out: string[] = [];
  for (const c of cols) {
    const t = r.text(c);
    if (t !== '' && !out.includes(t)) out.push(t);
  }
  return out;
}
