// Process declines: the debits of some clients in a batch bounced. Every decline, by hand here or read
// from a report, goes through declineDebit, which applies the debit story (src/core/ledger/debitStory):
// what the bank's reason means, the one fee, the retry count, a hold, a client's new status. This file
// only reads the request and the tabs, and says what happened.
import { compareDates, type IsoDate } from '../../core/calendar';
import { planDecline, type DeclineArrival } from '../../core/ledger/debitStory';
import {
  BECS_RETURN_CODES,
  becsCode,
  codeForWords,
  declineRule,
  type DeclineAction,
  type DeclineRule,
} from '../../core/ledger/declineRules';
import { isRefusal, type Refusal } from '../../core/ledger/invoiceState';
import { formatMoney, type Cents } from '../../core/money';
import { readBatch } from '../batches';
import { UserError } from '../errors';
import { assertLedgerSound } from '../integrity';
import type { LedgerTx } from '../ledgerTx';
import type { Invoice, Payment } from '../records';
import { readClients } from '../tabs/clients';
import { readInvoices } from '../tabs/invoices';
import { readPayments } from '../tabs/payments';
import { readBillingSheet } from '../tabs/processBilling';
import { readSettings } from '../tabs/settings';
import {
  openDeclineLedger,
  putClient,
  putInvoice,
  putPayment,
  writeDeclineLedger,
  type DeclineLedger,
} from './declineLedger';
import { optionalDateField, textField } from './fields';

export const DECLINE_TABS = ['settings', 'clients', 'invoices', 'payments', 'processBilling'] as const;

/** One debit (batch + client) declined, however it arrived; `note` is kept on its Payments rows. */
export interface DebitDeclineArrival extends DeclineArrival {
  note?: string;
}

export interface DebitDeclined {
  batchId: string;
  clientId: string;
  date: IsoDate;
  /** The debit was declined before: no money moved now (a bank's code may have replaced the reason). */
  already: boolean;
  /** Whether anything changed at all: false for a later arrival that adds nothing. */
  changed: boolean;
  reason: string;
  action: DeclineAction;
  /** What the debit was for. */
  amount: Cents;
  fee: Invoice | null;
  /** The Payments rows appended (one per invoice the debit touched). */
  rows: Payment[];
  /** The client's invoices this decline changed, as they are now. */
  invoices: Invoice[];
  /** Invoices this decline held for a person (over the Retry Limit). */
  held: string[];
  /** The client's status when this decline changed it (Update bank details, DD stopped), else null. */
  clientStatus: string | null;
  /** Code 8: debit files wait until Settings has another ABA User ID. */
  studioSetup: boolean;
}

const sameText = (a: string | undefined, b: string | undefined) => (a ?? '') === (b ?? '');

/**
 * Records one debit's decline in `ledger`: the same function for Process declines and for a decline read
 * from a report. IDs come from `tx`; nothing is written until writeDeclineLedger. A refusal (nothing of the
 * client in the batch) changes nothing.
 */
