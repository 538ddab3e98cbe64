import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareDates, dayOfWeek, daysBetween, type IsoDate } from '../../src/core/calendar';
import { nextBillingDay, type BillingCycle } from '../../src/core/billingCycle';
import { FREQUENCY_DAYS, scheduleDate, type Frequency } from '../../src/core/frequency';
import { frequency, isoDate } from './arbitraries';

describe('nextBillingDay', () => {
  const everySecondTuesday: BillingCycle = { billingDay: '2016-09-13', frequency: 'Fortnightly' };

  it('seed: a client starting Friday is billed from the next billing Tuesday', () => {
    expect(nextBillingDay(everySecondTuesday, '2016-09-09')).toBe('2016-09-13');
    expect(dayOfWeek('2016-09-09')).toBe(5);
  });

  it('a billing day is its own next billing day', () => {
    expect(nextBillingDay(everySecondTuesday, '2016-09-13')).toBe('2016-09-13');
    expect(nextBillingDay(everySecondTuesday, '2016-09-27')).toBe('2016-09-27');
  });

  it('the day after a billing day waits a whole cycle', () => {
    expect(nextBillingDay(everySecondTuesday, '2016-09-14')).toBe('2016-09-27');
  });

  it('extends backwards before the anchor', () => {
    // The brief's example had 2016-08-31 -> 2016-08-30, but 30 Aug is before 31 Aug: the first
    // billing day on or after 31 Aug is 13 Sep. 30 Aug is the answer for dates from 17 to 30 Aug.
    expect(nextBillingDay(everySecondTuesday, '2016-08-31')).toBe('2016-09-13');
    expect(nextBillingDay(everySecondTuesday, '2016-08-30')).toBe('2016-08-30');
    expect(nextBillingDay(everySecondTuesday, '2016-08-29')).toBe('2016-08-30');
    expect(nextBillingDay(everySecondTuesday, '2016-08-17')).toBe('2016-08-30');
    expect(nextBillingDay(everySecondTuesday, '2016-08-16')).toBe('2016-08-16');
    expect(nextBillingDay(everySecondTuesday, '2015-12-30')).toBe('2016-01-05');
  });

  it('weekly and four-weekly', () => {
    expect(nextBillingDay({ billingDay: '2016-09-13', frequency: 'Weekly' }, '2016-09-14')).toBe(
      '2016-09-20',
    );
    expect(nextBillingDay({ billingDay: '2016-09-13', frequency: 'Four-weekly' }, '2016-09-14')).toBe(
      '2016-10-11',
    );
  });

  it('monthly anchored on the 31st', () => {
    const monthEnd: BillingCycle = { billingDay: '2016-01-31', frequency: 'Monthly' };
    expect(nextBillingDay(monthEnd, '2016-02-01')).toBe('2016-02-29');
    expect(nextBillingDay(monthEnd, '2016-02-29')).toBe('2016-02-29');
    expect(nextBillingDay(monthEnd, '2016-03-01')).toBe('2016-03-31');
    expect(nextBillingDay(monthEnd, '2016-04-15')).toBe('2016-04-30');
    expect(nextBillingDay(monthEnd, '2016-05-01')).toBe('2016-05-31');
    expect(nextBillingDay(monthEnd, '2017-02-10')).toBe('2017-02-28');
    expect(nextBillingDay(monthEnd, '2015-11-30')).toBe('2015-11-30');
    expect(nextBillingDay(monthEnd, '2015-12-01')).toBe('2015-12-31');
    // A cycle anchored on 29 Feb runs on the 29th where a month has one.
    expect(nextBillingDay({ billingDay: '2016-02-29', frequency: 'Monthly' }, '2016-03-01')).toBe(
      '2016-03-29',
    );
  });

  it('is the first billing day on or after the date', () => {
    fc.assert(
      fc.property(isoDate, frequency, isoDate, (billingDay, freq, date) => {
        const cycle = { billingDay, frequency: freq };
        const next = nextBillingDay(cycle, date);
        expect(compareDates(next, date)).toBeGreaterThanOrEqual(0);
        // It is on the cycle, and the cycle's previous billing day is before `date`.
        const k = cycleIndex(billingDay, freq, next);
        expect(compareDates(scheduleDate(billingDay, freq, k - 1), date)).toBe(-1);
        expect(nextBillingDay(cycle, next)).toBe(next);
      }),
    );
  });
});

/** Which cycle of the schedule `date` is; fails the test when it is not on the schedule. */
function cycleIndex(anchor: IsoDate, freq: Frequency, date: IsoDate): number {
  const months =
    (Number(date.slice(0, 4)) - Number(anchor.slice(0, 4))) * 12 +
    Number(date.slice(5, 7)) -
    Number(anchor.slice(5, 7));
  const k = freq === 'Monthly' ? months : daysBetween(anchor, date) / FREQUENCY_DAYS[freq];
  expect(Number.isInteger(k)).toBe(true);
  expect(scheduleDate(anchor, freq, k)).toBe(date);
  return k;
}
