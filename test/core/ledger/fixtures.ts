import type { Invoice, Payment } from '../../../src/core/ledger';

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
  method: 'Direct debit',
  reference: '',
  ...over,
});
