// One debit, one story. A debit is (batch, client): what was sent, and what the bank said. A decline of it
// changes money once, whichever way it arrives (Process declines by hand, an ABA return, a DD report), with
// at most one dishonour fee; a later arrival adds nothing, except that a bank's code replaces a hand-entered
// reason and its rule applies from then. A decline that arrives after the invoice was re-sent in a newer
// batch takes back only what the old debit paid: the newer debit stays in flight.
import type { IsoDate } from '../calendar';
import type { Cents } from '../money';
import { reasonText, retriesAllowed, type DeclineRule } from './declineRules';
import { declineInvoice, isRefusal, type Refusal } from './invoiceState';
import type { Client, ClientStatus, Invoice, Payment } from './records';

/** Payments rows that are not money received from the client for a debit. */
const NOT_RECEIVED = new Set(['Decline', 'Credit']);

/** The batch a payment belongs to: its own column, or (rows written before it existed) Reference's first word. */
export function batchOfPayment(p: Payment): string {
  if (p.batchId) return p.batchId;
  // Most references name no batch: asked of every Payments row (155k), so no split for those.
  if (!p.reference.startsWith('B-')) return '';
  const first = p.reference.split(' ')[0] ?? '';
  return /^B-\d+$/.test(first) ? first : '';
}

export function isDeclineRow(p: Payment): boolean {
  return p.method === 'Decline';
}

/** The rows recording that this debit was declined already (one per invoice it touched, amount 0 or less). */
export function declineRowsOf(payments: readonly Payment[], batchId: string, clientId: string): Payment[] {
  return payments.filter((p) => isDeclineRow(p) && p.clientId === clientId && batchOfPayment(p) === batchId);
}

export interface DeclineArrival {
  batchId: string;
  clientId: string;
  /** The day the decline was reported (settlement date, return file date, or the date given by hand). */
  date: IsoDate;
  rule: DeclineRule;
  providerRef?: string;
}

export interface DeclineContext {
  client: Client | null;
  /** The client's invoices and payments (all of them: the story needs the history). */
  invoices: readonly Invoice[];
  payments: readonly Payment[];
  dishonourFee: Cents | null;
  retryLimit: number;
}

export type DeclineRowDraft = Omit<Payment, 'id'>;
export type FeeDraft = Omit<Invoice, 'id'>;

export interface DeclineOutcome {
  /** True when this debit was declined before: no money moves now. */
  already: boolean;
  invoices: Invoice[];
  /** Decline rows to append (one per invoice the debit touched; amount minus what it had paid). */
  rows: DeclineRowDraft[];
  /** Existing decline rows whose reason a bank's code now replaces. */
  rowUpdates: Payment[];
  fee: FeeDraft | null;
  /** The client row after the rule (fix details, stop), or null when unchanged. */
  client: Client | null;
  /** What the debit was for. */
  amount: Cents;
  reason: string;
  /** Code 8: the studio's ABA User ID was refused by the bank. */
  studioSetup: boolean;
}

/** What the debit paid on each invoice: its received payments net of earlier reversals for the same batch. */
function paidByDebit(payments: readonly Payment[], batchId: string): Map<string, Cents> {
  const out = new Map<string, Cents>();
  for (const p of payments) {
    if (!p.invoiceId || batchOfPayment(p) !== batchId) continue;
    if (NOT_RECEIVED.has(p.method) && !isDeclineRow(p)) continue;
    out.set(p.invoiceId, (out.get(p.invoiceId) ?? 0) + p.amount);
  }
  return out;
}

function clientAfter(client: Client | null, rule: DeclineRule): Client | null {
  if (!client) return null;
  const status: ClientStatus | null =
    rule.action === 'fix-details' ? 'Update bank details' : rule.action === 'stop' ? 'DD stopped' : null;
  if (!status || client.status === status) return null;
  return {
    ...client,
    status,
    ...(rule.action === 'fix-details'
      ? { declinedBsb: client.bsb, declinedAccount: client.accountNumber }
      : {}),
  };
}

