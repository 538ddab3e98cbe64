import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TZDate } from '@date-fns/tz';
import { addMonths } from 'date-fns';
import {
  addDays,
  addMonthsClamped,
  compareDates,
  DateError,
  dayIndex,
  dayOfWeek,
  daysBetween,
  formatDisplayDate,
  isIsoDate,
  maxDate,
  minDate,
  parseIsoDate,
} from '../../src/core/calendar';
import { isoDate } from './arbitraries';

describe('isIsoDate and parseIsoDate', () => {
  it.each(['2016-02-29', '2000-02-29', '2016-09-13', '2016-12-31', '0001-01-01', '9999-12-31'])(
    '%s is a date',
    (s) => {
      expect(isIsoDate(s)).toBe(true);
    },
  );

  it.each([
    '2016-02-30',
    '2017-02-29',
    '1900-02-29',
    '2016-13-01',
    '2016-00-10',
    '2016-04-31',
    '2016-09-00',
    '2016-9-13',
    '13/09/2016',
    '2016-09-13T00:00:00Z',
    ' 2016-09-13',
    '0000-01-01',
    '',
  ])('%j is not', (s) => {
    expect(isIsoDate(s)).toBe(false);
  });

  it('trims, and names the expected form when it fails', () => {
    expect(parseIsoDate(' 2016-09-13 ')).toBe('2016-09-13');
    expect(() => parseIsoDate('13/09/2016')).toThrow(DateError);
    expect(() => parseIsoDate('13/09/2016')).toThrow('Not a date: "13/09/2016", expected YYYY-MM-DD');
  });

  it('refuses invalid dates in every function', () => {
    expect(() => addDays('2016-02-30', 1)).toThrow(DateError);
    expect(() => addMonthsClamped('nope', 1)).toThrow(DateError);
    expect(() => compareDates('2016-01-01', '2016-1-2')).toThrow(DateError);
    expect(() => minDate('x')).toThrow(DateError);
    expect(() => addDays('2016-01-01', 1.5)).toThrow(DateError);
    expect(() => addDays('9999-12-31', 1)).toThrow(/out of range/);
  });
});

describe('day arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2016-09-13', 14)).toBe('2016-09-27');
    expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
    expect(addDays('2017-02-28', 1)).toBe('2017-03-01');
    expect(addDays('2016-12-31', 1)).toBe('2017-01-01');
    expect(addDays('2016-03-01', -1)).toBe('2016-02-29');
    expect(addDays('2000-03-01', -1)).toBe('2000-02-29');
    expect(addDays('2100-03-01', -1)).toBe('2100-02-28');
    expect(addDays('1970-01-01', -1)).toBe('1969-12-31');
  });

  it('counts days between', () => {
    expect(daysBetween('2016-09-13', '2016-11-08')).toBe(56);
    expect(daysBetween('2016-11-08', '2016-09-13')).toBe(-56);
    expect(daysBetween('2016-01-01', '2017-01-01')).toBe(366);
  });

  it('compares, and picks earliest and latest', () => {
    expect(compareDates('2016-09-13', '2016-09-27')).toBe(-1);
    expect(compareDates('2016-09-13', '2016-09-13')).toBe(0);
    expect(compareDates('2017-01-01', '2016-12-31')).toBe(1);
    expect(minDate('2016-09-27', '2016-09-13', '2016-10-01')).toBe('2016-09-13');
    expect(maxDate('2016-09-27', '2016-09-13', '2016-10-01')).toBe('2016-10-01');
    expect(minDate('2016-09-27')).toBe('2016-09-27');
  });

  it('knows the weekday', () => {
    expect(dayOfWeek('2016-09-13')).toBe(2); // Tuesday, the seed's billing day
    expect(dayOfWeek('2016-09-16')).toBe(5); // Friday
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-28')).toBe(0);
  });

  it('formats for people', () => {
    expect(formatDisplayDate('2016-09-13')).toBe('Tue 13 Sep 2016');
    expect(formatDisplayDate('2016-09-09')).toBe('Fri 9 Sep 2016');
    expect(formatDisplayDate('2016-02-29')).toBe('Mon 29 Feb 2016');
  });

  it('agrees with UTC Date arithmetic for any date and step', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -20000, max: 20000 }), (d, n) => {
        const oracle = new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
        expect(addDays(d, n)).toBe(oracle);
        expect(daysBetween(d, addDays(d, n))).toBe(n);
        expect(dayOfWeek(d)).toBe(new Date(`${d}T00:00:00Z`).getUTCDay());
      }),
    );
  });
});

