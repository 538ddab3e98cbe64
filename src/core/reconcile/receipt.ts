// A payment read from a report is a receipt like any other: it pays the debit it was for (the invoices of
// its batch, or those the report names), then, by the one rule for every receipt, the client's invoices due
// on or before its date, oldest first; the rest is the client's credit, a row with a blank Invoice ID that
// keeps the method it arrived by. What Mark batch processed or Mark list paid recorded for the same debit
// is never paid twice.
import type { IsoDate } from '../calendar';
import { batchOfPayment } from '../ledger/debitStory';
import { balanceOf, isRefusal, settleInvoice } from '../ledger/invoiceState';
import { oldestFirst, planReceipt, type ReceiptPart } from '../ledger/receipts';
import type { Invoice, Payment } from '../ledger/records';
import { recoveredReason } from '../ledger/writeOff';
import type { ClientBatches } from './clientBatches';
import type { Cents } from '../money';

/** The Payments Method of money a report says was received. */
export const REPORT_METHOD = 'DD report';

export interface ReportReceipt {
  clientId: string;
  date: IsoDate;
  amount: Cents;
  /** The batch whose debit this is, when known. */
  batchId: string | null;
  /** Invoices the report names (Invoice ID references); otherwise the batch's are the debit's. */
  named: readonly string[];
  reference: string;
  providerRef: string;
}

export type PaymentDraft = Omit<Payment, 'id'>;

export type ReceiptPlan =
  | {
      already: true;
      /** The debit's invoices, paid already. */
      invoiceIds: string[];
      /** What the batch recorded already (Mark batch processed, Mark list paid); 0 when they were paid another way. */
      recorded: Cents;
    }
  | {
      already: false;
      /** The invoices paid, as they are now. */
      invoices: Invoice[];
      /** Payments rows to append: one per invoice paid, then the credit (if any). */
      rows: PaymentDraft[];
      /** The debit's own invoices paid, then the others. */
      debitInvoices: string[];
      ahead: string[];
      credit: Cents;
      /** Every invoice of the debit is paid in full now. */
      debitPaid: boolean;
    };

const UNPAYABLE = new Set(['Paid', 'Cancelled', 'Written off']);

/** What this batch recorded on these invoices by other means than a report (net of its reversals). */
function recordedByBatch(
  payments: readonly Payment[],
  batchId: string,
  invoiceIds: readonly string[],
): Cents {
  let sum = 0;
  // The batch first: a cheap test that fails for nearly every row of a client's history.
  for (const p of payments)
    if (
      p.invoiceId &&
      batchOfPayment(p) === batchId &&
      p.method !== REPORT_METHOD &&
      invoiceIds.includes(p.invoiceId)
    )
      sum += p.amount;
  return sum;
}

/** The invoices of the debit: those the report names, else the batch's; oldest first. */
function debitOf(
  r: ReportReceipt,
  clientInvoices: readonly Invoice[],
  batches: ClientBatches | undefined,
): readonly Invoice[] {
  let debit: readonly Invoice[];
  if (r.named.length) {
    const named: Invoice[] = [];
    for (const id of r.named) {
      const inv = clientInvoices.find((i) => i.id === id);
      if (inv) named.push(inv);
    }
    debit = named;
  } else if (r.batchId && batches) {
    debit = batches.invoicesOf(r.batchId);
  } else if (r.batchId) {
    debit = clientInvoices.filter((i) => i.batchId === r.batchId);
  } else debit = [];
  // A debit is mostly one invoice, or a few already in order: sorted (a copy) only when they are not.
  for (let k = 1; k < debit.length; k++)
    if (oldestFirst(debit[k - 1]!, debit[k]!) > 0) return [...debit].sort(oldestFirst);
  return debit;
}

/** The IDs of a debit's invoices, each once (a debit has a few: a list, not a set, per report row). */
function idsOf(debit: readonly Invoice[]): string[] {
  const ids: string[] = [];
  for (const i of debit) if (!ids.includes(i.id)) ids.push(i.id);
  return ids;
}

/**
 * `batches`, when given, is made from these same lists: the batch's invoices and payments are looked up
 * instead of found by a pass over the client's history.
 */
export function planReportReceipt(
  r: ReportReceipt,
  clientInvoices: readonly Invoice[],
  clientPayments: readonly Payment[],
  batches?: ClientBatches,
): ReceiptPlan {
  // Per report row: no map of the client's whole history until an invoice is paid.
  const debit = debitOf(r, clientInvoices, batches);
  const debitIds = idsOf(debit);
  const recorded = r.batchId
    ? recordedByBatch(batches ? batches.paymentsOf(r.batchId) : clientPayments, r.batchId, debitIds)
    : 0;
  if (r.batchId && recorded >= r.amount) return { already: true, invoiceIds: debitIds, recorded };
  const owing = debit.filter((i) => !UNPAYABLE.has(i.status) && balanceOf(i) > 0);
  // A debit of a written-off invoice that the bank paid after all is money received: recovered credit.
  const writtenOff = debit.find((i) => i.status === 'Written off');
  if (debit.length && !owing.length && !writtenOff)
    return { already: true, invoiceIds: debitIds, recorded: 0 };

  let left = r.amount - Math.max(0, recorded);
  const parts: ReceiptPart[] = [];
  for (const inv of owing) {
    if (left <= 0) break;
    const take = Math.min(balanceOf(inv), left);
    parts.push({ invoiceId: inv.id, amount: take });
    left -= take;
  }
  let credit = 0;
  if (left > 0) {
    const rest = planReceipt(
      clientInvoices.filter((i) => !debitIds.includes(i.id)),
      left,
      r.date,
    );
    parts.push(...rest.parts);
    credit = rest.credit;
  }

  const invoices: Invoice[] = [];
  const byId = new Map(clientInvoices.map((i) => [i.id, i]));
  for (const part of parts) {
    const next = settleInvoice(byId.get(part.invoiceId)!, part.amount);
    // The parts fit each invoice's balance: a refusal here is a bug, not a user's error.
    if (isRefusal(next)) throw new Error(next.message);
    invoices.push(next);
  }
  const row = (invoiceId: string, amount: Cents): PaymentDraft => ({
    date: r.date,
    clientId: r.clientId,
    invoiceId,
    amount,
    method: REPORT_METHOD,
    reference: r.reference,
    batchId: r.batchId ?? '',
    providerRef: r.providerRef,
  });
  const rows = parts.map((p) => row(p.invoiceId, p.amount));
  if (credit > 0)
    rows.push(writtenOff ? { ...row('', credit), reason: recoveredReason(writtenOff.id) } : row('', credit));
  const paidIds = parts.map((p) => p.invoiceId);
  const mine = paidIds.filter((id) => debitIds.includes(id));
  const settled = new Map(invoices.map((i) => [i.id, i]));
  const judged = debit.length ? debit.map((i) => settled.get(i.id) ?? i) : invoices;
  return {
    already: false,
    invoices,
    rows,
    debitInvoices: mine,
    ahead: paidIds.filter((id) => !debitIds.includes(id)),
    credit,
    debitPaid: judged.length > 0 && judged.every((i) => i.status === 'Paid'),
  };
}
