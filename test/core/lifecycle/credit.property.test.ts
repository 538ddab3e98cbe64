// Each client's credit on a date gathers only the rows creditOf counts: the same amounts, and the clients
// in the same order (their first row dated by then), as the old way kept here as the reference.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../../src/core/calendar';
import { creditByClient } from '../../../src/core/lifecycle/credit';
import { referenceCreditByClient } from './creditReference';
import type { Payment } from '../../../src/core/ledger/records';

const reference = referenceCreditByClient;

const payment = fc
  .record({
    day: fc.integer({ min: 0, max: 90 }),
    client: fc.integer({ min: 1, max: 8 }),
    credit: fc.boolean(),
    amount: fc.oneof(fc.integer({ min: -50_000, max: 50_000 }), fc.constantFrom(0, 500, -500)),
  })
  .map(({ day, client, credit, amount }): Payment => ({
    id: `P-${day}-${client}`,
    date: addDays('2016-09-01', day),
    clientId: `C-${client}`,
    invoiceId: credit ? '' : `INV-${day}`,
    amount,
    method: credit ? 'Credit' : 'DD report',
    reference: '',
  }));

describe('each client’s credit on a date', () => {
  it('the same clients, amounts and order as grouping every row', () => {
    fc.assert(
      fc.property(fc.array(payment, { maxLength: 60 }), fc.integer({ min: -5, max: 95 }), (rows, day) => {
        const asOf = addDays('2016-09-01', day);
        expect([...creditByClient(rows, asOf)]).toEqual([...reference(rows, asOf)]);
      }),
      { numRuns: 500 },
    );
  });

  it('a client first seen on an invoice payment keeps that place, ahead of a later credit-only client', () => {
    const rows: Payment[] = [
      {
        id: 'P-1',
        date: '2016-09-01',
        clientId: 'C-2',
        invoiceId: 'INV-1',
        amount: 100,
        method: 'DD report',
        reference: '',
      },
      {
        id: 'P-2',
        date: '2016-09-02',
        clientId: 'C-1',
        invoiceId: '',
        amount: 700,
        method: 'Cash',
        reference: '',
      },
      {
        id: 'P-3',
        date: '2016-09-03',
        clientId: 'C-2',
        invoiceId: '',
        amount: 300,
        method: 'Cash',
        reference: '',
      },
      {
        id: 'P-4',
        date: '2016-09-09',
        clientId: 'C-3',
        invoiceId: '',
        amount: 900,
        method: 'Cash',
        reference: '',
      },
    ];
    expect([...creditByClient(rows, '2016-09-05')]).toEqual([
      ['C-2', 300],
      ['C-1', 700],
    ]);
  });
});
