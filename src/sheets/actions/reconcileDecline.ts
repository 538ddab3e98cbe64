// A declined report row, recorded through the debit story: a debit with a batch by declineDebit, the same
// function Process declines uses; one without a batch by the story over the report's own reference (core
// planUnbatchedDecline). What a report's overpayment had left as credit is taken back with it.
import type { IsoDate } from '../../core/calendar';
import { batchOfPayment, declineRowsOf } from '../../core/ledger/debitStory';
import type { DeclineRule } from '../../core/ledger/declineRules';
import { isRefusal, unsettleInvoice, type Refusal } from '../../core/ledger/invoiceState';
import { planCreditTakeBack } from '../../core/ledger/receipts';
import type { Cents } from '../../core/money';
import { creditReversals, planUnbatchedDecline, type DeclineRoute } from '../../core/reconcile';
import { UserError } from '../errors';
import type { LedgerTx } from '../ledgerTx';
import type { Invoice, Payment } from '../records';
import { putClient, putInvoice, putPayment, type DeclineLedger } from './declineLedger';
import { declineDebit } from './declines';

export interface ReportDecline {
  route: Extract<DeclineRoute, { via: 'debit' | 'unbatched' }>;
  /** The day the decline was reported. */
  date: IsoDate;
  rule: DeclineRule;
  providerRef: string;
  /** The report's reference of the row: stands in for a missing batch. */
  debitKey: string;
  /** The provider's words, kept on the rows' Reference. */
  note: string;
}

export interface ReportDeclined {
  /** The debit was declined before (by hand or another report): no money moved now. */
  already: boolean;
  /** Anything changed at all (a later arrival may only replace the reason, or nothing). */
  changed: boolean;
  reason: string;
  invoiceIds: string[];
  fee: Invoice | null;
  /** The Payments rows appended. */
  rows: Payment[];
  held: string[];
  clientStatus: string | null;
  /** What the decline took back or left owing. */
  amount: Cents;
}

function append(tx: LedgerTx, ledger: DeclineLedger, drafts: readonly Omit<Payment, 'id'>[]): Payment[] {
  const rows = drafts.map((d) => ({ ...d, id: tx.ids.next('payment') }));
  for (const p of rows) putPayment(ledger, p);
  return rows;
}

/** Credit taken back after it was spent: the spends are undone so the client owes the invoices again. */
function takeBackSpentCredit(
  tx: LedgerTx,
  ledger: DeclineLedger,
  clientId: string,
  date: IsoDate,
): Payment[] {
  const invoices = ledger.invoicesOf.get(clientId) ?? [];
  const plan = planCreditTakeBack(ledger.paymentsOf.get(clientId) ?? [], invoices, date);
  for (const part of plan.parts) {
    const inv = invoices.find((i) => i.id === part.invoiceId);
    if (!inv) continue;
    const next = unsettleInvoice(inv, part.amount);
    if (isRefusal(next)) throw new UserError(next.message);
    putInvoice(ledger, { ...inv, ...next });
  }
  return append(tx, ledger, plan.rows);
}

export function recordReportDecline(
  tx: LedgerTx,
  ledger: DeclineLedger,
  d: ReportDecline,
): ReportDeclined | Refusal {
  const { clientId } = d.route;
  if (d.route.via === 'debit') {
    const { batchId } = d.route;
    const r = declineDebit(
      tx,
      { batchId, clientId, date: d.date, rule: d.rule, providerRef: d.providerRef, note: d.note },
      ledger,
    );
    if (isRefusal(r)) return r;
    const all = ledger.paymentsOf.get(clientId) ?? [];
    const credit = r.already
      ? []
      : append(
          tx,
          ledger,
          creditReversals(
            all.filter((p) => batchOfPayment(p) === batchId),
            all,
            { date: d.date, reason: r.reason, reference: `${batchId} declined` },
          ),
        );
    const takeBack = takeBackSpentCredit(tx, ledger, clientId, d.date);
    // Declined before: the invoices are those its decline rows name.
    const touched = r.already ? declineRowsOf(all, batchId, clientId) : r.rows;
    return {
      already: r.already,
      changed: r.changed,
      reason: r.reason,
      invoiceIds: [...new Set(touched.map((p) => p.invoiceId))],
      fee: r.fee,
      rows: [...r.rows, ...credit, ...takeBack],
      held: r.held,
      clientStatus: r.clientStatus,
      amount: r.amount - credit.reduce((s, p) => s + p.amount, 0),
    };
  }
  const before = new Map((ledger.invoicesOf.get(clientId) ?? []).map((i) => [i.id, i]));
  const o = planUnbatchedDecline(
    { ...d, clientId, receipt: d.route.receipt, unpaid: d.route.unpaid },
    {
      client: ledger.clients.get(clientId) ?? null,
      invoices: [...before.values()],
      payments: ledger.paymentsOf.get(clientId) ?? [],
      dishonourFee: ledger.dishonourFee,
      retryLimit: ledger.retryLimit,
    },
  );
  if (isRefusal(o)) return o;
  for (const inv of o.invoices) putInvoice(ledger, { ...inv, row: before.get(inv.id)?.row });
  const rows = [...append(tx, ledger, o.rows), ...takeBackSpentCredit(tx, ledger, clientId, d.date)];
  const fee: Invoice | null = o.fee ? { ...o.fee, id: tx.ids.next('invoice') } : null;
  if (fee) putInvoice(ledger, fee);
  if (o.client) putClient(ledger, o.client);
  return {
    already: false,
    changed: true,
    reason: o.reason,
    invoiceIds: o.invoices.map((i) => i.id),
    fee,
    rows,
    held: o.invoices
      .filter((i) => i.status === 'Held' && before.get(i.id)?.status !== 'Held')
      .map((i) => i.id),
    clientStatus: o.client?.status ?? null,
    amount: o.amount,
  };
}
