// Reading the fields of a sidebar or CLI request: each error names the field it belongs to.
import {
  addDays,
  addMonthsClamped,
  compareDates,
  DateError,
  formatDisplayDate,
  parseIsoDate,
  type IsoDate,
} from '../../core/calendar';
import { MoneyError, parseMoney, type Cents } from '../../core/money';
import { UserError } from '../errors';

export function dateField(value: unknown, field: string, label: string): IsoDate {
  if (typeof value !== 'string' || !value.trim()) throw new UserError(`${label} is required.`, field);
  try {
    return parseIsoDate(value);
  } catch (e) {
    throw new UserError(`${label}: ${e instanceof DateError ? e.message : 'not a date'}`, field);
  }
}

export function optionalDateField(value: unknown, field: string, label: string): IsoDate | null {
  if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) return null;
  return dateField(value, field, label);
}

export function moneyField(value: unknown, field: string, label: string): Cents {
  if (typeof value !== 'string' && typeof value !== 'number')
    throw new UserError(`${label} is required.`, field);
  try {
    return parseMoney(value);
  } catch (e) {
    throw new UserError(`${label}: ${e instanceof MoneyError ? e.message : 'not an amount'}`, field);
  }
}

export function textField(
  value: unknown,
  field: string,
  label: string,
  opts: { required?: boolean; max?: number } = {},
): string {
  const s =
    typeof value === 'string'
      ? value.trim()
      : value === undefined || value === null
        ? ''
        : String(value).trim();
  if (!s && opts.required) throw new UserError(`${label} is required.`, field);
  if (s.length > (opts.max ?? 200))
    throw new UserError(`${label} is longer than ${opts.max ?? 200} characters.`, field);
  return s;
}

/** How a message shows a date to whoever reads it. */
export type DateText = (d: IsoDate) => string;

/**
 * The sidebars read 'Tue 13 Sep 2016'; the command line prints every date as YYYY-MM-DD and asks for
 * its messages the same way with `dates: 'iso'`.
 */
export function dateTextFor(style: unknown): DateText {
  return style === 'iso' ? (d) => d : formatDisplayDate;
}

/** No date the studio types is meant to be after this: a later one is a typo in the year. */
export const LAST_PLAUSIBLE_DATE = '2100-12-31';

/** A typed date, refused (naming the field) when it is after 2100. */
export function notPast2100(d: IsoDate, field: string, label: string): IsoDate {
  if (compareDates(d, LAST_PLAUSIBLE_DATE) > 0)
    throw new UserError(`${label} ${d} is after 2100: check the year.`, field);
  return d;
}

/** A sale is entered near the day it is made: a year back covers paperwork caught up late. */
export const SALE_DAYS_AHEAD = 60;

export function plausibleSaleDate(d: IsoDate, today: IsoDate): IsoDate {
  const earliest = addMonthsClamped(today, -12);
  const latest = addDays(today, SALE_DAYS_AHEAD);
  if (compareDates(d, earliest) < 0)
    throw new UserError(
      `Sale date ${d} is more than a year before today (${today}): check the year.`,
      'saleDate',
    );
  if (compareDates(d, latest) > 0)
    throw new UserError(
      `Sale date ${d} is more than ${SALE_DAYS_AHEAD} days after today (${today}): check the year.`,
      'saleDate',
    );
  return d;
}
