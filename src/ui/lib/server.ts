// google.script.run as promises. The same calls work against the local preview server's bridge.
export type Result<T> = { ok: true; value: T } | { ok: false; error: string; field?: string };

interface ScriptRun {
  withSuccessHandler(f: (v: unknown) => void): ScriptRun;
  withFailureHandler(f: (e: Error) => void): ScriptRun;
  [fn: string]: unknown;
}
declare const google: { script: { run: ScriptRun; host?: { close(): void } } };

export type ServerCall = <T>(fn: string, arg?: unknown) => Promise<T>;

export const callServer: ServerCall = <T>(fn: string, arg?: unknown) =>
  new Promise<T>((resolve, reject) => {
    const run = google.script.run
      .withSuccessHandler((v) => resolve(v as T))
      .withFailureHandler((e) => reject(e instanceof Error ? e : new Error(String(e))));
    const target = run[fn];
    if (typeof target !== 'function') {
      reject(new Error(`No server function ${fn}`));
      return;
    }
    (target as (a?: unknown) => void).call(run, arg);
  });

export function closeSidebar(): void {
  google.script.host?.close();
}
