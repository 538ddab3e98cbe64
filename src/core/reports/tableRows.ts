// The loop every table shape shares: skip blank and totals rows, check row widths, read, collect errors.
import { rawKeys, type Columns } from './columns';
import { ReadMemo, RowReader, rowMessage } from './rowReader';
import type { DateReading } from './reportValues';
import { cellText, isBlankCell, isBlankRow, type Table, type TableRow } from './table';
import type { ReportError, ReportRow, SkippedRow } from './types';

/** What a shape reads from a row; the row number and raw cells are added for it. */
export type RowFields = Omit<ReportRow, 'rowNumber' | 'raw'>;

export interface TableResult {
  rows: ReportRow[];
  errors: ReportError[];
  skipped: SkippedRow[];
}

export interface RowPlan {
  /** Reference-like columns and the date column: a row with none of them filled is a totals row. */
  referenceColumns: number[];
  dateColumn: number;
  reading: DateReading;
}

/** "Total", "Totals:", "Grand total", "Total (3)", "Total 4 payments", "Total for 16/09/2016"; not "Total Fitness". */
const TOTALS = /^(grand |sub-?)?totals?(\s*[:(-].*|\s+\d.*|\s+for\b.*)?$/i;

/** `cols`: the plan's reference columns and its date column. */
function skipReason(row: TableRow, cols: readonly number[], source: Table['source']): string | null {
  if (isBlankRow(row.cells)) return source === 'text' ? 'blank line' : 'blank row';
  if (TOTALS.test(cellText(row.cells[0]).trim())) return 'totals row';
  if (cols.every((c) => isBlankCell(row.cells[c]))) return 'no reference and no date (a totals row)';
  return null;
}

/** A row wider than the header (ignoring trailing blank cells), or in pasted text narrower than it. */
function widthProblem(row: TableRow, table: Table): string | null {
  const width = table.headers.length;
  let n = row.cells.length;
  while (n > width && isBlankCell(row.cells[n - 1])) n -= 1;
  if (n > width || (table.source === 'text' && n < width)) {
    return `${n} cells, but the header has ${width} columns`;
  }
  return null;
}

export function readRows(
  table: Table,
  columns: Columns,
  plan: RowPlan,
  readRow: (r: RowReader) => RowFields | null,
): TableResult {
  const keys = rawKeys(table.headers);
  const result: TableResult = { rows: [], errors: [], skipped: [] };
  const memo = new ReadMemo();
  const filled = [...plan.referenceColumns, plan.dateColumn];
  const blank: Record<string, string> = {};
  for (const k of keys) blank[k] = '';
  for (const row of table.rows) {
    const { rowNumber } = row;
    if (row.problem !== undefined) {
      result.errors.push({ rowNumber, column: null, message: rowMessage(rowNumber, null, row.problem) });
      continue;
    }
    const why = skipReason(row, filled, table.source);
    if (why !== null) {
      result.skipped.push({ rowNumber, why });
      continue;
    }
    const ragged = widthProblem(row, table);
    if (ragged !== null) {
      result.errors.push({ rowNumber, column: null, message: rowMessage(rowNumber, null, ragged) });
      continue;
    }
    const reader = new RowReader(row, columns, plan.reading, memo);
    const fields = readRow(reader);
    if (!reader.ok || fields === null) {
      result.errors.push(...reader.problems);
      continue;
    }
    // A copy of the template has every key already: the cells then only replace values.
    const raw: Record<string, string> = { ...blank };
    for (let i = 0; i < keys.length; i++) raw[keys[i]!] = cellText(row.cells[i]);
    // The fields are the shape's own new object: completed in place, not copied (20k rows a report).
    const read = fields as ReportRow;
    read.rowNumber = rowNumber;
    read.raw = raw;
    result.rows.push(read);
  }
  return result;
}
