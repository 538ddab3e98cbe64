// Payments for a batch: "Mark batch processed" (the debits of a sent batch went through) and
// "Mark list paid" (the Reconciliation method: the DD company debited on its own schedule).
import { spreadOldestFirst } from '../../core/billing/spreadPayment';
import {
  balanceOf,
  isRefusal,
  sendInvoice,
  settleInvoice,
  type Refusal,
} from '../../core/ledger/invoiceState';
import type { IsoDate } from '../../core/calendar';
import type { Cents } from '../../core/money';
import { readBatch, writeBatch } from '../batches';
import { UserError } from '../errors';
import type { LedgerTx } from '../ledgerTx';
import type { Invoice, Payment } from '../records';
import { soundLedgerFor } from '../integrity';
import { invoiceCells, readInvoices } from '../tabs/invoices';
import { paymentCells, readPayments } from '../tabs/payments';
import { readBillingSheet, renderBillingSheet } from '../tabs/processBilling';
import { checkBillingSheet, checkRowCurrent } from './exportDebits';

export const SETTLE_TABS = ['invoices', 'payments', 'processBilling'] as const;

export interface Settlement {
  batchId: string;
  date: IsoDate;
  invoices: Invoice[];
  payments: Payment[];
  total: Cents;
  clients: number;
}

/**
 * The batch to mark processed when none is named: the one whose debits were sent and are waiting (has
 * Sent invoices). Not the Process Billing tab's: after the next run that is a draft nobody sent yet. With
 * none waiting, the tab's batch is taken, so the refusal says where it stands (draft, processed already).
 */
export function waitingBatch(
  invoices: readonly Invoice[],
  getProperty: (k: string) => string | null,
  sheetBatchId: string,
): string {
  const waiting = [
    ...new Set(invoices.filter((i) => i.status === 'Sent' && i.batchId).map((i) => i.batchId)),
  ];
  if (waiting.length === 1) return waiting[0]!;
  if (!waiting.length) {
    if (sheetBatchId) return sheetBatchId;
    throw new UserError('No batch is waiting to be marked processed: no invoice is Sent.', 'batchId');
  }
  const listed = waiting
    .sort()
    .map((id) => {
      const date = readBatch(getProperty, id)?.billingDate;
      return date ? `${id} (billed ${date})` : id;
    })
    .join(', ');
  throw new UserError(
    `${waiting.length} batches are Sent and waiting: ${listed}. Say which one to mark processed.`,
    'batchId',
  );
}

/** The sent invoices of a batch become Paid (or Part paid when less was debited), with Payments rows. */
export function planMarkProcessed(tx: LedgerTx, batchIdIn: string | undefined): Settlement {
  const sheet = readBillingSheet(tx.table('processBilling'));
  const all = readInvoices(tx.table('invoices'));
  soundLedgerFor(tx, { invoices: all, payments: readPayments(tx.table('payments')) });
  const getProperty = (k: string) => tx.port.getProperty(k);
  const batchId = (batchIdIn ?? '').trim() || waitingBatch(all, getProperty, sheet.batchId);
  const batch = readBatch(getProperty, batchId);
  const inBatch = all.filter((i) => i.batchId === batchId);
  const sent = inBatch.filter((i) => i.status === 'Sent');
  if (!inBatch.length)
    throw new UserError(
      batch?.status === 'Draft'
        ? `Batch ${batchId} is a draft: its debit file was never made, so nothing was sent to process.`
        : `No invoice is in batch ${batchId}.`,
      'batchId',
    );
  if (!sent.length)
    throw new UserError(
      `Batch ${batchId} was marked processed already: none of its invoices is waiting as Sent.`,
      'batchId',
    );
  const date = batch?.billingDate ?? (sheet.batchId === batchId ? sheet.billingDate : null);
  if (!date) throw new UserError(`Batch ${batchId} has no billing date on record.`, 'batchId');
  const invoices: Invoice[] = [];
  const payments: Payment[] = [];
  for (const inv of sent) {
    const amount = inv.sentAmount ?? balanceOf(inv);
    invoices.push(settled(settleInvoice(inv, amount)));
    payments.push({
      id: tx.ids.next('payment'),
      date,
      clientId: inv.clientId,
      invoiceId: inv.id,
      amount,
      method: 'Direct debit',
      reference: batchId,
      batchId,
    });
  }
  return {
    batchId,
    date,
    invoices,
    payments,
    total: payments.reduce((s, p) => s + p.amount, 0),
    clients: new Set(payments.map((p) => p.clientId)).size,
  };
}

/** Reconciliation method: the included rows of DD Reconciliation clients are paid on the billing date. */
export function planMarkListPaid(tx: LedgerTx): Settlement {
  const sheet = readBillingSheet(tx.table('processBilling'));
  checkBillingSheet(sheet, (id) => readBatch((k) => tx.port.getProperty(k), id));
  if (sheet.status === 'Marked paid')
    throw new UserError(`The list for batch ${sheet.batchId} was marked paid already.`);
  const rows = sheet.rows.filter(
    (r) => r.billingMethod === 'DD Reconciliation' && r.include && r.amountToDebit > 0,
  );
  if (!rows.length)
    throw new UserError(
      'No DD Reconciliation client is ticked on the Process Billing tab; nothing to mark paid.',
    );
  const all = readInvoices(tx.table('invoices'));
  // The check's index of the invoices (no ID repeats once it passed) serves the lookups below.
  const byId = soundLedgerFor(tx, { invoices: all, payments: readPayments(tx.table('payments')) }).invoices!;
  const invoices: Invoice[] = [];
  const payments: Payment[] = [];
  for (const r of rows) {
    const list = checkRowCurrent(r, byId, sheet.billingDate);
    const spread = spreadOldestFirst(
      list.map((i) => ({ id: i.id, balance: balanceOf(i) })),
      r.amountToDebit,
    );
    for (const part of spread.parts) {
      const inv = list.find((i) => i.id === part.invoiceId)!;
      // What the DD company was told to take is the batch's part of the invoice, then it was taken.
      const sent = sendInvoice(inv, sheet.batchId, part.amount);
      invoices.push(settled(isRefusal(sent) ? sent : settleInvoice(sent, part.amount)));
      payments.push({
        id: tx.ids.next('payment'),
        date: sheet.billingDate,
        clientId: inv.clientId,
        invoiceId: inv.id,
        amount: part.amount,
        method: 'DD Reconciliation',
        reference: sheet.batchId,
        batchId: sheet.batchId,
      });
    }
  }
  return {
    batchId: sheet.batchId,
    date: sheet.billingDate,
    invoices,
    payments,
    total: payments.reduce((s, p) => s + p.amount, 0),
    clients: rows.length,
  };
}

/** A refusal here means the tab and the invoices disagree in a way the checks above should have caught. */
function settled(x: Invoice | Refusal): Invoice {
  if (isRefusal(x)) throw new UserError(x.message);
  return x as Invoice;
}

export function writeSettlement(tx: LedgerTx, s: Settlement, status: 'Processed' | 'Marked paid'): void {
  for (const inv of s.invoices) tx.update('invoices', inv.row!, invoiceCells(inv));
  for (const p of s.payments) tx.append('payments', paymentCells(p));
  const sheet = readBillingSheet(tx.table('processBilling'));
  if (sheet.batchId === s.batchId) tx.rewrite('processBilling', renderBillingSheet({ ...sheet, status }));
  const previous = readBatch((k) => tx.port.getProperty(k), s.batchId);
  writeBatch((k, v) => tx.setProperty(k, v), {
    ...previous,
    batchId: s.batchId,
    billingDate: s.date,
    status,
  });
}
