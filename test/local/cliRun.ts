// Running the command line in-process, and reading a tab back from a saved workbook, for CLI tests.
import { runCli } from '../../src/local/cli/main';
import { createAppsScript } from '../../src/local/gas';
import { loadIntoEmulation } from '../../src/local/xlsx';

export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    progress: () => undefined,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

export async function tab(path: string, name: string): Promise<string[][]> {
  const emu = createAppsScript();
  await loadIntoEmulation(path, emu);
  return emu.spreadsheet.getSheetByName(name)!.getDataRange().getDisplayValues();
}
