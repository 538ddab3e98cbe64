// A To check row is one the report cannot settle by itself (figures that disagree, a negative amount with
// no reason, a reversal with no payment to take back). A person settles it: as a payment, as a reversal
// of an earlier payment, or ignored. A negative amount or a decline is never a payment, even by hand.
import type { ReportRow } from '../reports/types';
import type { RowKind } from './reportKey';

export type Resolution = 'paid' | 'reversal' | 'ignore';

export const RESOLUTIONS: readonly Resolution[] = ['paid', 'reversal', 'ignore'];

export function isResolution(x: unknown): x is Resolution {
  return typeof x === 'string' && (RESOLUTIONS as readonly string[]).includes(x);
}

/** What a person may settle the row as: a row saying money went back (negative, declined) is never paid. */
export function resolutionsFor(row: Pick<ReportRow, 'negative' | 'outcome'>): Resolution[] {
  return row.negative || row.outcome === 'declined' ? ['reversal', 'ignore'] : [...RESOLUTIONS];
}

/**
 * The kind a settled row is applied as. A reversal joins its debit's story as a decline does: the payment
 * with its Provider Ref, else the client's debit of its date (a late return under a PaymentID of its own).
 */
export function settledKind(r: Resolution): RowKind {
  return r === 'ignore' ? 'ignored' : r === 'reversal' ? 'declined' : 'paid';
}

/**
 * Resolutions as a request sends them (report row number -> paid | reversal | ignore), checked: a map by
 * row, or the first problem as one line.
 */
export function readResolutions(x: unknown): Map<number, Resolution> | string {
  const out = new Map<number, Resolution>();
  if (x === undefined || x === null) return out;
  if (typeof x !== 'object' || Array.isArray(x))
    return 'Say how each To check row is settled: ROW=paid, reversal or ignore.';
  for (const [k, v] of Object.entries(x as Record<string, unknown>)) {
    const row = Number(k);
    if (!Number.isInteger(row) || row < 1) return `"${k}" is not a report row number.`;
    if (!isResolution(v))
      return `Report row ${row}: "${String(v)}" is not a way to settle it (paid, reversal or ignore).`;
    out.set(row, v);
  }
  return out;
}
