// Amounts and dates as banks and people write them in reports: "$1,100.00", "(220.00)", "16-Sep-2016" …
import { daysBetween, isIsoDate, type IsoDate } from '../calendar';
import { MoneyError, parseMoney, type Cents } from '../money';
import type { Cell } from './table';

/** A cell that does not hold the kind of value its column needs; the message names the value. */
export class ValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValueError';
  }
}

/** What tidy changes: a space other than a plain one, a zero-width space, two spaces, a space at an end. */
const UNTIDY = /[^\S ]|\u200b| {2}|^ | $/;

/** Non-breaking and other odd spaces become plain spaces; runs of spaces become one; ends trimmed. */
export function tidy(s: string): string {
  // Most cells are tidy already: one test instead of two replaces and a trim.
  if (!UNTIDY.test(s)) return s;
  return s
    .replace(/[\u00a0\u2000-\u200b\u202f\u3000]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const CURRENCY_PREFIX = /^(AUD|NZD|A\$|NZ\$)\s*/i;

/** Signed cents: "$1,100.00", "1100", "(220.00)", "-220", "220.00-", " 220 ", "AUD 55.00", a number cell. */
export function parseReportAmount(cell: Cell): Cents {
  if (typeof cell === 'object') throw new ValueError(`${cell.date} is a date, not an amount`);
  if (typeof cell === 'number') return money(cell, String(cell));
  let s = tidy(cell).replace(/\u2212/g, '-');
  if (s === '') throw new ValueError('the amount is blank');
  const trailingMinus = /^(.*\d)\s*-$/.exec(s);
  if (trailingMinus) s = `-${trailingMinus[1] ?? ''}`;
  const sign = /^[-+]/.exec(s)?.[0] ?? '';
  s = sign + s.slice(sign.length).replace(CURRENCY_PREFIX, '');
  return money(s, cell);
}

function money(input: string | number, shown: string): Cents {
  try {
    return parseMoney(input, { allowNegative: true });
  } catch (e) {
    if (!(e instanceof MoneyError)) throw e;
    if (/^Not an amount of money/.test(e.message)) {
      throw new ValueError(`"${shown}" is not an amount of money`);
    }
    throw new ValueError(e.message);
  }
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** "Sep", "sept", "September" -> 9; anything else -> null. */
function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(w) || (w === 'sept' && m === 'september'));
  return i < 0 ? null : i + 1;
}

function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

function iso(year: number, month: number, day: number): IsoDate | null {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const d = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  return year >= 1000 && isIsoDate(d) ? d : null;
}

const TIME = /(?:[ T]|^)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[ap]\.?m\.?)?(?: ?(?:Z|[+-]\d{2}:?\d{2}))?$/i;
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,? /i;

const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const NUMERIC = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/;
const DAY_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)?[ .-]?([a-z]+)\.?,?[ .-]?(\d{4}|\d{2})$/i;
const MONTH_NAME_DAY = /^([a-z]+)\.?[ .-]?(\d{1,2})(?:st|nd|rd|th)?,?[ .-]?(\d{4}|\d{2})$/i;

/** How a report's dates are read: day first or not, and the studio's date of a moment with a zone. */
export interface DateReading {
  dayFirst: boolean;
  toStudioDate?: (epochMs: number) => IsoDate;
}

/** A date-time with a zone, as APIs write it: 2019-11-17T21:30:00.000Z, 2019-11-18T08:30:00+11:00. */
const ZONED =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)? ?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The studio's date of a zoned date-time: 21:30 UTC on 17 Nov is 18 Nov in Sydney. Without a way to
 * know the studio's zone, the date as written. Null when the text is not a zoned date-time.
 */
function zonedToDate(text: string, toStudioDate: DateReading['toStudioDate']): IsoDate | null {
  const m = ZONED.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, sec = '0', frac = '0', zone = 'Z'] = m.slice(1) as string[];
  const written = iso(Number(y), Number(mo), Number(d));
  if (written === null || Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) return null;
  if (!toStudioDate) return written;
  const offset =
    zone.toUpperCase() === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  const ms = Math.round(Number(`0.${frac}`) * 1000);
  // Milliseconds since 1970-01-01T00:00Z, by calendar arithmetic (core reads no clock).
  const utc =
    daysBetween('1970-01-01', written) * 86_400_000 +
    ((Number(h) * 60 + Number(mi)) * 60 + Number(sec)) * 1000 +
    ms;
  return toStudioDate(utc - offset * 60_000);
}

function textToDate(
  text: string,
  dayFirst: boolean,
  toStudioDate?: DateReading['toStudioDate'],
): IsoDate | null {
  const zoned = zonedToDate(tidy(text), toStudioDate);
  if (zoned !== null) return zoned;
  const s = tidy(text)
    .replace(TIME, '')
    .trim()
    .replace(WEEKDAY, '')
    .replace(/ ?([/.-]) ?/g, '$1');
  let m = YMD.exec(s) ?? COMPACT.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    return dayFirst ? iso(fullYear(m[4] ?? ''), b, a) : iso(fullYear(m[4] ?? ''), a, b);
  }
  m = DAY_MONTH_NAME.exec(s);
  if (m) {
    const month = monthNumber(m[2] ?? '');
    return month === null ? null : iso(fullYear(m[3] ?? ''), month, Number(m[1]));
  }
  m = MONTH_NAME_DAY.exec(s);
  if (m) {
    const month = monthNumber(m[1] ?? '');
    return month === null ? null : iso(fullYear(m[3] ?? ''), month, Number(m[2]));
  }
  return null;
}

/**
 * A calendar date from "16/09/2016", "16/9/16", "2016-09-16", "20160916", "16-Sep-2016", "16 Sep 2016",
 * "Sep 16, 2016", "Fri 16 Sep 2016" or "16/09/2016 10:32" (the time is ignored). Slash, dash and dot
 * dates are day first unless dayFirst is false; two-digit years are 20xx. Impossible dates are errors.
 * A date-time with a zone ("2019-11-17T21:30:00.000Z") is the studio's date of that moment, through
 * toStudioDate when the caller gives it.
 */
export function parseReportDate(
  cell: Cell,
  dayFirst = true,
  toStudioDate?: DateReading['toStudioDate'],
): IsoDate {
  if (typeof cell === 'object') {
    if (isIsoDate(cell.date)) return cell.date;
    throw new ValueError(`"${cell.date}" is not a date`);
  }
  if (typeof cell === 'number') {
    // A sheet turns 20160916 into a number; anything else numeric has lost its date format.
    const d = Number.isInteger(cell) ? textToDate(String(cell), dayFirst) : null;
    if (d) return d;
    throw new ValueError(`${String(cell)} is a number, not a date`);
  }
  if (tidy(cell) === '') throw new ValueError('the date is blank');
  const d = textToDate(cell, dayFirst, toStudioDate);
  if (!d) throw new ValueError(`"${tidy(cell)}" is not a date`);
  return d;
}

/** True when a cell reads as an amount or a date: used to tell a data line from a header line. */
export function looksLikeValue(cell: Cell): boolean {
  if (typeof cell !== 'string') return true;
  if (tidy(cell) === '') return false;
  for (const read of [() => parseReportAmount(cell), () => parseReportDate(cell)]) {
    try {
      read();
      return true;
    } catch {
      // not this kind
    }
  }
  return false;
}
