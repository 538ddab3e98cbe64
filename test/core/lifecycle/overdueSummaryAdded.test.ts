// A sale or an ad-hoc invoice only adds invoices: the stored summary with the new invoices' dues added
// equals the summary made afresh from the whole ledger (credit kept, due dates merged).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/core/calendar';
import {
  creditsByClient,
  duesByClient,
  summaryOf,
  withAddedDues,
} from '../../../src/core/lifecycle/overdueSummary';

const START = '2016-09-01';
const CLIENTS = ['C-0001', 'C-0002', 'C-0003'];
const STATUSES = ['Open', 'Part paid', 'Paid', 'Sent', 'Cancelled', 'Written off'] as const;

const invoiceArb = fc.record({
  clientId: fc.constantFrom(...CLIENTS),
  dueDate: fc.integer({ min: 0, max: 30 }).map((d) => addDays(START, d)),
  amount: fc.integer({ min: 1, max: 50_000 }),
  paid: fc.integer({ min: 0, max: 50_000 }),
  status: fc.constantFrom(...STATUSES),
});
const creditArb = fc.record({
  clientId: fc.constantFrom(...CLIENTS),
  amount: fc.integer({ min: -2_000, max: 20_000 }),
});

describe('the overdue summary after invoices are only added', () => {
  it('equals the summary made afresh', () => {
    fc.assert(
      fc.property(
        fc.array(invoiceArb, { maxLength: 20 }),
        fc.array(invoiceArb, { maxLength: 6 }),
        fc.array(creditArb, { maxLength: 5 }),
        (before, added, credits) => {
          const credit = creditsByClient(credits);
          const previous = summaryOf(START, duesByClient(before), credit);
          const updated = withAddedDues(previous, '2016-09-02', duesByClient(added));
          expect(updated).toEqual(summaryOf('2016-09-02', duesByClient([...before, ...added]), credit));
        },
      ),
      { seed: 15 },
    );
  });
});
