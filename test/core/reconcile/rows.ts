// Report rows, invoices and payments for the reconcile planning tests.
import type { Invoice, Payment } from '../../../src/core/ledger';
import type { ReportRow } from '../../../src/core/reports';

export const row = (over: Partial<ReportRow> = {}): ReportRow => ({
  rowNumber: 2,
  paymentId: 'P1',
  references: ['HPT-BEN'],
  clientName: 'Ben',
  date: '2016-09-16',
  settlementDate: null,
  amount: 22000,
  outcome: 'paid',
  reason: null,
  returnCode: null,
  raw: {},
  ...over,
});

export const inv = (over: Partial<Invoice> & { id: string }): Invoice => ({
  saleId: 'S-000001',
  clientId: 'C-0001',
  description: 'PT',
  instalment: 1,
  dueDate: '2016-09-16',
  amount: 22000,
  paid: 0,
  status: 'Open',
  batchId: '',
  ...over,
});

export const pay = (over: Partial<Payment> & { id: string }): Payment => ({
  date: '2016-09-16',
  clientId: 'C-0001',
  invoiceId: 'INV-000001',
  amount: 22000,
  method: 'DD report',
  reference: 'ezidebit:P1',
  providerRef: 'P1',
  ...over,
});
