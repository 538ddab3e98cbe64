// A report row can have several bad cells; people see it as one row with every problem listed.
import type { ReportError } from './types';

export interface RowErrors {
  rowNumber: number;
  /** 'Row 4, column DebitDate: … ; column PaymentAmount: …': the row named once. */
  message: string;
  count: number;
}

/** The errors grouped by row, in report order; later problems of a row drop its "Row N" prefix. */
export function errorsByRow(errors: readonly ReportError[]): RowErrors[] {
  const byRow = new Map<number, string[]>();
  for (const e of errors) {
    const list = byRow.get(e.rowNumber);
    if (!list) byRow.set(e.rowNumber, [e.message]);
    else list.push(e.message.replace(new RegExp(`^Row ${e.rowNumber}(, |: )`), ''));
  }
  return [...byRow]
    .sort(([a], [b]) => a - b)
    .map(([rowNumber, messages]) => ({ rowNumber, message: messages.join('; '), count: messages.length }));
}
