// What the commands share: reading options, calling the add-in and opening/saving the workbook.
import type { Io, Values } from './command';
import type { ServerAnswer, ServerArg, ServerFn, ServerValue } from './server';
import { openWorkbook, UsageError, type WorkbookSession } from './session';

/** A user error from the add-in: one line on stderr, exit 1, the workbook left as it was. */
export class ActionError extends Error {}

export function str(v: Values, k: string): string | undefined {
  const x = v[k];
  return typeof x === 'string' ? x : undefined;
}

/** A required option's value (main.ts has already refused a command line without it). */
export function need(v: Values, k: string): string {
  const x = str(v, k);
  if (x === undefined || x === '') throw new UsageError(`--${k} is required`);
  return x;
}

export function date(v: Values, k: string): string | undefined {
  const d = str(v, k);
  if (d !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(d))
    throw new UsageError(`--${k} ${d}: dates are YYYY-MM-DD`);
  return d;
}

export function needDate(v: Values, k: string): string {
  need(v, k);
  return date(v, k)!;
}

/** Calls server function `fn` of dist/Code.js with --today; a refusal becomes an ActionError. */
export function call<K extends ServerFn>(
  s: WorkbookSession,
  fn: K,
  arg: ServerArg<K>,
  v: Values,
): ServerValue<K> {
  const r = s.addin.call<ServerAnswer<K>>(fn, { ...arg, today: date(v, 'today') });
  if (!r.ok) throw new ActionError(r.error);
  return (r as Extract<ServerAnswer<K>, { ok: true }>).value as ServerValue<K>;
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
