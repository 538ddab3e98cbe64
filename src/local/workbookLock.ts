// One studio-ledger command at a time per workbook file, across processes: the CLI and the preview
// server take this lock before they read the workbook and release it after the atomic rename, so two
// commands at once never both save (one would silently lose the other's rows). The emulated
// LockService stays in-process; this is the file's own lock, a `<workbook>.lock` folder beside it.
import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import lockfile from 'proper-lockfile';

/** How long a command waits for another to finish before giving up. */
export const LOCK_WAIT_MS = 30_000;

/**
 * A lock not refreshed for this long is taken to be left by a process that died. The bundle runs
 * synchronously, so the refresh timer cannot fire during an action: this must be longer than the
 * longest action on the largest studio (Process Billing on the bench's 5x studio takes well under it).
 */
export const LOCK_STALE_MS = 15 * 60_000;

const POLL_MS = 100;

/** The workbook is held by another command for longer than the wait. */
export class WorkbookBusy extends Error {}

export interface WorkbookLock {
  /** Throws if the lock was lost while held (it went stale and another command took it). */
  check(): void;
}

/** The real file behind `path` (a link followed; a new file's folder resolved), so two names share a lock. */
function lockTarget(path: string): string {
  const full = resolve(path);
  try {
    return realpathSync(full);
  } catch {
    try {
      return join(realpathSync(dirname(full)), basename(full));
    } catch {
      return full;
    }
  }
}

/** In this process, callers for the same file queue here first (the file lock refuses a second holder). */
const queues = new Map<string, Promise<unknown>>();

function sleep(ms: number): Promise<void> {
  return new Promise((ok) => setTimeout(ok, ms));
}

/** The wait: LOCK_WAIT_MS, or STUDIO_LEDGER_LOCK_WAIT_MS for a script that would rather fail sooner. */
export function lockWaitMs(): number {
  const env = Number(process.env.STUDIO_LEDGER_LOCK_WAIT_MS);
  return Number.isFinite(env) && env >= 0 ? env : LOCK_WAIT_MS;
}

function busy(label: string, waitMs: number): WorkbookBusy {
  return new WorkbookBusy(
    `${label} is in use by another studio-ledger command (waited ${Math.round(waitMs / 1000)} s). ` +
      `Try again when it has finished; if none is running, delete the folder ${label}.lock.`,
  );
}

/** Resolves true when `p` settles before `ms` pass, false otherwise; leaves no timer behind. */
function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((ok) => (timer = setTimeout(() => ok(false), ms)));
  return Promise.race([p.then(() => true), late]).finally(() => clearTimeout(timer));
}

async function acquire(target: string, deadline: number, waiting: () => void, refuse: () => Error) {
  const state = { lost: null as Error | null };
  for (;;) {
    try {
      const release = await lockfile.lock(target, {
        realpath: false,
        stale: LOCK_STALE_MS,
        retries: 0,
        onCompromised: (e) => {
          state.lost = e;
        },
      });
      return { release, state };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
      if (Date.now() >= deadline) throw refuse();
      waiting();
      await sleep(Math.min(POLL_MS, Math.max(1, deadline - Date.now())));
    }
  }
}

/**
 * Runs `body` holding the workbook's lock; `label` is the path as the user gave it (for the message).
 * Waits up to `waitMs` in all (for a caller in this process, then for another process), telling
 * `onWait` once, then throws WorkbookBusy.
 */
export async function withWorkbookLock<T>(
  path: string,
  body: (lock: WorkbookLock) => Promise<T> | T,
  opts: { label?: string; waitMs?: number; onWait?: () => void } = {},
): Promise<T> {
  const target = lockTarget(path);
  const label = opts.label ?? path;
  const waitMs = opts.waitMs ?? lockWaitMs();
  const deadline = Date.now() + waitMs;
  let told = false;
  const waiting = (): void => {
    if (!told) opts.onWait?.();
    told = true;
  };
  const refuse = (): WorkbookBusy => busy(label, waitMs);
  const before = queues.get(target) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((ok) => (done = ok));
  const tail = before.then(() => mine);
  queues.set(target, tail);
  try {
    if (!(await within(before, 0))) {
      waiting();
      if (!(await within(before, Math.max(0, deadline - Date.now())))) throw refuse();
    }
    const { release, state } = await acquire(target, deadline, waiting, refuse);
    try {
      return await body({
        check: () => {
          if (state.lost)
            throw new WorkbookBusy(`${label}: another command took over its lock; nothing was saved.`);
        },
      });
    } finally {
      await release().catch(() => undefined);
    }
  } finally {
    done();
    if (queues.get(target) === tail) queues.delete(target);
  }
}
