// Reading and (atomically) writing the workbook file.
import { randomBytes } from 'node:crypto';
import { chmod, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { readWorkbookFrom, type ReadOptions } from './read';
import { workbookBytes, type WorkbookFile } from './write';

export interface WriteOptions {
  /**
   * Test hook: runs after the temporary file is complete (and synced) and before it is renamed over
   * the target. Throwing here aborts the save like any other failure.
   */
  beforeRename?: (tempPath: string) => void | Promise<void>;
}

/** Reads a .xlsx workbook. A file not written here loads too (see ReadOptions.timeZone). */
export async function readWorkbook(path: string, opts: ReadOptions = {}): Promise<WorkbookFile> {
  return readWorkbookFrom(path, opts);
}

/** Reads a workbook from .xlsx bytes. */
export async function readWorkbookBytes(bytes: Buffer, opts: ReadOptions = {}): Promise<WorkbookFile> {
  return readWorkbookFrom(bytes, opts);
}

/**
 * Saves the workbook: serialises it in memory, writes `.<name>.<pid>.<random>.tmp` next to the target,
 * syncs it and renames it over the target. On any failure the temporary file is removed and the
 * target is left exactly as it was. A symbolic link is followed (its target is replaced); an existing
 * file's permission bits are kept.
 */
export async function writeWorkbook(path: string, wb: WorkbookFile, opts: WriteOptions = {}): Promise<void> {
  const bytes = await workbookBytes(wb);
  await writeFileAtomic(path, bytes, opts);
}

export async function writeFileAtomic(
  path: string,
  data: Uint8Array,
  opts: WriteOptions = {},
): Promise<void> {
  let target = resolve(path);
  try {
    target = await realpath(target);
  } catch {
    // a new file
  }
  let mode: number | undefined;
  try {
    mode = (await stat(target)).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle = await open(temp, 'wx', mode ?? 0o666);
  try {
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined as unknown as typeof handle;
    if (mode !== undefined) await chmod(temp, mode);
    await opts.beforeRename?.(temp);
    await rename(temp, target);
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
  // Make the rename itself durable (best effort: not every platform can sync a directory).
  try {
    const d = await open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    // ignore
  }
}
