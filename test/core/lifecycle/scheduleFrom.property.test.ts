// A held schedule from instalment n on is the walk's dates less its first n - 1, over random anchors
// (2000..2040, month ends, 29 Feb), every frequency, overlapping and far holds, kept slots, the slot limit.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, type IsoDate } from '../../../src/core/calendar';
import { heldDueDates, MAX_SLOTS, type HeldSchedule, type Hold } from '../../../src/core/lifecycle';
import { heldDueDatesFrom } from '../../../src/core/lifecycle/scheduleFrom';
import { frequency, isoDate } from '../arbitraries';

/** Dates `first` … `first + count - 1` of the walk. */
function walked(s: HeldSchedule, first: number, count: number): IsoDate[] {
  const out: IsoDate[] = [];
  let n = 0;
  for (const d of heldDueDates(s)) {
    n += 1;
    if (n < first) continue;
    out.push(d);
    if (out.length >= count) break;
  }
  return out;
}

function taken(s: HeldSchedule, first: number, count: number): IsoDate[] {
  const out: IsoDate[] = [];
  for (const d of heldDueDatesFrom(s, first)) {
    out.push(d);
    if (out.length >= count) break;
  }
  return out;
}

const holdNear = (start: IsoDate) =>
  fc
    .tuple(fc.integer({ min: -400, max: 4000 }), fc.integer({ min: -3, max: 400 }))
    .map(([offset, length]): Hold => ({ from: addDays(start, offset), to: addDays(start, offset + length) }));

const schedule = isoDate.chain((anchor) =>
  fc.record({
    anchor: fc.constant(anchor),
    frequency,
    holds: fc.array(holdNear(anchor), { maxLength: 5 }),
  }),
);

describe('a held schedule from a later instalment', () => {
  it('gives the walk’s dates from that instalment on', () => {
    fc.assert(
      fc.property(
        schedule,
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 60 }),
        (s, first, count) => {
          expect(taken(s, first, count)).toEqual(walked(s, first, count));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('with kept slots inside the holds, the same dates as the walk', () => {
    fc.assert(
      fc.property(
        schedule,
        fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 4 }),
        fc.integer({ min: 1, max: 150 }),
        (s, keptSlots, first) => {
          const kept = walked({ ...s, holds: [] }, 1, 200).filter((_, i) => keptSlots.includes(i));
          const withKept = { ...s, kept };
          expect(taken(withKept, first, 30)).toEqual(walked(withKept, first, 30));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('stops at the slot limit as the walk does', () => {
    const s: HeldSchedule = {
      anchor: '2016-09-16',
      frequency: 'Weekly',
      holds: [
        { from: '2017-01-01', to: '2017-12-31' },
        { from: '2300-02-01', to: '2300-06-30' },
      ],
    };
    const all = walked(s, 1, MAX_SLOTS);
    expect(all.length).toBeLessThan(MAX_SLOTS);
    expect(taken(s, all.length - 2, 10)).toEqual(all.slice(-3));
    expect(taken(s, all.length, 10)).toEqual(all.slice(-1));
    expect(taken(s, all.length + 1, 10)).toEqual([]);
    expect(taken(s, MAX_SLOTS + 5, 10)).toEqual([]);
  });

  it('refuses an instalment that is not a whole number from 1', () => {
    const s: HeldSchedule = { anchor: '2016-09-16', frequency: 'Monthly', holds: [] };
    expect(() => taken(s, 0, 1)).toThrow(/whole number, 1 or more/);
    expect(() => taken(s, 1.5, 1)).toThrow(/whole number, 1 or more/);
  });
});
