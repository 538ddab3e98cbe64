// Loads the real bundle (dist/Code.js) into a vm context whose globals are the Apps Script emulation,
// so tests drive the same entry points Apps Script calls.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { createAppsScript, type AppsScriptEmulation } from '../../src/local/gas';

const code = readFileSync('dist/Code.js', 'utf8');
const script = new vm.Script(code, { filename: 'Code.js' });

export interface Addin {
  emu: AppsScriptEmulation;
  /** Calls a top-level function of Code.js, as Apps Script would. */
  run<T = unknown>(fn: string, ...args: unknown[]): T;
  /** Values of a tab as plain data (dates as YYYY-MM-DD), for asserting rows. */
  tab(name: string): unknown[][];
  sheet(name: string): GoogleAppsScript.Spreadsheet.Sheet;
}

/** A fresh add-in execution; pass `emu` to run a second execution against the same spreadsheet. */
export function loadAddin(opts: { timeZone?: string; emu?: AppsScriptEmulation } = {}): Addin {
  const emu =
    opts.emu ?? createAppsScript({ timeZone: opts.timeZone ?? 'Australia/Sydney', htmlDir: 'dist' });
  const ctx = emu.createContext();
  script.runInContext(ctx);
  const zone = opts.timeZone ?? 'Australia/Sydney';
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return {
    emu,
    run<T>(fn: string, ...args: unknown[]): T {
      const f = ctx[fn] as unknown;
      if (typeof f !== 'function') throw new Error(`Code.js has no top-level function ${fn}`);
      // Arguments cross google.script.run as JSON-like data; make sure ours do too.
      return (f as (...a: unknown[]) => T)(
        ...args.map((a) => (a === undefined ? a : JSON.parse(JSON.stringify(a)))),
      );
    },
    tab(name: string): unknown[][] {
      const sheet = emu.spreadsheet.getSheetByName(name);
      if (!sheet) throw new Error(`no tab ${name}`);
      const values = sheet.getDataRange().getValues();
      return values.map((row) => row.map((v) => (v instanceof Date ? fmt.format(v) : v)));
    },
    sheet(name: string) {
      const sheet = emu.spreadsheet.getSheetByName(name);
      if (!sheet) throw new Error(`no tab ${name}`);
      return sheet;
    },
  };
}

/** Rows of a tab as objects keyed by header, blank rows dropped. */
export function records(rows: unknown[][]): Record<string, unknown>[] {
  const [header, ...body] = rows;
  return body
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries((header ?? []).map((h, i) => [String(h), r[i]])));
}
