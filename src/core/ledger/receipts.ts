// Credits are money. One rule for every receipt (a report's payment, a desk payment, a refund to credit):
// it pays the client's invoices due on or before its date, oldest first; the rest is the client's credit.
// Spending credit writes a pair of Payments rows (-X unallocated, +X on the invoice, both Method `Credit`),
// so the sum of a client's Payments always equals the money received minus refunds.
import type { IsoDate } from '../calendar';
import type { Cents } from '../money';
import { balanceOf } from './invoiceState';
import type { Invoice, Payment } from './records';

export interface ReceiptPart {
  invoiceId: string;
  amount: Cents;
}

export interface ReceiptPlan {
  parts: ReceiptPart[];
  /** What is left once every due invoice is paid: kept as credit. */
  credit: Cents;
  /** Invoices due but in a debit being processed: never paid twice, so skipped and named. */
  skipped: { invoiceId: string; batchId: string }[];
}

/** Statuses a receipt may pay: what is owed, held or not (a written-off debt is not owed any more). */
const OWED = new Set(['Open', 'Part paid', 'Declined', 'Held']);

export function oldestFirst<T extends { dueDate: IsoDate; id: string }>(a: T, b: T): number {
  return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The client's invoices a receipt dated `date` pays, oldest first (invoices in a Sent batch are skipped). */
export function payableBy(
  invoices: readonly Invoice[],
  date: IsoDate,
): { payable: Invoice[]; inFlight: Invoice[] } {
  const due = invoices.filter((i) => i.dueDate <= date && balanceOf(i) > 0).sort(oldestFirst);
  return { payable: due.filter((i) => OWED.has(i.status)), inFlight: due.filter((i) => i.status === 'Sent') };
}

/** Where `amount` received from a client on `date` goes. */
export function planReceipt(clientInvoices: readonly Invoice[], amount: Cents, date: IsoDate): ReceiptPlan {
  if (!Number.isInteger(amount) || amount <= 0) throw new Error(`A receipt of ${amount} cents`);
  const { payable, inFlight } = payableBy(clientInvoices, date);
  let left = amount;
  const parts: ReceiptPart[] = [];
  for (const inv of payable) {
    if (left <= 0) break;
    const take = Math.min(balanceOf(inv), left);
    parts.push({ invoiceId: inv.id, amount: take });
    left -= take;
  }
  return { parts, credit: left, skipped: inFlight.map((i) => ({ invoiceId: i.id, batchId: i.batchId })) };
}

/** A Payments row that moves credit (money kept, spent or refunded): it has no invoice. */
export function isCreditRow(p: Payment): boolean {
  return !p.invoiceId;
}

/** A client's unspent credit: their Payments rows with no invoice (kept money, less what was spent or refunded). */
export function creditOf(clientPayments: readonly Payment[]): Cents {
  let c = 0;
  for (const p of clientPayments) if (isCreditRow(p)) c += p.amount;
  return c;
}

/** Credit spent on the invoices due by `date`, oldest first: the parts of the pairs to write. */
export function planCreditSpend(
  clientInvoices: readonly Invoice[],
  credit: Cents,
  date: IsoDate,
): ReceiptPart[] {
  if (credit <= 0) return [];
  return planReceipt(clientInvoices, credit, date).parts;
}

/** The two Payments rows of one part of spent credit. IDs come from the caller (a preview reserves none). */
export function creditPair(
  part: ReceiptPart,
  clientId: string,
  date: IsoDate,
  ids: { out: string; in: string },
): [Payment, Payment] {
  const base = { date, clientId, method: 'Credit', reference: `Credit spent on ${part.invoiceId}` };
  return [
    { ...base, id: ids.out, invoiceId: '', amount: -part.amount },
    { ...base, id: ids.in, invoiceId: part.invoiceId, amount: part.amount },
  ];
}

/**
 * When money kept as credit is taken back (its debit bounced) after the credit was spent, the client's credit
 * would go below zero and nothing would ever collect it. Instead the spends are undone, newest first: a pair
 * (-Y on the invoice the credit paid, +Y unallocated, both Method `Credit`) per invoice, so that invoice is due
 * again and the credit is back to zero. The caller unsettles the invoices by the parts returned.
 */
export function planCreditTakeBack(
  clientPayments: readonly Payment[],
  clientInvoices: readonly Invoice[],
  date: IsoDate,
): { parts: ReceiptPart[]; rows: Omit<Payment, 'id'>[] } {
  let short = -creditOf(clientPayments);
  const out = { parts: [] as ReceiptPart[], rows: [] as Omit<Payment, 'id'>[] };
  if (short <= 0) return out;
  // What credit still stands on each invoice it paid (spends less earlier take-backs).
  const spent = new Map<string, Cents>();
  for (const p of clientPayments)
    if (p.method === 'Credit' && p.invoiceId)
      spent.set(p.invoiceId, (spent.get(p.invoiceId) ?? 0) + p.amount);
  const paidOf = new Map(clientInvoices.map((i) => [i.id, i.paid]));
  const newestFirst = clientPayments
    .filter((p) => p.method === 'Credit' && p.invoiceId && p.amount > 0)
    .sort((a, b) => (a.date > b.date ? -1 : a.date < b.date ? 1 : a.id > b.id ? -1 : 1));
  const clientId = clientPayments[0]?.clientId ?? '';
  for (const p of newestFirst) {
    if (short <= 0) break;
    const take = Math.min(short, spent.get(p.invoiceId) ?? 0, paidOf.get(p.invoiceId) ?? 0);
    if (take <= 0) continue;
    spent.set(p.invoiceId, (spent.get(p.invoiceId) ?? 0) - take);
    paidOf.set(p.invoiceId, (paidOf.get(p.invoiceId) ?? 0) - take);
    short -= take;
    out.parts.push({ invoiceId: p.invoiceId, amount: take });
    const base = { date, clientId, method: 'Credit', reference: `Credit taken back from ${p.invoiceId}` };
    out.rows.push(
      { ...base, invoiceId: p.invoiceId, amount: -take },
      { ...base, invoiceId: '', amount: take },
    );
  }
  return out;
}
