// Refund: money given back from a receipt (its Receipt ID) or one Payments row (its Payment ID), by the
// core's one rule (planRefund): the receipt's unspent credit first, then what it paid on invoices, newest
// first, never more than it received less what was given back. Its rows share a Receipt ID of their own;
// each invoice it takes money from is withdrawn (the default) or still owed; to credit keeps the money as
// the client's credit. The client's rows of the Outstanding and Balances tabs are refreshed (clientReports). A preview reserves no ID.
import type { IsoDate } from '../../core/calendar';
import { compareDates } from '../../core/calendar';
import { isRefusal } from '../../core/ledger/invoiceState';
import { creditOf } from '../../core/ledger/receipts';
import {
  findRefundTarget,
  isRefundRow,
  planRefund,
  refundable,
  type RefundOutcome,
  type RefundPlan,
} from '../../core/ledger/refund';
import { formatMoney, type Cents } from '../../core/money';
import { UserError } from '../errors';
import { assertLedgerSound } from '../integrity';
import type { LedgerTx } from '../ledgerTx';
import type { Client, Invoice, Payment } from '../records';
import { deskDate } from './deskDate';
import { writeLedgerRows } from './writeLedgerRows';
import { dateTextFor, moneyField, textField } from './fields';
import { clientReports, currentReports } from './clientReports';
import { merged, readLedger, REPORT_TABS, type Ledger, type Reports } from './reports';

export const REFUND_TABS = REPORT_TABS;

export interface RefundRequest {
  /** The Receipt ID or Payment ID of the money given back. */
  paymentId: string;
  /** Blank: everything it can still give back. */
  amount?: string | number;
  reason: string;
  date?: string;
  /** The charge stays owed (due again) instead of withdrawn. */
  stillOwed?: boolean;
  /** The money stays as the client's credit (only with a withdrawn charge). */
  toCredit?: boolean;
  dates?: 'iso' | 'display';
}

export interface RefundActionPlan {
  client: Client;
  /** The refund's own Receipt ID; blank in a preview. */
  refundId: string;
  date: IsoDate;
  reason: string;
  outcome: RefundOutcome;
  refund: RefundPlan;
  invoices: Invoice[];
  payments: Payment[];
  creditAfter: Cents;
  reports: Reports;
}

function amountField(value: unknown): Cents | null {
  if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) return null;
  const amount = moneyField(value, 'amount', 'Amount');
  if (amount <= 0) throw new UserError('Amount must be more than $0.00.', 'amount');
  return amount;
}

export function planRefundAction(
  tx: LedgerTx,
  req: RefundRequest,
  today: IsoDate,
  opts: { preview?: boolean } = {},
): RefundActionPlan {
  const ledger = readLedger(tx, today);
  assertLedgerSound(ledger);
  const id = textField(req.paymentId, 'paymentId', 'Payment', { required: true });
  const target = findRefundTarget(ledger.payments, id);
  if (isRefusal(target)) throw new UserError(target.message, 'paymentId');
  const client = ledger.clients.find((c) => c.id === target.clientId);
  if (!client)
    throw new UserError(
      `${target.id} is for ${target.clientId}, who is not on the Clients tab.`,
      'paymentId',
    );
  const amount = amountField(req.amount);
  const reason = textField(req.reason, 'reason', 'Reason', { required: true, max: 200 });
  const dateText = dateTextFor(req.dates);
  const date = deskDate(req.date, 'Date', today, ledger, client, dateText);
  if (compareDates(date, target.date) < 0)
    throw new UserError(
      `Date ${dateText(date)} is before ${target.id} was received (${dateText(target.date)}).`,
      'date',
    );
  const outcome: RefundOutcome = req.stillOwed ? 'still owed' : 'withdrawn';
  const mine = ledger.invoices.filter((i) => i.clientId === client.id);
  const theirs = ledger.payments.filter((p) => p.clientId === client.id);
  const refund = planRefund(target, mine, theirs, {
    amount,
    date,
    reason,
    outcome,
    toCredit: !!req.toCredit,
  });
  if (isRefusal(refund))
    throw new UserError(
      refund.message,
      refund.code === 'bad-amount' ? 'amount' : req.toCredit ? 'toCredit' : 'paymentId',
    );

  const refundId = opts.preview ? '' : tx.ids.next('receipt');
  const payments: Payment[] = refund.rows.map((r) => ({
    ...r,
    id: opts.preview ? '' : tx.ids.next('payment'),
    receiptId: refundId,
  }));
  const rows = new Map(mine.map((i) => [i.id, i.row]));
  const invoices = refund.parts.map((p) => ({ ...p.invoice, row: rows.get(p.invoiceId) }));
  const after = {
    ...ledger,
    invoices: merged(ledger.invoices, invoices),
    payments: [...ledger.payments, ...payments],
  };
  return {
    client,
    refundId,
    date,
    reason,
    outcome,
    refund,
    invoices,
    payments,
    creditAfter: creditOf(after.payments.filter((p) => p.clientId === client.id)),
    reports: clientReports(currentReports(tx, today), after, client, today),
  };
}

export const writeRefund: (tx: LedgerTx, plan: RefundActionPlan) => void = writeLedgerRows;

/** One line for the Log, the CLI and the sidebar. */
export function refundSummary(plan: RefundActionPlan): string {
  const r = plan.refund;
  const what = r.parts.map(
    (p) =>
      `${p.invoiceId} ${formatMoney(p.amount)} ${plan.outcome === 'withdrawn' ? (p.invoice.status === 'Cancelled' ? 'withdrawn (Cancelled)' : `withdrawn (now ${formatMoney(p.invoice.amount)})`) : `still owed (${p.invoice.status})`}`,
  );
  return [
    `${plan.refundId ? `${plan.refundId}: ` : ''}${formatMoney(r.amount)} of ${r.target.id} ${r.keptAsCredit ? 'moved to credit' : 'given back'} to ${plan.client.id} ${plan.client.name} on ${plan.date} (${plan.reason})`,
    r.fromCredit ? `${formatMoney(r.fromCredit)} from credit` : '',
    what.length ? `from ${what.join(', ')}` : '',
    r.keptAsCredit ? `${formatMoney(r.keptAsCredit)} kept as credit` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** A receipt or payment of the client's that can still give money back, for the sidebar to offer. */
export interface RefundChoice {
  id: string;
  kind: 'receipt' | 'payment';
  date: IsoDate;
  received: Cents;
  method: string;
  reference: string;
  invoiceIds: string[];
  canGiveBack: Cents;
}

export function refundChoices(ledger: Ledger, clientId: string): RefundChoice[] {
  const theirs = ledger.payments.filter((p) => p.clientId === clientId);
  const mine = ledger.invoices.filter((i) => i.clientId === clientId);
  const ids = new Set<string>();
  for (const p of theirs) {
    if (isRefundRow(p) || p.amount <= 0) continue;
    ids.add(p.receiptId || p.id);
  }
  const out: RefundChoice[] = [];
  for (const id of ids) {
    const t = findRefundTarget(theirs, id);
    if (isRefusal(t)) continue;
    const can = refundable(t, mine, theirs);
    if (can.total <= 0) continue;
    out.push({
      id: t.id,
      kind: t.kind,
      date: t.date,
      received: can.received,
      method: t.rows[0]!.method,
      reference: t.rows[0]!.reference,
      invoiceIds: t.rows.map((r) => r.invoiceId).filter(Boolean),
      canGiveBack: can.total,
    });
  }
  return out.sort((a, b) => compareDates(b.date, a.date) || (a.id < b.id ? 1 : -1));
}
