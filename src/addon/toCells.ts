// What getValues hands out, as the cells the readers take: dates through the zone's calendar, blanks
// as '', anything else as text. A billing-day tab has a few hundred thousand date cells, so this loop
// is on the hot path of every whole-ledger action.
import type { CellValue, SheetDate } from '../sheets/port';
import type { ZoneCalendar } from './zonedDate';

const DAY_MS = 86_400_000;
/** Slots of the read's own memo of date cells: one per UTC day, some eleven years before they wrap. */
const SLOTS = 4096;

/**
 * The values as cells, converted in place (the array getValues handed out is this read's own): no second
 * grid of a big tab is made. Dates come from the calendar's memo, one object per distinct moment. Before
 * it, a memo of this read's own, by the moment's day: a tab's rows go from client to client, so one
 * column's dates change row after row, and a lookup in the calendar's map for each (300k on a 4-year
 * ledger) was most of this loop. A slot holds one moment; another moment that day takes it over.
 */
export function toCells(raw: unknown[][], cal: ZoneCalendar): CellValue[][] {
  const dates = new DateTest();
  const times = new Float64Array(SLOTS).fill(NaN);
  const cells = new Array<SheetDate | undefined>(SLOTS);
  for (let i = 0; i < raw.length; i++) {
    const row = raw[i]!;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      const type = typeof v;
      if (type === 'string' || type === 'number' || type === 'boolean') continue;
      if (dates.is(v)) {
        const t = v.getTime();
        const slot = Math.floor(t / DAY_MS) & (SLOTS - 1);
        let cell = cells[slot];
        if (times[slot] !== t || cell === undefined) {
          cell = cal.sheetDate(v);
          times[slot] = t;
          cells[slot] = cell;
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
