// A calendar date as a moment: midnight of that day in a time zone (how Sheets hands date cells to
// scripts) and back, today's date and the time of day in that zone. Zone rules come from
// Utilities.formatDate, Apps Script's own, never from an Intl feature whose support there is unknown.
// It reads the clock (new Date()), so it lives beside the services and not in the pure core.
//
// Service calls do not grow with rows: the zone's offsets are found once (two calls), and a date cell,
// being midnight under one of them, is read with none. A moment that is not (a time of day near
// midnight, a date from before the zone changed its rules) costs one call, only when it is looked at,
// and an older era's offset, once seen, serves its other dates. Writing a new date costs a call or two,
// once per distinct date; a date already read is written back for free. A moment exactly one offset
// change away from midnight (23:00:00.000 in winter in Sydney) is read as the midnight it looks like.
import type { IsoDate } from '../core/calendar';
import type { SheetDate } from '../sheets/port';

/** Utilities.formatDate's shape: a Java SimpleDateFormat pattern in a zone. */
export type FormatDate = (moment: Date, timeZone: string, pattern: string) => string;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** How far a zone's past offsets may stray from today's before a moment is checked with a call. */
const MARGIN_MS = 3 * HOUR_MS;
const CACHE_LIMIT = 50_000;
/** Offsets kept as candidates: today's two, and a few the zone used before. */
const MAX_OFFSETS = 4;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** The YYYY-MM-DD of a wall-clock time given as a UTC timestamp. */
function isoOfWall(wallMs: number): IsoDate {
  const d = new Date(wallMs);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function wallOfIso(date: IsoDate, time = 0): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = new Date(0);
  wall.setUTCFullYear(y, m - 1, d);
  return wall.getTime() + time;
}

/** "+1000", "-0330" (Java's Z) as milliseconds. */
function parseOffset(text: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text.trim());
  if (!m) throw new Error(`Unexpected time zone offset "${text}"`);
  const ms = (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  return m[1] === '-' ? -ms : ms;
}

/**
 * Outside Apps Script (the bench builds its studio in Node) there is no Utilities: Node's Intl stands in
 * for the few patterns used here. Inside Apps Script this is never called.
 */
const hostFormat: FormatDate = (moment, timeZone, pattern) => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(moment);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall =
    Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) +
    moment.getUTCMilliseconds();
  const w = new Date(wall);
  const date = isoOfWall(wall);
  const time = `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}`;
  if (pattern === 'yyyy-MM-dd') return date;
  if (pattern === 'yyyy-MM-dd HH:mm:ss') return `${date} ${time}`;
  if (pattern === 'Z') {
    const off = Math.round((wall - moment.getTime()) / 60_000);
    const a = Math.abs(off);
    return `${off < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}${pad(a % 60)}`;
  }
  throw new Error(`hostFormat: pattern ${pattern} is not supported`);
};

function appsScriptFormat(): FormatDate {
  if (typeof Utilities === 'undefined') return hostFormat;
  return (moment, timeZone, pattern) => Utilities.formatDate(moment, timeZone, pattern);
}

/** One zone's conversions, with what it has learned cached. */
export class ZoneCalendar {
  private offsets: number[] | undefined;
  private readonly dates = new Map<number, IsoDate>();
  private readonly instants = new Map<number, number>();
  /** Date cells as read, one shared object per moment: a studio's tabs hold a few hundred distinct dates. */
  private readonly cells = new Map<number, SheetDate>();

  constructor(
    readonly zone: string,
    private readonly format: FormatDate = appsScriptFormat(),
  ) {}

  /** The zone's offset from UTC at a moment (one call). */
  offsetAt(ms: number): number {
    return parseOffset(this.format(new Date(ms), this.zone, 'Z'));
  }

  /** The offsets the zone keeps this year (winter and summer), found once. */
  private known(): number[] {
    if (!this.offsets) {
      const year = new Date().getUTCFullYear();
      const seen = [Date.UTC(year, 0, 15, 12), Date.UTC(year, 6, 15, 12)].map((t) => this.offsetAt(t));
      this.offsets = [...new Set(seen)];
    }
    return this.offsets;
  }

  /** The date without a call, when the moment settles it: a midnight under one of the known offsets. */
  private quickDate(t: number): IsoDate | null {
    const offsets = this.known();
    for (const o of offsets) {
      const wall = t + o;
      if (((wall % DAY_MS) + DAY_MS) % DAY_MS === 0) {
        const iso = isoOfWall(wall);
        this.remember(this.instants, wallOfIso(iso), t);
        return iso;
      }
    }
    // A time of day far enough from midnight falls on the same date whichever offset applies.
    const first = isoOfWall(t + Math.min(...offsets) - MARGIN_MS);
    return first === isoOfWall(t + Math.max(...offsets) + MARGIN_MS) ? first : null;
  }

