// Pauses on worked examples: the seed's fortnightly instalments, month ends and leap years, two holds.
import { describe, expect, it } from 'vitest';
import { planSale, type PackageDef, type SaleTerms } from '../../../src/core/packageKinds';
import {
  applyHold,
  formatHolds,
  heldDates,
  HoldError,
  holdProblem,
  movesForHold,
  parseHolds,
  type HeldSchedule,
} from '../../../src/core/lifecycle';
import { parseDateText } from '../../../src/sheets/cells';

const seed: PackageDef = {
  code: 'PT10-5F',
  name: 'PT',
  kind: 'Instalments',
  sessions: 10,
  price: 110000,
  instalments: 5,
  frequency: 'Fortnightly',
};
const terms = (pkg: PackageDef, startDate: string): SaleTerms => ({
  saleId: 'S-1',
  clientId: 'C-1',
  pkg,
  saleDate: startDate,
  startDate,
  dueDate: startDate,
});

describe('a pause of an instalment plan', () => {
  const plan = planSale(terms(seed, '2016-09-13'));
  const schedule: HeldSchedule = { anchor: '2016-09-13', frequency: 'Fortnightly', holds: [] };

  it('moves the instalment inside the hold, and every later one, to the next billing days', () => {
    const held = applyHold(plan.invoices, schedule, { from: '2016-09-20', to: '2016-10-02' });
    expect(held.map((i) => [i.instalment, i.dueDate, i.amount])).toEqual([
      [1, '2016-09-13', 22000],
      [2, '2016-10-11', 22000],
      [3, '2016-10-25', 22000],
      [4, '2016-11-08', 22000],
      [5, '2016-11-22', 22000],
    ]);
    const moves = movesForHold(plan.invoices, schedule, { from: '2016-09-20', to: '2016-10-02' });
    expect(moves.map((m) => [m.item.instalment, m.from, m.to])).toEqual([
      [2, '2016-09-27', '2016-10-11'],
      [3, '2016-10-11', '2016-10-25'],
      [4, '2016-10-25', '2016-11-08'],
      [5, '2016-11-08', '2016-11-22'],
    ]);
  });

  it('a hold between two debits moves nothing; a hold over the start moves the first instalment too', () => {
    expect(movesForHold(plan.invoices, schedule, { from: '2016-09-14', to: '2016-09-26' })).toEqual([]);
    const held = applyHold(plan.invoices, schedule, { from: '2016-09-01', to: '2016-09-13' });
    expect(held.map((i) => i.dueDate)).toEqual([
      '2016-09-27',
      '2016-10-11',
      '2016-10-25',
      '2016-11-08',
      '2016-11-22',
    ]);
  });

  it('a hold over two debits moves by two; a second hold adds to the first', () => {
    const first = { from: '2016-09-26', to: '2016-10-12' };
    const once = applyHold(plan.invoices, schedule, first);
    expect(once.map((i) => i.dueDate)).toEqual([
      '2016-09-13',
      '2016-10-25',
      '2016-11-08',
      '2016-11-22',
      '2016-12-06',
    ]);
    const second = { from: '2016-11-20', to: '2016-11-30' };
    const twice = applyHold(once, { ...schedule, holds: [first] }, second);
    expect(twice.map((i) => i.dueDate)).toEqual([
      '2016-09-13',
      '2016-10-25',
      '2016-11-08',
      '2016-12-06',
      '2016-12-20',
    ]);
  });

  it('monthly from 31 Jan in a leap year: the 29 Feb instalment moves, later ones keep the 31st where the month has it', () => {
    const monthly: PackageDef = { ...seed, frequency: 'Monthly', instalments: 6, price: 60001 };
    const inv = planSale(terms(monthly, '2016-01-31')).invoices;
    expect(inv.map((i) => i.dueDate)).toEqual([
      '2016-01-31',
      '2016-02-29',
      '2016-03-31',
      '2016-04-30',
      '2016-05-31',
      '2016-06-30',
    ]);
    const held = applyHold(
      inv,
      { anchor: '2016-01-31', frequency: 'Monthly', holds: [] },
      {
        from: '2016-02-01',
        to: '2016-02-29',
      },
    );
    expect(held.map((i) => [i.dueDate, i.amount])).toEqual([
      ['2016-01-31', 10001],
      ['2016-03-31', 10000],
      ['2016-04-30', 10000],
      ['2016-05-31', 10000],
      ['2016-06-30', 10000],
      ['2016-07-31', 10000],
    ]);
  });

  it('a monthly hold at a non-leap February month end', () => {
    expect(
      heldDates(
        { anchor: '2015-01-31', frequency: 'Monthly', holds: [{ from: '2015-02-28', to: '2015-03-30' }] },
        4,
      ),
    ).toEqual(['2015-01-31', '2015-03-31', '2015-04-30', '2015-05-31']);
    expect(
      heldDates(
        { anchor: '2015-01-31', frequency: 'Monthly', holds: [{ from: '2015-02-28', to: '2015-03-31' }] },
        3,
      ),
    ).toEqual(['2015-01-31', '2015-04-30', '2015-05-31']);
  });

  it('an instalment typed by hand into the hold is moved out of it', () => {
    const typed = plan.invoices.map((i) => (i.instalment === 3 ? { ...i, dueDate: '2016-12-01' } : i));
    const held = applyHold(typed, schedule, { from: '2016-11-28', to: '2016-12-04' });
    expect(held.map((i) => i.dueDate)).toEqual([
      '2016-09-13',
      '2016-09-27',
      '2016-10-11',
      '2016-10-25',
      '2016-11-08',
    ]);
  });
});

describe('holds as text', () => {
  it('reads ranges in either date form and writes them back sorted', () => {
    const holds = parseHolds('20/12/2016 to 9/1/2017;\n2016-10-01 .. 2016-10-14', parseDateText);
    expect(holds).toEqual([
      { from: '2016-10-01', to: '2016-10-14' },
      { from: '2016-12-20', to: '2017-01-09' },
    ]);
    expect(formatHolds(holds)).toBe('2016-10-01 to 2016-10-14; 2016-12-20 to 2017-01-09');
    expect(parseHolds('  ', parseDateText)).toEqual([]);
  });

  it('refuses a hold that ends before it starts, runs over a year, or is not two dates', () => {
    expect(() => parseHolds('2016-10-14 to 2016-10-01', parseDateText)).toThrow(
      '"2016-10-14 to 2016-10-01": the hold ends (2016-10-01) before it starts (2016-10-14)',
    );
    expect(() => parseHolds('next week', parseDateText)).toThrow(HoldError);
    expect(holdProblem({ from: '2016-01-01', to: '2017-01-01' })).toBe(
      'a hold can be at most 366 days (2016-01-01 to 2017-01-01 is 367)',
    );
    expect(holdProblem({ from: '2016-01-01', to: '2016-12-31' })).toBeNull();
  });
});
