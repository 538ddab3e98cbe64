// Reading the fields of a sidebar or CLI request: each error names the field it belongs to.
import { DateError, parseIsoDate, type IsoDate } from '../../core/calendar';
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
