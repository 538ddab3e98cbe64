// Shared plumbing for the emulated services: call counting and metering (one count per call made from
// outside the emulation, its time and the cells it read or wrote), Google-style exceptions, and Apps
// Script's enum objects.
import { types } from 'node:util';

/** A block of cells one outside call read: its tab and 1-based coordinates. */
export interface RangeRead {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

export interface CallCounter {
  /** All counted calls since creation or the last reset(). */
  total(): number;
  /** Counts per 'Class.method', e.g. { 'Sheet.getRange': 1, 'Range.getValues': 1 }. */
  byMethod(): Record<string, number>;
  /** Milliseconds spent inside counted (outermost) calls: the emulated services' own time. */
  ms(): number;
  /** Cells handed out by outside reads (getValues, getDisplayValues, getFormulas, getNumberFormats, ...). */
  cellsRead(): number;
  /** Cells written by outside writes (setValues, setValue, setFormula(s), setNumberFormat(s), appendRow). */
  cellsWritten(): number;
  /** Each outside values read (getValues, getDisplayValues, getValue, getDisplayValue), in call order. */
  valueReads(): readonly RangeRead[];
  /** Each outside formulas read (getFormulas, getFormula): counted in cellsRead, listed apart. */
  formulaReads(): readonly RangeRead[];
  reset(): void;
}

/** What a block method's target looks like: an EmulatedRange (duck-typed, so env needs no import of it). */
interface Block {
  readonly sheet: { getName(): string };
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

/** How one counted call moves the cell meter, run after it returns (never for a call that threw). */
type Meter = (ledger: CallLedger, target: unknown, args: readonly unknown[]) => void;

function readOf(t: unknown): RangeRead {
  const b = t as Block;
  return {
    sheet: b.sheet.getName(),
    row: b.row,
    column: b.column,
    numRows: b.numRows,
    numColumns: b.numColumns,
  };
}
const cellsOf = (t: unknown): number => (t as Block).numRows * (t as Block).numColumns;

const blockRead: Meter = (l, t) => l.noteRead(cellsOf(t));
const valuesRead: Meter = (l, t) => l.noteRead(cellsOf(t), readOf(t), 'values');
const formulasRead: Meter = (l, t) => l.noteRead(cellsOf(t), readOf(t), 'formulas');
const blockWrite: Meter = (l, t) => l.noteWrite(cellsOf(t));

/** The metered methods by 'Class.method'. Single-cell getters are 1x1 ranges, so cellsOf gives 1. */
const METERS: ReadonlyMap<string, Meter> = new Map<string, Meter>([
  ['Range.getValues', valuesRead],
  ['Range.getDisplayValues', valuesRead],
  ['Range.getValue', valuesRead],
  ['Range.getDisplayValue', valuesRead],
  ['Range.getFormulas', formulasRead],
  ['Range.getFormula', formulasRead],
  ['Range.getNumberFormats', blockRead],
  ['Range.getNumberFormat', blockRead],
  ['Range.getBackgrounds', blockRead],
  ['Range.getBackground', blockRead],
  ['Range.getFontWeights', blockRead],
  ['Range.getFontWeight', blockRead],
  ['Range.getDataValidations', blockRead],
  ['Range.getDataValidation', blockRead],
  ['Range.setValues', blockWrite],
  ['Range.setValue', blockWrite],
  ['Range.setFormulas', blockWrite],
  ['Range.setFormula', blockWrite],
  ['Range.setNumberFormats', blockWrite],
  ['Range.setNumberFormat', blockWrite],
  ['Sheet.appendRow', (l, _t, args) => l.noteWrite(Array.isArray(args[0]) ? args[0].length : 0)],
]);

/**
 * Counts calls made from outside: a method that calls others inside the emulation counts once, and only
 * the outermost call is timed and meters cells, so nested internal calls are never counted twice.
 */
class CallLedger implements CallCounter {
  private counts = new Map<string, number>();
  private sum = 0;
  private depth = 0;
  private spent = 0;
  private read = 0;
  private written = 0;
  private values: RangeRead[] = [];
  private formulas: RangeRead[] = [];

  total(): number {
    return this.sum;
  }

  byMethod(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const key of [...this.counts.keys()].sort()) out[key] = this.counts.get(key) ?? 0;
    return out;
  }

  ms(): number {
    return this.spent;
  }
  cellsRead(): number {
    return this.read;
  }
  cellsWritten(): number {
    return this.written;
  }
  valueReads(): readonly RangeRead[] {
    return this.values;
  }
  formulaReads(): readonly RangeRead[] {
    return this.formulas;
  }

  reset(): void {
    this.counts.clear();
    this.sum = 0;
    this.spent = 0;
    this.read = 0;
    this.written = 0;
    this.values = [];
    this.formulas = [];
  }

  noteRead(cells: number, block?: RangeRead, list?: 'values' | 'formulas'): void {
    this.read += cells;
    if (block) (list === 'formulas' ? this.formulas : this.values).push(block);
  }

  noteWrite(cells: number): void {
    this.written += cells;
  }

  /** The meter of a method, looked up once when its wrapper is made. */
  static meterOf(key: string): Meter | undefined {
    return METERS.get(key);
  }

