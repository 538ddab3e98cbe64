// Time-zone arithmetic for the emulation: offsets from Intl (cached), wall-clock <-> instant conversion,
// Sheets' date serial numbers, and Java SimpleDateFormat patterns for Utilities.formatDate.

const MS_PER_DAY = 86_400_000;
/** Day 0 of a Sheets date serial is 30 Dec 1899; 25569 is 1 Jan 1970. */
const SERIAL_EPOCH_OFFSET = 25_569;
const BUCKET_MS = 900_000; // zone transitions fall on whole quarter hours (UTC)

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();
const validZones = new Map<string, boolean>();

/** A zone name Intl knows, or a fixed offset such as "GMT+10", "UTC-03:30". */
const FIXED_OFFSET = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/i;

function fixedOffsetMs(zone: string): number | undefined {
  const m = FIXED_OFFSET.exec(zone);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  return sign * (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60_000;
}

export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone === '') return false;
  let ok = validZones.get(zone);
  if (ok === undefined) {
    if (fixedOffsetMs(zone) !== undefined) ok = true;
    else {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        ok = true;
      } catch {
        ok = false;
      }
    }
    validZones.set(zone, ok);
  }
  return ok;
}

/** Java's TimeZone.getTimeZone falls back to GMT for an unknown id; so does Utilities.formatDate. */
function javaZone(zone: string): string {
  return isValidTimeZone(zone) ? zone : 'GMT';
}

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

function computeOffset(zone: string, ms: number): number {
  const fixed = fixedOffsetMs(zone);
  if (fixed !== undefined) return fixed;
  const parts = formatter(zone).formatToParts(new Date(ms));
  let y = 0;
  let mo = 1;
  let d = 1;
  let h = 0;
  let mi = 0;
  let s = 0;
  let bc = false;
  for (const p of parts) {
    switch (p.type) {
      case 'year':
        y = Number(p.value);
        break;
      case 'month':
        mo = Number(p.value);
        break;
      case 'day':
        d = Number(p.value);
        break;
      case 'hour':
        h = Number(p.value);
        break;
      case 'minute':
        mi = Number(p.value);
        break;
      case 'second':
        s = Number(p.value);
        break;
      case 'era':
        bc = p.value.startsWith('B');
        break;
      default:
        break;
    }
  }
  const wall = new Date(0);
  wall.setUTCFullYear(bc ? 1 - y : y, mo - 1, d);
  wall.setUTCHours(h, mi, s, 0);
  return wall.getTime() - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The zone's offset from UTC at this instant, in ms (Sydney in September: +10 h). */
function zoneOffsetMs(zone: string, ms: number): number {
  let cache = offsetCache.get(zone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(zone, cache);
  }
  const bucket = Math.floor(ms / BUCKET_MS);
  let off = cache.get(bucket);
  if (off === undefined) {
    off = computeOffset(zone, bucket * BUCKET_MS);
    cache.set(bucket, off);
  }
  return off;
}

/** The wall-clock time at `ms` in `zone`, as a UTC timestamp (read it with getUTC* methods). */
export function instantToWallMs(ms: number, zone: string): number {
  return ms + zoneOffsetMs(zone, ms);
}

/**
 * The instant at which `zone`'s clocks show the wall time `wallMs` (given as a UTC timestamp). In a
 * spring-forward gap the clocks jump past that time: the result is the moment of the jump.
 */
export function wallMsToInstant(wallMs: number, zone: string): number {
  const guess = wallMs - zoneOffsetMs(zone, wallMs);
  const off = zoneOffsetMs(zone, guess);
  const t = wallMs - off;
  if (zoneOffsetMs(zone, t) === off) return t;
  return Math.max(t, guess);
}

/** Midnight of a calendar date in `zone` (month is 1-12). */
export function zonedMidnight(year: number, month: number, day: number, zone: string): Date {
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  return new Date(wallMsToInstant(wall.getTime(), zone));
}

/**
 * For the xlsx boundary: exceljs reads and writes dates as UTC wall clock. `wallClockToInstant` turns
 * its `2016-09-13T00:00:00Z` into what Apps Script hands out (Sydney midnight, `2016-09-12T14:00:00Z`);
 * `instantToWallClock` goes back.
 */
export function wallClockToInstant(wall: Date, zone: string): Date {
  return new Date(wallMsToInstant(wall.getTime(), zone));
}

export function instantToWallClock(instant: Date, zone: string): Date {
  return new Date(instantToWallMs(instant.getTime(), zone));
}

/** Sheets' serial number (days since 30 Dec 1899, fraction = time of day) of an instant, in `zone`. */
export function instantToSerial(ms: number, zone: string): number {
  return instantToWallMs(ms, zone) / MS_PER_DAY + SERIAL_EPOCH_OFFSET;
}

export function serialToInstant(serial: number, zone: string): number {
  const wall = Math.round((serial - SERIAL_EPOCH_OFFSET) * MS_PER_DAY);
  return wallMsToInstant(wall, zone);
}

interface WallParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
  offsetMs: number;
}

