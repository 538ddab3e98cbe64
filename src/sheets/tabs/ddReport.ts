// The DD Report tab: a place to paste a DD company's report. Row 1 says what to paste from A2; the
// reader skips that row, so the report's header row is the first row after it.
import { safeText } from '../cellSafety';
import type { CellBlock, CellValue, TabSnapshot } from '../port';

export const DD_REPORT_INSTRUCTION =
  'Paste the DD company’s report from cell A2, its header row first (this row is not read), then choose Studio Ledger > Reconcile DD report.';

function blank(v: CellValue | undefined): boolean {
  return v === undefined || v === '' || (typeof v === 'string' && v.trim() === '');
}

/** Our instruction row: its text in A (a shorter or edited one still starts the same) and nothing else. */
export function isInstructionRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return false;
  const first = row[0];
  if (typeof first !== 'string' || !first.trim().startsWith(DD_REPORT_INSTRUCTION.slice(0, 24))) return false;
  return row.slice(1).every((v) => blank(v));
}

/**
 * The tab's cells as the report reader should see them: the instruction row blanked, not removed, so
 * report row numbers stay the sheet's rows. A report pasted over row 1 is read whole.
 */
export function reportCells(values: readonly CellValue[][]): CellValue[][] {
  return values.map((row, i) => (i === 0 && isInstructionRow(row) ? row.map(() => '') : row));
}

/**
 * The instruction to write at set-up: on a new tab, or where row 1 is still empty (no formula either:
 * `formulasOfRow1` reads them, only when the values are blank).
 */
export function instructionBlock(
  snapshot: TabSnapshot | null,
  formulasOfRow1: (width: number) => readonly string[],
): CellBlock | null {
  const first = snapshot?.values[0];
  if (first && !first.every((v) => blank(v))) return null;
  if (first?.length && formulasOfRow1(first.length).some((f) => f !== '')) return null;
  return { row: 1, column: 1, values: [[safeText(DD_REPORT_INSTRUCTION)]], textColumns: [] };
}
