// standingReceipts as it was before it worked out each client's declined batches and refunds once:
// per receipt, a pass over the client's rows for a decline of its batch and another for its refunds.
// Kept as the reference the property test compares with.
import { batchOfPayment, declineRowsOf, isDeclineRow } from '../../../src/core/ledger/debitStory';
import type { Payment } from '../../../src/core/ledger/records';
import type { Cents } from '../../../src/core/money';
import type { Receipts, StandingReceipt } from '../../../src/core/reconcile';

const received = (p: Payment) => p.amount > 0 && !isDeclineRow(p) && p.method !== 'Credit';

function unrefunded(rows: readonly Payment[], all: readonly Payment[]): Payment[] {
  const back = new Map<string, Cents>();
  for (const p of all) if (p.refundOf) back.set(p.refundOf, (back.get(p.refundOf) ?? 0) + p.amount);
  return rows.map((p) => ({ ...p, amount: p.amount + (back.get(p.id) ?? 0) })).filter((p) => p.amount > 0);
}

export function referenceStandingReceipts(
  candidates: readonly Payment[],
  paymentsOf: (clientId: string) => readonly Payment[],
): Receipts {
  const groups = new Map<string, Payment[]>();
  for (const p of candidates) {
    if (!received(p)) continue;
    const k = `${p.clientId}|${p.reference}|${p.date}|${p.providerRef ?? ''}`;
    const list = groups.get(k);
    if (list) list.push(p);
    else groups.set(k, [p]);
  }
  const standing: StandingReceipt[] = [];
  for (const rows of groups.values()) {
    const first = rows[0]!;
    const all = paymentsOf(first.clientId);
    const batchId = batchOfPayment(first);
    if (batchId && declineRowsOf(all, batchId, first.clientId).length) continue;
    const left = unrefunded(rows, all);
    if (!left.length) continue;
    standing.push({
      clientId: first.clientId,
      batchId,
      providerRef: first.providerRef ?? '',
      reference: first.reference,
      date: first.date,
      rows: left,
      amount: left.reduce((s, p) => s + p.amount, 0),
    });
  }
  return { standing, found: groups.size > 0 };
}
