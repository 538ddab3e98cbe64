// Rolling a recurring sale starts at its first new cycle instead of walking its whole history: the same
// invoices and allocations (or the same refusal) as the walk, kept here as the reference, over random
// anchors, frequencies, holds, ends, cycle limits and existing cycles with and without gaps.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, compareDates, parseIsoDate, type IsoDate } from '../../../src/core/calendar';
import { heldDueDates, rollRecurringHeld, type Hold, type SaleLife } from '../../../src/core/lifecycle';
import {
  MAX_ROLL_CYCLES,
  recurringCycle,
  rollRecurring,
  type PackageDef,
  type SalePlan,
  type SaleTerms,
} from '../../../src/core/packageKinds';
import { SaleError } from '../../../src/core/saleTerms';
import { frequency, isoDate } from '../arbitraries';

/** rollRecurringHeld as it was: every cycle from 1 walked, each new one checked and built on its own. */
function referenceRollHeld(
  terms: SaleTerms,
  life: SaleLife,
  existingCycles: ReadonlySet<number>,
  through: IsoDate,
): SalePlan {
  if (terms.pkg.kind !== 'Recurring')
    throw new SaleError([`Package ${terms.pkg.code} is ${terms.pkg.kind}, not Recurring`]);
  if (!terms.pkg.frequency) throw new SaleError([`Package ${terms.pkg.code}: a frequency is needed`]);
  const until = parseIsoDate(through);
  const last = Math.min(terms.pkg.instalments ?? MAX_ROLL_CYCLES, MAX_ROLL_CYCLES);
  const plan: SalePlan = { invoices: [], allocations: [] };
  let cycle = 0;
  for (const due of heldDueDates({
    anchor: terms.startDate,
    frequency: terms.pkg.frequency,
    holds: life.holds,
  })) {
    cycle += 1;
    if (cycle > last || compareDates(due, until) > 0) break;
    if (life.endsOn && compareDates(due, life.endsOn) >= 0) break;
    if (cycle === 1 || existingCycles.has(cycle)) continue;
    const { invoice, allocation } = recurringCycle(terms, cycle);
    plan.invoices.push({ ...invoice, dueDate: due });
    plan.allocations.push({ ...allocation, date: cycle === 1 ? allocation.date : due });
  }
  return plan;
}

/** rollRecurring as it was: every cycle from 2 walked. */
function referenceRoll(terms: SaleTerms, existingCycles: ReadonlySet<number>, through: IsoDate): SalePlan {
  const until = parseIsoDate(through);
  recurringCycle(terms, 1);
  const last = Math.min(terms.pkg.instalments ?? MAX_ROLL_CYCLES, MAX_ROLL_CYCLES);
  const plan: SalePlan = { invoices: [], allocations: [] };
  for (let k = 2; k <= last && compareDates(recurringCycle(terms, k).invoice.dueDate, until) <= 0; k++) {
    if (existingCycles.has(k)) continue;
    const { invoice, allocation } = recurringCycle(terms, k);
    plan.invoices.push(invoice);
    plan.allocations.push(allocation);
  }
  return plan;
}

/** The plan, or the refusal's message: a refusal is a result too. */
function outcome(roll: () => SalePlan): SalePlan | { refused: string } {
  try {
    return roll();
  } catch (e) {
    return { refused: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

const holdNear = (start: IsoDate) =>
  fc
    .tuple(fc.integer({ min: -60, max: 1500 }), fc.integer({ min: 0, max: 200 }))
    .map(([offset, length]): Hold => ({ from: addDays(start, offset), to: addDays(start, offset + length) }));

/** Cycles 1..k, with gaps, a missing cycle 1, strays (0, negative, a fraction, far ahead) now and then. */
const existingCycles = fc
  .record({
    k: fc.integer({ min: 0, max: 120 }),
    gaps: fc.array(fc.integer({ min: 1, max: 120 }), { maxLength: 4 }),
    strays: fc.array(fc.constantFrom(0, -1, 2.5, 500, 20_000), { maxLength: 2 }),
    withGaps: fc.boolean(),
    withStrays: fc.boolean(),
  })
  .map(({ k, gaps, strays, withGaps, withStrays }) => {
    const set = new Set<number>();
    for (let c = 1; c <= k; c++) if (!withGaps || !gaps.includes(c)) set.add(c);
    if (withStrays) for (const s of strays) set.add(s);
    return set;
  });

const sale = isoDate.chain((start) =>
  fc.record({
    start: fc.constant(start),
    saleDate: fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: -30, max: 30 }).map((d) => addDays(start, d)) },
      { weight: 1, arbitrary: fc.constant('not a date') },
    ),
    frequency,
    instalments: fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      { weight: 3, arbitrary: fc.integer({ min: 1, max: 150 }) },
      { weight: 1, arbitrary: fc.constantFrom(0, 600) },
    ),
    holds: fc.array(holdNear(start), { maxLength: 4 }),
    endsOn: fc.option(
      fc.integer({ min: -20, max: 2500 }).map((d) => addDays(start, d)),
      { nil: null },
    ),
    through: fc.integer({ min: -30, max: 2500 }).map((d) => addDays(start, d)),
    existing: existingCycles,
  }),
);