export function declineDebit(
  tx: LedgerTx,
  arrival: DebitDeclineArrival,
  ledger: DeclineLedger,
): DebitDeclined | Refusal {
  const { batchId, clientId, date } = arrival;
  const before = new Map((ledger.invoicesOf.get(clientId) ?? []).map((i) => [i.id, i]));
  const priorRows = new Map((ledger.paymentsOf.get(clientId) ?? []).map((p) => [p.id, p]));
  const o = planDecline(arrival, {
    client: ledger.clients.get(clientId) ?? null,
    invoices: [...before.values()],
    payments: [...priorRows.values()],
    dishonourFee: ledger.dishonourFee,
    retryLimit: ledger.retryLimit,
  });
  if (isRefusal(o)) return o;

  const invoices = o.invoices.filter((i) => {
    const was = before.get(i.id);
    return (
      !was ||
      was.status !== i.status ||
      was.paid !== i.paid ||
      was.declineCount !== i.declineCount ||
      !sameText(was.declineReason, i.declineReason)
    );
  });
  const rowUpdates = o.rowUpdates.filter((p) => !sameText(priorRows.get(p.id)?.reason, p.reason));
  const refusesUserId = o.studioSetup && ledger.refusedUserId !== ledger.abaUserId;
  const changed = !o.already || invoices.length > 0 || rowUpdates.length > 0 || !!o.client || refusesUserId;

  const rows: Payment[] = o.rows.map((r) => ({
    ...r,
    id: tx.ids.next('payment'),
    reference: arrival.note ? `${r.reference}: ${arrival.note}` : r.reference,
  }));
  const fee: Invoice | null = o.fee ? { ...o.fee, id: tx.ids.next('invoice') } : null;
  for (const inv of invoices) putInvoice(ledger, inv);
  for (const p of [...rowUpdates, ...rows]) putPayment(ledger, p);
  if (fee) putInvoice(ledger, fee);
  if (o.client) putClient(ledger, o.client);
  if (refusesUserId) ledger.refusedUserId = ledger.abaUserId;

  return {
    batchId,
    clientId,
    date,
    already: o.already,
    changed,
    reason: o.reason,
    action: arrival.rule.action,
    amount: o.amount,
    fee,
    rows,
    invoices,
    held: invoices.filter((i) => i.status === 'Held' && before.get(i.id)?.status !== 'Held').map((i) => i.id),
    clientStatus: o.client?.status ?? null,
    studioSetup: o.studioSetup,
  };
}

export interface DeclineRequest {
  batchId?: string;
  date?: string;
  /**
   * `code`: the bank's return code 1-9, or its words from the table ("Account closed"). `reason`: the
   * table's words, or free text (a note; with no code the decline is a retry).
   */
  declines: { clientId: string; reason?: string; code?: string }[];
}

export interface DeclinePlan {
  batchId: string;
  date: IsoDate;
  clients: {
    clientId: string;
    name: string;
    reason: string;
    action: DeclineAction;
    amount: Cents;
    /** Declined before (by hand or a report): only the reason changed now. */
    already: boolean;
    held: string[];
    clientStatus: string | null;
  }[];
  invoices: Invoice[];
  reversals: Payment[];
  fees: Invoice[];
  /** The ABA User ID the bank refused (code 8), when this decline says so. */
  refusedUserId: string | null;
  /** Clients set back to Active because their bank details now differ from those refused. */
  released: string[];
}

/** The sidebar's choices: the bank's reasons in the table's words, the retry first. */
export const DECLINE_REASONS: string[] = ['6', '1', '5', '9', '2', '3', '4', '8'].map(
  (c) => BECS_RETURN_CODES[c]!.words,
);

/** The rule a person's entry names, and the note kept beside it. */
function handRule(code: string, words: string, clientId: string): { rule: DeclineRule; note: string } {
  if (!code) return { rule: declineRule({ words }), note: '' };
  const given = /^\d+$/.test(code) ? becsCode(code) : codeForWords(code);
  if (!given)
    throw new UserError(
      `${clientId}: code "${code}" is not a bank return code: give 1 to 9 or the reason's words (e.g. Account closed).`,
      'code',
    );
  const named = words ? codeForWords(words) : null;
  if (named && named !== given)
    throw new UserError(
      `${clientId}: code ${given} (${BECS_RETURN_CODES[given]!.words}) and reason "${words}" (code ${named}) disagree: give one.`,
      'reason',
    );
  return { rule: declineRule({ code: given }), note: named ? '' : words };
}

export interface DeclineRun {
  plan: DeclinePlan;
  ledger: DeclineLedger;
}

