// A typed stand-in for the server in sidebar tests: each handler answers as the server function of that
// name does (its request and its Result types come from the add-in's exports), so a fake whose answers
// drift from the server's shapes fails to compile instead of passing on data the server never sends.
import type { ServerArgs, ServerCall, ServerFn, ServerResult } from '../../src/ui/lib/server';

export type FakeHandlers = { [K in ServerFn]?: (...args: ServerArgs<K>) => ServerResult<K> };

export function fakeServer(handlers: FakeHandlers): {
  call: ServerCall;
  calls: { fn: ServerFn; arg: unknown }[];
} {
  const calls: { fn: ServerFn; arg: unknown }[] = [];
  const call = (async (fn: ServerFn, arg?: unknown) => {
    calls.push({ fn, arg });
    const handler = handlers[fn] as ((a?: unknown) => unknown) | undefined;
    if (!handler) throw new Error(`The fake server has no ${fn}`);
    return handler(arg);
  }) as ServerCall;
  return { call, calls };
}
