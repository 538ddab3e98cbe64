// Reworking one client's report rows must give what a rebuild gives. An invoice's payments are matched
// by Invoice ID (paidByInvoice), so a hand-kept Payments row without the client's ID still pays it.
import { describe, expect, it } from 'vitest';
import { clientReports } from '../../src/sheets/actions/clientReports';
import { planReports, type Ledger } from '../../src/sheets/actions/reports';
import type { Client, Invoice, Payment } from '../../src/sheets/records';

const TODAY = '2016-09-20';
const client = (id: string, name: string): Client => ({
  id,
  name,
  email: '',
  phone: '',
  billingMethod: 'Manual',
  ddReference: '',
  bsb: '',
  accountNumber: '',
  accountName: '',
  status: 'Active',
});
const invoice = (id: string, clientId: string, amount: number): Invoice => ({
  id,
  saleId: '',
  clientId,
  description: 'Fee',
  instalment: null,
  dueDate: '2016-09-01',
  amount,
  paid: 0,
  status: 'Open',
  batchId: '',
});
const payment = (id: string, clientId: string, invoiceId: string, amount: number): Payment => ({
  id,
  date: '2016-09-10',
  clientId,
  invoiceId,
  amount,
  method: 'Cash',
  reference: '',
});

describe('clientReports against a rebuild', () => {
  it("counts a Payments row of the client's invoice that has no Client ID", () => {
    const a = client('C-0001', 'Ann');
    const b = client('C-0002', 'Bo');
    const before: Ledger = {
      clients: [a, b],
      sales: [],
      invoices: [invoice('INV-000001', 'C-0001', 10000), invoice('INV-000002', 'C-0002', 5000)],
      allocations: [],
      attendance: [],
      // Typed in by hand: Invoice ID, no Client ID.
      payments: [payment('P-000001', '', 'INV-000001', 6000)],
    };
    const current = planReports(before, TODAY);
    // The desk records 1000 more against the same invoice.
    const after: Ledger = {
      ...before,
      payments: [...before.payments, payment('P-000002', 'C-0001', 'INV-000001', 1000)],
    };
    const rebuilt = planReports(after, TODAY);
    expect(rebuilt.outstanding.clients.find((c) => c.clientId === 'C-0001')?.owed).toBe(3000);
    const reworked = clientReports(
      { outstanding: current.outstanding, balances: current.balances },
      after,
      a,
      TODAY,
    );
    expect(reworked.outstanding).toEqual(rebuilt.outstanding);
    expect(reworked.balances).toEqual(rebuilt.balances);
  });
});
