// One invoice, one state machine: each move is one function (invoice, event) -> invoice | Refusal, and
// nothing else assigns `status`. MOVES says from which statuses each move may start; a test walks it.
import type { IsoDate } from '../calendar';
import { formatMoney, type Cents } from '../money';
import type { Invoice, InvoiceStatus } from './records';

export type Move =
  | 'send'
  | 'settle'
  | 'payBeside'
  | 'unsettle'
  | 'withdraw'
  | 'decline'
  | 'hold'
  | 'release'
  | 'cancel'
  | 'writeOff'
  | 'undoWriteOff';

const S = (...s: InvoiceStatus[]): ReadonlySet<InvoiceStatus> => new Set(s);

/** The statuses each move may start from. */
export const MOVES: Readonly<Record<Move, ReadonlySet<InvoiceStatus>>> = {
  // Into a debit file: anything that still wants money and is not held or in flight.
  send: S('Open', 'Part paid', 'Declined'),
  // Money received on the invoice (a debit that went through, a desk payment, spent credit).
  settle: S('Open', 'Sent', 'Part paid', 'Declined', 'Held', 'Paid'),
  // A desk payment on the part of a Sent invoice its debit does not take: the debit stays in flight.
  payBeside: S('Sent'),
  // Money taken back: a payment reversed by a later report row.
  unsettle: S('Paid', 'Part paid', 'Sent', 'Open', 'Declined', 'Held'),
  // A refund that withdraws the charge it takes money back from (never from a debit in flight).
  withdraw: S('Paid', 'Part paid', 'Open', 'Declined', 'Held', 'Cancelled', 'Written off'),
  // The bank said no to the debit that held it (it may have been recorded as paid already).
  decline: S('Sent', 'Paid', 'Part paid', 'Declined', 'Held', 'Open'),
  hold: S('Declined', 'Open', 'Part paid'),
  release: S('Held'),
  cancel: S('Open', 'Part paid', 'Declined', 'Held'),
  writeOff: S('Open', 'Part paid', 'Declined', 'Held'),
  undoWriteOff: S('Written off'),
};

/** Statuses that still want money: Process Billing collects them when due. */
export const COLLECTABLE: ReadonlySet<InvoiceStatus> = S('Open', 'Part paid', 'Declined');

export interface Refusal {
  readonly refused: true;
  readonly code: 'not-allowed' | 'overpaid' | 'bad-amount';
  readonly message: string;
}

export const isRefusal = (x: unknown): x is Refusal =>
  typeof x === 'object' && x !== null && (x as Refusal).refused === true;

const refuse = (code: Refusal['code'], message: string): Refusal => ({ refused: true, code, message });

export function canMove(move: Move, status: InvoiceStatus): boolean {
  return MOVES[move].has(status);
}

function guard(inv: Invoice, move: Move): Refusal | null {
  if (canMove(move, inv.status)) return null;
  return refuse('not-allowed', `${inv.id} is ${inv.status}: it cannot be ${PAST[move]}.`);
}

const PAST: Record<Move, string> = {
  send: 'sent in a debit',
  settle: 'paid',
  payBeside: 'paid beside its debit',
  unsettle: 'reversed',
  withdraw: 'refunded as withdrawn',
  decline: 'declined',
  hold: 'held',
  release: 'released',
  cancel: 'cancelled',
  writeOff: 'written off',
  undoWriteOff: 'restored',
};

/** The status an invoice settles into once `paid` of `amount` has been received. */
export function statusAfterPayment(amount: Cents, paid: Cents): 'Paid' | 'Part paid' | 'Open' {
  if (paid >= amount) return 'Paid';
  return paid > 0 ? 'Part paid' : 'Open';
}

export function balanceOf(i: { amount: Cents; paid: Cents }): Cents {
  return i.amount - i.paid;
}

/** Into batch `batchId`, which takes `amount` of it. */
export function sendInvoice(inv: Invoice, batchId: string, amount: Cents): Invoice | Refusal {
  const no = guard(inv, 'send');
  if (no) return no;
  if (!Number.isInteger(amount) || amount <= 0 || amount > balanceOf(inv))
    return refuse(
      'bad-amount',
      `${inv.id}: a debit of ${formatMoney(amount)} does not fit its ${formatMoney(balanceOf(inv))} balance.`,
    );
  return { ...inv, status: 'Sent', batchId, sentAmount: amount };
}

/** `amount` received on the invoice. A held invoice stays held (money does not release it). */
export function settleInvoice(inv: Invoice, amount: Cents): Invoice | Refusal {
  const no = guard(inv, 'settle');
  if (no) return no;
  if (!Number.isInteger(amount) || amount <= 0)
    return refuse('bad-amount', `${inv.id}: ${amount} cents is not a payment.`);
  const paid = inv.paid + amount;
  if (paid > inv.amount)
    return refuse(
      'overpaid',
      `${inv.id} owes ${formatMoney(balanceOf(inv))}: ${formatMoney(amount)} would pay it more than its amount.`,
    );
  const settled = statusAfterPayment(inv.amount, paid);
  const status: InvoiceStatus = inv.status === 'Held' && settled !== 'Paid' ? 'Held' : settled;
  return { ...inv, paid, status };
}

/**
 * `amount` received at the desk on a Sent invoice, beside its debit: only the part the batch does not take
 * (Amount - Paid - Sent Amount) may be paid, so nobody pays twice, and the invoice stays Sent.
 */
