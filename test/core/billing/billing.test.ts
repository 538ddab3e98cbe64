import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { debitLines, isDue, type BillableInvoice } from '../../../src/core/billing/dueInvoices';
import { spreadOldestFirst } from '../../../src/core/billing/spreadPayment';
import { statusAfterPayment } from '../../../src/core/billing/invoiceState';

const inv = (
  id: string,
  clientId: string,
  dueDate: string,
  amount: number,
  paid = 0,
  status: BillableInvoice['status'] = 'Open',
): BillableInvoice => ({
  id,
  clientId,
  dueDate,
  amount,
  paid,
  status,
});

describe('due invoices', () => {
  it('collects Open, Part paid and Declined invoices due by the billing date, one line per client, oldest first', () => {
    const lines = debitLines(
      [
        inv('INV-000003', 'C-1', '2016-09-16', 22000),
        inv('INV-000001', 'C-1', '2016-09-14', 4995),
        inv('INV-000002', 'C-2', '2016-09-16', 16000, 10000, 'Part paid'),
        inv('INV-000004', 'C-2', '2016-09-02', 1500, 0, 'Declined'),
        inv('INV-000005', 'C-3', '2016-09-17', 16000), // after the billing date
        inv('INV-000006', 'C-3', '2016-09-16', 16000, 0, 'Sent'),
        inv('INV-000007', 'C-3', '2016-09-16', 16000, 16000, 'Paid'),
        inv('INV-000008', 'C-3', '2016-09-16', 16000, 0, 'Cancelled'),
      ],
      '2016-09-16',
    );
    expect(lines).toEqual([
      { clientId: 'C-1', invoiceIds: ['INV-000001', 'INV-000003'], amountDue: 26995 },
      { clientId: 'C-2', invoiceIds: ['INV-000004', 'INV-000002'], amountDue: 7500 },
    ]);
  });

  it('never collects an invoice with nothing left to pay', () => {
    expect(isDue(inv('I', 'C', '2016-01-01', 100, 100, 'Part paid'), '2016-02-01')).toBe(false);
  });
});

describe('spreading a payment', () => {
  it('settles the oldest first and keeps an overpayment', () => {
    expect(
      spreadOldestFirst(
        [
          { id: 'a', balance: 4995 },
          { id: 'b', balance: 22000 },
        ],
        10000,
      ),
    ).toEqual({
      parts: [
        { invoiceId: 'a', amount: 4995 },
        { invoiceId: 'b', amount: 5005 },
      ],
      leftover: 0,
    });
    expect(spreadOldestFirst([{ id: 'a', balance: 100 }], 250)).toEqual({
      parts: [{ invoiceId: 'a', amount: 100 }],
      leftover: 150,
    });
  });

  it('never loses or invents a cent, and never pays an invoice more than its balance', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        (balances, amount) => {
          const owing = balances.map((b, i) => ({ id: `i${i}`, balance: b }));
          const { parts, leftover } = spreadOldestFirst(owing, amount);
          expect(parts.reduce((s, p) => s + p.amount, 0) + leftover).toBe(amount);
          for (const p of parts)
            expect(p.amount).toBeLessThanOrEqual(owing.find((o) => o.id === p.invoiceId)!.balance);
          if (leftover > 0)
            expect(parts.reduce((s, p) => s + p.amount, 0)).toBe(balances.reduce((s, b) => s + b, 0));
        },
      ),
    );
  });

  it('settles into Paid, Part paid or Open', () => {
    expect([
      statusAfterPayment(22000, 22000),
      statusAfterPayment(22000, 100),
      statusAfterPayment(22000, 0),
    ]).toEqual(['Paid', 'Part paid', 'Open']);
  });
});
