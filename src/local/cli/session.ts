// A workbook file opened for one command: load it into the emulation, run the bundle's server
// function, and save it back atomically only when the action succeeded.
import { existsSync } from 'node:fs';
import { createAppsScript } from '../gas';
import { UsageError } from './errors';
import { distDir, startAddin, type AddinRuntime } from '../runtime';
import { loadIntoEmulation, saveFromEmulation } from '../xlsx';

export interface WorkbookSession {
  addin: AddinRuntime;
  path: string;
  existed: boolean;
  save(): Promise<void>;
}

export async function openWorkbook(
  path: string,
  opts: { create?: boolean; codePath?: string; htmlDir?: string; timeZone?: string } = {},
): Promise<WorkbookSession> {
  const existed = existsSync(path);
  if (!existed && !opts.create)
    throw new UsageError(`No workbook at ${path}. Create one with: studio-ledger init --workbook ${path}`);
  const emu = createAppsScript({
    timeZone: opts.timeZone ?? 'Australia/Sydney',
    htmlDir: opts.htmlDir ?? distDir(),
  });
  if (existed) await loadIntoEmulation(path, emu);
  const addin = startAddin({ emu, codePath: opts.codePath });
  return { addin, path, existed, save: () => saveFromEmulation(path, emu) };
}