export function payBesideDebit(inv: Invoice, amount: Cents): Invoice | Refusal {
  const no = guard(inv, 'payBeside');
  if (no) return no;
  if (!Number.isInteger(amount) || amount <= 0)
    return refuse('bad-amount', `${inv.id}: ${amount} cents is not a payment.`);
  const free = balanceOf(inv) - (inv.sentAmount ?? balanceOf(inv));
  if (amount > free)
    return refuse(
      'overpaid',
      `${inv.id} is in batch ${inv.batchId} for ${formatMoney(inv.sentAmount ?? balanceOf(inv))}: at most ${formatMoney(Math.max(0, free))} of it may be paid beside the debit.`,
    );
  return { ...inv, paid: inv.paid + amount };
}

/**
 * `amount` of what was paid given back with the charge withdrawn: Amount and Paid both go down by it (the
 * balance is unchanged), and the invoice is Cancelled when its whole amount is withdrawn.
 */
export function withdrawPaid(inv: Invoice, amount: Cents): Invoice | Refusal {
  const no = guard(inv, 'withdraw');
  if (no) return no;
  if (!Number.isInteger(amount) || amount <= 0 || amount > inv.paid)
    return refuse(
      'bad-amount',
      `${inv.id}: cannot give back ${formatMoney(amount)} of the ${formatMoney(inv.paid)} paid.`,
    );
  const paid = inv.paid - amount;
  if (amount === inv.amount) return { ...inv, paid, status: 'Cancelled' };
  const left = inv.amount - amount;
  // The balance is unchanged, so a status that says why it is owed (or not) still holds.
  const keeps = ['Declined', 'Held', 'Cancelled', 'Written off'].includes(inv.status);
  return { ...inv, amount: left, paid, status: keeps ? inv.status : statusAfterPayment(left, paid) };
}

/** `amount` taken back (a reversed payment): the invoice is due again. */
export function unsettleInvoice(inv: Invoice, amount: Cents): Invoice | Refusal {
  const no = guard(inv, 'unsettle');
  if (no) return no;
  if (!Number.isInteger(amount) || amount <= 0 || amount > inv.paid)
    return refuse(
      'bad-amount',
      `${inv.id}: cannot take back ${formatMoney(amount)} of the ${formatMoney(inv.paid)} paid.`,
    );
  const paid = inv.paid - amount;
  return { ...inv, paid, status: inv.status === 'Held' ? 'Held' : 'Declined' };
}

export interface DeclineEvent {
  /** What the debit had already paid on the invoice, taken back now. */
  reversed: Cents;
  reason: string;
  /** Whether this decline counts toward the Retry Limit. */
  counts: boolean;
  /** Whether the invoice is held for a person (the limit is reached, or the rule holds at once). */
  hold: boolean;
}

export function declineInvoice(inv: Invoice, e: DeclineEvent): Invoice | Refusal {
  const no = guard(inv, 'decline');
  if (no) return no;
  if (!Number.isInteger(e.reversed) || e.reversed < 0 || e.reversed > inv.paid)
    return refuse(
      'bad-amount',
      `${inv.id}: cannot reverse ${formatMoney(e.reversed)} of ${formatMoney(inv.paid)} paid.`,
    );
  return {
    ...inv,
    paid: inv.paid - e.reversed,
    status: e.hold ? 'Held' : 'Declined',
    declineReason: e.reason,
    declineCount: (inv.declineCount ?? 0) + (e.counts ? 1 : 0),
  };
}

/** Held for a person: it leaves every billing run until released. */
export function holdInvoice(inv: Invoice, reason: string): Invoice | Refusal {
  return guard(inv, 'hold') ?? { ...inv, status: 'Held', declineReason: reason || inv.declineReason };
}

/** A person lets it be debited again: the retry count starts over. */
export function releaseInvoice(inv: Invoice): Invoice | Refusal {
  const no = guard(inv, 'release');
  if (no) return no;
  const s = statusAfterPayment(inv.amount, inv.paid);
  return { ...inv, status: s === 'Open' && inv.declineReason ? 'Declined' : s, declineCount: 0 };
}

export function cancelInvoice(inv: Invoice): Invoice | Refusal {
  return guard(inv, 'cancel') ?? { ...inv, status: 'Cancelled' };
}

export function writeOffInvoice(inv: Invoice): Invoice | Refusal {
  const no = guard(inv, 'writeOff');
  if (no) return no;
  if (balanceOf(inv) <= 0)
    return refuse('bad-amount', `${inv.id} owes nothing: there is nothing to write off.`);
  return { ...inv, status: 'Written off' };
}

/** Back to what today's facts say: held only while the client is still held. */
export function undoWriteOff(inv: Invoice, stillHeld: boolean): Invoice | Refusal {
  const no = guard(inv, 'undoWriteOff');
  if (no) return no;
  if (stillHeld) return { ...inv, status: 'Held' };
  const s = statusAfterPayment(inv.amount, inv.paid);
  return { ...inv, status: s === 'Open' && inv.declineReason ? 'Declined' : s };
}

/** Due on the billing date: wants money, has a balance, and is not held, in flight, cancelled or written off. */
export function isDueBy(
  inv: Pick<Invoice, 'status' | 'amount' | 'paid' | 'dueDate'>,
  date: IsoDate,
): boolean {
  return COLLECTABLE.has(inv.status) && balanceOf(inv) > 0 && inv.dueDate <= date;
}

/** Throws a refusal as an error: for callers that checked first and treat a refusal as a bug. */
export function must(x: Invoice | Refusal): Invoice {
  if (isRefusal(x)) throw new Error(x.message);
  return x;
}
