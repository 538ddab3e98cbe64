// toCells' memo has one slot per UTC day (4096 of them): moments sharing a slot (same day at other times,
// days 4096 apart, dates before 1970) must each read as their own date, in Sydney across daylight saving.
import { describe, expect, it } from 'vitest';
import { toCells } from '../../src/addon/toCells';
import { ZoneCalendar } from '../../src/addon/zonedDate';
import { createAppsScript } from '../../src/local/gas';

const utilities = createAppsScript().globals.Utilities;
const calendar = (): ZoneCalendar =>
  new ZoneCalendar('Australia/Sydney', (d, z, p) => utilities.formatDate(d, z, p));
const dateOf = (cell: unknown) => (cell as { date: string }).date;

describe('toCells day slots', () => {
  it('reads moments that share a slot as their own dates, row after row', () => {
    const cal = calendar();
    const at = (iso: string) => new Date(iso);
    // 2016-04-03 03:00 AEDT -> 02:00 AEST (DST ends); 2016-10-02 02:00 AEST -> 03:00 AEDT (DST starts).
    const moments = [
      at('2016-04-02T13:30:00Z'), // 00:30 AEDT 3 Apr
      at('2016-04-02T16:30:00Z'), // 02:30 AEDT 3 Apr, before the clocks go back
      at('2016-04-02T17:30:00Z'), // 03:30 AEST 3 Apr, after the clocks went back at 16:00Z
      at('2016-04-02T23:00:00Z'), // 09:00 AEST 3 Apr
      at('2016-10-01T14:00:00Z'), // 00:00 AEST 2 Oct (midnight)
      at('2016-10-01T16:30:00Z'), // 03:30 AEDT 2 Oct
      at('2016-10-01T13:59:59Z'), // 23:59:59 AEST 1 Oct
      at(new Date(Date.UTC(2016, 9, 1, 14) + 4096 * 86_400_000).toISOString()), // the same slot, 11 years on
      at('1969-12-31T12:00:00Z'), // 22:00 AEST 31 Dec 1969: before 1970
      at(new Date(Date.UTC(1969, 11, 31, 12) - 4096 * 86_400_000).toISOString()), // its slot, 11 years before
      at('1901-06-15T14:00:00Z'),
    ];
    const expected = [
      '2016-04-03',
      '2016-04-03',
      '2016-04-03',
      '2016-04-03',
      '2016-10-02',
      '2016-10-02',
      '2016-10-01',
      '2027-12-20',
      '1969-12-31',
      '1958-10-14',
      '1901-06-16',
    ];
    // Each moment, and each in a row of its own after every other: the slot changes hands each time.
    const raw: unknown[][] = [
      moments.slice(),
      moments.slice().reverse(),
      moments.map((m, i) => moments[(i * 5) % 11] ?? m),
    ];
    const cells = toCells(raw, cal);
    expect(cells[0]!.map(dateOf)).toEqual(expected);
    expect(cells[1]!.map(dateOf)).toEqual(expected.slice().reverse());
    expect(cells[2]!.map(dateOf)).toEqual(moments.map((_, i) => expected[(i * 5) % 11]));
  });

  it('an invalid date next to valid ones of its slot leaves them their dates', () => {
    const cal = calendar();
    const epoch = new Date('1970-01-01T00:00:00Z'); // slot 0, as NaN's is
    const slot0 = new Date(4096 * 86_400_000); // 20 Mar 1981 UTC, slot 0 too
    const invalid = new Date(NaN);
    const raw: unknown[][] = [
      [epoch, invalid, slot0, epoch],
      [slot0, epoch, invalid, slot0],
    ];
    // Whatever the calendar makes of an invalid moment (no real cell holds one), the memo keeps it apart.
    const INVALID = dateOf(calendar().sheetDate(invalid));
    const cells = toCells(raw, cal);
    expect(cells.map((r) => r.map(dateOf))).toEqual([
      ['1970-01-01', INVALID, '1981-03-20', '1970-01-01'],
      ['1981-03-20', '1970-01-01', INVALID, '1981-03-20'],
    ]);
  });
});
