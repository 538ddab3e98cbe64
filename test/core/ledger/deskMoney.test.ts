// The desk's money rules in core: what a receipt pays, and what a refund may take back and from where.
import { describe, expect, it } from 'vitest';
import { planDeskReceipt } from '../../../src/core/ledger/deskReceipt';
import type { Invoice } from '../../../src/core/ledger/records';
import {
  findRefundTarget,
  planRefund,
  refundable,
  type RefundPlan,
  type RefundTarget,
} from '../../../src/core/ledger/refund';
import { inv, pay } from './fixtures';

const withdrawn = {
  amount: null,
  date: '2016-09-25',
  reason: 'x',
  outcome: 'withdrawn',
  toCredit: false,
} as const;

describe('a desk receipt', () => {
  it('pays a named Held invoice (it stays held until paid) and the rest by the rule', () => {
    const held = inv({ id: 'INV-000002', status: 'Held', dueDate: '2016-09-30' });
    const due = inv({ id: 'INV-000001', dueDate: '2016-09-16' });
    const plan = planDeskReceipt([due, held], {
      clientId: 'C-0001',
      amount: 30000,
      date: '2016-09-20',
      method: 'Cash',
      reference: '',
      invoiceId: 'INV-000002',
    });
    expect(plan).toMatchObject({
      parts: [
        { invoiceId: 'INV-000002', amount: 22000 },
        { invoiceId: 'INV-000001', amount: 8000 },
      ],
      credit: 0,
      invoices: [{ status: 'Paid' }, { status: 'Part paid', paid: 8000 }],
    });
  });

  it('refuses a named invoice that is Cancelled or paid', () => {
    const r = (status: Invoice['status'], paid = 0) =>
      planDeskReceipt([inv({ id: 'INV-000001', status, paid })], {
        clientId: 'C-0001',
        amount: 100,
        date: '2016-09-20',
        method: 'Cash',
        reference: '',
        invoiceId: 'INV-000001',
      });
    expect(r('Cancelled')).toMatchObject({
      refused: true,
      message: 'INV-000001 is Cancelled: nothing is owed on it.',
    });
    expect(r('Paid', 22000)).toMatchObject({ refused: true, message: 'INV-000001 is paid already.' });
  });
});

describe('a refund', () => {
  const target = (payments: Parameters<typeof findRefundTarget>[0], id: string) =>
    findRefundTarget(payments, id) as RefundTarget;

  it('of a debit reversed by a decline has nothing left to give back', () => {
    const payments = [
      pay({ id: 'P-000001', method: 'Direct debit', batchId: 'B-000001' }),
      pay({ id: 'P-000002', amount: -22000, method: 'Decline', batchId: 'B-000001', date: '2016-09-20' }),
    ];
    const declined = inv({ id: 'INV-000001', status: 'Declined', paid: 0 });
    const t = target(payments, 'p-000001');
    expect(t).toMatchObject({ id: 'P-000001', kind: 'payment' });
    expect(refundable(t, [declined], payments).total).toBe(0);
    expect(planRefund(t, [declined], payments, withdrawn)).toMatchObject({
      refused: true,
      message: 'P-000001 can give back at most $0.00 (received $220.00): nothing is left to give back.',
    });
  });

  it('is refused for rows that are no money received', () => {
    const payments = [
      pay({ id: 'P-000001', amount: -22000, method: 'Decline' }),
      pay({ id: 'P-000002', method: 'Credit' }),
      pay({ id: 'P-000003', amount: -100, method: 'Refund', refundOf: 'R-000001', receiptId: 'R-000002' }),
    ];
    expect(findRefundTarget(payments, 'P-000001')).toMatchObject({
      message: 'P-000001 records a declined debit, not money received.',
    });
    expect(findRefundTarget(payments, 'P-000002')).toMatchObject({
      message:
        'P-000002 is credit moving onto an invoice, not money received: refund the payment the credit came from.',
    });
    expect(findRefundTarget(payments, 'R-000002')).toMatchObject({
      message: 'R-000002 is a refund: a refund cannot be refunded.',
    });
  });

  it('leaves an invoice in a Sent batch alone, and says when its credit was spent since', () => {
    const payments = [
      pay({ id: 'P-000001', invoiceId: 'INV-000001', amount: 5000, method: 'Cash', receiptId: 'R-000001' }),
      pay({ id: 'P-000002', invoiceId: '', amount: 3000, method: 'Cash', receiptId: 'R-000001' }),
      // The upkeep spent $20 of the credit on another invoice.
      pay({ id: 'P-000003', invoiceId: '', amount: -2000, method: 'Credit' }),
      pay({ id: 'P-000004', invoiceId: 'INV-000002', amount: 2000, method: 'Credit' }),
    ];
    const sent = inv({
      id: 'INV-000001',
      status: 'Sent',
      paid: 5000,
      batchId: 'B-000003',
      sentAmount: 17000,
    });
    const t = target(payments, 'R-000001');
    expect(refundable(t, [sent], payments)).toMatchObject({ credit: 1000, creditSpent: 2000, total: 6000 });
    // $10 of credit comes back; more reaches the Sent invoice and is refused.
    expect((planRefund(t, [sent], payments, { ...withdrawn, amount: 1000 }) as RefundPlan).fromCredit).toBe(
      1000,
    );
    expect(planRefund(t, [sent], payments, { ...withdrawn, amount: 1500 })).toMatchObject({
      refused: true,
      message: 'INV-000001 is in batch B-000003, being debited: refund it once the bank has answered.',
    });
    expect(planRefund(t, [sent], payments, { ...withdrawn, amount: 6001 })).toMatchObject({
      refused: true,
      message:
        'A refund of $60.01 is more than R-000001 can give back at most $60.00 (received $80.00, $20.00 of its credit spent on invoices since).',
    });
  });

  it('still owed cannot bring back a Cancelled or written-off charge', () => {
    const payments = [pay({ id: 'P-000001', method: 'Cash', amount: 5000 })];
    const off = inv({ id: 'INV-000001', status: 'Written off', paid: 5000 });
    expect(
      planRefund(target(payments, 'P-000001'), [off], payments, { ...withdrawn, outcome: 'still owed' }),
    ).toMatchObject({
      refused: true,
      message:
        'INV-000001 is Written off: its refunded part cannot be owed again (undo the write-off first); refund it as withdrawn.',
    });
    const plan = planRefund(target(payments, 'P-000001'), [off], payments, withdrawn) as RefundPlan;
    expect(plan.parts[0]!.invoice).toMatchObject({ status: 'Written off', amount: 17000, paid: 0 });
  });
});