const termsOf = (s: {
  start: IsoDate;
  saleDate: IsoDate;
  frequency: PackageDef['frequency'];
  instalments: number | null;
}): SaleTerms => ({
  saleId: 'S-1',
  clientId: 'C-1',
  pkg: {
    code: 'PT',
    name: 'PT',
    kind: 'Recurring',
    sessions: 4,
    price: 16000,
    instalments: s.instalments,
    frequency: s.frequency,
  },
  saleDate: s.saleDate,
  startDate: s.start,
  dueDate: s.start,
});

describe('rolling from the first new cycle', () => {
  it('with holds and an end: the same rows, in the same order, or the same refusal, as the walk', () => {
    fc.assert(
      fc.property(sale, (s) => {
        const terms = termsOf(s);
        const life: SaleLife = { holds: s.holds, endsOn: s.endsOn };
        expect(outcome(() => rollRecurringHeld(terms, life, s.existing, s.through))).toEqual(
          outcome(() => referenceRollHeld(terms, life, s.existing, s.through)),
        );
      }),
      { numRuns: 600 },
    );
  });

  it('rolling in steps makes the same rows as rolling at once (and as the walk), each cycle once', () => {
    fc.assert(
      fc.property(sale, fc.integer({ min: 0, max: 2500 }), (s, step) => {
        if (s.saleDate === 'not a date' || s.instalments === 0 || s.instalments === 600) return;
        const terms = termsOf(s);
        const life: SaleLife = { holds: s.holds, endsOn: s.endsOn };
        const mid = addDays(s.start, Math.min(step, 2500));
        const once = rollRecurringHeld(terms, life, new Set([1]), s.through);
        const first = rollRecurringHeld(terms, life, new Set([1]), mid);
        const made = new Set([1, ...first.invoices.map((i) => i.instalment)]);
        const rest = rollRecurringHeld(terms, life, made, s.through);
        // The billing-day case: every cycle up to a day exists, the next ones are new.
        expect(rest).toEqual(referenceRollHeld(terms, life, made, s.through));
        const byCycle = [...first.invoices, ...rest.invoices]
          .filter((i) => compareDates(i.dueDate, s.through) <= 0)
          .sort((a, b) => a.instalment - b.instalment);
        expect(byCycle).toEqual(once.invoices);
      }),
      { numRuns: 300 },
    );
  });

  it('without holds: rollRecurring gives the walk’s rows too', () => {
    fc.assert(
      fc.property(sale, (s) => {
        const terms = termsOf(s);
        expect(outcome(() => rollRecurring(terms, s.existing, s.through))).toEqual(
          outcome(() => referenceRoll(terms, s.existing, s.through)),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('a cycle missing in the middle of the history is rolled, on its held date', () => {
    const terms = termsOf({
      start: '2016-09-16',
      saleDate: '2016-09-13',
      frequency: 'Fortnightly',
      instalments: null,
    });
    const life: SaleLife = { holds: [{ from: '2016-10-01', to: '2016-10-20' }], endsOn: null };
    const existing = new Set([1, 2, 3, 5, 6]);
    const plan = rollRecurringHeld(terms, life, existing, '2016-12-23');
    expect(plan.invoices.map((i) => [i.instalment, i.dueDate])).toEqual([
      [4, '2016-11-11'],
      [7, '2016-12-23'],
    ]);
    expect(plan.allocations.map((a) => [a.cycle, a.date])).toEqual([
      [4, '2016-11-11'],
      [7, '2016-12-23'],
    ]);
    expect(plan).toEqual(referenceRollHeld(terms, life, existing, '2016-12-23'));
  });

  it('a start that is not a date is refused as the walk refuses it, with or without holds', () => {
    const terms = termsOf({
      start: '2016-02-30',
      saleDate: '2016-02-01',
      frequency: 'Monthly',
      instalments: 3,
    });
    for (const holds of [[], [{ from: '2016-03-01', to: '2016-03-31' }]])
      for (const existing of [new Set([1]), new Set([1, 2, 3])]) {
        const life: SaleLife = { holds, endsOn: null };
        const got = outcome(() => rollRecurringHeld(terms, life, existing, '2016-12-31'));
        expect(got).toEqual({ refused: 'DateError: Not a date: "2016-02-30", expected YYYY-MM-DD' });
        expect(got).toEqual(outcome(() => referenceRollHeld(terms, life, existing, '2016-12-31')));
      }
  });
});
