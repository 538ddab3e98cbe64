import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { toCells } from '../../src/addon/toCells';
import { ZoneCalendar } from '../../src/addon/zonedDate';
import { createAppsScript } from '../../src/local/gas';

const utilities = createAppsScript().globals.Utilities;
const calendar = (): ZoneCalendar =>
  new ZoneCalendar('Australia/Sydney', (d, z, p) => utilities.formatDate(d, z, p));

describe('toCells', () => {
  it('reads dates of this realm and of another, blanks as empty, other objects as text', () => {
    const cal = calendar();
    const sydneyMidnight = (iso: string): Date => cal.midnight(iso);
    const foreign = runInNewContext(`new Date(${sydneyMidnight('2026-03-02').getTime()})`) as Date;
    const lookalike = { getTime: () => 0, toString: () => 'not a date' };
    const raw: unknown[][] = [
      ['INV-000001', sydneyMidnight('2026-03-01'), 12.5, true],
      [null, foreign, undefined, lookalike],
      ['', sydneyMidnight('2026-03-01'), foreign, 0],
    ];
    const cells = toCells(raw, cal);
    expect(cells[0]).toEqual(['INV-000001', { date: '2026-03-01' }, 12.5, true]);
    expect(cells[1]).toEqual(['', { date: '2026-03-02' }, '', 'not a date']);
    expect(cells[2]).toEqual(['', { date: '2026-03-01' }, { date: '2026-03-02' }, 0]);
    // Converted in place, one cell object per moment.
    expect(cells).toBe(raw);
    expect(cells[2]![1]).toBe(cells[0]![1]);
  });

  it('keeps each date column apart: rows whose date columns swap dates read each cell as its own date', () => {
    const cal = calendar();
    const [a, b] = [cal.midnight('2026-04-05'), cal.midnight('2026-10-04')];
    const raw: unknown[][] = [
      [a, b, 'x'],
      [a, b],
      [b, a, b],
      [b, 'text', a],
      [a, a, a],
    ];
    const date = (d: string) => ({ date: d });
    expect(toCells(raw, cal)).toEqual([
      [date('2026-04-05'), date('2026-10-04'), 'x'],
      [date('2026-04-05'), date('2026-10-04')],
      [date('2026-10-04'), date('2026-04-05'), date('2026-10-04')],
      [date('2026-10-04'), 'text', date('2026-04-05')],
      [date('2026-04-05'), date('2026-04-05'), date('2026-04-05')],
    ]);
  });
});
