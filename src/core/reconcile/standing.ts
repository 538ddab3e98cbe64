// Receipts already on the Payments tab that a later report row may take back: the rows one report row
// wrote (money for invoices, and the rest as credit), less what was taken back since (rows whose Refund Of
// names them, or a decline of the debit they paid).
import type { IsoDate } from '../calendar';
import { batchOfPayment, isDeclineRow } from '../ledger/debitStory';
import type { Payment } from '../ledger/records';
import type { Cents } from '../money';
import type { PaymentDraft } from './receipt';

export interface StandingReceipt {
  clientId: string;
  /** The batch of the debit it paid; '' when the ledger has none (the DD company debited on its own). */
  batchId: string;
  providerRef: string;
  reference: string;
  date: IsoDate;
  /** Its rows, each with what is not taken back yet. */
  rows: Payment[];
  amount: Cents;
}

/** Money received on a report's row: not a reversal, not spent credit. */
const received = (p: Payment) => p.amount > 0 && !isDeclineRow(p) && p.method !== 'Credit';

/** What the rows refunding each row took back: Payment ID -> cents (negative). */
function refundedOf(all: readonly Payment[]): Map<string, Cents> {
  const back = new Map<string, Cents>();
  for (const p of all) if (p.refundOf) back.set(p.refundOf, (back.get(p.refundOf) ?? 0) + p.amount);
  return back;
}

/** What is left of each row once the rows refunding it are counted. */
function unrefunded(rows: readonly Payment[], back: ReadonlyMap<string, Cents>): Payment[] {
  return rows.map((p) => ({ ...p, amount: p.amount + (back.get(p.id) ?? 0) })).filter((p) => p.amount > 0);
}

/** A client's rows as a receipt needs them: the batches declined already, and what each row lost to refunds. */
interface ClientTakeBacks {
  declined: Set<string>;
  back: Map<string, Cents>;
}

function takeBacksOf(clientId: string, all: readonly Payment[]): ClientTakeBacks {
  const declined = new Set<string>();
  for (const p of all) if (isDeclineRow(p) && p.clientId === clientId) declined.add(batchOfPayment(p));
  return { declined, back: refundedOf(all) };
}

export interface Receipts {
  standing: StandingReceipt[];
  /** Some receipt was found, standing or taken back. */
  found: boolean;
}

/**
 * The receipts among `candidates` (e.g. every row with one Provider Ref), grouped by the report row that
 * wrote them, with what still stands of each. `paymentsOf` gives a client's rows, for the reversals.
 */
export function standingReceipts(
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
  // Once per client, not per receipt: a client's receipts over four years are some 50 debits.
  const byClient = new Map<string, ClientTakeBacks>();
  for (const rows of groups.values()) {
    const first = rows[0]!;
    let taken = byClient.get(first.clientId);
    if (!taken)
      byClient.set(first.clientId, (taken = takeBacksOf(first.clientId, paymentsOf(first.clientId))));
    const batchId = batchOfPayment(first);
    if (batchId && taken.declined.has(batchId)) continue;
    const left = unrefunded(rows, taken.back);
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

/**
 * Rows taking back what a declined debit had left as credit (a report's overpayment): the debit story
 * takes back only what it paid on invoices.
 */
export function creditReversals(
  creditRows: readonly Payment[],
  all: readonly Payment[],
  at: { date: IsoDate; reason: string; reference: string },
): PaymentDraft[] {
  return unrefunded(
    creditRows.filter((p) => !p.invoiceId && received(p)),
    refundedOf(all),
  ).map((p) => ({
    date: at.date,
    clientId: p.clientId,
    invoiceId: '',
    amount: -p.amount,
    method: 'Decline',
    reference: at.reference,
    batchId: p.batchId ?? '',
    providerRef: p.providerRef ?? '',
    refundOf: p.id,
    reason: at.reason,
  }));
}
