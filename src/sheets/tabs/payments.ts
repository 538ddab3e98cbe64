import { encode, readDate, readMoney, readText } from '../cells';
import type { RowCells } from '../changes';
import type { Payment } from '../records';
import { TABS } from '../schema';
import { rowRecords } from '../rowRecords';
import type { Table } from '../table';

export const readPayments: (t: Table) => Payment[] = rowRecords((t, r): Payment => ({
  row: r.rowNumber,
  id: readText(t, r, 'Payment ID', { required: true }),
  date: readDate(t, r, 'Date', { required: true })!,
  clientId: readText(t, r, 'Client ID'),
  invoiceId: readText(t, r, 'Invoice ID'),
  amount: readMoney(t, r, 'Amount', { required: true })!,
  method: readText(t, r, 'Method'),
  reference: readText(t, r, 'Reference'),
  batchId: readText(t, r, 'Batch ID'),
  providerRef: readText(t, r, 'Provider Ref'),
  receiptId: readText(t, r, 'Receipt ID'),
  refundOf: readText(t, r, 'Refund Of'),
  reason: readText(t, r, 'Reason'),
}));

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
