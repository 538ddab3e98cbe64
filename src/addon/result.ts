// Server functions return plain data: a value, or a user's error as one line (never a stack trace).
import { UserError } from '../sheets/errors';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string; field?: string };

// The core's own errors are about the studio's data (a sale with no frequency, a date that does not
// exist): a person can fix them, so they are shown as one line too.
const DATA_ERRORS: ReadonlySet<string> = new Set([
  'SaleError',
  'MoneyError',
  'DateError',
  'HoldError',
  'AbaError',
  'ValueError',
  'ReportFormatError',
]);

export function attempt<T>(fn: () => T): Result<T> {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (e instanceof UserError) return { ok: false, error: e.message, field: e.field };
    if (e instanceof Error && DATA_ERRORS.has(e.name))
      return { ok: false, error: (e.message.split('\n')[0] ?? '').trim() };
    throw e;
  }
}

/** google.script.run passes plain data only: no Dates, functions or undefined in arrays. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
