// google.script.run as promises, typed from the add-in's own exports: a call names a server function and
// gets that function's result type, so the sidebars copy no server interface. The import is type-only
// (erased), so no server code reaches a sidebar bundle. The same calls work against the preview bridge.
import type * as Server from '../../addon/index';

export type { Result } from '../../addon/result';

type Exports = typeof Server;

/** The exports a sidebar may call: those that answer with data (menu items and triggers answer nothing). */
export type ServerFn = {
  [K in keyof Exports]: ReturnType<Exports[K]> extends void ? never : K;
}[keyof Exports];

/** The argument list of a server function: one request object, optional where the server's is. */
export type ServerArgs<K extends ServerFn> = Parameters<Exports[K]>;

/** What the server function answers, e.g. Result<SalePreview> for 'sellPackage'. */
export type ServerResult<K extends ServerFn> = ReturnType<Exports[K]>;

/** The value of a successful answer, e.g. ServerValue<'getSellForm'> is the Sell package form. */
export type ServerValue<K extends ServerFn> =
  Extract<ServerResult<K>, { ok: true }> extends {
    value: infer V;
  }
    ? V
    : never;

export type ServerCall = <K extends ServerFn>(fn: K, ...args: ServerArgs<K>) => Promise<ServerResult<K>>;

interface ScriptRun {
  withSuccessHandler(f: (v: unknown) => void): ScriptRun;
  withFailureHandler(f: (e: Error) => void): ScriptRun;
  [fn: string]: unknown;
}
declare const google: { script: { run: ScriptRun } };

/** google.script.run answers with whatever the server returned; the type comes from the export. */
export const callServer = ((fn: string, arg?: unknown) =>
  new Promise<unknown>((resolve, reject) => {
    const run = google.script.run
      .withSuccessHandler(resolve)
      .withFailureHandler((e) => reject(e instanceof Error ? e : new Error(String(e))));
    const target = run[fn];
    if (typeof target !== 'function') {
      reject(new Error(`No server function ${fn}`));
      return;
    }
    (target as (a?: unknown) => void).call(run, arg);
  })) as ServerCall;
