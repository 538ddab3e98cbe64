// The add-in's server functions as the CLI sees them, typed from their own exports: a call names a
// function and gets that function's request and answer types, so cli/ copies no server interface.
// The import is type-only (erased): nothing of src/addon is bundled into dist/cli.mjs by it; the calls
// run on the real dist/Code.js.
import type * as Server from '../../addon/index';
import type { Request } from '../../addon/context';

type Exports = typeof Server;

/** The exports that answer with a Result (menu items and triggers answer nothing). */
export type ServerFn = {
  [K in keyof Exports]: ReturnType<Exports[K]> extends { ok: boolean } ? K : never;
}[keyof Exports];

/** A function's request without `today`, which every call takes from --today. */
export type ServerArg<K extends ServerFn> = Omit<NonNullable<Parameters<Exports[K]>[0]>, keyof Request>;

/** What a successful call answers, e.g. ServerValue<'sellPackage'> is the sale preview. */
export type ServerValue<K extends ServerFn> =
  Extract<ReturnType<Exports[K]>, { ok: true }> extends { value: infer V } ? V : never;

/** Any answer: the value, or the user's error as one line. */
export type ServerAnswer<K extends ServerFn> = ReturnType<Exports[K]>;
