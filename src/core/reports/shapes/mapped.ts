// Any other report layout, read through the user's ColumnMapping (which column is which).
import type { Columns } from '../columns';
import { tidy, type DateReading } from '../reportValues';
import { distinctTexts, type RowReader } from '../rowReader';
import { readRows, type RowFields, type TableResult } from '../tableRows';
import type { Table } from '../table';
import { ReportFormatError, type ColumnMapping, type ReportOutcome } from '../types';

function statusTable(mapping: ColumnMapping): Map<string, ReportOutcome> {
  const table = new Map<string, ReportOutcome>();
  const add = (values: string[] | undefined, outcome: ReportOutcome) => {
    for (const v of values ?? []) {
      const key = tidy(v).toLowerCase();
      if (key === '') continue;
      const before = table.get(key);
      if (before !== undefined && before !== outcome) {
        throw new ReportFormatError(`The status "${tidy(v)}" is mapped to both ${before} and ${outcome}`);
      }
      table.set(key, outcome);
    }
  };
  add(mapping.paidValues, 'paid');
  add(mapping.declinedValues, 'declined');
  add(mapping.pendingValues, 'pending');
  return table;
}

/**
 * Reads the mapped columns. With a status column, its value (case ignored) must be one of the mapped
 * values; without one, a positive amount is 'paid' and a negative one 'declined'. paymentId (and
 * providerRef) is the mapped column's value (null if unmapped), returnCode is always null.
 */
export function readMapped(
  table: Table,
  columns: Columns,
  mapping: ColumnMapping,
  reading: DateReading,
): TableResult {
  const col = (header: string, role: string): number => {
    const i = columns.find(header);
    if (i === undefined)
      throw new ReportFormatError(`The mapped column "${header}" (${role}) is not in the report`);
    return i;
  };
  const opt = (header: string | undefined, role: string) =>
    header === undefined ? undefined : col(header, role);
  const date = col(mapping.date, 'date');
  const amountCol = col(mapping.amount, 'amount');
  const references = mapping.reference.map((h) => col(h, 'reference'));
  const paymentId = opt(mapping.paymentId, 'payment ID');
  const name = opt(mapping.name, 'name');
  const status = opt(mapping.status, 'status');
  const reason = opt(mapping.reason, 'reason');
  const outcomes = statusTable(mapping);
  const expected = [...mapping.paidValues, ...mapping.declinedValues, ...(mapping.pendingValues ?? [])]
    .map(tidy)
    .filter((v) => v !== '')
    .join(', ');
  if (status !== undefined && outcomes.size === 0) {
    throw new ReportFormatError(`The mapping names a status column but no status values`);
  }

  const readRow = (r: RowReader): RowFields | null => {
    const when = r.date(date);
    const signed = r.amount(amountCol);
    if (signed === 0) r.fail(amountCol, 'the amount is zero');
    let outcome: ReportOutcome | undefined;
    if (status !== undefined) {
      const text = r.text(status);
      outcome = outcomes.get(text.toLowerCase());
      if (text === '') r.fail(status, 'the status is blank');
      else if (outcome === undefined) r.fail(status, `unknown status "${text}" (expected ${expected})`);
    } else if (signed !== null) {
      outcome = signed < 0 ? 'declined' : 'paid';
    }
    if (when === null || signed === null || outcome === undefined) return null;
    const id = r.optionalText(paymentId);
    return {
      paymentId: id,
      references: distinctTexts(r, references),
      clientName: r.optionalText(name),
      date: when,
      settlementDate: null,
      amount: Math.abs(signed),
      outcome,
      reason: outcome === 'declined' || signed < 0 ? r.optionalText(reason) : null,
      returnCode: null,
      ...(id !== null ? { providerRef: id } : {}),
      ...(signed < 0 ? { negative: true as const } : {}),
    };
  };
  const refColumns = paymentId === undefined ? references : [paymentId, ...references];
  return readRows(table, columns, { referenceColumns: refColumns, dateColumn: date, reading }, readRow);
}
