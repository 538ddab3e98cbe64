// Each report row gets a key so applying the same report twice, or a later report that repeats rows,
// changes nothing: the provider's payment ID where it has one, else a hash of the normalised row.
import type { ReportRow, ReportShape } from '../reports/types';

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

export function reportRowKey(shape: ReportShape, row: ReportRow): string {
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
  return `${shape}:#${fnv(norm)}`;
}
