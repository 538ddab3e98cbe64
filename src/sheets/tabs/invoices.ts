import { encode, readChoice, readDate, readInt, readMoney, readText } from '../cells';
import type { RowCells } from '../changes';
import type { Invoice } from '../records';
import { INVOICE_STATUSES, TABS } from '../schema';
import { rowRecords } from '../rowRecords';
import type { Table } from '../table';

export const readInvoices: (t: Table) => Invoice[] = rowRecords((t, r): Invoice => ({
  row: r.rowNumber,
  id: readText(t, r, 'Invoice ID', { required: true }),
  saleId: readText(t, r, 'Sale ID'),
  clientId: readText(t, r, 'Client ID', { required: true }),
  description: readText(t, r, 'Description'),
  instalment: readInt(t, r, 'Instalment'),
  dueDate: readDate(t, r, 'Due Date', { required: true })!,
  amount: readMoney(t, r, 'Amount', { required: true })!,
  paid: readMoney(t, r, 'Paid') ?? 0,
  status: readChoice(t, r, 'Status', INVOICE_STATUSES, { fallback: 'Open' }),
  batchId: readText(t, r, 'Batch ID'),
  created: readDate(t, r, 'Created'),
  sentAmount: readMoney(t, r, 'Sent Amount'),
  declineReason: readText(t, r, 'Decline Reason'),
  declineCount: readInt(t, r, 'Decline Count') ?? undefined,
  writeOffReason: readText(t, r, 'Write-off Reason') || undefined,
  writeOffDate: readDate(t, r, 'Write-off Date') ?? undefined,
}));

export function invoiceCells(i: Invoice): RowCells {
  return {
    'Invoice ID': encode.text(i.id),
    'Sale ID': encode.text(i.saleId),
    'Client ID': encode.text(i.clientId),
    Description: encode.text(i.description),
    Instalment: encode.int(i.instalment),
    'Due Date': encode.date(i.dueDate),
    Amount: encode.money(i.amount),
    Paid: encode.money(i.paid),
    Status: encode.text(i.status),
    'Batch ID': encode.text(i.batchId),
    Balance: encode.money(i.amount - i.paid),
    Created: encode.date(i.created),
    'Sent Amount': encode.money(i.sentAmount),
    'Decline Reason': encode.text(i.declineReason),
    // Only a decline or a release sets the count, so older workbooks gain the column when first needed.
    ...(i.declineCount !== undefined ? { 'Decline Count': encode.int(i.declineCount) } : {}),
    // Set by a write-off and cleared (blank, not undefined) by its undo: the columns appear when first needed.
    ...(i.writeOffReason !== undefined ? { 'Write-off Reason': encode.text(i.writeOffReason) } : {}),
    ...(i.writeOffDate !== undefined ? { 'Write-off Date': encode.date(i.writeOffDate) } : {}),
  };
}

export const INVOICES = TABS.invoices;
