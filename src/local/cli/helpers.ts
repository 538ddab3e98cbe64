// What the commands share: reading options, calling the add-in and opening/saving the workbook.
import { isIsoDate } from '../../core/calendar';
import type { Io, Values } from './command';
import { ActionError, UsageError } from './errors';
import { checkWritable, fileReason } from './files';
import type { ServerAnswer, ServerArg, ServerFn, ServerValue } from './server';
import { openWorkbook, type WorkbookSession } from './session';
import { withWorkbookLock, WorkbookBusy } from '../workbookLock';

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

/** --today is checked here, not by the add-in, so a wrong one names the option (exit 2). */
export function today(v: Values): string | undefined {
  const d = date(v, 'today');
  if (d !== undefined && !isIsoDate(d)) throw new UsageError(`--today ${d}: there is no such date`);
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
  const r = s.addin.call<ServerAnswer<K>>(fn, { ...arg, today: today(v) });
  if (!r.ok) throw new ActionError(r.error);
  return (r as Extract<ServerAnswer<K>, { ok: true }>).value as ServerValue<K>;
}

/** What a body returns when it changed nothing: the workbook is not saved (its bytes stay as they are). */
export interface Unchanged {
  unchanged: string;
}

export function unchanged(text: string): Unchanged {
  return { unchanged: text };
}

/**
 * Opens the workbook, runs `body`, saves on success (unless the body changed nothing). The file's lock
 * is held from before the read until after the rename, so a command running at the same time waits
 * (up to 30 s) instead of saving over this one's changes.
 */
export async function withWorkbook(
  v: Values,
  io: Io,
  body: (s: WorkbookSession) => Promise<string | Unchanged> | string | Unchanged,
  create = false,
): Promise<number> {
  const path = need(v, 'workbook');
  today(v);
  checkWritable(path, 'the workbook');
  try {
    return await withWorkbookLock(path, (lock) => run(path, io, body, create, lock.check), {
      onWait: () => io.progress(`Waiting for ${path}: another studio-ledger command is using it…`),
    });
  } catch (e) {
    if (e instanceof WorkbookBusy) throw new ActionError(e.message);
    throw e;
  }
}

async function run(
  path: string,
  io: Io,
  body: (s: WorkbookSession) => Promise<string | Unchanged> | string | Unchanged,
  create: boolean,
  stillHeld: () => void,
): Promise<number> {
  io.progress(`Reading ${path}…`);
  const s = await open(path, create);
  const result = await body(s);
  if (typeof result !== 'string') {
    io.out(result.unchanged);
    return 0;
  }
  stillHeld();
  io.progress(`Saving ${path}…`);
  try {
    await s.save();
  } catch (e) {
    const why = fileReason(e);
    if (why) throw new ActionError(`Cannot save ${path}: ${why}. It was left as it was.`);
    throw e;
  }
  io.out(result);
  return 0;
}

async function open(path: string, create: boolean): Promise<WorkbookSession> {
  try {
    return await openWorkbook(path, { create });
  } catch (e) {
    // The reader's own message carries the zip library's wording; a person needs only this.
    if (e instanceof Error && /^Cannot read .* as an \.xlsx workbook/.test(e.message))
      throw new ActionError(
        `Cannot read ${path} as an .xlsx workbook: ${fileReason(e.cause) ?? 'it is not an .xlsx file'}.`,
      );
    const why = fileReason(e);
    if (why) throw new ActionError(`Cannot read ${path}: ${why}.`);
    throw e;
  }
}

export function json(v: Values, value: unknown): string | null {
  return v.json ? JSON.stringify(value, null, 2) : null;
}
