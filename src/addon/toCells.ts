// What getValues hands out, as the cells the readers take: dates through the zone's calendar, blanks
// as '', anything else as text. A billing-day tab has a few hundred thousand date cells, so this loop
// is on the hot path of every whole-ledger action.
import type { CellValue, SheetDate } from '../sheets/port';
import type { ZoneCalendar } from './zonedDate';

/**
 * The values as cells, converted in place (the array getValues handed out is this read's own): no second
 * grid of a big tab is made. Dates come from the calendar's memo, one object per distinct moment; the
 * last moment seen is checked first, as a column's dates repeat row after row (one billing day's debits).
 */
export function toCells(raw: unknown[][], cal: ZoneCalendar): CellValue[][] {
  let lastTime = NaN;
  let lastCell: SheetDate | null = null;
  for (let i = 0; i < raw.length; i++) {
    const row = raw[i]!;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      const type = typeof v;
      if (type === 'string' || type === 'number' || type === 'boolean') continue;
      if (isDate(v)) {
        const t = v.getTime();
        if (t !== lastTime || !lastCell) {
          lastCell = cal.sheetDate(v);
          lastTime = t;
        }
        row[j] = lastCell;
      } else row[j] = v === null || v === undefined ? '' : String(v);
    }
  }
  return raw as CellValue[][];
}

/** A Date, from this realm or another (the vm context in tests). */
function isDate(v: unknown): v is Date {
  return v instanceof Date || Object.prototype.toString.call(v) === '[object Date]';
}
