// Runs the real bundle (dist/Code.js) against the Apps Script emulation: the CLI, the demo, the preview
// server and the bench all call the add-in's own server functions this way, so they cannot disagree.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { createAppsScript, type AppsScriptEmulation } from './gas';
import { acrossScriptRun } from './plainData';

export interface AddinRuntime {
  emu: AppsScriptEmulation;
  /** Calls a top-level function of Code.js with plain data, as google.script.run would. */
  call<T = unknown>(fn: string, ...args: unknown[]): T;
  has(fn: string): boolean;
}

const scripts = new Map<string, vm.Script>();

function script(codePath: string): vm.Script {
  let s = scripts.get(codePath);
  if (!s) {
    s = new vm.Script(readFileSync(codePath, 'utf8'), { filename: 'Code.js' });
    scripts.set(codePath, s);
  }
  return s;
}

/** Where the built add-in lives: the bin sets it, so the CLI works from any folder. */
export function distDir(): string {
  return process.env.STUDIO_LEDGER_DIST ?? 'dist';
}

export function startAddin(
  opts: { emu?: AppsScriptEmulation; codePath?: string; timeZone?: string; htmlDir?: string } = {},
): AddinRuntime {
  const emu =
    opts.emu ??
    createAppsScript({ timeZone: opts.timeZone ?? 'Australia/Sydney', htmlDir: opts.htmlDir ?? distDir() });
  const ctx = emu.createContext();
  script(opts.codePath ?? `${distDir()}/Code.js`).runInContext(ctx);
  return {
    emu,
    has: (fn) => typeof ctx[fn] === 'function',
    call<T>(fn: string, ...args: unknown[]): T {
      const f = ctx[fn] as unknown;
      if (typeof f !== 'function') throw new Error(`Code.js has no top-level function ${fn}`);
      const plain = args.map((a, i) => acrossScriptRun(a, String(i)));
      const out = (f as (...a: unknown[]) => T)(...plain);
      // Results cross google.script.run as plain data too: a Date or function in one fails the call.
      return acrossScriptRun(out) as T;
    },
  };
}
