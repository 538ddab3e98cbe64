// How often instalments fall due and billing runs.
import { addDays, addMonthsClamped, type IsoDate } from './calendar';

export type Frequency = 'Weekly' | 'Fortnightly' | 'Four-weekly' | 'Monthly';

export const FREQUENCIES: readonly Frequency[] = ['Weekly', 'Fortnightly', 'Four-weekly', 'Monthly'];

/** Days per step for the fixed-length frequencies; Monthly steps by calendar month instead. */
export const FREQUENCY_DAYS: Readonly<Record<Exclude<Frequency, 'Monthly'>, number>> = {
  Weekly: 7,
  Fortnightly: 14,
  'Four-weekly': 28,
};

// Keyed by the text with case, spaces, hyphens and underscores removed.
const SPELLINGS: Readonly<Record<string, Frequency>> = {
  weekly: 'Weekly',
  fortnightly: 'Fortnightly',
  fourweekly: 'Four-weekly',
  '4weekly': 'Four-weekly',
  monthly: 'Monthly',
};

/** Reads 'fortnightly', 'Four weekly', '4-weekly' …; throws naming the allowed values. */
export function parseFrequency(s: string): Frequency {
  const found = SPELLINGS[s.toLowerCase().replace(/[\s\-_]+/g, '')];
  if (!found) {
    throw new Error(`Unknown frequency "${s}": expected one of ${FREQUENCIES.join(', ')}`);
  }
  return found;
}

/**
 * The index-th date of a schedule (index 0 is the anchor; negative indexes run backwards).
 * Monthly is computed from the anchor each time so a 31st comes back after a short month.
 */
export function scheduleDate(anchor: IsoDate, freq: Frequency, index: number): IsoDate {
  if (!Number.isSafeInteger(index)) throw new Error(`Schedule index must be a whole number, got ${index}`);
  if (freq === 'Monthly') return addMonthsClamped(anchor, index);
  const step = FREQUENCY_DAYS[freq];
  if (step === undefined) throw new Error(`Unknown frequency "${String(freq)}"`);
  return addDays(anchor, step * index);
}

/** The first `count` dates of a schedule, starting with the anchor. */
export function schedule(anchor: IsoDate, freq: Frequency, count: number): IsoDate[] {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new Error(`Schedule length must be a whole number, 0 or more, got ${count}`);
  }
  return Array.from({ length: count }, (_, i) => scheduleDate(anchor, freq, i));
}
