// The files a command reads and writes, checked before the action runs: a missing folder, a folder
// where a file should be, or the debit file pointed at the workbook is refused with a plain line
// (exit 1) instead of failing half-way with a system error naming a temporary file.
import { statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ActionError } from './errors';

function stats(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** `path` may be written: its folder exists and it is not itself a folder. */
export function checkWritable(path: string, what: string): void {
  const dir = dirname(resolve(path));
  if (!stats(dir)?.isDirectory()) throw new ActionError(`No folder ${dir} for ${what} ${path}.`);
  if (stats(path)?.isDirectory())
    throw new ActionError(`${what[0]!.toUpperCase()}${what.slice(1)} ${path} is a folder, not a file.`);
}

/** The same file under two names (also through a link or `..`)? */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  const sa = stats(a);
  const sb = stats(b);
  return sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino;
}

const PLAIN: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
};

/** A system error as a plain reason, or null when it is no file error (a defect: exit 3). */
export function fileReason(e: unknown): string | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && code in PLAIN ? PLAIN[code]! : null;
}
