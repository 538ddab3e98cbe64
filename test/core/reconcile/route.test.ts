import { describe, expect, it } from 'vitest';
import { routeDecline, standingReceipts, type DeclineFacts } from '../../../src/core/reconcile';
import type { Payment } from '../../../src/core/ledger';
import { inv, pay } from './rows';

const facts = (over: Partial<DeclineFacts>, payments: Payment[] = []): DeclineFacts => {
  const of = (c: string) => payments.filter((p) => p.clientId === c);
  return {
    kind: 'declined',
    providerRef: 'P1',
    byRef: standingReceipts(
      payments.filter((p) => p.providerRef === 'P1'),
      of,
    ),
    clientId: 'C-0001',
    batchId: null,
    date: '2016-09-16',
    amount: 22000,
    datedByDebit: true,
    clientReceipts: () => standingReceipts(of('C-0001'), of).standing,
    clientInvoices: () => [],
    ...over,
  };
};

describe('which debit a declined row joins', () => {
  it('a standing payment with its Provider Ref: the debit it paid (its batch), or the receipt itself', () => {
    const batched = [pay({ id: 'P-000001', batchId: 'B-000001' })];
    expect(routeDecline(facts({}, batched))).toMatchObject({ via: 'debit', batchId: 'B-000001' });
    const unbatched = [pay({ id: 'P-000001' })];
    expect(routeDecline(facts({ clientId: null }, unbatched))).toMatchObject({
      via: 'unbatched',
      clientId: 'C-0001',
      receipt: { amount: 22000 },
    });
  });

  it('several standing payments, or another client’s, are To check; one taken back already is applied', () => {
    const two = [
      pay({ id: 'P-000001', reference: 'mapped:P1' }),
      pay({ id: 'P-000002', reference: 'mapped:P1', date: '2016-09-30' }),
    ];
    expect(routeDecline(facts({}, two))).toMatchObject({ via: 'check' });
    expect(routeDecline(facts({ clientId: 'C-0002' }, [pay({ id: 'P-000001' })]))).toMatchObject({
      via: 'check',
      note: "Provider Ref P1 is the payment C-0001's of 2016-09-16, but the row's reference names C-0002",
    });
    const back = [
      pay({ id: 'P-000001' }),
      pay({ id: 'P-000002', amount: -22000, method: 'Decline', refundOf: 'P-000001' }),
    ];
    expect(routeDecline(facts({}, back))).toMatchObject({ via: 'already' });
  });

  it('a negative amount with no standing payment is To check, never a payment', () => {
    expect(routeDecline(facts({ kind: 'reversal' }))).toMatchObject({ via: 'check' });
  });

  it('a first decline: the debit of its batch; without one, the unpaid invoices of its date', () => {
    expect(routeDecline(facts({ batchId: 'B-000001' }))).toMatchObject({ via: 'debit', receipt: null });
    const invoices = [
      inv({ id: 'INV-000001', dueDate: '2016-09-09', status: 'Paid', paid: 22000 }),
      inv({ id: 'INV-000002', dueDate: '2016-09-16' }),
    ];
    expect(routeDecline(facts({ clientInvoices: () => invoices }))).toMatchObject({
      via: 'unbatched',
      receipt: null,
      unpaid: ['INV-000002'],
    });
    // The invoices of that date are paid, and nothing is there to take back.
    expect(
      routeDecline(facts({ date: '2016-09-09', clientInvoices: () => invoices.slice(0, 1) })),
    ).toMatchObject({ via: 'check' });
  });

  it('without a batch or Provider Ref match: a report’s receipt of that debit’s date and amount', () => {
    const receipts = [
      pay({ id: 'P-000001', providerRef: '' }),
      pay({ id: 'P-000002', date: '2016-09-09', providerRef: '' }),
    ];
    expect(routeDecline(facts({ providerRef: '' }, receipts))).toMatchObject({
      via: 'unbatched',
      receipt: { date: '2016-09-16' },
    });
    // Dated by its line (a reversal days later): the latest receipt before it.
    expect(
      routeDecline(facts({ providerRef: '', date: '2016-09-19', datedByDebit: false }, receipts)),
    ).toMatchObject({ via: 'unbatched', receipt: { date: '2016-09-16' } });
  });
});
