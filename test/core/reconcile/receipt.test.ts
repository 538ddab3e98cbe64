import { describe, expect, it } from 'vitest';
import { ClientBatches, planReportReceipt, type ReportReceipt } from '../../../src/core/reconcile';
import { inv, pay } from './rows';

const receipt = (over: Partial<ReportReceipt> = {}): ReportReceipt => ({
  clientId: 'C-0001',
  date: '2016-09-16',
  amount: 22000,
  batchId: 'B-000001',
  named: [],
  reference: 'ezidebit:P1',
  providerRef: 'P1',
  ...over,
});

describe('a payment read from a report', () => {
  it('pays its debit, then what is due by its date oldest first; the rest is credit by the same method', () => {
    const invoices = [
      inv({ id: 'INV-000003', dueDate: '2016-09-16', status: 'Sent', batchId: 'B-000001' }),
      inv({ id: 'INV-000001', dueDate: '2016-09-02', amount: 3000, status: 'Declined' }),
      inv({ id: 'INV-000002', dueDate: '2016-09-09', amount: 5000 }),
      inv({ id: 'INV-000004', dueDate: '2016-09-30' }),
    ];
    const plan = planReportReceipt(receipt({ amount: 40000 }), invoices, []);
    if (plan.already) throw new Error('not paid before');
    expect(plan.rows.map((r) => [r.invoiceId, r.amount, r.method, r.batchId, r.providerRef])).toEqual([
      ['INV-000003', 22000, 'DD report', 'B-000001', 'P1'],
      ['INV-000001', 3000, 'DD report', 'B-000001', 'P1'],
      ['INV-000002', 5000, 'DD report', 'B-000001', 'P1'],
      ['', 10000, 'DD report', 'B-000001', 'P1'],
    ]);
    expect(plan).toMatchObject({
      debitInvoices: ['INV-000003'],
      ahead: ['INV-000001', 'INV-000002'],
      credit: 10000,
      debitPaid: true,
    });
    expect(plan.invoices.map((i) => [i.id, i.status, i.paid])).toEqual([
      ['INV-000003', 'Paid', 22000],
      ['INV-000001', 'Paid', 3000],
      ['INV-000002', 'Paid', 5000],
    ]);
  });

  it('never pays twice what Mark batch processed recorded for the same debit', () => {
    const invoices = [inv({ id: 'INV-000001', status: 'Part paid', paid: 10000, batchId: 'B-000001' })];
    const payments = [pay({ id: 'P-000001', amount: 10000, method: 'Direct debit', batchId: 'B-000001' })];
    expect(planReportReceipt(receipt({ amount: 10000 }), invoices, payments)).toEqual({
      already: true,
      invoiceIds: ['INV-000001'],
      recorded: 10000,
    });
  });

  it('without a batch, skips an invoice in another batch being processed', () => {
    const invoices = [
      inv({ id: 'INV-000001', status: 'Sent', batchId: 'B-000002' }),
      inv({ id: 'INV-000002', amount: 5000 }),
    ];
    const plan = planReportReceipt(receipt({ batchId: null, amount: 5000 }), invoices, []);
    expect(plan).toMatchObject({ already: false, ahead: ['INV-000002'], credit: 0, debitPaid: true });
  });

  it('a debit of a written-off invoice that the bank paid after all is recovered credit, not "already paid"', () => {
    const invoices = [inv({ id: 'INV-000001', status: 'Written off', batchId: 'B-000001' })];
    const plan = planReportReceipt(receipt({ amount: 22000 }), invoices, []);
    if (plan.already) throw new Error('the money must be recorded');
    expect(plan.rows.map((r) => [r.invoiceId, r.amount, r.reason])).toEqual([
      ['', 22000, 'Recovered: INV-000001 was written off'],
    ]);
    expect(plan.credit).toBe(22000);
  });

  it("plans the same with the client's lists looked up by batch as with a pass over them", () => {
    const invoices = [
      inv({ id: 'INV-000001', status: 'Part paid', paid: 4000, batchId: 'B-000001' }),
      inv({ id: 'INV-000002', dueDate: '2016-09-02', status: 'Sent', batchId: 'B-000001' }),
      inv({ id: 'INV-000003', status: 'Sent', batchId: 'B-000002' }),
      inv({ id: 'INV-000004', amount: 5000 }),
    ];
    const payments = [
      pay({
        id: 'P-000001',
        invoiceId: 'INV-000001',
        amount: 4000,
        method: 'Direct debit',
        batchId: 'B-000001',
      }),
      pay({
        id: 'P-000002',
        invoiceId: 'INV-000003',
        amount: 1000,
        method: 'Direct debit',
        reference: 'B-000002',
      }),
    ];
    const batches = new ClientBatches(invoices, payments);
    for (const r of [
      receipt({ amount: 60000 }),
      receipt({ amount: 4000 }),
      receipt({ batchId: 'B-000002', amount: 1000 }),
      receipt({ batchId: 'B-000002', amount: 30000 }),
      receipt({ batchId: 'B-000009' }),
    ])
      expect(planReportReceipt(r, invoices, payments, batches)).toEqual(
        planReportReceipt(r, invoices, payments),
      );
    expect(batches.paymentsOf('B-000002').map((p) => p.id)).toEqual(['P-000002']);
    expect(batches.invoicesOf('B-000001').map((i) => i.id)).toEqual(['INV-000001', 'INV-000002']);
  });
});
