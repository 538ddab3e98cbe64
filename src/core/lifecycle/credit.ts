// Each client's unspent credit on a date: the ledger's one rule (creditOf: their Payments rows with no
// invoice) over the rows dated by then, so money received later is not counted earlier.
import { compareDates, type IsoDate } from '../calendar';
import { creditOf } from '../ledger/receipts';
import type { Payment } from '../ledger/records';
import type { Cents } from '../money';

/** Client ID -> unspent credit on `asOf`; clients whose credit is zero are left out. */
export function creditByClient(payments: readonly Payment[], asOf: IsoDate): Map<string, Cents> {
  const byClient = new Map<string, Payment[]>();
  for (const p of payments) {
    if (compareDates(p.date, asOf) > 0) continue;
    const list = byClient.get(p.clientId);
    if (list) list.push(p);
    else byClient.set(p.clientId, [p]);
  }
  const out = new Map<string, Cents>();
  for (const [clientId, rows] of byClient) {
    const c = creditOf(rows);
    if (c !== 0) out.set(clientId, c);
  }
  return out;
}
