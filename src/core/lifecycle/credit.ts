// Each client's unspent credit on a date: the ledger's one rule (creditOf: their Payments rows with no
// invoice) over the rows dated by then, so money received later is not counted earlier.
import { dayIndex, type IsoDate } from '../calendar';
import { creditOf, isCreditRow } from '../ledger/receipts';
import type { Payment } from '../ledger/records';
import type { Cents } from '../money';

/**
 * Client ID -> unspent credit on `asOf`; clients whose credit is zero are left out. Clients come in the
 * order of their first Payments row dated by then (of any kind): Balances lists credit-only clients so.
 */
export function creditByClient(payments: readonly Payment[], asOf: IsoDate): Map<string, Cents> {
  const until = dayIndex(asOf);
  // Only the rows creditOf counts are gathered (most rows pay an invoice and count for nothing).
  const rowsOf = new Map<string, Payment[]>();
  for (const p of payments) {
    if (!isCreditRow(p) || dayIndex(p.date) > until) continue;
    const list = rowsOf.get(p.clientId);
    if (list) list.push(p);
    else rowsOf.set(p.clientId, [p]);
  }
  const credit = new Map<string, Cents>();
  for (const [clientId, rows] of rowsOf) {
    const c = creditOf(rows);
    if (c !== 0) credit.set(clientId, c);
  }
  if (credit.size <= 1) return credit;
  // Put in the order of each client's first row dated by then, credit or not; stops once all are placed.
  const out = new Map<string, Cents>();
  for (const p of payments) {
    if (out.size === credit.size) break;
    const c = credit.get(p.clientId);
    if (c === undefined || out.has(p.clientId) || dayIndex(p.date) > until) continue;
    out.set(p.clientId, c);
  }
  return out;
}
