// Each report row gets a key so applying the same report twice, or a later report that repeats rows,
// changes nothing: the provider's payment ID and what the row says (paid, declined, a reversal), else a
// hash of the normalised row. A later row with the same payment ID that says something else (paid, then
// dishonoured) has a key of its own, so it is applied, not skipped.
import type { ReportRow, ReportShape } from '../reports/types';

/** What a row means for the ledger. A negative amount is never a payment: it takes one back. */
export type RowKind = 'paid' | 'declined' | 'reversal' | 'pending' | 'fee' | 'ignored';

export function rowKind(row: Pick<ReportRow, 'outcome' | 'negative'>): RowKind {
  return row.outcome === 'paid' && row.negative ? 'reversal' : row.outcome;
}

const KINDS: readonly RowKind[] = ['paid', 'declined', 'reversal', 'pending', 'fee', 'ignored'];
/** ':paid', ':declined', …: how a key that says what its row meant ends. */
const KIND_SUFFIXES: readonly string[] = KINDS.map((k) => `:${k}`);

/** FNV-1a, 53-bit: stable across runs and runtimes (no crypto in Apps Script's pure code). */
function fnv(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return (h1.toString(36) + h2.toString(36)).toUpperCase();
}

/** Where a row came from, kept in its Payments rows' Reference: the payment ID, else a hash of the row. */
export function reportReference(shape: ReportShape, row: ReportRow): string {
  if (row.paymentId) return `${shape}:${row.paymentId}`;
  const norm = [
    row.date,
    row.amount,
    row.outcome,
    [...row.references]
      .map((r) => r.toUpperCase())
      .sort()
      .join('|'),
    (row.clientName ?? '').toUpperCase().replace(/\s+/g, ' '),
    row.returnCode ?? '',
  ].join('~');
  // Only a negative row hashes differently, so keys applied before the sign was kept still match.
  return `${shape}:#${fnv(row.negative ? `${norm}~-` : norm)}`;
}

/** The key of a row whose reference this is: with a payment ID, also what the row says. */
const keyOf = (row: ReportRow, ref: string): string => (row.paymentId ? `${ref}:${rowKind(row)}` : ref);

export interface KeyedRow {
  /** The already-applied key (kept on the Reconciled tab). */
  key: string;
  /** The Reference its Payments rows carry. */
  reference: string;
}

/** Keys of a report's rows. Without a payment ID two genuine, identical debits on one day hash alike: the repeats are numbered. */
export function keyRows(shape: ReportShape, rows: readonly ReportRow[]): KeyedRow[] {
  const repeats = new Map<string, number>();
  return rows.map((row) => {
    const reference = reportReference(shape, row);
    const key = keyOf(row, reference);
    if (row.paymentId) return { key, reference };
    const n = (repeats.get(key) ?? 0) + 1;
    repeats.set(key, n);
    const numbered = n > 1 ? `${key}#${n}` : key;
    return { key: numbered, reference: numbered };
  });
}

const KIND_OF_OUTCOME: Readonly<Record<string, RowKind>> = {
  Paid: 'paid',
  'Part paid': 'paid',
  Credit: 'paid',
  Declined: 'declined',
};

/**
 * The keys applied already, from the Reconciled tab. A key written before keys said what the row meant
 * (`ezidebit:P1`) counts for the rows meaning what its Outcome says, so an older workbook's report is
 * still applied once.
 */
export function appliedKeys(recorded: readonly { key: string; outcome: string }[]): Set<string> {
  const out = new Set<string>();
  for (let n = 0; n < recorded.length; n++) {
    const { key, outcome } = recorded[n]!;
    if (!key) continue;
    out.add(key);
    // Only a Paid or Declined key can be an older one (25k rows a 4-year ledger keeps).
    const kind = KIND_OF_OUTCOME[outcome];
    if (kind && !/^[a-z-]+:#/.test(key) && !KIND_SUFFIXES.some((k) => key.endsWith(k)))
      out.add(`${key}:${kind}`);
  }
  return out;
}
