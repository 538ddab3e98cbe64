// google.script.run targets of the Record payment sidebar (also the CLI's pay and refund): money received
// at the desk, and money given back. Previews write nothing and reserve no ID.
import { DESK_METHODS } from '../core/ledger/deskReceipt';
import { balanceOf } from '../core/ledger/invoiceState';
import { creditOf } from '../core/ledger/receipts';
import type { Cents } from '../core/money';
import { findClient } from '../sheets/actions/attendance';
import {
  PAYMENT_READ,
  PAYMENT_TABS,
  paymentSummary,
  planRecordPayment,
  writeRecordPayment,
  type PaymentPlan,
  type PaymentRequest,
} from '../sheets/actions/recordPayment';
import {
  planRefundAction,
  REFUND_TABS,
  refundChoices,
  refundSummary,
  writeRefund,
  type RefundActionPlan,
  type RefundChoice,
  type RefundRequest,
} from '../sheets/actions/refund';
import { readLedger, REPORT_TABS, writeReports } from '../sheets/actions/reports';
import { LedgerTx } from '../sheets/ledgerTx';
import { readClients } from '../sheets/tabs/clients';
import { context, type Request } from './context';
import { withDocumentLock } from './lock';
import { attempt, plain, type Result } from './result';

export interface DeskForm {
  today: string;
  methods: string[];
  clients: { id: string; name: string }[];
}

export function getDeskForm(req?: Request): Result<DeskForm> {
  return attempt(() => {
    const ctx = context(req);
    const tx = new LedgerTx(ctx.port, ['clients']);
    return plain({
      today: ctx.today,
      methods: [...DESK_METHODS],
      clients: readClients(tx.table('clients'))
        .map((c) => ({ id: c.id, name: c.name }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    });
  });
}

export interface DeskInvoice {
  id: string;
  description: string;
  dueDate: string;
  amount: Cents;
  balance: Cents;
  status: string;
  batchId: string;
  /** What a desk payment may pay on it: the balance, or of a Sent invoice the part its debit does not take. */
  payable: Cents;
}

export interface DeskClient {
  clientId: string;
  name: string;
  billingMethod: string;
  credit: Cents;
  /** Invoices with a balance (not Cancelled), oldest due first. */
  invoices: DeskInvoice[];
  /** Money received that can still be given back, newest first. */
  refundable: RefundChoice[];
}

/** A client's invoices with a balance, credit and refundable receipts, for the sidebar. */
export function getDeskClient(req: { clientId: string } & Request): Result<DeskClient> {
  return attempt(() => {
    const ctx = context(req);
    const ledger = readLedger(new LedgerTx(ctx.port, REPORT_TABS), ctx.today);
    const client = findClient(ledger.clients, req.clientId);
    const invoices = ledger.invoices
      .filter((i) => i.clientId === client.id && i.status !== 'Cancelled' && balanceOf(i) > 0)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id))
      .map((i) => ({
        id: i.id,
        description: i.description,
        dueDate: i.dueDate,
        amount: i.amount,
        balance: balanceOf(i),
        status: i.status,
        batchId: i.batchId,
        payable: i.status === 'Sent' ? balanceOf(i) - (i.sentAmount ?? balanceOf(i)) : balanceOf(i),
      }));
    return plain({
      clientId: client.id,
      name: client.name,
      billingMethod: client.billingMethod,
      credit: creditOf(ledger.payments.filter((p) => p.clientId === client.id)),
      invoices,
      refundable: refundChoices(ledger, client.id),
    });
  });
}

export interface PaymentView {
  /** Blank in a preview. */
  receiptId: string;
  clientId: string;
  name: string;
  date: string;
  amount: Cents;
  method: string;
  reference: string;
  paid: { invoiceId: string; description: string; amount: Cents; status: string; balance: Cents }[];
  /** Kept as credit, the recovered part included. */
  credit: Cents;
  recovered: { invoiceId: string; amount: Cents } | null;
  skipped: { invoiceId: string; batchId: string }[];
  paymentIds: string[];
  creditAfter: Cents;
  summary: string;
}

