import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Payment } from '../../../src/core/ledger';
import { standingReceipts } from '../../../src/core/reconcile';
import { pay } from './rows';
import { referenceStandingReceipts } from './standingReference';

// A client's rows over a few debits: receipts, declines of a batch, refunds of one row, spent credit.
const paymentRow = (n: number) =>
  fc
    .record({
      clientId: fc.constantFrom('C-0001', 'C-0002', 'C-0003'),
      method: fc.constantFrom('DD report', 'DD report', 'Decline', 'Credit', 'Cash'),
      batchId: fc.constantFrom('', '', 'B-000001', 'B-000002'),
      reference: fc.constantFrom('ezidebit:P1', 'ezidebit:P2', 'B-000001 declined', 'B-000002', 'desk'),
      providerRef: fc.option(fc.constantFrom('P1', 'P2'), { nil: undefined }),
      amount: fc.integer({ min: -30000, max: 30000 }),
      refundOf: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
      date: fc.constantFrom('2016-09-16', '2016-10-16'),
    })
    .map((r): Payment =>
      pay({
        ...r,
        id: `P-${String(n).padStart(6, '0')}`,
        refundOf: r.refundOf === undefined ? undefined : `P-${String(r.refundOf).padStart(6, '0')}`,
      }),
    );

const ledger = fc
  .integer({ min: 0, max: 12 })
  .chain((size) => fc.tuple(...Array.from({ length: size }, (_, i) => paymentRow(i + 1))));

describe('standingReceipts', () => {
  it('finds the same receipts, with what stands of each, as the pass per receipt did', () => {
    fc.assert(
      fc.property(ledger, fc.constantFrom('P1', 'P2', null), (rows, ref) => {
        const of = (c: string) => rows.filter((p) => p.clientId === c);
        const candidates = ref === null ? of('C-0001') : rows.filter((p) => p.providerRef === ref);
        expect(standingReceipts(candidates, of)).toEqual(referenceStandingReceipts(candidates, of));
      }),
      { numRuns: 3000 },
    );
  });

  it('a receipt of a declined batch, or one refunded in full, no longer stands; a part refund leaves the rest', () => {
    const rows = [
      pay({ id: 'P-000001', batchId: 'B-000001', providerRef: 'P1', reference: 'ezidebit:P1' }),
      pay({
        id: 'P-000002',
        batchId: 'B-000001',
        amount: 0,
        method: 'Decline',
        reference: 'B-000001 declined',
      }),
      pay({ id: 'P-000003', providerRef: 'P1', reference: 'ezidebit:P3', date: '2016-10-16' }),
      pay({ id: 'P-000004', amount: -5000, method: 'Refund', refundOf: 'P-000003', reference: 'refund' }),
      pay({ id: 'P-000005', providerRef: 'P1', reference: 'ezidebit:P5', date: '2016-11-16' }),
      pay({ id: 'P-000006', amount: -22000, method: 'Refund', refundOf: 'P-000005', reference: 'refund' }),
    ];
    const of = (c: string) => rows.filter((p) => p.clientId === c);
    const got = standingReceipts(rows, of);
    expect(got.found).toBe(true);
    expect(got.standing.map((s) => [s.reference, s.amount])).toEqual([['ezidebit:P3', 17000]]);
  });
});
