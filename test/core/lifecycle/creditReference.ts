// creditByClient as it was before it gathered credit rows only, kept as the reference the property tests
// compare with: every row dated by then grouped by client, then creditOf per client.
import { compareDates, type IsoDate } from '../../../src/core/calendar';
import { creditOf } from '../../../src/core/ledger/receipts';
import type { Payment } from '../../../src/core/ledger/records';
import type { Cents } from '../../../src/core/money';

export function referenceCreditByClient(payments: readonly Payment[], asOf: IsoDate): Map<string, Cents> {
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
