// What google.script.run lets through, in either direction: numbers, strings, booleans, null, and
// arrays and plain objects of those. A Date, a function or any other object (a class instance, a Map, a
// DOM node) fails the call, as does a cycle; undefined in an array becomes null and an undefined
// property is dropped. JSON would instead turn a Date into a string and drop a function without a word.
import { types } from 'node:util';

/** Google's message for a value it cannot send, naming the property (or array index) it was in. */
export function illegalValue(property: string): Error {
  return new Error(`Failed due to illegal value in property: ${property}`);
}

function isPlainObject(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  // Any realm's Object.prototype (the bundle runs in a vm context), or none.
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function copy(v: unknown, property: string, seen: object[]): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  // JSON's numbers: NaN and the infinities do not survive the wire.
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v === undefined) return null;
  if (typeof v !== 'object' || types.isDate(v) || seen.includes(v)) throw illegalValue(property);
  seen.push(v);
  let out: unknown;
  if (Array.isArray(v)) {
    out = v.map((item, i) => copy(item, String(i), seen));
  } else {
    if (!isPlainObject(v)) throw illegalValue(property);
    const o: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) if (item !== undefined) o[k] = copy(item, k, seen);
    out = o;
  }
  seen.pop();
  return out;
}

/** A copy of `value` as the other side of google.script.run receives it, or Google's error. */
export function acrossScriptRun(value: unknown, property = '0'): unknown {
  return value === undefined ? undefined : copy(value, property, []);
}
