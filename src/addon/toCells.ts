// What getValues hands out, as the cells the readers take: dates through the zone's calendar, blanks
// as '', anything else as text. A billing-day tab has a few hundred thousand date cells, so this loop
// is on the hot path of every whole-ledger action.
import type { CellValue, SheetDate } from '../sheets/port';
import type { ZoneCalendar } from './zonedDate';

/**
 * The values as cells, converted in place (the array getValues handed out is this read's own): no second
 * grid of a big tab is made. Dates come from the calendar's memo, one object per distinct moment; each
 * column's last moment is checked first, as a column's dates repeat row after row (one billing day's
 * debits), while the next date column of the same row holds another (Due Date, then Created).
 */
export function toCells(raw: unknown[][], cal: ZoneCalendar): CellValue[][] {
  const dates = new DateTest();
  // By column: the last moment seen there and its cell (NaN and null before the first date).
  const lastTimes: number[] = [];
  const lastCells: (SheetDate | null)[] = [];
  for (let i = 0; i < raw.length; i++) {
    const row = raw[i]!;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      const type = typeof v;
      if (type === 'string' || type === 'number' || type === 'boolean') continue;
      if (dates.is(v)) {
        const t = v.getTime();
        while (lastTimes.length <= j) {
          lastTimes.push(NaN);
          lastCells.push(null);
        }
        let cell = lastCells[j]!;
        if (t !== lastTimes[j] || cell === null) {
          lastCells[j] = cell = cal.sheetDate(v);
          lastTimes[j] = t;
        }
        row[j] = cell;
      } else row[j] = v === null || v === undefined ? '' : String(v);
    }
  }
  return raw as CellValue[][];
}

/**
 * Is it a Date, from this realm or another? The bench and the tests run the bundle in a vm context,
 * where instanceof fails: there the tag test decides once, and later cells share its prototype.
 */
class DateTest {
  private proto: object | null = null;

  is(v: unknown): v is Date {
    if (v instanceof Date) return true;
    if (typeof v !== 'object' || v === null) return false;
    const proto = Object.getPrototypeOf(v) as object | null;
    if (proto !== null && proto === this.proto) return true;
    if (Object.prototype.toString.call(v) !== '[object Date]') return false;
    this.proto = proto;
    return true;
  }
}
