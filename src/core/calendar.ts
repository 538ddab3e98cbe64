// Calendar dates as 'YYYY-MM-DD' strings: the only form dates take across the core's boundary.
import { civilOf, dayNumberOf, daysInMonth, type Civil } from './civilDays';

/** A calendar date 'YYYY-MM-DD': no time of day, no zone (the spreadsheet's zone is implied). */
export type IsoDate = string;

/** A value that is not a calendar date, or a date step that leaves the supported years. */
export class DateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DateError';
  }
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

function civilFromText(s: string): Civil | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True for real dates only: 2016-02-29 yes, 2016-02-30 no. */
export function isIsoDate(s: string): boolean {
  return civilFromText(s) !== null;
}

/** Trims and checks a typed date; throws DateError naming the expected form. */
export function parseIsoDate(s: string): IsoDate {
  const t = s.trim();
  if (!isIsoDate(t)) throw new DateError(`Not a date: "${s}", expected YYYY-MM-DD`);
  return t;
}

function civil(d: IsoDate): Civil {
  const c = civilFromText(d);
  if (!c) throw new DateError(`Not a date: "${d}", expected YYYY-MM-DD`);
  return c;
}

function toText({ year, month, day }: Civil): IsoDate {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new DateError(`Date out of range: year ${year} (supported ${MIN_YEAR}..${MAX_YEAR})`);
  }
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// Billing compares the same few hundred dates across hundreds of thousands of rows: remember them.
const dayNumbers = new Map<string, number>();
const dayNumber = (d: IsoDate): number => {
  let n = dayNumbers.get(d);
  if (n === undefined) {
    n = dayNumberOf(civil(d));
    if (dayNumbers.size > 100_000) dayNumbers.clear();
    dayNumbers.set(d, n);
  }
  return n;
};
const isoDates = new Map<number, IsoDate>();
const fromDayNumber = (n: number): IsoDate => {
  let d = isoDates.get(n);
  if (d === undefined) {
    d = toText(civilOf(n));
    if (isoDates.size > 100_000) isoDates.clear();
    isoDates.set(n, d);
  }
  return d;
};

function assertInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new DateError(`${what} must be a whole number, got ${String(n)}`);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  assertInteger(n, 'Days to add');
  return fromDayNumber(dayNumber(d) + n);
}

/**
 * The anchor moved n months, its day kept where the month has it: 31 Jan +1 -> 28/29 Feb, +2 -> 31 Mar.
 * Always step from the anchor, never from a previous result, or 31 Mar would become 28 Mar.
 */
export function addMonthsClamped(anchor: IsoDate, n: number): IsoDate {
  assertInteger(n, 'Months to add');
  const { year, month, day } = civil(anchor);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return toText({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/**
 * The date as a count of days (later dates higher): a sort key worked out once per record, where
 * compareDates in a comparator would look up both dates at every one of a big sort's comparisons.
 */
export function dayIndex(d: IsoDate): number {
  return dayNumber(d);
}

export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const diff = dayNumber(a) - dayNumber(b);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

/** Days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: IsoDate): number {
  // Day 0 (1970-01-01) was a Thursday.
  return (((dayNumber(d) + 4) % 7) + 7) % 7;
}

/** The earliest of one or more dates (at least one, so there is always an answer). */
export function minDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  civil(first);
  return rest.reduce((a, b) => (compareDates(b, a) < 0 ? b : a), first);
}

/** The latest of one or more dates. */
export function maxDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  civil(first);
  return rest.reduce((a, b) => (compareDates(b, a) > 0 ? b : a), first);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** 'Tue 13 Sep 2016': for messages and invoices people read. */
export function formatDisplayDate(d: IsoDate): string {
  const { year, month, day } = civil(d);
  return `${WEEKDAYS[dayOfWeek(d)] ?? ''} ${day} ${MONTHS[month - 1] ?? ''} ${year}`;
}
