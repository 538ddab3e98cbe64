// Argument checks the spreadsheet classes share, with Apps Script's own messages.
import { isDateValue, type Env } from './env';

/** How Apps Script names an argument's type in "The parameters (...) don't match" errors. */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return Array.isArray(v[0]) ? 'Object[][]' : 'Object[]';
  if (isDateValue(v)) return 'Date';
  switch (typeof v) {
    case 'string':
      return 'String';
    case 'number':
      return 'number';
    case 'boolean':
      return 'Boolean';
    case 'undefined':
      return 'undefined';
    default:
      return 'Object';
  }
}

/** Apps Script converts a numeric argument to an int, refusing fractions and non-numbers. */
export function toInt(env: Env, v: unknown): number {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n))
    throw env.exception(`Cannot convert '${String(v)}' to int.`);
  return n;
}
