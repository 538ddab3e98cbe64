// A decline of a debit the ledger has no batch for (a DD company debiting on its own schedule, with no
// list marked paid). It goes through the same debit story as any other decline: the report's reference
// stands in for the batch, and the story sees only this debit (the receipt a report paid earlier, or the
// unpaid invoices of the debit's date). Nothing it plans carries that reference as a Batch ID.
import { addDays, compareDates, type IsoDate } from '../calendar';
import { planDecline, type DeclineContext, type DeclineOutcome } from '../ledger/debitStory';
import type { DeclineRule } from '../ledger/declineRules';
import { balanceOf, isRefusal, type Refusal } from '../ledger/invoiceState';
import { oldestFirst } from '../ledger/receipts';
import type { Invoice } from '../ledger/records';
import type { Cents } from '../money';
import { BATCH_WINDOW_DAYS } from './identify';
import { creditReversals, type StandingReceipt } from './standing';

export interface UnbatchedDecline {
  clientId: string;
  /** The day the decline was reported. */
  date: IsoDate;
  rule: DeclineRule;
  providerRef: string;
  /** The report's reference of the debit: in the fee's description and the rows' Reference. */
  debitKey: string;
  /** What a report paid for this debit earlier: taken back. */
  receipt: StandingReceipt | null;
  /** Otherwise the debit's invoices, never paid: due again. */
  unpaid: readonly string[];
  /** The provider's words, kept on the rows' Reference. */
  note: string;
}

export function planUnbatchedDecline(d: UnbatchedDecline, ctx: DeclineContext): DeclineOutcome | Refusal {
  const key = d.debitKey;
  const unpaid = new Set(d.unpaid);
  // The story's view: the unpaid invoices as sent in this debit, the receipt's rows as its payments.
  const invoices = ctx.invoices.map((i) =>
    unpaid.has(i.id) ? { ...i, status: 'Sent' as const, batchId: key, sentAmount: balanceOf(i) } : i,
  );
  const payments = (d.receipt?.rows ?? []).filter((p) => p.invoiceId).map((p) => ({ ...p, batchId: key }));
  const o = planDecline(
    { batchId: key, clientId: d.clientId, date: d.date, rule: d.rule, providerRef: d.providerRef },
    { ...ctx, invoices, payments },
  );
  if (isRefusal(o)) return o;
  const before = new Map(ctx.invoices.map((i) => [i.id, i]));
  const paidBy = new Map(payments.map((p) => [p.invoiceId, p.id]));
  const reference = d.note ? `${key} declined: ${d.note}` : `${key} declined`;
  const rows = o.rows
    // A debit never paid takes nothing back: no row to write (there is no batch whose story it records).
    .filter((r) => r.amount < 0)
    .map((r) => ({ ...r, batchId: '', reference, refundOf: paidBy.get(r.invoiceId) ?? '' }));
  const credit = d.receipt
    ? creditReversals(d.receipt.rows, d.receipt.rows, { date: d.date, reason: o.reason, reference })
    : [];
  return {
    ...o,
    invoices: o.invoices.map((i) => {
      const was = before.get(i.id)!;
      return { ...i, batchId: was.batchId, sentAmount: was.sentAmount };
    }),
    rows: [...rows, ...credit],
    amount: o.amount + credit.reduce((s, r) => s - r.amount, 0),
  };
}

/**
 * The invoices a debit with no batch was for: those due nearest on or before the debit date (a few days'
 * grace for reversals dated after the debit), newest first until they cover its amount. Never an older
 * invoice a later successful debit paid.
 */
export function debitOfDate(theirs: readonly Invoice[], date: IsoDate, amount: Cents): Invoice[] {
  const latest = addDays(date, 3);
  const earliest = addDays(date, -BATCH_WINDOW_DAYS);
  const near = theirs
    .filter(
      (i) =>
        i.status !== 'Cancelled' &&
        compareDates(i.dueDate, latest) <= 0 &&
        compareDates(i.dueDate, earliest) >= 0,
    )
    .sort((a, b) => -oldestFirst(a, b));
  const out: Invoice[] = [];
  let cover = 0;
  for (const inv of near) {
    if (cover >= amount) break;
    out.push(inv);
    cover += inv.amount;
  }
  return out;
}