export function wallParts(ms: number, zone: string): WallParts {
  const offsetMs = zoneOffsetMs(zone, ms);
  const w = new Date(ms + offsetMs);
  return {
    year: w.getUTCFullYear(),
    month: w.getUTCMonth() + 1,
    day: w.getUTCDate(),
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
    second: w.getUTCSeconds(),
    millisecond: w.getUTCMilliseconds(),
    weekday: w.getUTCDay(),
    offsetMs,
  };
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function zoneName(ms: number, zone: string, long: boolean): string {
  const fixed = fixedOffsetMs(zone);
  if (fixed !== undefined || zone === 'GMT' || zone === 'UTC') return offsetText(fixed ?? 0, 'gmt');
  for (const locale of ['en-US', 'en-AU', 'en-GB']) {
    const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: long ? 'long' : 'short' })
      .formatToParts(new Date(ms))
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name && !/^GMT[+-]/.test(name)) return name;
  }
  return offsetText(zoneOffsetMs(zone, ms), 'gmt');
}

function offsetText(offsetMs: number, style: 'rfc' | 'iso1' | 'iso2' | 'iso3' | 'gmt'): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.abs(Math.round(offsetMs / 60_000));
  const hh = pad(Math.floor(total / 60), 2);
  const mm = pad(total % 60, 2);
  switch (style) {
    case 'rfc':
      return `${sign}${hh}${mm}`;
    case 'iso1':
      return offsetMs === 0 ? 'Z' : `${sign}${hh}${total % 60 ? mm : ''}`;
    case 'iso2':
      return offsetMs === 0 ? 'Z' : `${sign}${hh}${mm}`;
    case 'iso3':
      return offsetMs === 0 ? 'Z' : `${sign}${hh}:${mm}`;
    case 'gmt':
      return offsetMs === 0 ? 'GMT' : `GMT${sign}${hh}:${mm}`;
  }
}

/**
 * Java SimpleDateFormat, as Utilities.formatDate uses it: y M L d E u D H k K h m s S a z Z X, quoted
 * literals ('at', '' for a quote). Other letters throw, like Java's IllegalArgumentException.
 */
export function formatJavaDate(ms: number, zone: string, pattern: string): string {
  const tz = javaZone(zone);
  const p = wallParts(ms, tz);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      if (pattern.charAt(i + 1) === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let lit = '';
      while (j < pattern.length) {
        if (pattern.charAt(j) === "'") {
          if (pattern.charAt(j + 1) === "'") {
            lit += "'";
            j += 2;
            continue;
          }
          break;
        }
        lit += pattern.charAt(j);
        j++;
      }
      if (j >= pattern.length) throw new Error(`Unterminated quote in date pattern: ${pattern}`);
      out += lit;
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern.charAt(i + n) === ch) n++;
    i += n;
    switch (ch) {
      case 'y':
      case 'Y':
        out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        break;
      case 'M':
      case 'L':
        if (n >= 4) out += MONTHS[p.month - 1];
        else if (n === 3) out += (MONTHS[p.month - 1] ?? '').slice(0, 3);
        else out += pad(p.month, n);
        break;
      case 'd':
        out += pad(p.day, n);
        break;
      case 'E':
        out += n >= 4 ? WEEKDAYS[p.weekday] : (WEEKDAYS[p.weekday] ?? '').slice(0, 3);
        break;
      case 'u':
        out += pad(p.weekday === 0 ? 7 : p.weekday, n);
        break;
      case 'D': {
        const start = Date.UTC(p.year, 0, 1);
        const today = Date.UTC(p.year, p.month - 1, p.day);
        out += pad(Math.round((today - start) / MS_PER_DAY) + 1, n);
        break;
      }
      case 'H':
        out += pad(p.hour, n);
        break;
      case 'k':
        out += pad(p.hour === 0 ? 24 : p.hour, n);
        break;
      case 'K':
        out += pad(p.hour % 12, n);
        break;
      case 'h':
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
        break;
      case 'm':
        out += pad(p.minute, n);
        break;
      case 's':
        out += pad(p.second, n);
        break;
      case 'S':
        out += pad(p.millisecond, Math.max(n, 3)).slice(0, Math.max(n, 3));
        break;
      case 'a':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'z':
        out += zoneName(ms, tz, n >= 4);
        break;
      case 'Z':
        out += offsetText(p.offsetMs, 'rfc');
        break;
      case 'X':
        out += offsetText(p.offsetMs, n === 1 ? 'iso1' : n === 2 ? 'iso2' : 'iso3');
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}
