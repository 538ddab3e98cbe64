// Fixed-width field formatting, the field limits and the date and BSB forms of ABA files.
import { DateError, isIsoDate, type IsoDate } from '../calendar';
import type { Cents } from '../money';

/** Left-justified, blank-filled: names and references. */
export const padRight = (s: string, w: number): string => s.padEnd(w, ' ');

/** Right-justified, blank-filled: account numbers. */
export const padLeft = (s: string, w: number): string => s.padStart(w, ' ');

/** Right-justified, zero-filled: amounts, counts, user ID. */
export const zeroFill = (n: number | string, w: number): string => String(n).padStart(w, '0');

export const blanks = (w: number): string => ' '.repeat(w);

/** The largest amount a 10-digit cents field holds: $99,999,999.99. */
export const MAX_ABA_CENTS: Cents = 9_999_999_999;

/** The largest count of detail records the 6-digit count field holds. */
export const MAX_ABA_RECORDS = 999_999;

/** 2016-09-16 -> '160916'. The file has a two-digit year, so only 2000..2099 can be written. */
export function toDdmmyy(d: IsoDate): string {
  if (!isIsoDate(d) || !d.startsWith('20')) throw new DateError(`Cannot write ${d} as DDMMYY`);
  return `${d.slice(8, 10)}${d.slice(5, 7)}${d.slice(2, 4)}`;
}

/** '160916' -> 2016-09-16 (years read as 20YY), or null if not a real date. */
export function fromDdmmyy(s: string): IsoDate | null {
  if (!/^\d{6}$/.test(s)) return null;
  const iso = `20${s.slice(4, 6)}-${s.slice(2, 4)}-${s.slice(0, 2)}`;
  return isIsoDate(iso) ? iso : null;
}

/** '123456' or '123-456' -> '123-456'; anything else null. */
export function normaliseBsb(s: string): string | null {
  const m = /^(\d{3})-?(\d{3})$/.exec(s.trim());
  return m ? `${m[1] ?? ''}-${m[2] ?? ''}` : null;
}
