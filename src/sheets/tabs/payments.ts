import { encode, rowReader } from '../cells';
import type { RowCells } from '../changes';
import type { Payment } from '../records';
import { TABS } from '../schema';
import { rowRecords } from '../rowRecords';
import type { Table, TableRow } from '../table';

export function readPayments(t: Table): Payment[] {
  return paymentRows(t);
}

const paymentRows = rowRecords((t: Table) => {
  const read = rowReader(t);
  const col = {
    id: read.column('Payment ID'),
    date: read.column('Date'),
    client: read.column('Client ID'),
    invoice: read.column('Invoice ID'),
    amount: read.column('Amount'),
    method: read.column('Method'),
    reference: read.column('Reference'),
    batch: read.column('Batch ID'),
    providerRef: read.column('Provider Ref'),
    receipt: read.column('Receipt ID'),
    refundOf: read.column('Refund Of'),
    reason: read.column('Reason'),
  };
  return (r: TableRow): Payment => ({
    row: r.rowNumber,
    id: read.text(r, col.id, true),
    date: read.date(r, col.date, true)!,
    clientId: read.text(r, col.client),
    invoiceId: read.text(r, col.invoice),
    amount: read.money(r, col.amount, true)!,
    method: read.text(r, col.method),
    reference: read.text(r, col.reference),
    batchId: read.text(r, col.batch),
    providerRef: read.text(r, col.providerRef),
    receiptId: read.text(r, col.receipt),
    refundOf: read.text(r, col.refundOf),
    reason: read.text(r, col.reason),
  });
});

export function paymentCells(p: Payment): RowCells {
  return {
    'Payment ID': encode.text(p.id),
    Date: encode.date(p.date),
    'Client ID': encode.text(p.clientId),
    'Invoice ID': encode.text(p.invoiceId),
    Amount: encode.money(p.amount),
    Method: encode.text(p.method),
    Reference: encode.text(p.reference),
    // The newer columns are written only when they hold something, so an older workbook gains each one
    // when it is first needed.
    ...optional('Batch ID', p.batchId),
    ...optional('Provider Ref', p.providerRef),
    ...optional('Receipt ID', p.receiptId),
    ...optional('Refund Of', p.refundOf),
    ...optional('Reason', p.reason),
  };
}

function optional(header: string, value: string | undefined): RowCells {
  return value ? { [header]: encode.text(value) } : {};
}

export const PAYMENTS = TABS.payments;