function paymentView(p: PaymentPlan): PaymentView {
  const byId = new Map(p.invoices.map((i) => [i.id, i]));
  return plain({
    receiptId: p.receiptId,
    clientId: p.client.id,
    name: p.client.name,
    date: p.date,
    amount: p.amount,
    method: p.method,
    reference: p.reference,
    paid: p.receipt.parts.map((part) => {
      const inv = byId.get(part.invoiceId)!;
      return {
        invoiceId: part.invoiceId,
        description: inv.description,
        amount: part.amount,
        status: inv.status,
        balance: balanceOf(inv),
      };
    }),
    credit: p.receipt.credit,
    recovered: p.receipt.recovered,
    skipped: p.receipt.skipped,
    paymentIds: p.payments.map((x) => x.id),
    creditAfter: p.creditAfter,
    summary: paymentSummary(p),
  });
}

/** What Record payment would do, without writing or reserving an ID. */
export function previewPayment(req: PaymentRequest & Request): Result<PaymentView> {
  return attempt(() => {
    const ctx = context(req);
    return paymentView(
      planRecordPayment(new LedgerTx(ctx.port, PAYMENT_TABS, PAYMENT_READ), req, ctx.today, {
        preview: true,
      }),
    );
  });
}

export function recordPayment(req: PaymentRequest & Request): Result<PaymentView> {
  return attempt(() => {
    const ctx = context(req);
    return withDocumentLock(() => {
      const tx = new LedgerTx(ctx.port, PAYMENT_TABS, PAYMENT_READ);
      const plan = planRecordPayment(tx, req, ctx.today);
      writeRecordPayment(tx, plan);
      writeReports(tx, plan.reports, ctx.timestamp());
      tx.commit('Record payment', paymentSummary(plan), ctx.timestamp());
      return paymentView(plan);
    });
  });
}

export interface RefundView {
  /** The refund's own Receipt ID; blank in a preview. */
  refundId: string;
  of: string;
  clientId: string;
  name: string;
  date: string;
  amount: Cents;
  reason: string;
  outcome: string;
  fromCredit: Cents;
  parts: { invoiceId: string; amount: Cents; status: string; invoiceAmount: Cents; balance: Cents }[];
  keptAsCredit: Cents;
  paymentIds: string[];
  /** What the receipt can still give back after this. */
  left: Cents;
  creditAfter: Cents;
  summary: string;
}

function refundView(p: RefundActionPlan): RefundView {
  return plain({
    refundId: p.refundId,
    of: p.refund.target.id,
    clientId: p.client.id,
    name: p.client.name,
    date: p.date,
    amount: p.refund.amount,
    reason: p.reason,
    outcome: p.outcome,
    fromCredit: p.refund.fromCredit,
    parts: p.refund.parts.map((x) => ({
      invoiceId: x.invoiceId,
      amount: x.amount,
      status: x.invoice.status,
      invoiceAmount: x.invoice.amount,
      balance: balanceOf(x.invoice),
    })),
    keptAsCredit: p.refund.keptAsCredit,
    paymentIds: p.payments.map((x) => x.id),
    left: p.refund.left,
    creditAfter: p.creditAfter,
    summary: refundSummary(p),
  });
}

/** What the refund would do, without writing or reserving an ID. */
export function previewRefund(req: RefundRequest & Request): Result<RefundView> {
  return attempt(() => {
    const ctx = context(req);
    return refundView(
      planRefundAction(new LedgerTx(ctx.port, REFUND_TABS), req, ctx.today, { preview: true }),
    );
  });
}

export function refundPayment(req: RefundRequest & Request): Result<RefundView> {
  return attempt(() => {
    const ctx = context(req);
    return withDocumentLock(() => {
      const tx = new LedgerTx(ctx.port, REFUND_TABS);
      const plan = planRefundAction(tx, req, ctx.today);
      writeRefund(tx, plan);
      writeReports(tx, plan.reports, ctx.timestamp());
      tx.commit('Refund', refundSummary(plan), ctx.timestamp());
      return refundView(plan);
    });
  });
}