  invoke(
    key: string,
    fn: (...args: unknown[]) => unknown,
    self: unknown,
    args: unknown[],
    meter?: Meter,
  ): unknown {
    if (this.depth !== 0) {
      this.depth++;
      try {
        return fn.apply(self, args);
      } finally {
        this.depth--;
      }
    }
    this.sum++;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.depth++;
    const t0 = performance.now();
    try {
      const out = fn.apply(self, args);
      if (meter) meter(this, self, args);
      return out;
    } finally {
      this.depth--;
      this.spent += performance.now() - t0;
    }
  }
}

/** An Apps Script enum value: an object whose toString() and name() give its name, compared by identity. */
export interface EnumValue {
  toString(): string;
  name(): string;
  ordinal(): number;
  toJSON(): string;
}

export function makeEnum<const N extends string>(names: readonly N[]): Readonly<Record<N, EnumValue>> {
  const out = {} as Record<N, EnumValue>;
  names.forEach((name, i) => {
    out[name] = Object.freeze({
      toString: () => name,
      name: () => name,
      ordinal: () => i,
      toJSON: () => name,
    });
  });
  return Object.freeze(out);
}

/** The enum member of `e` whose name is `value` (or `value` itself if it is already a member). */
export function enumMember<N extends string>(
  e: Readonly<Record<N, EnumValue>>,
  value: unknown,
): EnumValue | undefined {
  if (value === null || value === undefined) return undefined;
  const name = String(value) as N;
  const member = Object.prototype.hasOwnProperty.call(e, name) ? e[name] : undefined;
  return member;
}

export function isDateValue(v: unknown): v is Date {
  return types.isDate(v);
}

/** The classes whose writes Sheets batches until a flush, and the methods that write. */
const SPREADSHEET_CLASSES: ReadonlySet<string> = new Set(['Spreadsheet', 'Sheet', 'Range']);
const WRITE_METHOD = /^(set|insert|delete|clear|append|remove|hide|show|rename|merge|sort|copy|move|auto)/;

/**
 * Shared by all service objects of one emulation. Values handed out (Dates, arrays, errors) belong to
 * this (the host) realm; the emulation's globals include this realm's Date, so `instanceof Date` holds
 * in a vm context too (see createContext in ./index for arrays and errors).
 */
export class Env {
  readonly calls = new CallLedger();
  private readonly wrappers = new WeakMap<object, object>();
  /** A spreadsheet write since the last SpreadsheetApp.flush() (or the start of the execution). */
  private unflushed = false;
  /** Locks released while writes were still unflushed: the next holder could read a stale tab. */
  unflushedReleases = 0;

  constructor(readonly now: () => Date) {}

  /** SpreadsheetApp.flush(), or the end of an execution: every pending write is applied. */
  flushed(): void {
    this.unflushed = false;
  }

  /** A lock is being released (by its holder). */
  noteRelease(): void {
    if (this.unflushed) this.unflushedReleases++;
  }

  /** A Google-style exception: `e.name === 'Exception'`, so String(e) reads "Exception: ...". */
  exception(message: string): Error {
    const e = new Error(message);
    e.name = 'Exception';
    return e;
  }

  date(ms: number): Date {
    return new Date(ms);
  }

  array<T>(length = 0): T[] {
    return new Array<T>(length);
  }

  /** A fresh copy of `items`. */
  list<T>(items: readonly T[]): T[] {
    const out = this.array<T>(items.length);
    for (let i = 0; i < items.length; i++) out[i] = items[i] as T;
    return out;
  }

  record(): Record<string, string> {
    return {};
  }

  /**
   * Wraps a service object so that each method call from outside counts once as `${className}.${method}`.
   * Methods named with a leading underscore, or listed in `uncounted`, are not counted.
   */
  wrap<T extends object>(target: T, className: string, uncounted: readonly string[] = []): T {
    const existing = this.wrappers.get(target);
    if (existing) return existing as T;
    const calls = this.calls;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the proxy's methods mark writes on it
    const env = this;
    const skip = new Set(uncounted);
    const cache = new Map<string, (...args: unknown[]) => unknown>();
    const proxy = new Proxy(target, {
      get(t, prop, receiver) {
        const v: unknown = Reflect.get(t, prop, receiver);
        if (typeof v !== 'function' || typeof prop !== 'string') return v;
        if (prop === 'constructor' || prop.startsWith('_') || skip.has(prop)) return v;
        let w = cache.get(prop);
        if (!w) {
          const fn = v as (...args: unknown[]) => unknown;
          const key = `${className}.${prop}`;
          const writes = SPREADSHEET_CLASSES.has(className) && WRITE_METHOD.test(prop);
          const meter = CallLedger.meterOf(key);
          // Methods run on the target itself, so the emulation's own work never pays for the proxy;
          // they hand out wrapped objects (wrap() returns the same proxy for the same target).
          w = function (...args: unknown[]): unknown {
            if (writes) env.unflushed = true;
            const result = calls.invoke(key, fn, t, args, meter);
            return result === t ? proxy : result;
          };
          cache.set(prop, w);
        }
        return w;
      },
    });
    this.wrappers.set(target, proxy);
    return proxy;
  }
}

/** Cast an emulated object to the @types/google-apps-script type it stands in for. */
export function gas<T>(x: object): T {
  return x as unknown as T;
}
