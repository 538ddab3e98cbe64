// Reading and (atomically) writing the workbook file.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, open, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { readWorkbookFrom, type ReadOptions } from './read';
import { modelSource, writeSourceWorkbook, type SourceWorkbook, type WorkbookFile } from './write';

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
 * Saves the workbook: streams it into `.<name>.<pid>.<random>.tmp` next to the target, syncs it and
 * renames it over the target. On any failure the temporary file is removed and the target is left
 * exactly as it was. A symbolic link is followed (its target is replaced); an existing file's
 * permission bits are kept.
 */
export async function writeWorkbook(path: string, wb: WorkbookFile, opts: WriteOptions = {}): Promise<void> {
  await writeSourceFile(path, { ...wb, sheets: wb.sheets.map(modelSource) }, opts);
}

/** writeWorkbook for tabs whose rows come a block at a time. */
export async function writeSourceFile(
  path: string,
  wb: SourceWorkbook,
  opts: WriteOptions = {},
): Promise<void> {
  await writeAtomic(path, (handle, temp) => writeSourceWorkbook(wb, fileSink(handle, temp)), opts);
}

/**
 * The file as a stream, in writes of up to 1 MB. It writes through the handle's descriptor and leaves
 * it open (a stream given the FileHandle itself holds it, and close() would then never return).
 */
function fileSink(handle: FileHandle, path: string): Writable {
  return createWriteStream(path, { fd: handle.fd, autoClose: false, highWaterMark: 1 << 20 });
}

export async function writeFileAtomic(
  path: string,
  data: Uint8Array,
  opts: WriteOptions = {},
): Promise<void> {
  await writeAtomic(path, (handle) => handle.writeFile(data), opts);
}

/** Fills a new temporary file next to the target with `fill`, then renames it over the target. */
async function writeAtomic(
  path: string,
  fill: (handle: FileHandle, temp: string) => Promise<void>,
  opts: WriteOptions,
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
    await fill(handle, temp);
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
