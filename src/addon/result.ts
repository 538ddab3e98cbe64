// Server functions return plain data: a value, or a user's error as one line (never a stack trace).
import { UserError } from '../sheets/errors';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string; field?: string };

export function attempt<T>(fn: () => T): Result<T> {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (e instanceof UserError) return { ok: false, error: e.message, field: e.field };
    throw e;
  }
}

/** google.script.run passes plain data only: no Dates, functions or undefined in arrays. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
