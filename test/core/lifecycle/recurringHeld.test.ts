// Recurring packages with a hold and a cancellation: the seed's fortnightly PT, 4 sessions a cycle.
import { describe, expect, it } from 'vitest';
import { rollRecurring, type PackageDef, type SaleTerms } from '../../../src/core/packageKinds';
import { NO_LIFE, rollRecurringHeld } from '../../../src/core/lifecycle';

const pkg: PackageDef = {
  code: 'PT2W',
  name: 'PT 2 a week',
  kind: 'Recurring',
  sessions: 4,
  price: 16000,
  instalments: null,
  frequency: 'Fortnightly',
};
const terms: SaleTerms = {
  saleId: 'S-1',
  clientId: 'C-1',
  pkg,
  saleDate: '2016-09-13',
  startDate: '2016-09-16',
  dueDate: '2016-09-16',
};
const rows = (p: ReturnType<typeof rollRecurringHeld>) =>
  p.invoices.map((i, n) => [
    i.instalment,
    i.dueDate,
    i.amount,
    p.allocations[n]!.date,
    p.allocations[n]!.sessions,
  ]);

describe('rolling a recurring sale with holds', () => {
  it('without a hold it is rollRecurring exactly', () => {
    expect(rollRecurringHeld(terms, NO_LIFE, new Set([1]), '2016-12-31')).toEqual(
      rollRecurring(terms, new Set([1]), '2016-12-31'),
    );
  });

  it('skips the cycle inside the hold: no invoice, no sessions; later cycles shift one billing day', () => {
    const life = { holds: [{ from: '2016-10-01', to: '2016-10-20' }], endsOn: null };
    expect(rows(rollRecurringHeld(terms, life, new Set([1]), '2016-11-11'))).toEqual([
      [2, '2016-09-30', 16000, '2016-09-30', 4],
      [3, '2016-10-28', 16000, '2016-10-28', 4],
      [4, '2016-11-11', 16000, '2016-11-11', 4],
    ]);
    // Rolling in steps creates the same rows, never twice.
    const first = rollRecurringHeld(terms, life, new Set([1]), '2016-10-20');
    expect(first.invoices.map((i) => i.instalment)).toEqual([2]);
    const rest = rollRecurringHeld(terms, life, new Set([1, 2]), '2016-11-11');
    expect(rest.invoices.map((i) => [i.instalment, i.dueDate])).toEqual([
      [3, '2016-10-28'],
      [4, '2016-11-11'],
    ]);
    expect(rollRecurringHeld(terms, life, new Set([1, 2, 3, 4]), '2016-11-11').invoices).toEqual([]);
  });

  it('a cancelled sale rolls nothing due on or after its cancellation date', () => {
    const life = { holds: [], endsOn: '2016-10-14' };
    expect(rows(rollRecurringHeld(terms, life, new Set([1]), '2017-01-01'))).toEqual([
      [2, '2016-09-30', 16000, '2016-09-30', 4],
    ]);
  });

  it('a fixed number of cycles stays fixed through a hold', () => {
    const six = { ...terms, pkg: { ...pkg, instalments: 6 } };
    const life = { holds: [{ from: '2016-09-29', to: '2016-10-15' }], endsOn: null };
    const plan = rollRecurringHeld(six, life, new Set([1]), '2017-06-01');
    expect(plan.invoices.map((i) => [i.instalment, i.dueDate])).toEqual([
      [2, '2016-10-28'],
      [3, '2016-11-11'],
      [4, '2016-11-25'],
      [5, '2016-12-09'],
      [6, '2016-12-23'],
    ]);
    expect(plan.invoices[4]!.description).toBe('PT 2 a week fortnightly — 6 of 6');
  });

  it('monthly from the 31st: a hold over 30 Apr moves the cycle to 31 May', () => {
    const monthly = { ...terms, startDate: '2016-01-31', pkg: { ...pkg, frequency: 'Monthly' as const } };
    const life = { holds: [{ from: '2016-04-15', to: '2016-05-05' }], endsOn: null };
    expect(
      rollRecurringHeld(monthly, life, new Set([1]), '2016-07-31').invoices.map((i) => i.dueDate),
    ).toEqual(['2016-02-29', '2016-03-31', '2016-05-31', '2016-06-30', '2016-07-31']);
  });
});
