// Record payment: money a client hands over at the desk (cash, card, bank transfer, other), for any billing
// method. It follows the one rule for receipts (planDeskReceipt): a named invoice first, then what is due by
// its date, oldest first, the rest credit; invoices in a Sent batch are skipped and named. One Payments row
// per invoice paid (and one for the credit), all with the receipt's Receipt ID; the invoices settled; the
// client's rows of the Outstanding and Balances tabs refreshed (clientReports). A preview reserves no ID.
import type { IsoDate } from '../../core/calendar';
import {
  DESK_METHODS,
  planDeskReceipt,
  type DeskMethod,
  type DeskReceiptPlan,
} from '../../core/ledger/deskReceipt';
import { isRefusal } from '../../core/ledger/invoiceState';
import { creditOf } from '../../core/ledger/receipts';
import { formatMoney, type Cents } from '../../core/money';
import { UserError } from '../errors';
import { assertLedgerSound } from '../integrity';
import type { LedgerTx, TxColumns, TxOptions } from '../ledgerTx';
import type { Client, Invoice, Payment } from '../records';
import { findClient } from './attendance';
import { deskDate } from './deskDate';
import { writeLedgerRows } from './writeLedgerRows';
import { dateTextFor, moneyField, textField } from './fields';
import { planCreditSpend, settled } from './spendCredit';
import { readClientLedger } from './clientLedger';
import { clientReports, currentReports } from './clientReports';
import { merged, readLedger, REPORT_TABS, type Reports } from './reports';

export const PAYMENT_TABS = REPORT_TABS;

/**
 * The columns of the history tabs a desk payment reads (every tab it reads is whole but these; the rest
 * of their columns are neither read nor written): what its readers decode and its plan, integrity check,
 * reports, overdue summary and receipt use, and what it writes back.
 * - Invoices: the IDs, client and sale (integrity, the client's rows), Due Date, Amount, Paid, Status,
 *   Batch ID and Sent Amount (what may be paid), Balance (written back), Created (the desk date's first
 *   record), Description (the receipt's lines), Decline Reason and Write-off Date (Outstanding).
 *   Not Instalment, Decline Count or Write-off Reason: a payment neither uses nor changes them.
 * - Payments: all but Reference, Batch ID, Provider Ref, Refund Of and Reason (statements' and refunds').
 * - Allocations: all but Cycle. Attendance: all (the Balances tab).
 */
export const PAYMENT_COLUMNS: TxColumns = {
  invoices: [
    'Invoice ID',
    'Sale ID',
    'Client ID',
    'Description',
    'Due Date',
    'Amount',
    'Paid',
    'Status',
    'Batch ID',
    'Balance',
    'Created',
    'Sent Amount',
    'Decline Reason',
    'Write-off Date',
  ],
  payments: ['Payment ID', 'Date', 'Client ID', 'Invoice ID', 'Amount', 'Method', 'Receipt ID'],
  allocations: ['Allocation ID', 'Sale ID', 'Client ID', 'Date', 'Sessions'],
  attendance: ['Date', 'Client ID', 'Sessions', 'Sale ID'],
};

/** How Record payment (and its preview) reads: PAYMENT_TABS, the history tabs by PAYMENT_COLUMNS. */
export const PAYMENT_READ: TxOptions = { columns: PAYMENT_COLUMNS };

export interface PaymentRequest {
  clientId: string;
  amount: string | number;
  /** Cash (default), Card, Bank transfer or Other. */
  method?: string;
  /** The day the money was received (default today). */
  date?: string;
  reference?: string;
  /** The invoice the client is paying; blank: the one rule decides. */
  invoiceId?: string;
  /** 'iso': dates in messages as YYYY-MM-DD (the command line). */
  dates?: 'iso' | 'display';
}

export interface PaymentPlan {
  client: Client;
  /** Blank in a preview. */
  receiptId: string;
  date: IsoDate;
  amount: Cents;
  method: DeskMethod;
  reference: string;
  receipt: DeskReceiptPlan;
  /** The invoices paid, as they will be (each with its row). */
  invoices: Invoice[];
  payments: Payment[];
  /** The client's unspent credit after it. */
  creditAfter: Cents;
  reports: Reports;
}

export function methodField(value: unknown): DeskMethod {
  const typed = textField(value, 'method', 'Method');
  if (!typed) return 'Cash';
  const m = DESK_METHODS.find((x) => x.toLowerCase() === typed.toLowerCase());
  if (!m) throw new UserError(`Method "${typed}" is not one of ${DESK_METHODS.join(', ')}.`, 'method');
  return m;
}

