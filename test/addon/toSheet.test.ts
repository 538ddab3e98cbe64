import { describe, expect, it } from 'vitest';
import { SheetValues } from '../../src/addon/toSheet';
import { ZoneCalendar } from '../../src/addon/zonedDate';
import { createAppsScript } from '../../src/local/gas';

const utilities = createAppsScript().globals.Utilities;
const calendar = (): ZoneCalendar =>
  new ZoneCalendar('Australia/Sydney', (d, z, p) => utilities.formatDate(d, z, p));

describe('SheetValues', () => {
  it('writes dates as midnight in the zone (either side of daylight saving), date-times, formulas as text, short rows padded', () => {
    const values = new SheetValues(calendar()).rows(
      [
        ['INV-000001', { date: '2026-04-04' }, 12.5, { date: '2026-04-06' }],
        [{ formula: '=1+1' }, { dateTime: '2026-04-05 09:30:00' }],
        [true, { date: '2026-04-04' }, 0, ''],
      ],
      4,
    );
    // Sydney is UTC+11 until 5 April 2026 (3 am), then UTC+10.
    expect(values[0]).toEqual([
      'INV-000001',
      new Date('2026-04-03T13:00:00Z'),
      12.5,
      new Date('2026-04-05T14:00:00Z'),
    ]);
    expect(values[1]).toEqual(['=1+1', new Date('2026-04-04T23:30:00Z'), '', '']);
    expect(values[2]).toEqual([true, new Date('2026-04-03T13:00:00Z'), 0, '']);
    // One Date per distinct date in a write.
    expect(values[2]![1]).toBe(values[0]![1]);
    expect(values.every((r) => r.length === 4)).toBe(true);
  });
});
