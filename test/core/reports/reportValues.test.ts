import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../src/core/money';
import { parseReportAmount, parseReportDate } from '../../../src/core/reports';
import { isoDate } from '../arbitraries';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

describe('parseReportAmount', () => {
  it.each([
    ['$1,100.00', 110000],
    ['1100', 110000],
    ['(220.00)', -22000],
    ['-220', -22000],
    ['220.5', 22050],
    [' 220 ', 22000],
    ['$ 220.00', 22000],
    ['-$7.50', -750],
    ['220.00-', -22000],
    ['AUD 55.00', 5500],
    ['A$55', 5500],
    ['\u00a0160.00\u00a0', 16000],
    ['\u2212160.00', -16000],
    ['0.99', 99],
  ])('%j is %i cents', (text, cents) => {
    expect(parseReportAmount(text)).toBe(cents);
  });

  it('reads number cells', () => {
    expect(parseReportAmount(220)).toBe(22000);
    expect(parseReportAmount(-7.5)).toBe(-750);
    expect(parseReportAmount(0.1 + 0.2)).toBe(30);
  });

  it.each([
    ['', 'the amount is blank'],
    ['   ', 'the amount is blank'],
    ['abc', '"abc" is not an amount of money'],
    ['12.345', '"12.345" has more than 2 decimal places'],
    ['1,00.00', '"1,00.00" has misplaced thousands separators (write 1,100.00 or 1100)'],
    ['--5', '"--5" is not an amount of money'],
  ])('%j: %s', (text, message) => {
    expect(() => parseReportAmount(text)).toThrow(message);
  });

  it('a date cell is not an amount', () => {
    expect(() => parseReportAmount({ date: '2016-09-16' })).toThrow('2016-09-16 is a date, not an amount');
  });

  it('reads back every amount written the ways reports write it', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_99, max: 99_999_999_99 }), (cents) => {
        const dollars = (Math.abs(cents) / 100).toFixed(2);
        expect(parseReportAmount(formatMoney(cents))).toBe(cents);
        expect(parseReportAmount(` ${cents < 0 ? '-' : ''}${dollars} `)).toBe(cents);
        expect(parseReportAmount(cents < 0 ? `(${dollars})` : dollars)).toBe(cents);
        expect(parseReportAmount(cents / 100)).toBe(cents);
      }),
    );
  });
});

describe('parseReportDate', () => {
  it.each([
    ['16/09/2016', '2016-09-16'],
    ['16/9/16', '2016-09-16'],
    ['2016-09-16', '2016-09-16'],
    ['16-Sep-2016', '2016-09-16'],
    ['16 Sep 2016', '2016-09-16'],
    ['16/09/2016 10:32', '2016-09-16'],
    ['16/09/2016 10:32:05 PM', '2016-09-16'],
    ['2016-09-16T10:32:00+10:00', '2016-09-16'],
    ['20160916', '2016-09-16'],
    ['  16 / 09 / 2016 ', '2016-09-16'],
    [' 16  Sep  2016 ', '2016-09-16'],
    ['16-09-2016', '2016-09-16'],
    ['16.09.2016', '2016-09-16'],
    ['16 September 2016', '2016-09-16'],
    ['16-sept-16', '2016-09-16'],
    ['Sep 16, 2016', '2016-09-16'],
    ['Sep. 16, 2016', '2016-09-16'],
    ['16th Sep 2016', '2016-09-16'],
    ['Fri 16 Sep 2016', '2016-09-16'],
    ['Friday, 16 September 2016', '2016-09-16'],
    ['29/02/2016', '2016-02-29'],
    ['1/1/00', '2000-01-01'],
  ])('%j', (text, iso) => {
    expect(parseReportDate(text)).toBe(iso);
  });

  it('dayFirst=false reads slash dates month first, and leaves the others alone', () => {
    expect(parseReportDate('09/16/2016', false)).toBe('2016-09-16');
    expect(parseReportDate('9/16/16', false)).toBe('2016-09-16');
    expect(parseReportDate('02/03/2016', false)).toBe('2016-02-03');
    expect(parseReportDate('02/03/2016')).toBe('2016-03-02');
    expect(parseReportDate('16-Sep-2016', false)).toBe('2016-09-16');
    expect(parseReportDate('2016-09-16', false)).toBe('2016-09-16');
    expect(() => parseReportDate('16/09/2016', false)).toThrow('"16/09/2016" is not a date');
  });

  it.each([
    ['31/02/2016', '"31/02/2016" is not a date'],
    ['29/02/2015', '"29/02/2015" is not a date'],
    ['16/13/2016', '"16/13/2016" is not a date'],
    ['00/09/2016', '"00/09/2016" is not a date'],
    ['16-Sop-2016', '"16-Sop-2016" is not a date'],
    ['16/09/216', '"16/09/216" is not a date'],
    ['20160931', '"20160931" is not a date'],
    ['soon', '"soon" is not a date'],
    ['', 'the date is blank'],
  ])('%j: %s', (text, message) => {
    expect(() => parseReportDate(text)).toThrow(message);
  });

  it('reads sheet cells: date cells, and yyyymmdd numbers a sheet made of text', () => {
    expect(parseReportDate({ date: '2016-09-16' })).toBe('2016-09-16');
    expect(parseReportDate(20160916)).toBe('2016-09-16');
    expect(() => parseReportDate(42629)).toThrow('42629 is a number, not a date');
    expect(() => parseReportDate({ date: '2016-02-30' })).toThrow('"2016-02-30" is not a date');
  });

  it('reads back every date written the ways reports write it', () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        const [y, m, d] = iso.split('-');
        const [day, month] = [Number(d), Number(m)];
        const yy = (y ?? '').slice(2);
        const mon = MONTHS[month - 1] ?? '';
        for (const text of [
          `${d}/${m}/${y}`,
          `${day}/${month}/${yy}`,
          `${day}-${mon}-${y}`,
          `${day} ${mon} ${y}`,
          `${d}/${m}/${y} 23:59`,
          `${y}${m}${d}`,
          iso,
        ]) {
          expect(parseReportDate(text)).toBe(iso);
        }
        expect(parseReportDate(`${month}/${day}/${y}`, false)).toBe(iso);
      }),
    );
  });
});
