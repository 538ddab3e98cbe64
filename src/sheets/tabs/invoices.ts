import { encode, rowReader } from '../cells';
import type { RowCells } from '../changes';
import type { Invoice } from '../records';
import { INVOICE_STATUSES, TABS } from '../schema';
import { rowRecords } from '../rowRecords';
import type { Table, TableRow } from '../table';

/** Every invoice row, each column found once (a tab of 200,000 rows is read on every billing day). */
export function readInvoices(t: Table): Invoice[] {
  return invoiceRows(t);
}

const invoiceRows = rowRecords((t: Table) => {
  const read = rowReader(t);
  const col = {
    id: read.column('Invoice ID'),
    sale: read.column('Sale ID'),
    client: read.column('Client ID'),
    description: read.column('Description'),
    instalment: read.column('Instalment'),
    due: read.column('Due Date'),
    amount: read.column('Amount'),
    paid: read.column('Paid'),
    status: read.column('Status'),
    batch: read.column('Batch ID'),
    created: read.column('Created'),
    sent: read.column('Sent Amount'),
    declineReason: read.column('Decline Reason'),
    declineCount: read.column('Decline Count'),
    writeOffReason: read.column('Write-off Reason'),
    writeOffDate: read.column('Write-off Date'),
  };
  return (r: TableRow): Invoice => ({
    row: r.rowNumber,
    id: read.text(r, col.id, true),
    saleId: read.text(r, col.sale),
    clientId: read.text(r, col.client, true),
    description: read.text(r, col.description),
    instalment: read.int(r, col.instalment),
    dueDate: read.date(r, col.due, true)!,
    amount: read.money(r, col.amount, true)!,
    paid: read.money(r, col.paid) ?? 0,
    status: read.choice(r, col.status, INVOICE_STATUSES, 'Open'),
    batchId: read.text(r, col.batch),
    created: read.date(r, col.created),
    sentAmount: read.money(r, col.sent),
    declineReason: read.text(r, col.declineReason),
    declineCount: read.int(r, col.declineCount) ?? undefined,
    writeOffReason: read.text(r, col.writeOffReason) || undefined,
    writeOffDate: read.date(r, col.writeOffDate) ?? undefined,
  });
});

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
