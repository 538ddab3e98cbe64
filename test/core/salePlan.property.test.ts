// Properties of sale plans over random prices, counts, frequencies and dates (2000..2040, month ends, 29 Feb).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, compareDates, type IsoDate } from '../../src/core/calendar';
import {
  planSale,
  rollRecurring,
  type PackageDef,
  type SalePlan,
  type SaleTerms,
} from '../../src/core/packageKinds';
import { frequency, isoDate } from './arbitraries';

const price = fc.integer({ min: 0, max: 1e9 });
const count = fc.integer({ min: 1, max: 60 });
const sessions = fc.integer({ min: 0, max: 100 });

function terms(pkg: PackageDef, saleDate: IsoDate, startDate: IsoDate): SaleTerms {
  return { saleId: 'S', clientId: 'C', pkg, saleDate, startDate, dueDate: startDate };
}

const instalmentSale = fc
  .record({ price, n: count, sessions, frequency, saleDate: isoDate, startDate: isoDate })
  .map(({ price, n, sessions, frequency, saleDate, startDate }) =>
    terms(
      { code: 'P', name: 'PT', kind: 'Instalments', sessions, price, instalments: n, frequency },
      saleDate,
      startDate,
    ),
  );

const recurringSale = (cycles: fc.Arbitrary<number | null>) =>
  fc
    .record({ price, cycles, sessions, frequency, saleDate: isoDate, startDate: isoDate })
    .map(({ price, cycles, sessions, frequency, saleDate, startDate }) =>
      terms(
        { code: 'R', name: 'PT', kind: 'Recurring', sessions, price, instalments: cycles, frequency },
        saleDate,
        startDate,
      ),
    );

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const cyclesOf = (plan: SalePlan) => new Set(plan.invoices.map((i) => i.instalment));
const FAR_FUTURE = '2100-01-01'; // 60 monthly cycles from 2040 end by 2046

describe('instalment and paid-in-full plans', () => {
  it('instalments sum to the price, differ by at most a cent, fall due strictly later each time', () => {
    fc.assert(
      fc.property(instalmentSale, (t) => {
        const plan = planSale(t);
        const amounts = plan.invoices.map((i) => i.amount);
        expect(plan.invoices).toHaveLength(t.pkg.instalments ?? 0);
        expect(sum(amounts)).toBe(t.pkg.price);
        expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
        expect(plan.invoices[0]?.dueDate).toBe(t.startDate);
        plan.invoices.forEach((inv, i) => {
          expect(inv.instalment).toBe(i + 1);
          const prev = plan.invoices[i - 1];
          if (prev) expect(compareDates(prev.dueDate, inv.dueDate)).toBe(-1);
        });
        expect(plan.allocations).toEqual([
          { saleId: 'S', clientId: 'C', date: t.saleDate, sessions: t.pkg.sessions, cycle: 1 },
        ]);
      }),
    );
  });

  it('paid in full: one invoice for the price on the due date, every session at the sale', () => {
    fc.assert(
      fc.property(price, sessions, isoDate, isoDate, (p, s, saleDate, dueDate) => {
        const pkg: PackageDef = {
          code: 'F',
          name: 'PT',
          kind: 'Paid in full',
          sessions: s,
          price: p,
          instalments: null,
          frequency: null,
        };
        const plan = planSale({ ...terms(pkg, saleDate, saleDate), dueDate });
        expect(plan.invoices.map((i) => [i.dueDate, i.amount, i.instalment])).toEqual([[dueDate, p, 1]]);
        expect(plan.allocations.map((a) => [a.date, a.sessions])).toEqual([[saleDate, s]]);
      }),
    );
  });
});

describe('recurring plans', () => {
  it('with N cycles, the sale plus a far roll bills N times and allocates N lots of sessions', () => {
    fc.assert(
      fc.property(recurringSale(count), (t) => {
        const n = t.pkg.instalments ?? 0;
        const first = planSale(t);
        expect(first.invoices).toHaveLength(1);
        const rest = rollRecurring(t, cyclesOf(first), FAR_FUTURE);
        const invoices = [...first.invoices, ...rest.invoices];
        const allocations = [...first.allocations, ...rest.allocations];
        expect(invoices.map((i) => i.instalment)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
        expect(sum(invoices.map((i) => i.amount))).toBe(n * t.pkg.price);
        expect(sum(allocations.map((a) => a.sessions))).toBe(n * t.pkg.sessions);
        invoices.slice(1).forEach((inv, i) => {
          expect(compareDates(invoices[i]?.dueDate ?? '', inv.dueDate)).toBe(-1);
          // After the first lot, sessions arrive on the day their cycle is billed.
          expect(allocations[i + 1]?.date).toBe(inv.dueDate);
        });
      }),
    );
  });

  it('never returns cycle 1, an existing cycle, or anything after `through`', () => {
    fc.assert(
      fc.property(
        recurringSale(fc.option(count, { nil: null })),
        isoDate,
        fc.uniqueArray(fc.integer({ min: 1, max: 80 }), { maxLength: 20 }),
        (t, through, existing) => {
          const plan = rollRecurring(t, new Set(existing), through);
          for (const inv of plan.invoices) {
            expect(inv.instalment).toBeGreaterThanOrEqual(2);
            expect(existing).not.toContain(inv.instalment);
            expect(compareDates(inv.dueDate, through)).toBeLessThanOrEqual(0);
            if (t.pkg.instalments !== null) expect(inv.instalment).toBeLessThanOrEqual(t.pkg.instalments);
          }
          for (const a of plan.allocations) expect(compareDates(a.date, through)).toBeLessThanOrEqual(0);
          expect(plan.allocations.map((a) => a.cycle)).toEqual(plan.invoices.map((i) => i.instalment));
        },
      ),
    );
  });

  it('is idempotent: rolling to D1 then D2 equals rolling straight to D2, and again adds nothing', () => {
    fc.assert(
      fc.property(
        recurringSale(fc.option(count, { nil: null })),
        fc.integer({ min: -60, max: 800 }),
        fc.integer({ min: 0, max: 800 }),
        (t, toD1, d1ToD2) => {
          const d1 = addDays(t.startDate, toD1);
          const d2 = addDays(d1, d1ToD2);
          const sold = cyclesOf(planSale(t));
          const step1 = rollRecurring(t, sold, d1);
          const afterStep1 = new Set([...sold, ...cyclesOf(step1)]);
          const step2 = rollRecurring(t, afterStep1, d2);
          const straight = rollRecurring(t, sold, d2);
          expect({
            invoices: [...step1.invoices, ...step2.invoices],
            allocations: [...step1.allocations, ...step2.allocations],
          }).toEqual(straight);
          const all = new Set([...afterStep1, ...cyclesOf(step2)]);
          expect(rollRecurring(t, all, d2)).toEqual({ invoices: [], allocations: [] });
          // A later roll never moves or re-prices what an earlier one created.
          const byCycle = new Map(straight.invoices.map((i) => [i.instalment, i]));
          for (const inv of step1.invoices) expect(byCycle.get(inv.instalment)).toEqual(inv);
        },
      ),
    );
  });
});
