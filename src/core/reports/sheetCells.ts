// Rows pasted into a sheet tab -> a table of cells. Row numbers are 1-based indexes into the array.
import type { Cell, Table } from './table';
import { isBlankRow } from './table';
import { trimHeaders } from './delimited';
import { ReportFormatError, type SheetCell } from './types';

export function toCell(value: SheetCell): Cell {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

/**
 * When a whole report landed in column A (each line one cell, not split into columns), the text it
 * came from; null when the cells are a real table.
 */
export function unsplitText(cells: SheetCell[][]): string | null {
  const lines: string[] = [];
  let sawText = false;
  for (const row of cells) {
    const filled = row.map(toCell).filter((c) => !isBlankRow([c]));
    if (filled.length === 0) {
      lines.push('');
      continue;
    }
    const first = row[0];
    if (filled.length > 1 || typeof first !== 'string' || first.trim() === '') return null;
    if (!sawText && !/[,\t|;]/.test(first) && !/^0 {17}\d\d/.test(first)) return null;
    sawText = true;
    lines.push(first);
  }
  return sawText ? lines.join('\n') : null;
}

/** The first non-empty row is the header; every row after it is kept (blank ones too). */
export function tableFromCells(cells: SheetCell[][]): Table {
  const rows = cells.map((r, i) => ({ rowNumber: i + 1, cells: r.map(toCell) }));
  const headerIndex = rows.findIndex((r) => !isBlankRow(r.cells));
  const header = rows[headerIndex];
  if (header === undefined) throw new ReportFormatError('The report is empty');
  return {
    source: 'cells',
    headerRowNumber: header.rowNumber,
    headers: trimHeaders(header.cells.map((c) => (typeof c === 'object' ? c.date : String(c)))),
    rows: rows.slice(headerIndex + 1),
  };
}