  /** The calendar date a moment falls on in the zone. */
  isoDate(moment: Date): IsoDate {
    const t = moment.getTime();
    const hit = this.dates.get(t);
    if (hit) return hit;
    const iso = this.quickDate(t) ?? this.askDate(t);
    this.remember(this.dates, t, iso);
    return iso;
  }

  /**
   * One call: the zone's offset at the moment gives its date. An offset not seen before (the zone's
   * rules were different then) is kept, so that era's other date cells are read without a call.
   */
  private askDate(t: number): IsoDate {
    const off = this.offsetAt(t);
    const known = this.known();
    if (!known.includes(off) && known.length < MAX_OFFSETS) known.push(off);
    return isoOfWall(t + off);
  }

  /** A date cell as read: settled now when that is free, else worked out when first looked at. */
  sheetDate(moment: Date): SheetDate {
    const t = moment.getTime();
    const seen = this.cells.get(t);
    if (seen) return seen;
    const iso = this.dates.get(t) ?? this.quickDate(t);
    if (iso) {
      const cell: SheetDate = Object.freeze({ date: iso });
      this.remember(this.cells, t, cell);
      return cell;
    }
    let date: IsoDate | undefined;
    const resolve = (): IsoDate => (date ??= this.isoDate(new Date(t)));
    return {
      get date(): IsoDate {
        return resolve();
      },
    };
  }

  /**
   * The moment the zone's clocks show `wallMs` (a wall-clock time given as a UTC timestamp). In a
   * spring-forward gap the clocks jump past it: the moment of the jump, as Sheets does.
   */
  instantOf(wallMs: number): number {
    const hit = this.instants.get(wallMs);
    if (hit !== undefined) return hit;
    const guess = wallMs - (this.known()[0] ?? 0);
    const off = this.offsetAt(guess);
    let t = wallMs - off;
    if (t !== guess && this.offsetAt(t) !== off) t = Math.max(t, guess);
    this.remember(this.instants, wallMs, t);
    return t;
  }

  /** Midnight at the start of `date`. */
  midnight(date: IsoDate): Date {
    return new Date(this.instantOf(wallOfIso(date)));
  }

  /** The moment of a wall-clock time 'YYYY-MM-DD HH:mm:ss' in the zone. */
  dateTime(text: string): Date {
    const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text);
    if (!m) throw new Error(`"${text}" is not a date and time (YYYY-MM-DD HH:mm:ss)`);
    const time = ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4])) * 1000;
    return new Date(this.instantOf(wallOfIso(m[1] as IsoDate, time)));
  }

  /** Today's date at `now`. */
  today(now: Date): IsoDate {
    return this.format(now, this.zone, 'yyyy-MM-dd');
  }

  /** 2016-09-13 09:05:00 at `now`. */
  timestamp(now: Date): string {
    return this.format(now, this.zone, 'yyyy-MM-dd HH:mm:ss');
  }

  private remember<K, V>(cache: Map<K, V>, key: K, value: V): void {
    if (cache.size > CACHE_LIMIT) cache.clear();
    cache.set(key, value);
  }
}

const calendars = new Map<string, ZoneCalendar>();

/** The zone's calendar for this execution (Apps Script starts each one afresh). */
export function calendarFor(timeZone: string): ZoneCalendar {
  let c = calendars.get(timeZone);
  if (!c) calendars.set(timeZone, (c = new ZoneCalendar(timeZone)));
  return c;
}

/** The calendar date a moment falls on in `timeZone`. */
export function isoDateInZone(moment: Date, timeZone: string): IsoDate {
  return calendarFor(timeZone).isoDate(moment);
}

/** Midnight at the start of `date` in `timeZone`. */
export function midnightInZone(date: IsoDate, timeZone: string): Date {
  return calendarFor(timeZone).midnight(date);
}

/** Today's calendar date in `timeZone`. */
export function todayInZone(timeZone: string, now: Date = new Date()): IsoDate {
  return calendarFor(timeZone).today(now);
}

/** A timestamp for the Log tab, in the studio's zone: 2016-09-13 09:05:00. */
export function timestampInZone(timeZone: string, now: Date = new Date()): string {
  return calendarFor(timeZone).timestamp(now);
}