describe('addMonthsClamped', () => {
  it('keeps a 31st anchor where the month has it, from the anchor', () => {
    const anchor = '2016-01-31';
    expect([1, 2, 3, 4, 13].map((n) => addMonthsClamped(anchor, n))).toEqual([
      '2016-02-29',
      '2016-03-31',
      '2016-04-30',
      '2016-05-31',
      '2017-02-28',
    ]);
    expect(addMonthsClamped(anchor, -1)).toBe('2015-12-31');
    expect(addMonthsClamped(anchor, -11)).toBe('2015-02-28');
    expect(addMonthsClamped('2016-02-29', 12)).toBe('2017-02-28');
    expect(addMonthsClamped('2016-02-29', 48)).toBe('2020-02-29');
    expect(addMonthsClamped('2016-09-13', 0)).toBe('2016-09-13');
  });

  it('agrees with date-fns addMonths in UTC', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -240, max: 240 }), (d, n) => {
        const oracle = addMonths(new TZDate(`${d}T00:00:00`, 'UTC'), n);
        expect(addMonthsClamped(d, n)).toBe(oracle.toISOString().slice(0, 10));
      }),
    );
  });
});

describe('immune to the machine time zone and DST', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  // Sydney DST starts 2016-10-02 and ends 2017-04-02; Sao Paulo's 2016-10-16 had no midnight;
  // Apia skipped 2011-12-30 altogether.
  function sample(): unknown[] {
    return [
      addDays('2016-10-01', 1),
      addDays('2016-10-02', 1),
      addDays('2017-04-01', 1),
      addDays('2017-04-02', 1),
      addDays('2016-10-15', 1),
      addDays('2011-12-29', 1),
      daysBetween('2016-09-13', '2017-04-11'),
      dayOfWeek('2016-10-02'),
      dayOfWeek('2017-04-02'),
      addMonthsClamped('2016-09-02', 7),
      formatDisplayDate('2016-10-02'),
      formatDisplayDate('2011-12-30'),
    ];
  }
  const expected = [
    '2016-10-02',
    '2016-10-03',
    '2017-04-02',
    '2017-04-03',
    '2016-10-16',
    '2011-12-30',
    210,
    0,
    0,
    '2017-04-02',
    'Sun 2 Oct 2016',
    'Fri 30 Dec 2011',
  ];

  it.each([
    'UTC',
    'Australia/Sydney',
    'America/Sao_Paulo',
    'Pacific/Apia',
    'America/Los_Angeles',
    'Asia/Kolkata',
  ])('gives the same days with TZ=%s', (tz) => {
    process.env.TZ = tz;
    if (tz === 'Australia/Sydney') {
      // The switch took effect: local time really does observe Sydney DST here.
      expect(new Date(2016, 9, 1, 12).getTimezoneOffset()).toBe(-600);
      expect(new Date(2016, 9, 3, 12).getTimezoneOffset()).toBe(-660);
    }
    expect(sample()).toEqual(expected);
    // Fortnightly instalments straddling both Sydney changes stay 14 days apart.
    const dues = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map((i) =>
      addDays('2016-09-13', 14 * i),
    );
    dues.slice(1).forEach((d, i) => expect(daysBetween(dues[i] ?? '', d)).toBe(14));
    expect(dues).toContain('2017-04-11');
  });
});

describe('compareDates and dayIndex', () => {
  it('order dates as the calendar does, and refuse malformed ones', () => {
    const days = [
      '0001-01-01',
      '1999-12-31',
      '2000-01-01',
      '2016-02-29',
      '2016-03-01',
      '2026-12-01',
      '9999-12-31',
    ];
    for (const a of days)
      for (const b of days) {
        const byDays = Math.sign(daysBetween(b, a));
        expect(compareDates(a, b)).toBe(byDays);
        expect(Math.sign(dayIndex(a) - dayIndex(b))).toBe(byDays);
      }
    for (const bad of ['2016-13-01', '2016-00-10', '0000-01-01', '2016-01-32', '2016/01/01', ' 2016-01-01'])
      expect(() => compareDates(bad, '2016-01-01'), bad).toThrow(DateError);
  });
});
