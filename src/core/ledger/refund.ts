// A refund gives back money received: all or part of a receipt (its Receipt ID) or of one Payments row (its
// Payment ID). It takes back the receipt's unspent credit first, then what it paid on invoices, newest
// first, and never more than was received less what was given back already. Each refund row is negative,
// Method `Refund`, with Refund Of and Reason; a refund itself is never refunded.
//
// What happens to a charge it takes money from: withdrawn (the default: Amount and Paid both go down by the
// refunded part, the invoice Cancelled when its whole amount goes) or still owed (the invoice is due again,
// as a reversed payment leaves it). To credit (only with withdrawn): the money stays as the client's credit,
// a +X row with a blank Invoice ID tied to the same receipt, so it can be given back in cash later.
import type { IsoDate } from '../calendar';
import { formatMoney, type Cents } from '../money';
import type { PaymentDraft } from './deskReceipt';
import { isRefusal, unsettleInvoice, withdrawPaid, type Refusal } from './invoiceState';
import { creditOf } from './receipts';
import type { Invoice, Payment } from './records';

export const REFUND_METHOD = 'Refund';

export type RefundOutcome = 'withdrawn' | 'still owed';

/** The money a refund gives back from: a receipt's rows, or one row. */
export interface RefundTarget {
  /** The Receipt ID or Payment ID, as the Payments tab spells it. */
  id: string;
  kind: 'receipt' | 'payment';
  clientId: string;
  rows: Payment[];
  /** The day the money arrived (the latest of its rows). */
  date: IsoDate;
}

export interface Refundable {
  received: Cents;
  /** Given back already (net: money a refund kept as credit is not given back). */
  givenBack: Cents;
  /** What may be taken back from the client's credit now. */
  credit: Cents;
  /** Of the receipt's credit, what has been spent on invoices since: not refundable from here. */
  creditSpent: Cents;
  /** What may be taken back from each invoice, newest first. */
  invoices: { invoiceId: string; amount: Cents }[];
  total: Cents;
}

const refuse = (message: string): Refusal => ({ refused: true, code: 'not-allowed', message });

export function isRefundRow(p: Payment): boolean {
  return p.method === REFUND_METHOD || !!p.refundOf;
}

/** Why a row is not money received that could be given back, or null when it is. */
function notReceived(p: Payment, id: string): string | null {
  if (isRefundRow(p)) return `${id} is a refund: a refund cannot be refunded.`;
  if (p.method === 'Decline') return `${id} records a declined debit, not money received.`;
  if (p.method === 'Credit')
    return `${id} is credit moving onto an invoice, not money received: refund the payment the credit came from.`;
  if (p.amount <= 0) return `${id} is ${formatMoney(p.amount)}, not money received.`;
  return null;
}

/** The rows `id` names: a Receipt ID (any case) first, else a Payment ID. */
export function findRefundTarget(payments: readonly Payment[], idIn: string): RefundTarget | Refusal {
  const want = idIn.trim().toUpperCase();
  let rows = payments.filter((p) => (p.receiptId ?? '').toUpperCase() === want);
  let kind: RefundTarget['kind'] = 'receipt';
  if (!rows.length) {
    rows = payments.filter((p) => p.id.toUpperCase() === want);
    kind = 'payment';
  }
  if (!rows.length) return refuse(`No payment or receipt ${idIn.trim()} on the Payments tab.`);
  const id = kind === 'receipt' ? rows[0]!.receiptId! : rows[0]!.id;
  for (const p of rows) {
    const why = notReceived(p, id);
    if (why) return refuse(why);
  }
  const date = rows.reduce((d, p) => (p.date > d ? p.date : d), rows[0]!.date);
  return { id, kind, clientId: rows[0]!.clientId, rows, date };
}

/** Every row tied to the target (its own and its refunds'), summed per Invoice ID ('' for credit). */
function pools(
  t: RefundTarget,
  clientPayments: readonly Payment[],
): { pool: Map<string, Cents>; givenBack: Cents } {
  const own = new Set([t.id, ...t.rows.map((r) => r.id)].map((id) => id.toUpperCase()));
  const keys = new Set(t.rows.map((r) => r.invoiceId));
  // Money this target's own refunds kept as credit sits in the receipt's credit too: a refund of the whole
  // receipt that took credit may have taken that money, so it counts against this row's credit as well.
  for (const p of clientPayments)
    if (p.refundOf && own.has(p.refundOf.toUpperCase()) && p.invoiceId === '' && p.amount > 0) keys.add('');
  const pool = new Map<string, Cents>([['', 0]]);
  for (const r of t.rows) pool.set(r.invoiceId, (pool.get(r.invoiceId) ?? 0) + r.amount);
  const receipt = t.kind === 'payment' ? (t.rows[0]!.receiptId ?? '').toUpperCase() : '';
  let givenBack = 0;
  for (const p of clientPayments) {
    if (!p.refundOf) continue;
    const of = p.refundOf.toUpperCase();
    // A refund of the whole receipt counts against this row when it took money from the same place.
    const tied = own.has(of) || (!!receipt && of === receipt && keys.has(p.invoiceId) && p.amount < 0);
    if (!tied) continue;
    pool.set(p.invoiceId, (pool.get(p.invoiceId) ?? 0) + p.amount);
    givenBack -= p.amount;
  }
  return { pool, givenBack };
}

const newestFirst = (a: Invoice, b: Invoice): number =>
  a.dueDate > b.dueDate ? -1 : a.dueDate < b.dueDate ? 1 : a.id > b.id ? -1 : a.id < b.id ? 1 : 0;