export function planRecordPayment(
  tx: LedgerTx,
  req: PaymentRequest,
  today: IsoDate,
  opts: { preview?: boolean } = {},
): PaymentPlan {
  // With today's reports on their tabs, only the client's rows are worked out: see clientReports.
  const current = currentReports(tx, today);
  const ledger = current ? readClientLedger(tx, today, req.clientId) : readLedger(tx, today);
  assertLedgerSound(ledger);
  const client = findClient(ledger.clients, req.clientId);
  const amount = moneyField(req.amount, 'amount', 'Amount');
  if (amount <= 0) throw new UserError('Amount must be more than $0.00.', 'amount');
  const method = methodField(req.method);
  const date = deskDate(req.date, 'Date', today, ledger, client, dateTextFor(req.dates));
  const reference = textField(req.reference, 'reference', 'Reference', { max: 120 });
  const invoiceIdIn = textField(req.invoiceId, 'invoiceId', 'Invoice');
  const mine = ledger.invoices.filter((i) => i.clientId === client.id);
  let invoiceId: string | undefined;
  if (invoiceIdIn) {
    const named = ledger.invoices.find((i) => i.id.toLowerCase() === invoiceIdIn.toLowerCase());
    if (!named) throw new UserError(`No invoice ${invoiceIdIn} on the Invoices tab.`, 'invoiceId');
    if (named.clientId !== client.id)
      throw new UserError(
        `${named.id} is ${named.clientId}'s invoice, not ${client.id} ${client.name}'s (Invoices row ${named.row ?? 0}).`,
        'invoiceId',
      );
    invoiceId = named.id;
  }

  // Credit is money the client already gave: it pays what is due by the date before the new money does.
  const credit = planCreditSpend(tx, {
    clients: new Set([client.id]),
    date,
    invoices: mine,
    payments: ledger.payments,
    preview: opts.preview,
  });
  const owing = settled(mine, credit);
  if (
    invoiceId &&
    owing.find((i) => i.id === invoiceId)!.paid >= owing.find((i) => i.id === invoiceId)!.amount
  )
    invoiceId = undefined; // the credit paid it: the money goes by the one rule
  const receipt = planDeskReceipt(owing, {
    clientId: client.id,
    amount,
    date,
    method,
    reference,
    invoiceId,
  });
  if (isRefusal(receipt)) throw new UserError(receipt.message, invoiceId ? 'invoiceId' : 'amount');

  const receiptId = opts.preview ? '' : tx.ids.next('receipt');
  const payments: Payment[] = [
    ...credit.payments,
    ...receipt.rows.map((r) => ({
      ...r,
      id: opts.preview ? '' : tx.ids.next('payment'),
      receiptId,
    })),
  ];
  const rows = new Map(mine.map((i) => [i.id, i.row]));
  // The receipt's copy of an invoice already includes what the credit paid on it.
  const byId = new Map<string, Invoice>();
  for (const i of [...credit.invoices, ...receipt.invoices]) byId.set(i.id, { ...i, row: rows.get(i.id) });
  const invoices = [...byId.values()];
  const after = {
    ...ledger,
    invoices: merged(ledger.invoices, invoices),
    payments: [...ledger.payments, ...payments],
  };
  return {
    client,
    receiptId,
    date,
    amount,
    method,
    reference,
    receipt,
    invoices,
    payments,
    creditAfter: creditOf(after.payments.filter((p) => p.clientId === client.id)),
    reports: clientReports(current, after, client, today),
  };
}

export const writeRecordPayment: (tx: LedgerTx, plan: PaymentPlan) => void = writeLedgerRows;

/** One line for the Log, the CLI and the sidebar. */
export function paymentSummary(plan: PaymentPlan): string {
  const r = plan.receipt;
  const paid = r.parts.map((p) => `${p.invoiceId} ${formatMoney(p.amount)}`);
  const parts = [
    `${plan.receiptId ? `${plan.receiptId}: ` : ''}${formatMoney(plan.amount)} ${plan.method} from ${plan.client.id} ${plan.client.name} on ${plan.date}`,
    paid.length ? `paid ${paid.join(', ')}` : 'no invoice due to pay',
    r.recovered
      ? `${formatMoney(r.recovered.amount)} recovered for ${r.recovered.invoiceId} (written off), kept as credit`
      : '',
    r.credit - (r.recovered?.amount ?? 0) > 0
      ? `${formatMoney(r.credit - (r.recovered?.amount ?? 0))} kept as credit`
      : '',
    r.skipped.length
      ? `skipped (in a debit being processed): ${r.skipped.map((s) => `${s.invoiceId} in ${s.batchId}`).join(', ')}`
      : '',
  ];
  return parts.filter(Boolean).join('; ');
}
