// Process declines: the debits of some clients in a batch bounced. Their invoices go back to Declined
// (so they are due again in the next run), the batch's payments are reversed, and, when Settings has a
// Dishonour Fee, a fee invoice dated the day of the decline joins the client's next debit.
import { compareDates, type IsoDate } from '../../core/calendar';
import { formatMoney, type Cents } from '../../core/money';
import { readBatch } from '../batches';
import { UserError } from '../errors';
import type { LedgerTx } from '../ledgerTx';
import type { Invoice, Payment } from '../records';
import { readClients } from '../tabs/clients';
import { invoiceCells, readInvoices } from '../tabs/invoices';
import { paymentCells, readPayments } from '../tabs/payments';
import { readBillingSheet } from '../tabs/processBilling';
import { readSettings } from '../tabs/settings';
import { optionalDateField, textField } from './fields';

export const DECLINE_TABS = ['settings', 'clients', 'invoices', 'payments', 'processBilling'] as const;

export interface DeclineRequest {
  batchId?: string;
  date?: string;
  declines: { clientId: string; reason: string }[];
}

export interface DeclinePlan {
  batchId: string;
  date: IsoDate;
  invoices: Invoice[];
  reversals: Payment[];
  fees: Invoice[];
  clients: { clientId: string; name: string; reason: string; amount: Cents }[];
}

export const DECLINE_REASONS = [
  'Refer to customer',
  'Insufficient funds',
  'Payment stopped',
  'Account closed',
  'No account / incorrect account number',
  'Invalid BSB number',
  'Customer deceased',
];

/** Declining one client's part of a batch: shared by Process declines and by reconciling a report. */
export function declineClient(
  tx: LedgerTx,
  args: {
    batchId: string;
    clientId: string;
    reason: string;
    date: IsoDate;
    invoices: readonly Invoice[];
    payments: readonly Payment[];
    dishonourFee: Cents | null;
  },
): { invoices: Invoice[]; reversals: Payment[]; fee: Invoice | null; amount: Cents } {
  const { batchId, clientId, reason, date } = args;
  const theirs = args.invoices.filter(
    (i) => i.batchId === batchId && i.clientId === clientId && i.status !== 'Declined',
  );
  const invoices: Invoice[] = [];
  const reversals: Payment[] = [];
  let amount = 0;
  for (const inv of theirs) {
    if (inv.status === 'Cancelled') continue;
    // What this batch took from the invoice: its payments, net of any earlier reversal.
    const batchPaid = args.payments
      .filter((p) => p.invoiceId === inv.id && p.reference.split(' ')[0] === batchId)
      .reduce((s, p) => s + p.amount, 0);
    if (inv.status !== 'Sent' && batchPaid <= 0) continue;
    if (batchPaid > 0)
      reversals.push({
        id: tx.ids.next('payment'),
        date,
        clientId,
        invoiceId: inv.id,
        amount: -batchPaid,
        method: 'Decline',
        reference: `${batchId} declined: ${reason}`,
      });
    amount += batchPaid > 0 ? batchPaid : (inv.sentAmount ?? 0);
    invoices.push({ ...inv, paid: inv.paid - batchPaid, status: 'Declined', declineReason: reason });
  }
  const fee =
    invoices.length && args.dishonourFee
      ? {
          id: tx.ids.next('invoice'),
          saleId: '',
          clientId,
          description: `Dishonour fee: ${batchId} declined (${reason})`,
          instalment: null,
          dueDate: date,
          amount: args.dishonourFee,
          paid: 0,
          status: 'Open' as const,
          batchId: '',
          created: date,
        }
      : null;
  return { invoices, reversals, fee, amount };
}

export function planDeclines(tx: LedgerTx, req: DeclineRequest, today: IsoDate): DeclinePlan {
  const sheet = readBillingSheet(tx.table('processBilling'));
  const batchId = textField(req.batchId, 'batchId', 'Batch') || sheet.batchId;
  if (!batchId) throw new UserError('Which batch? The Process Billing tab holds none.', 'batchId');
  const date = optionalDateField(req.date, 'date', 'Decline date') ?? today;
  if (!Array.isArray(req.declines) || !req.declines.length)
    throw new UserError('Pick at least one declined client.', 'declines');
  const settings = readSettings(tx.table('settings'), today, tx.port.timeZone());
  const clients = new Map(readClients(tx.table('clients')).map((c) => [c.id, c]));
  const invoices = readInvoices(tx.table('invoices'));
  const payments = readPayments(tx.table('payments'));
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
  const plan: DeclinePlan = { batchId, date, invoices: [], reversals: [], fees: [], clients: [] };
  for (const d of req.declines) {
    const clientId = textField(d.clientId, 'declines', 'Client', { required: true });
    const reason = textField(d.reason, 'declines', 'Reason', { max: 100 }) || 'Declined';
    const r = declineClient(tx, {
      batchId,
      clientId,
      reason,
      date,
      invoices,
      payments,
      dishonourFee: settings.dishonourFee,
    });
    if (!r.invoices.length)
      throw new UserError(
        `${clientId} has nothing in batch ${batchId} to decline (declined already, or not in it).`,
        'declines',
      );
    plan.invoices.push(...r.invoices);
    plan.reversals.push(...r.reversals);
    if (r.fee) plan.fees.push(r.fee);
    plan.clients.push({ clientId, name: clients.get(clientId)?.name ?? clientId, reason, amount: r.amount });
  }
  return plan;
}

export function writeDeclines(tx: LedgerTx, plan: DeclinePlan): void {
  for (const inv of plan.invoices) tx.update('invoices', inv.row!, invoiceCells(inv));
  for (const fee of plan.fees) tx.append('invoices', invoiceCells(fee));
  for (const p of plan.reversals) tx.append('payments', paymentCells(p));
}

export function declineSummary(plan: DeclinePlan): string {
  return plan.clients.map((c) => `${c.clientId} ${formatMoney(c.amount)} (${c.reason})`).join(', ');
}
