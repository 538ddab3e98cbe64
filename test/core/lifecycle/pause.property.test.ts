// Properties of pauses over random plans and holds (2000..2040, month ends, 29 Feb): a pause never changes
// the number or total of a fixed package's instalments and never leaves a due date inside a hold.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, compareDates, type IsoDate } from '../../../src/core/calendar';
import { scheduleDate } from '../../../src/core/frequency';
import { planSale, type PackageDef } from '../../../src/core/packageKinds';
import {
  applyHold,
  isInHold,
  rollRecurringHeld,
  type Hold,
  type HeldSchedule,
} from '../../../src/core/lifecycle';
import { frequency, isoDate } from '../arbitraries';

const holdNear = (start: IsoDate) =>
  fc
    .tuple(fc.integer({ min: -40, max: 500 }), fc.integer({ min: 0, max: 150 }))
    .map(([offset, length]): Hold => ({ from: addDays(start, offset), to: addDays(start, offset + length) }));

const fixedPlan = fc
  .record({
    price: fc.integer({ min: 0, max: 1e9 }),
    n: fc.integer({ min: 1, max: 40 }),
    frequency,
    start: isoDate,
  })
  .chain((p) =>
    fc.record({ p: fc.constant(p), holds: fc.array(holdNear(p.start), { minLength: 1, maxLength: 3 }) }),
  );

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('pausing a fixed package', () => {
  it('keeps the number, amounts and total of instalments; no date inside a hold; dates stay on the grid', () => {
    fc.assert(
      fc.property(fixedPlan, ({ p, holds }) => {
        const pkg: PackageDef = {
          code: 'P',
          name: 'PT',
          kind: 'Instalments',
          sessions: 10,
          price: p.price,
          instalments: p.n,
          frequency: p.frequency,
        };
        const original = planSale({
          saleId: 'S',
          clientId: 'C',
          pkg,
          saleDate: p.start,
          startDate: p.start,
          dueDate: p.start,
        }).invoices;
        let items = original;
        const applied: Hold[] = [];
        for (const hold of holds) {
          const schedule: HeldSchedule = { anchor: p.start, frequency: p.frequency, holds: applied };
          const before = items;
          items = applyHold(items, schedule, hold);
          // Instalments due before the hold keep their dates.
          before.forEach((b, i) => {
            if (compareDates(b.dueDate, hold.from) < 0) expect(items[i]!.dueDate).toBe(b.dueDate);
          });
          applied.push(hold);
        }
        expect(items).toHaveLength(p.n);
        expect(items.map((i) => i.amount)).toEqual(original.map((i) => i.amount));
        expect(sum(items.map((i) => i.amount))).toBe(p.price);
        for (const inv of items) for (const h of applied) expect(isInHold(inv.dueDate, h)).toBe(false);
        items.forEach((inv, i) => {
          const prev = items[i - 1];
          if (prev) expect(compareDates(prev.dueDate, inv.dueDate)).toBe(-1);
        });
        const grid = new Set(
          Array.from({ length: p.n + 400 }, (_, i) => scheduleDate(p.start, p.frequency, i)),
        );
        for (const inv of items) expect(grid.has(inv.dueDate)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('rolling a recurring package through holds', () => {
  it('never dates a cycle inside a hold or on/after the end; steps give the same rows as one roll', () => {
    fc.assert(
      fc.property(
        fixedPlan,
        fc.option(fc.integer({ min: 0, max: 600 })),
        fc.integer({ min: 0, max: 700 }),
        ({ p, holds }, endOffset, midOffset) => {
          const pkg: PackageDef = {
            code: 'R',
            name: 'PT',
            kind: 'Recurring',
            sessions: 4,
            price: p.price,
            instalments: p.n % 3 === 0 ? null : p.n,
            frequency: p.frequency,
          };
          const terms = {
            saleId: 'S',
            clientId: 'C',
            pkg,
            saleDate: p.start,
            startDate: p.start,
            dueDate: p.start,
          };
          const life = { holds, endsOn: endOffset === null ? null : addDays(p.start, endOffset) };
          const through = addDays(p.start, 720);
          const all = rollRecurringHeld(terms, life, new Set([1]), through);
          const cycles = all.invoices.map((i) => i.instalment);
          expect(cycles).toEqual(cycles.map((_, i) => i + 2));
          if (pkg.instalments !== null) expect(cycles.length).toBeLessThanOrEqual(pkg.instalments - 1);
          for (const inv of all.invoices) {
            for (const h of holds) expect(isInHold(inv.dueDate, h)).toBe(false);
            if (life.endsOn) expect(compareDates(inv.dueDate, life.endsOn)).toBe(-1);
            expect(compareDates(inv.dueDate, through)).toBeLessThanOrEqual(0);
          }
          expect(all.allocations.map((a) => a.date)).toEqual(all.invoices.map((i) => i.dueDate));
          const mid = addDays(p.start, midOffset);
          const first = rollRecurringHeld(terms, life, new Set([1]), mid);
          const done = new Set([1, ...first.invoices.map((i) => i.instalment)]);
          const second = rollRecurringHeld(terms, life, done, through);
          expect([...first.invoices, ...second.invoices]).toEqual(all.invoices);
          expect(rollRecurringHeld(terms, life, new Set([1, ...cycles]), through).invoices).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
