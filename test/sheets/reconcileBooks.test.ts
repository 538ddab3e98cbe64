// Reconcile keeps each client's books by batch while that client's lists stand: a change to one client
// (a receipt, a decline's rows) drops that client's book, and no other.
import { describe, expect, it } from 'vitest';
import type { Client, Invoice, Payment } from '../../src/core/ledger/records';
import { openDeclineLedger, putInvoice, putPayment } from '../../src/sheets/actions/declineLedger';
import { ReconcileBooks } from '../../src/sheets/actions/reconcileBooks';

const client = (id: string): Client => ({
  id,
  name: id,
  email: '',
  phone: '',
  billingMethod: 'DD Reconciliation',
  ddReference: id,
  bsb: '',
  accountNumber: '',
  accountName: '',
  status: 'Active',
});
const invoice = (id: string, clientId: string, batchId: string): Invoice => ({
  id,
  saleId: '',
  clientId,
  description: '',
  instalment: null,
  dueDate: '2026-11-02',
  amount: 5000,
  paid: 0,
  status: 'Sent',
  batchId,
  created: null,
  sentAmount: 5000,
  declineReason: '',
});
const payment = (id: string, clientId: string, batchId: string): Payment => ({
  id,
  date: '2026-11-03',
  clientId,
  invoiceId: '',
  amount: -1500,
  method: 'Decline',
  reference: '',
  batchId,
});

describe('the books Reconcile keeps by batch', () => {
  it("drops a client's book when its lists change, keeps the others'", () => {
    const ledger = openDeclineLedger(
      { dishonourFee: 1500, retryLimit: 2, abaUserId: '' },
      [client('C-1'), client('C-2')],
      [invoice('INV-1', 'C-1', 'B-1'), invoice('INV-2', 'C-2', 'B-1')],
      [],
    );
    const books = new ReconcileBooks(ledger);
    const one = books.of('C-1');
    const two = books.of('C-2');
    expect(books.of('C-1')).toBe(one);
    expect(one.paymentsOf('B-1')).toEqual([]);

    putPayment(ledger, payment('P-1', 'C-1', 'B-1'));
    const oneAgain = books.of('C-1');
    expect(oneAgain).not.toBe(one);
    expect(oneAgain.paymentsOf('B-1').map((p) => p.id)).toEqual(['P-1']);
    expect(books.of('C-2')).toBe(two);

    // A changed invoice (paid, re-sent in another batch) moves between batches in the new book.
    putInvoice(ledger, { ...invoice('INV-2', 'C-2', 'B-2'), status: 'Sent' });
    const twoAgain = books.of('C-2');
    expect(twoAgain).not.toBe(two);
    expect(twoAgain.invoicesOf('B-1')).toEqual([]);
    expect(twoAgain.invoicesOf('B-2').map((i) => i.id)).toEqual(['INV-2']);
    expect(books.of('C-1')).toBe(oneAgain);
  });
});
