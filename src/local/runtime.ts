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

/**
 * Code.js loaded into a context: a function taking the context's builtins (Math, Map, Date, ...) and
 * returning the bundle's top-level functions. In a vm context every lookup of a global goes through the
 * context's interceptor, some 50 times slower than a plain global (a loop of Math.round runs 4.5 s
 * instead of 80 ms), and the bundle looks up Math, Number and Map per cell: the builtins are handed in as
 * parameters so the add-in runs at the speed it has in Apps Script. The services (SpreadsheetApp, ...)
 * stay globals, read when called, and the functions are put back on the context as Apps Script has them.
 */
interface LoadedCode {
  script: vm.Script;
  /** The context names passed in as parameters, in order. */
  builtins: string[];
  functions: string[];
}

const scripts = new Map<string, LoadedCode>();

/** The standard builtins of a fresh context that can be parameter names. */
const BUILTINS: string[] = (vm.runInNewContext('Object.getOwnPropertyNames(globalThis)') as string[]).filter(
  (n) =>
    /^[A-Za-z_$][\w$]*$/.test(n) &&
    !['eval', 'arguments', 'undefined', 'NaN', 'Infinity', 'globalThis'].includes(n),
);

function loaded(codePath: string): LoadedCode {
  let s = scripts.get(codePath);
  if (!s) {
    const code = readFileSync(codePath, 'utf8');
    // Apps Script sees the top-level function declarations (build.mjs emits one per export).
    const functions = [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1]!);
    const builtins = [...BUILTINS, 'Date'].filter((n, i, all) => all.indexOf(n) === i);
    const source = `(function (${builtins.join(', ')}) {\n${code}\n;return { ${functions.map((f) => `${f}: typeof ${f} === 'function' ? ${f} : undefined`).join(', ')} };\n})`;
    s = { script: new vm.Script(source, { filename: 'Code.js', lineOffset: -1 }), builtins, functions };
    scripts.set(codePath, s);
  }
  return s;
}

function runInto(code: LoadedCode, ctx: vm.Context): void {
  const load = code.script.runInContext(ctx) as (...builtins: unknown[]) => Record<string, unknown>;
  // The values as the context sees them (the emulation's clocked Date, the realm-patched Array).
  const values = vm.runInContext(`[${code.builtins.join(', ')}]`, ctx) as unknown[];
  const fns = load(...values);
  // A line of embedded text that merely starts like a declaration names nothing: it is left out.
  for (const f of code.functions) if (typeof fns[f] === 'function') ctx[f] = fns[f];
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
  runInto(loaded(opts.codePath ?? `${distDir()}/Code.js`), ctx);
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
