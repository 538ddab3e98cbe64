// A calendar date as a moment: midnight of that day in a time zone (how Sheets hands date cells to scripts)
// and back, and today's date and the time of day in that zone. It reads the clock (new Date()), so it
// lives beside the services and not in the pure core. Cached: billing reads hundreds of thousands of dates.
import { TZDate } from '@date-fns/tz';
import type { IsoDate } from '../core/calendar';

const toIsoCache = new Map<string, Map<number, IsoDate>>();
const toMomentCache = new Map<string, Map<IsoDate, number>>();

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** The calendar date a moment falls on in `timeZone`. */
export function isoDateInZone(moment: Date, timeZone: string): IsoDate {
  const t = moment.getTime();
  let cache = toIsoCache.get(timeZone);
  if (!cache) toIsoCache.set(timeZone, (cache = new Map()));
  const hit = cache.get(t);
  if (hit) return hit;
  const z = new TZDate(t, timeZone);
  const iso = `${pad(z.getFullYear(), 4)}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`;
  if (cache.size > 50_000) cache.clear();
  cache.set(t, iso);
  return iso;
}

/** Midnight at the start of `date` in `timeZone`. */
export function midnightInZone(date: IsoDate, timeZone: string): Date {
  let cache = toMomentCache.get(timeZone);
  if (!cache) toMomentCache.set(timeZone, (cache = new Map()));
  let t = cache.get(date);
  if (t === undefined) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    t = new TZDate(y, m - 1, d, timeZone).getTime();
    if (cache.size > 50_000) cache.clear();
    cache.set(date, t);
  }
  return new Date(t);
}

/** Today's calendar date in `timeZone`. */
export function todayInZone(timeZone: string, now: Date = new Date()): IsoDate {
  return isoDateInZone(now, timeZone);
}

/** A timestamp for the Log tab, in the studio's zone: 2016-09-13 09:05:00. */
export function timestampInZone(timeZone: string, now: Date = new Date()): string {
  const z = new TZDate(now.getTime(), timeZone);
  return `${pad(z.getFullYear(), 4)}-${pad(z.getMonth() + 1)}-${pad(z.getDate())} ${pad(z.getHours())}:${pad(z.getMinutes())}:${pad(z.getSeconds())}`;
}