/** What the target can still give back, and from where. */
export function refundable(
  t: RefundTarget,
  clientInvoices: readonly Invoice[],
  clientPayments: readonly Payment[],
): Refundable {
  const { pool, givenBack } = pools(t, clientPayments);
  const kept = Math.max(0, pool.get('') ?? 0);
  const credit = Math.min(kept, Math.max(0, creditOf(clientPayments)));
  const byId = new Map(clientInvoices.map((i) => [i.id, i]));
  const invoices = [...pool.keys()]
    .filter((k) => k !== '' && byId.has(k))
    .map((k) => byId.get(k)!)
    .sort(newestFirst)
    .map((inv) => ({ invoiceId: inv.id, amount: Math.max(0, Math.min(pool.get(inv.id) ?? 0, inv.paid)) }))
    .filter((x) => x.amount > 0);
  return {
    received: t.rows.reduce((s, r) => s + r.amount, 0),
    givenBack,
    credit,
    creditSpent: kept - credit,
    invoices,
    total: credit + invoices.reduce((s, x) => s + x.amount, 0),
  };
}

export interface RefundRequest {
  /** The cents to give back; null for everything the target can still give back. */
  amount: Cents | null;
  date: IsoDate;
  reason: string;
  outcome: RefundOutcome;
  toCredit: boolean;
}

export interface RefundPlan {
  target: RefundTarget;
  amount: Cents;
  /** Taken back from the client's unspent credit. */
  fromCredit: Cents;
  /** Taken back from each invoice, newest first, with the invoice after. */
  parts: { invoiceId: string; amount: Cents; invoice: Invoice }[];
  /** Kept as the client's credit instead of leaving (to credit). */
  keptAsCredit: Cents;
  /** Payments rows, without Payment or Receipt ID. */
  rows: PaymentDraft[];
  /** What the target can still give back after this refund. */
  left: Cents;
}

function limitText(t: RefundTarget, r: Refundable): string {
  const notes = [
    `received ${formatMoney(r.received)}`,
    r.givenBack ? `${formatMoney(r.givenBack)} given back already` : '',
    r.creditSpent > 0 ? `${formatMoney(r.creditSpent)} of its credit spent on invoices since` : '',
  ].filter(Boolean);
  return `${t.id} can give back at most ${formatMoney(r.total)} (${notes.join(', ')})`;
}

export function planRefund(
  t: RefundTarget,
  clientInvoices: readonly Invoice[],
  clientPayments: readonly Payment[],
  req: RefundRequest,
): RefundPlan | Refusal {
  if (req.toCredit && req.outcome !== 'withdrawn')
    return refuse('To credit goes only with a withdrawn charge: money for a charge still owed leaves.');
  const can = refundable(t, clientInvoices, clientPayments);
  // Money kept as credit already cannot be refunded to credit: only what sits on invoices moves.
  const fromCreditMax = req.toCredit ? 0 : can.credit;
  const max = fromCreditMax + can.invoices.reduce((s, x) => s + x.amount, 0);
  if (max <= 0)
    return refuse(
      req.toCredit && can.credit > 0
        ? `${t.id}'s money is the client's credit already: nothing on an invoice to move to credit.`
        : `${limitText(t, can)}: nothing is left to give back.`,
    );
  const amount = req.amount ?? max;
  if (!Number.isInteger(amount) || amount <= 0)
    return { refused: true, code: 'bad-amount', message: 'Amount must be more than $0.00.' };
  if (amount > max)
    return {
      refused: true,
      code: 'bad-amount',
      message: `A refund of ${formatMoney(amount)} is more than ${req.toCredit ? `the ${formatMoney(max)} on invoices` : limitText(t, can)}.`,
    };
  const byId = new Map(clientInvoices.map((i) => [i.id, i]));
  const base = {
    date: req.date,
    clientId: t.clientId,
    method: REFUND_METHOD,
    refundOf: t.id,
    reason: req.reason,
  };
  const plan: RefundPlan = {
    target: t,
    amount,
    fromCredit: Math.min(fromCreditMax, amount),
    parts: [],
    keptAsCredit: 0,
    rows: [],
    left: can.total - amount,
  };
  let left = amount - plan.fromCredit;
  if (plan.fromCredit > 0)
    plan.rows.push({ ...base, invoiceId: '', amount: -plan.fromCredit, reference: `Refund of ${t.id}` });
  for (const x of can.invoices) {
    if (left <= 0) break;
    const take = Math.min(x.amount, left);
    const inv = byId.get(x.invoiceId)!;
    const after = refundedInvoice(inv, take, req.outcome);
    if (isRefusal(after)) return after;
    plan.parts.push({ invoiceId: inv.id, amount: take, invoice: after });
    plan.rows.push({ ...base, invoiceId: inv.id, amount: -take, reference: `Refund of ${t.id}` });
    left -= take;
  }
  if (req.toCredit) {
    plan.keptAsCredit = amount;
    plan.rows.push({ ...base, invoiceId: '', amount, reference: `Refund of ${t.id} kept as credit` });
    plan.left += amount;
  }
  return plan;
}

function refundedInvoice(inv: Invoice, amount: Cents, outcome: RefundOutcome): Invoice | Refusal {
  if (inv.status === 'Sent')
    return refuse(
      `${inv.id} is in batch ${inv.batchId}, being debited: refund it once the bank has answered.`,
    );
  if (outcome === 'withdrawn') return withdrawPaid(inv, amount);
  if (inv.status === 'Cancelled' || inv.status === 'Written off')
    return refuse(
      `${inv.id} is ${inv.status}: its refunded part cannot be owed again${inv.status === 'Written off' ? ' (undo the write-off first)' : ''}; refund it as withdrawn.`,
    );
  return unsettleInvoice(inv, amount);
}