export function planDeclines(tx: LedgerTx, req: DeclineRequest, today: IsoDate): DeclineRun {
  const sheet = readBillingSheet(tx.table('processBilling'));
  const batchId = textField(req.batchId, 'batchId', 'Batch') || sheet.batchId;
  if (!batchId) throw new UserError('Which batch? The Process Billing tab holds none.', 'batchId');
  const date = optionalDateField(req.date, 'date', 'Decline date') ?? today;
  // A decline is recorded when the bank has said so: a date ahead would put its fee before it existed.
  if (date > today)
    throw new UserError(
      `Decline date ${date} is after today (${today}): enter the day the bank said so.`,
      'date',
    );
  if (!Array.isArray(req.declines) || !req.declines.length)
    throw new UserError('Pick at least one declined client.', 'declines');
  const settings = readSettings(tx.table('settings'), today, tx.port.timeZone());
  const clients = readClients(tx.table('clients'));
  const invoices = readInvoices(tx.table('invoices'));
  const payments = readPayments(tx.table('payments'));
  assertLedgerSound({ clients, invoices, payments });
  const batch = readBatch((k) => tx.port.getProperty(k), batchId);
  if (!batch && !invoices.some((i) => i.batchId === batchId))
    throw new UserError(`No batch ${batchId}.`, 'batchId');
  // A debit bounces after it is made: an earlier day is a typo, and would date the reversal before the payment.
  const debited = batch?.billingDate ?? (sheet.batchId === batchId ? sheet.billingDate : null);
  if (debited && compareDates(date, debited) < 0)
    throw new UserError(
      `Decline date ${date} is before batch ${batchId} was debited (${debited}): check the date.`,
      'date',
    );

  const ledger = openDeclineLedger(settings, clients, invoices, payments);
  const plan: DeclinePlan = {
    batchId,
    date,
    clients: [],
    invoices: [],
    reversals: [],
    fees: [],
    refusedUserId: null,
    released: [...ledger.changed.clients.keys()],
  };
  for (const d of req.declines) {
    const clientId = textField(d.clientId, 'declines', 'Client', { required: true });
    const words = textField(d.reason, 'reason', 'Reason', { max: 100 });
    const { rule, note } = handRule(textField(d.code, 'code', 'Code', { max: 60 }), words, clientId);
    const r = declineDebit(tx, { batchId, clientId, date, rule, note }, ledger);
    if (isRefusal(r)) throw new UserError(r.message, 'declines');
    if (!r.changed)
      throw new UserError(
        `${clientId}'s debit in ${batchId} was declined already (${r.reason}): nothing changed.`,
        'declines',
      );
    plan.invoices.push(...r.invoices);
    plan.reversals.push(...r.rows);
    if (r.fee) plan.fees.push(r.fee);
    plan.clients.push({
      clientId,
      name: ledger.clients.get(clientId)?.name ?? clientId,
      reason: r.reason,
      action: r.action,
      amount: r.amount,
      already: r.already,
      held: r.held,
      clientStatus: r.clientStatus,
    });
  }
  plan.refusedUserId = ledger.refusedUserId;
  return { plan, ledger };
}

export function writeDeclines(tx: LedgerTx, run: DeclineRun): void {
  writeDeclineLedger(tx, run.ledger);
}

/** For the Log: each client's amount and reason, then what the reason set in motion. */
export function declineSummary(plan: DeclinePlan): string {
  const parts = plan.clients.map((c) => {
    const what = c.already
      ? `${c.clientId} declined already, reason now ${c.reason}`
      : `${c.clientId} ${formatMoney(c.amount)} (${c.reason})`;
    const then = [
      c.held.length ? `held ${c.held.join(' ')}` : '',
      c.clientStatus ? `client ${c.clientStatus}` : '',
    ].filter(Boolean);
    return then.length ? `${what}: ${then.join(', ')}` : what;
  });
  const after = [
    `${plan.fees.length} dishonour fee(s)`,
    plan.refusedUserId !== null
      ? `ABA User ID ${plan.refusedUserId} refused: no ABA file until it changes`
      : '',
    plan.released.length ? `bank details changed, Active again: ${plan.released.join(' ')}` : '',
  ].filter(Boolean);
  return `${parts.join(', ')}; ${after.join('; ')}`;
}
