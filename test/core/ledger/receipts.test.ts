import { describe, expect, it } from 'vitest';
import { creditOf, creditPair, planReceipt } from '../../../src/core/ledger';
import { inv, pay } from './fixtures';

describe('one rule for every receipt', () => {
  const invoices = [
    inv({ id: 'INV-000003', dueDate: '2016-09-30', amount: 22000 }),
    inv({ id: 'INV-000001', dueDate: '2016-09-16', amount: 22000, paid: 2000, status: 'Part paid' }),
    inv({
      id: 'INV-000002',
      dueDate: '2016-09-16',
      amount: 5000,
      status: 'Sent',
      batchId: 'B-000002',
      sentAmount: 5000,
    }),
    inv({ id: 'INV-000004', dueDate: '2016-10-14', amount: 22000 }),
    inv({ id: 'INV-000005', dueDate: '2016-09-01', amount: 1500, status: 'Written off' }),
  ];

  it('pays invoices due by its date oldest first, skips and names those in a Sent batch, keeps the rest as credit', () => {
    const r = planReceipt(invoices, 50000, '2016-09-30');
    expect(r.parts).toEqual([
      { invoiceId: 'INV-000001', amount: 20000 },
      { invoiceId: 'INV-000003', amount: 22000 },
    ]);
    expect(r.credit).toBe(8000);
    expect(r.skipped).toEqual([{ invoiceId: 'INV-000002', batchId: 'B-000002' }]);
  });

  it('credit is the sum of unallocated rows, and a spend is a pair that leaves the sum unchanged', () => {
    const pair = creditPair({ invoiceId: 'INV-000004', amount: 3000 }, 'C-0001', '2016-10-14', {
      out: 'P-000010',
      in: 'P-000011',
    });
    const rows = [pay({ id: 'P-000001', invoiceId: '', amount: 8000, method: 'DD report' }), ...pair];
    expect(creditOf(rows)).toBe(5000);
    expect(rows.reduce((s, p) => s + p.amount, 0)).toBe(8000);
    expect(pair.map((p) => p.method)).toEqual(['Credit', 'Credit']);
  });
});
