import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, compareDates, daysBetween } from '../../src/core/calendar';
import { FREQUENCIES, parseFrequency, schedule, scheduleDate } from '../../src/core/frequency';
import { frequency, isoDate } from './arbitraries';

describe('parseFrequency', () => {
  it.each([
    ['Weekly', 'Weekly'],
    ['weekly', 'Weekly'],
    ['fortnightly', 'Fortnightly'],
    [' FORTNIGHTLY ', 'Fortnightly'],
    ['Four-weekly', 'Four-weekly'],
    ['Four weekly', 'Four-weekly'],
    ['4-weekly', 'Four-weekly'],
    ['4 weekly', 'Four-weekly'],
    ['fourweekly', 'Four-weekly'],
    ['Monthly', 'Monthly'],
  ])('%j -> %s', (input, freq) => {
    expect(parseFrequency(input)).toBe(freq);
  });

  it('names the allowed values', () => {
    expect(() => parseFrequency('yearly')).toThrow(
      'Unknown frequency "yearly": expected one of Weekly, Fortnightly, Four-weekly, Monthly',
    );
    expect(() => parseFrequency('')).toThrow(/expected one of/);
  });

  it('lists the four frequencies', () => {
    expect(FREQUENCIES).toEqual(['Weekly', 'Fortnightly', 'Four-weekly', 'Monthly']);
  });
});

describe('schedules', () => {
  it('seed: fortnightly from Tue 13 Sep 2016', () => {
    expect(schedule('2016-09-13', 'Fortnightly', 5)).toEqual([
      '2016-09-13',
      '2016-09-27',
      '2016-10-11',
      '2016-10-25',
      '2016-11-08',
    ]);
  });

  it('weekly and four-weekly step 7 and 28 days', () => {
    expect(schedule('2016-09-13', 'Weekly', 3)).toEqual(['2016-09-13', '2016-09-20', '2016-09-27']);
    expect(schedule('2016-09-13', 'Four-weekly', 3)).toEqual(['2016-09-13', '2016-10-11', '2016-11-08']);
  });

  it('monthly from 31 Jan keeps the 31st where it can', () => {
    expect(schedule('2016-01-31', 'Monthly', 5)).toEqual([
      '2016-01-31',
      '2016-02-29',
      '2016-03-31',
      '2016-04-30',
      '2016-05-31',
    ]);
    expect(scheduleDate('2016-01-31', 'Monthly', 13)).toBe('2017-02-28');
    expect(scheduleDate('2016-01-31', 'Monthly', -2)).toBe('2015-11-30');
  });

  it('rejects bad indexes and lengths', () => {
    expect(() => scheduleDate('2016-01-31', 'Monthly', 1.5)).toThrow();
    expect(() => schedule('2016-01-31', 'Weekly', -1)).toThrow();
    expect(schedule('2016-01-31', 'Weekly', 0)).toEqual([]);
  });

  it('starts at the anchor and strictly increases', () => {
    fc.assert(
      fc.property(isoDate, frequency, fc.integer({ min: 1, max: 60 }), (anchor, freq, n) => {
        const dates = schedule(anchor, freq, n);
        expect(dates[0]).toBe(anchor);
        dates.slice(1).forEach((d, i) => expect(compareDates(dates[i] ?? '', d)).toBe(-1));
      }),
    );
  });

  it('monthly keeps the anchor day or clamps to the month end, one month per step', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -120, max: 120 }), (anchor, i) => {
        const d = scheduleDate(anchor, 'Monthly', i);
        const months =
          (Number(d.slice(0, 4)) - Number(anchor.slice(0, 4))) * 12 +
          Number(d.slice(5, 7)) -
          Number(anchor.slice(5, 7));
        expect(months).toBe(i);
        const day = Number(d.slice(8));
        const anchorDay = Number(anchor.slice(8));
        if (day !== anchorDay) {
          expect(day).toBeLessThan(anchorDay);
          expect(addDays(d, 1).slice(8)).toBe('01'); // clamped to the month's last day
        }
      }),
    );
  });

  it('fixed frequencies are whole steps of 7, 14, 28 days', () => {
    const days = { Weekly: 7, Fortnightly: 14, 'Four-weekly': 28 } as const;
    fc.assert(
      fc.property(
        isoDate,
        fc.constantFrom('Weekly', 'Fortnightly', 'Four-weekly' as const),
        fc.integer({ min: -200, max: 200 }),
        (a, f, i) => {
          expect(daysBetween(a, scheduleDate(a, f, i))).toBe(days[f] * i);
        },
      ),
    );
  });
});
