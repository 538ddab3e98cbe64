// What the commands share: reading options, calling the add-in and opening/saving the workbook.
import type { Io, Values } from './command';
import { openWorkbook, UsageError, type WorkbookSession } from './session';

type Result<T> = { ok: true; value: T } | { ok: false; error: string; field?: string };

/** A user error from the add-in: one line on stderr, exit 1, the workbook left as it was. */
export class ActionError extends Error {}

export function str(v: Values, k: string): string | undefined {
  const x = v[k];
  return typeof x === 'string' ? x : undefined;
}

export function date(v: Values, k: string): string | undefined {
  const d = str(v, k);
  if (d !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(d))
    throw new UsageError(`--${k} ${d}: dates are YYYY-MM-DD`);
  return d;
}

export function call<T>(s: WorkbookSession, fn: string, arg: Record<string, unknown>, v: Values): T {
  const r = s.addin.call<Result<T>>(fn, { ...arg, today: date(v, 'today') });
  if (!r.ok) throw new ActionError(r.error);
  return r.value;
}

/** Opens the workbook, runs `body`, saves on success. */
export async function withWorkbook(
  v: Values,
  io: Io,
  body: (s: WorkbookSession) => Promise<string> | string,
  create = false,
): Promise<number> {
  const path = str(v, 'workbook')!;
  io.progress(`Reading ${path}…`);
  const s = await openWorkbook(path, { create });
  const text = await body(s);
  io.progress(`Saving ${path}…`);
  await s.save();
  io.out(text);
  return 0;
}

export function json(v: Values, value: unknown): string | null {
  return v.json ? JSON.stringify(value, null, 2) : null;
}
