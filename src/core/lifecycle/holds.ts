// Holiday holds: a sale paused from one date to another (both days included). A sale may have several.
// They are kept on the Sales tab as readable text: "2016-10-01 to 2016-10-14; 2016-12-20 to 2017-01-09".
import { compareDates, daysBetween, isIsoDate, type IsoDate } from '../calendar';

export interface Hold {
  /** First day of the hold. */
  from: IsoDate;
  /** Last day of the hold (included). */
  to: IsoDate;
}

/** A hold longer than this is a typo (or a cancellation): refused. */
export const MAX_HOLD_DAYS = 366;

/** A hold that cannot be used; the message says why. */
export class HoldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HoldError';
  }
}

/** Every problem with a hold, as one message, or null when it is fine. */
export function holdProblem(h: Hold): string | null {
  if (!isIsoDate(h.from)) return `"${h.from}" is not a date (expected YYYY-MM-DD)`;
  if (!isIsoDate(h.to)) return `"${h.to}" is not a date (expected YYYY-MM-DD)`;
  if (compareDates(h.to, h.from) < 0) return `the hold ends (${h.to}) before it starts (${h.from})`;
  if (daysBetween(h.from, h.to) + 1 > MAX_HOLD_DAYS)
    return `a hold can be at most ${MAX_HOLD_DAYS} days (${h.from} to ${h.to} is ${daysBetween(h.from, h.to) + 1})`;
  return null;
}

export function isInHold(date: IsoDate, h: Hold): boolean {
  return compareDates(date, h.from) >= 0 && compareDates(date, h.to) <= 0;
}

/** The hold that contains the date, if any. */
export function holdAt(date: IsoDate, holds: readonly Hold[]): Hold | undefined {
  return holds.find((h) => isInHold(date, h));
}

/** Holds in date order, so schedules and text read the same whatever order they were added in. */
export function sortHolds(holds: readonly Hold[]): Hold[] {
  return [...holds].sort((a, b) => compareDates(a.from, b.from) || compareDates(a.to, b.to));
}

const SEPARATOR = /\s*(?:to|until|till|through|\.\.|–|—)\s*/i;

/**
 * Reads the Holds text: ranges separated by ";" or new lines, each "FROM to TO". `parseDate` reads one
 * date as the workbook does (YYYY-MM-DD or D/M/YYYY); it returns null for anything else. Throws HoldError.
 */
export function parseHolds(text: string, parseDate: (s: string) => IsoDate | null): Hold[] {
  const out: Hold[] = [];
  for (const part of text.split(/[;\n]+/)) {
    const t = part.trim();
    if (!t) continue;
    const bits = t.split(SEPARATOR);
    if (bits.length !== 2)
      throw new HoldError(`"${t}" is not a hold: write it as "2016-10-01 to 2016-10-14"`);
    const from = parseDate(bits[0]!);
    const to = parseDate(bits[1]!);
    if (!from || !to) throw new HoldError(`"${t}" is not a hold: write it as "2016-10-01 to 2016-10-14"`);
    const h = { from, to };
    const problem = holdProblem(h);
    if (problem) throw new HoldError(`"${t}": ${problem}`);
    out.push(h);
  }
  return sortHolds(out);
}

export function formatHolds(holds: readonly Hold[]): string {
  return sortHolds(holds)
    .map((h) => `${h.from} to ${h.to}`)
    .join('; ');
}
