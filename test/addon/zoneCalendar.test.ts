// ZoneCalendar against Utilities.formatDate (the emulation's, which follows Java's zone rules): every
// calendar day from 2005 to 2030 in zones with unusual rules converts both ways, and arbitrary moments
// fall on the day formatDate gives, whether or not the zone's offsets then were today's.
import { describe, expect, it } from 'vitest';
import { ZoneCalendar } from '../../src/addon/zonedDate';
import { createAppsScript, zonedMidnight } from '../../src/local/gas';

const utilities = createAppsScript().globals.Utilities;
const ZONES = [
  'Australia/Sydney',
  'Australia/Lord_Howe', // half-hour daylight saving
  'Australia/Perth', // none now, some in 2006-2009
  'America/Sao_Paulo', // clocks went forward at midnight until 2018, none since 2019
  'Europe/Moscow', // +4 all year 2011-2014, +3 since
  'Pacific/Auckland',
  'America/New_York',
  'UTC',
];

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

describe('ZoneCalendar', () => {
  for (const zone of ZONES) {
    it(`${zone}: midnight of every day 2005-2030 and back, as formatDate says`, () => {
      let calls = 0;
      const cal = new ZoneCalendar(zone, (d, z, p) => {
        calls++;
        return utilities.formatDate(d, z, p);
      });
      for (const iso of days('2005-01-01', '2030-12-31')) {
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        const midnight = cal.midnight(iso);
        expect(midnight.getTime(), iso).toBe(zonedMidnight(y, m, d, zone).getTime());
        expect(utilities.formatDate(midnight, zone, 'yyyy-MM-dd'), iso).toBe(iso);
      }
      // Read back by a fresh calendar (nothing learned from the writes): a date cell costs no call
      // when the zone then kept one of today's offsets.
      const reader = new ZoneCalendar(zone, (d, z, p) => {
        calls++;
        return utilities.formatDate(d, z, p);
      });
      calls = 0;
      for (const iso of days('2005-01-01', '2030-12-31')) {
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        expect(reader.isoDate(zonedMidnight(y, m, d, zone)), iso).toBe(iso);
      }
      // Two calls find today's offsets; a zone whose rules changed pays one for the first date of
      // each other offset it used.
      expect(calls, 'calls to read 26 years of dates').toBeLessThan(6);
    });
  }

  it('a moment that is not midnight falls on formatDate’s day, and a lazy cell asks only when looked at', () => {
    let calls = 0;
    const cal = new ZoneCalendar('Australia/Sydney', (d, z, p) => {
      calls++;
      return utilities.formatDate(d, z, p);
    });
    for (let t = Date.UTC(2015, 0, 1); t < Date.UTC(2018, 0, 1); t += 3_599_000) {
      const moment = new Date(t);
      expect(cal.isoDate(moment)).toBe(utilities.formatDate(moment, 'Australia/Sydney', 'yyyy-MM-dd'));
    }
    calls = 0;
    const lateEvening = new Date('2016-09-13T12:30:00Z'); // 22:30 in Sydney
    const cell = cal.sheetDate(new Date(lateEvening.getTime() + 1000));
    expect(calls).toBe(0);
    expect(cell.date).toBe('2016-09-13');
    expect(JSON.parse(JSON.stringify(cell))).toEqual({ date: '2016-09-13' });
    expect(calls).toBe(1);
  });

  it('a date and time is the moment the zone’s clocks show it', () => {
    const cal = new ZoneCalendar('Australia/Sydney', (d, z, p) => utilities.formatDate(d, z, p));
    expect(cal.dateTime('2016-10-02 03:30:00').toISOString()).toBe('2016-10-01T16:30:00.000Z');
    expect(cal.dateTime('2016-09-13 09:05:00').toISOString()).toBe('2016-09-12T23:05:00.000Z');
    expect(() => cal.dateTime('13/09/2016 09:05')).toThrow(/not a date and time/);
  });
});