/** A later arrival of an already declined debit: only a bank's code over a hand-entered reason changes anything. */
function laterArrival(a: DeclineArrival, ctx: DeclineContext, earlier: Payment[]): DeclineOutcome {
  const reason = reasonText(a.rule);
  const hadCode = earlier.some((p) => /\(code \d\)$/.test(p.reason ?? ''));
  const replace = !!a.rule.code && !hadCode;
  const touched = new Set(earlier.map((p) => p.invoiceId));
  return {
    already: true,
    invoices: replace
      ? ctx.invoices
          .filter((i) => touched.has(i.id) && (i.status === 'Declined' || i.status === 'Held'))
          .map((i) => ({ ...i, declineReason: reason }))
      : [],
    rows: [],
    rowUpdates: replace ? earlier.map((p) => ({ ...p, reason })) : [],
    fee: null,
    client: replace ? clientAfter(ctx.client, a.rule) : null,
    amount: -earlier.reduce((s, p) => s + p.amount, 0),
    reason: replace ? reason : (earlier[0]?.reason ?? reason),
    studioSetup: replace && a.rule.action === 'studio-setup',
  };
}

export function planDecline(a: DeclineArrival, ctx: DeclineContext): DeclineOutcome | Refusal {
  const earlier = declineRowsOf(ctx.payments, a.batchId, a.clientId);
  if (earlier.length) return laterArrival(a, ctx, earlier);

  const reason = reasonText(a.rule);
  const paid = paidByDebit(ctx.payments, a.batchId);
  const outcome: DeclineOutcome = {
    already: false,
    invoices: [],
    rows: [],
    rowUpdates: [],
    fee: null,
    client: clientAfter(ctx.client, a.rule),
    amount: 0,
    reason,
    studioSetup: a.rule.action === 'studio-setup',
  };
  const allowed = retriesAllowed(a.rule.action, ctx.retryLimit);
  for (const inv of ctx.invoices) {
    if (inv.clientId !== a.clientId) continue;
    const inThisBatch = inv.batchId === a.batchId && inv.status === 'Sent';
    // What still stands of the debit on the invoice: never more than the invoice holds (a refund may have
    // given some back already), so Paid stays the sum of its rows.
    const reversed = Math.min(Math.max(0, paid.get(inv.id) ?? 0), Math.max(0, inv.paid));
    if (!inThisBatch && reversed <= 0) continue;
    if (inv.status === 'Cancelled' || inv.status === 'Written off') {
      // Money the debit paid on an invoice since cancelled or written off is still taken back; the status stays.
      if (reversed > 0) {
        outcome.rows.push(declineRow(a, inv.id, -reversed, reason));
        outcome.invoices.push({ ...inv, paid: inv.paid - reversed });
      }
      outcome.amount += reversed;
      continue;
    }
    const stillInFlight = inv.status === 'Sent' && inv.batchId !== a.batchId;
    const count = (inv.declineCount ?? 0) + (a.rule.counts ? 1 : 0);
    const hold = (a.rule.action === 'retry' || a.rule.action === 'retry-once') && count > allowed;
    const next = stillInFlight
      ? { ...inv, paid: inv.paid - reversed, declineReason: reason }
      : declineInvoice(inv, { reversed, reason, counts: a.rule.counts, hold });
    if (isRefusal(next)) return next;
    outcome.invoices.push(next);
    outcome.rows.push(declineRow(a, inv.id, -reversed, reason));
    outcome.amount += inThisBatch && reversed === 0 ? (inv.sentAmount ?? 0) : reversed;
  }
  if (!outcome.rows.length)
    return {
      refused: true,
      code: 'not-allowed',
      message: `${a.clientId} has nothing in batch ${a.batchId} to decline (not in it, or settled another way).`,
    };
  if (a.rule.fee && ctx.dishonourFee && ctx.dishonourFee > 0)
    outcome.fee = {
      saleId: '',
      clientId: a.clientId,
      description: `Dishonour fee: ${a.batchId} declined (${reason})`,
      instalment: null,
      dueDate: a.date,
      amount: ctx.dishonourFee,
      paid: 0,
      status: 'Open',
      batchId: '',
      created: a.date,
    };
  return outcome;
}

function declineRow(a: DeclineArrival, invoiceId: string, amount: Cents, reason: string): DeclineRowDraft {
  return {
    date: a.date,
    clientId: a.clientId,
    invoiceId,
    amount: amount === 0 ? 0 : amount,
    method: 'Decline',
    reference: `${a.batchId} declined`,
    batchId: a.batchId,
    providerRef: a.providerRef ?? '',
    reason,
  };
}
