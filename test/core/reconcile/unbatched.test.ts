import { describe, expect, it } from 'vitest';
import { declineRule, isRefusal, type DeclineOutcome } from '../../../src/core/ledger';
import { planUnbatchedDecline, standingReceipts } from '../../../src/core/reconcile';
import { inv, pay } from './rows';

const ctx = { client: null, dishonourFee: 1500, retryLimit: 2 };
const base = {
  clientId: 'C-0001',
  date: '2016-09-22',
  rule: declineRule({ code: '6' }),
  providerRef: 'P1',
  debitKey: 'ezidebit:P1',
  note: 'Refer to customer',
};

describe('a decline of a debit with no batch', () => {
  it('takes back the receipt (its invoice part and its credit), with one fee; no Batch ID is written', () => {
    const payments = [pay({ id: 'P-000001' }), pay({ id: 'P-000002', invoiceId: '', amount: 3000 })];
    const invoices = [inv({ id: 'INV-000001', status: 'Paid', paid: 22000 })];
    const [receipt] = standingReceipts(payments, () => payments).standing;
    const o = planUnbatchedDecline(
      { ...base, receipt: receipt!, unpaid: [] },
      { ...ctx, invoices, payments },
    ) as DeclineOutcome;
    expect(o.invoices).toEqual([
      expect.objectContaining({
        id: 'INV-000001',
        status: 'Declined',
        paid: 0,
        batchId: '',
        declineCount: 1,
      }),
    ]);
    expect(o.rows.map((r) => [r.invoiceId, r.amount, r.method, r.batchId, r.refundOf, r.reference])).toEqual([
      ['INV-000001', -22000, 'Decline', '', 'P-000001', 'ezidebit:P1 declined: Refer to customer'],
      ['', -3000, 'Decline', '', 'P-000002', 'ezidebit:P1 declined: Refer to customer'],
    ]);
    expect(o.fee).toMatchObject({ amount: 1500, dueDate: '2016-09-22', batchId: '' });
    expect(o.fee!.description).toBe('Dishonour fee: ezidebit:P1 declined (Refer to customer (code 6))');
    expect(o.amount).toBe(25000);
  });

  it('a debit never paid: its invoices due again, no row written', () => {
    const invoices = [inv({ id: 'INV-000002' })];
    const o = planUnbatchedDecline(
      { ...base, receipt: null, unpaid: ['INV-000002'] },
      { ...ctx, invoices, payments: [] },
    );
    expect(isRefusal(o)).toBe(false);
    expect(o).toMatchObject({ rows: [], invoices: [{ id: 'INV-000002', status: 'Declined', batchId: '' }] });
  });
});
