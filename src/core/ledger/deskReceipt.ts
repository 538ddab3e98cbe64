// Money received at the desk (cash, a card on the studio's terminal, a bank transfer) is a receipt like any
// other: by the one rule it pays the client's invoices due on or before its date, oldest first, and the rest
// is credit. Named for one invoice, it pays that one first (up to its balance; of a Sent invoice only the
// part its debit does not take), then the rest goes by the one rule. Money for a written-off invoice is
// credit, marked as recovered. The rows of one receipt share a Receipt ID (the caller's).
import type { IsoDate } from '../calendar';
import { formatMoney, type Cents } from '../money';
import { balanceOf, isRefusal, payBesideDebit, settleInvoice, type Refusal } from './invoiceState';
import { planReceipt, type ReceiptPart } from './receipts';
import type { Invoice, Payment } from './records';

export const DESK_METHODS = ['Cash', 'Card', 'Bank transfer', 'Other'] as const;
export type DeskMethod = (typeof DESK_METHODS)[number];

export type PaymentDraft = Omit<Payment, 'id'>;

export interface DeskReceipt {
  clientId: string;
  amount: Cents;
  date: IsoDate;
  method: DeskMethod;
  reference: string;
  /** The invoice the client says they are paying (checked to be theirs), or none. */
  invoiceId?: string;
}

export interface DeskReceiptPlan {
  /** The invoices paid, as they are after it (in the order paid). */
  invoices: Invoice[];
  parts: ReceiptPart[];
  /** Kept as the client's credit (the recovered part included). */
  credit: Cents;
  /** Of the credit, what came for a written-off invoice. */
  recovered: { invoiceId: string; amount: Cents } | null;
  /** Invoices due by the date but in a debit being processed: not paid, so nobody pays twice. */
  skipped: { invoiceId: string; batchId: string }[];
  /** Payments rows, without Payment or Receipt ID: one per invoice paid, then the credit. */
  rows: PaymentDraft[];
}

const refuse = (message: string): Refusal => ({ refused: true, code: 'not-allowed', message });

/** The recovered credit's Reason: the statement shows it as money recovered on that invoice. */
export function recoveredReason(invoiceId: string): string {
  return `Recovered: ${invoiceId} was written off`;
}

/** What the named invoice takes of `amount`, or why it cannot be paid at the desk. */
function namedPart(inv: Invoice, amount: Cents): { settled: Invoice | null; take: Cents } | Refusal {
  if (inv.status === 'Cancelled') return refuse(`${inv.id} is Cancelled: nothing is owed on it.`);
  if (inv.status === 'Paid' || balanceOf(inv) <= 0) return refuse(`${inv.id} is paid already.`);
  if (inv.status === 'Sent') {
    const free = balanceOf(inv) - (inv.sentAmount ?? balanceOf(inv));
    if (free <= 0)
      return refuse(
        `${inv.id} is in batch ${inv.batchId}, being debited for its whole ${formatMoney(balanceOf(inv))}: record the bank's answer first, so it is not paid twice.`,
      );
    const take = Math.min(free, amount);
    const settled = payBesideDebit(inv, take);
    return isRefusal(settled) ? settled : { settled, take };
  }
  const take = Math.min(balanceOf(inv), amount);
  const settled = settleInvoice(inv, take);
  return isRefusal(settled) ? settled : { settled, take };
}

export function planDeskReceipt(
  clientInvoices: readonly Invoice[],
  r: DeskReceipt,
): DeskReceiptPlan | Refusal {
  if (!Number.isInteger(r.amount) || r.amount <= 0)
    return { refused: true, code: 'bad-amount', message: 'Amount must be more than $0.00.' };
  const plan: DeskReceiptPlan = {
    invoices: [],
    parts: [],
    credit: 0,
    recovered: null,
    skipped: [],
    rows: [],
  };
  let left = r.amount;
  let others = clientInvoices;
  if (r.invoiceId) {
    const named = clientInvoices.find((i) => i.id === r.invoiceId);
    if (!named) return refuse(`${r.invoiceId} is not one of ${r.clientId}'s invoices.`);
    others = clientInvoices.filter((i) => i.id !== named.id);
    if (named.status === 'Written off') {
      const amount = Math.min(balanceOf(named), left);
      plan.recovered = { invoiceId: named.id, amount };
      left -= amount;
    } else {
      const part = namedPart(named, left);
      if (isRefusal(part)) return part;
      plan.invoices.push(part.settled!);
      plan.parts.push({ invoiceId: named.id, amount: part.take });
      left -= part.take;
    }
  }
  if (left > 0) {
    const rest = planReceipt(others, left, r.date);
    const byId = new Map(others.map((i) => [i.id, i]));
    for (const part of rest.parts) {
      const settled = settleInvoice(byId.get(part.invoiceId)!, part.amount);
      // The rule picked only invoices that may be paid, for no more than they owe: a refusal is a bug.
      if (isRefusal(settled)) throw new Error(settled.message);
      plan.invoices.push(settled);
      plan.parts.push(part);
    }
    plan.credit = rest.credit;
    plan.skipped = rest.skipped;
  }
  const row = (invoiceId: string, amount: Cents, reason?: string): PaymentDraft => ({
    date: r.date,
    clientId: r.clientId,
    invoiceId,
    amount,
    method: r.method,
    reference: r.reference,
    ...(reason ? { reason } : {}),
  });
  plan.rows = plan.parts.map((p) => row(p.invoiceId, p.amount));
  if (plan.recovered)
    plan.rows.push(row('', plan.recovered.amount, recoveredReason(plan.recovered.invoiceId)));
  if (plan.credit > 0) plan.rows.push(row('', plan.credit));
  plan.credit += plan.recovered?.amount ?? 0;
  return plan;
}
