// Reading typed values out of header-mapped cells, and encoding them for writing.
// Every read error names the tab, the sheet row and the column.
import { isIsoDate, type IsoDate } from '../core/calendar';
import { amountToCents, centsToAmount, MoneyError, parseMoney, type Cents } from '../core/money';
import { cellError } from './errors';
import { isSheetDate, type CellValue, type CellWrite } from './port';
import { cellOf, type Table, type TableRow } from './table';

interface ReadOpts {
  readonly required?: boolean;
}

function show(v: CellValue): string {
  return isSheetDate(v) ? v.date : JSON.stringify(v);
}

export function readText(t: Table, r: TableRow, header: string, opts: ReadOpts = {}): string {
  const v = cellOf(t, r, header);
  const s = typeof v === 'string' ? v.trim() : isSheetDate(v) ? v.date : String(v);
  if (!s && opts.required) throw cellError(t.spec.name, r.rowNumber, header, 'is empty');
  return s;
}

/** A date cell, or text typed as YYYY-MM-DD or D/M/YYYY (day first, as Australian studios write). */
export function parseDateText(s: string): IsoDate | null {
  const t = s.trim();
  if (isIsoDate(t)) return t;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) {
    const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    if (isIsoDate(iso)) return iso;
  }
  return null;
}

export function readDate(t: Table, r: TableRow, header: string, opts: ReadOpts = {}): IsoDate | null {
  const v = cellOf(t, r, header);
  if (isSheetDate(v)) return v.date;
  if (v === '' || (typeof v === 'string' && !v.trim())) {
    if (opts.required) throw cellError(t.spec.name, r.rowNumber, header, 'is empty; a date is needed');
    return null;
  }
  const parsed = typeof v === 'string' ? parseDateText(v) : null;
  if (!parsed) throw cellError(t.spec.name, r.rowNumber, header, `${show(v)} is not a date`);
  return parsed;
}

/**
 * Amounts read, by value: a studio's tabs repeat a few dozen prices across many thousand rows, so each is
 * checked and converted once (bounded, in case a tab holds many distinct amounts).
 */
const CENTS = new Map<number, Cents>();
const MEMO_LIMIT = 20_000;

function numberCents(n: number): Cents {
  const hit = CENTS.get(n);
  if (hit !== undefined) return hit;
  const cents = amountToCents(n);
  if (CENTS.size > MEMO_LIMIT) CENTS.clear();
  CENTS.set(n, cents);
  return cents;
}

export function readMoney(t: Table, r: TableRow, header: string, opts: ReadOpts = {}): Cents | null {
  const v = cellOf(t, r, header);
  if (typeof v === 'number') {
    try {
      return numberCents(v);
    } catch (e) {
      const why = e instanceof MoneyError ? e.message : `${show(v)} is not an amount`;
      throw cellError(t.spec.name, r.rowNumber, header, why);
    }
  }
  if (v === '' || (typeof v === 'string' && !v.trim())) {
    if (opts.required) throw cellError(t.spec.name, r.rowNumber, header, 'is empty; an amount is needed');
    return null;
  }
  try {
    if (typeof v === 'string') return parseMoney(v, { allowNegative: true });
  } catch (e) {
    const why = e instanceof MoneyError ? e.message : `${show(v)} is not an amount`;
    throw cellError(t.spec.name, r.rowNumber, header, why);
  }
  throw cellError(t.spec.name, r.rowNumber, header, `${show(v)} is not an amount`);
}

export function readInt(t: Table, r: TableRow, header: string, opts: ReadOpts = {}): number | null {
  const v = cellOf(t, r, header);
  if (v === '' || (typeof v === 'string' && !v.trim())) {
    if (opts.required)
      throw cellError(t.spec.name, r.rowNumber, header, 'is empty; a whole number is needed');
    return null;
  }
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : NaN;
  if (!Number.isInteger(n))
    throw cellError(t.spec.name, r.rowNumber, header, `${show(v)} is not a whole number`);
  return n;
}

export function readBool(t: Table, r: TableRow, header: string): boolean {
  const v = cellOf(t, r, header);
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return /^(true|yes|y|1|x|✓)$/i.test(v.trim());
  return v === 1;
}

/** Each list's choices by the text seen (any case and spacing), matched once per distinct text. */
const CHOICES = new WeakMap<readonly string[], Map<string, string | null>>();

function choiceOf<T extends string>(allowed: readonly T[], s: string): T | null {
  let seen = CHOICES.get(allowed);
  if (!seen) CHOICES.set(allowed, (seen = new Map()));
  let hit = seen.get(s);
  if (hit === undefined) {
    const key = s.toLowerCase().replace(/\s+/g, ' ');
    hit = allowed.find((a) => a.toLowerCase() === key) ?? null;
    if (seen.size < MEMO_LIMIT) seen.set(s, hit);
  }
  return hit as T | null;
}

export function readChoice<T extends string>(
  t: Table,
  r: TableRow,
  header: string,
  allowed: readonly T[],
  opts: ReadOpts & { fallback?: T } = {},
): T {
  const s = readText(t, r, header);
  if (!s) {
    if (opts.fallback !== undefined) return opts.fallback;
    throw cellError(t.spec.name, r.rowNumber, header, `is empty; expected one of ${allowed.join(', ')}`);
  }
  const hit = choiceOf(allowed, s);
  if (!hit) throw cellError(t.spec.name, r.rowNumber, header, `"${s}" is not one of ${allowed.join(', ')}`);
  return hit;
}

// Encoders: what each kind of value becomes in a cell. Text stays as typed here; toBlocks makes it safe
// for the column it lands in (plain-text columns need no quoting).
export const encode = {
  text: (s: string | null | undefined): CellWrite => s ?? '',
  date: (d: IsoDate | null | undefined): CellWrite => (d ? { date: d } : ''),
  /** 'YYYY-MM-DD HH:mm:ss' as a date-time value: as text, Sheets would parse it by locale (or not). */
  dateTime: (s: string | null | undefined): CellWrite =>
    s && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(s) ? { dateTime: s } : (s ?? ''),
  money: (c: Cents | null | undefined): CellWrite => (c === null || c === undefined ? '' : centsToAmount(c)),
  int: (n: number | null | undefined): CellWrite => (n === null || n === undefined ? '' : n),
  bool: (b: boolean): CellWrite => b,
};

/** A column's place in a table, resolved once per read of a tab (-1: the column is not there). */
export interface Column {
  readonly header: string;
  readonly index: number;
}

/**
 * The readers above, for many rows: each column is found once, and the common cell (text in a text
 * column, a number in a money column, a date cell) is decoded on the spot. Anything else goes through
 * the reader above, so its value and its error message are the same.
 */
export function rowReader(t: Table) {
  const at = (r: TableRow, c: Column): CellValue => (c.index < 0 ? '' : (r.cells[c.index] ?? ''));
  // The last list's choices, so a column of statuses costs one map lookup a row.
  let lastList: readonly string[] | null = null;
  let lastChoices: Map<string, string | null> | undefined;
  return {
    column(header: string): Column {
      return { header, index: t.columns.get(header) ?? -1 };
    },
    text(r: TableRow, c: Column, required = false): string {
      const v = at(r, c);
      // An empty optional cell (most rows' Decline Reason, Refund Of, ...) is '' as readText gives it.
      if (v === '' && !required) return '';
      if (typeof v === 'string' && v !== '') {
        // trim() also removes Unicode spaces (a pasted no-break space): any edge character outside
        // printable ASCII goes through readText, so the value and the "is empty" refusal are its own.
        const a = v.charCodeAt(0);
        const z = v.charCodeAt(v.length - 1);
        if (a > 32 && a < 127 && z > 32 && z < 127) return v;
      }
      return readText(t, r, c.header, { required });
    },
    date(r: TableRow, c: Column, required = false): IsoDate | null {
      const v = at(r, c);
      if (isSheetDate(v)) return v.date;
      if (v === '' && !required) return null;
      return readDate(t, r, c.header, { required });
    },
    money(r: TableRow, c: Column, required = false): Cents | null {
      const v = at(r, c);
      if (typeof v === 'number') {
        // Whole cents within the noise amountToCents allows: the same cents it gives. Else it decides.
        const scaled = v * 100;
        const cents = Math.round(scaled);
        if (Math.abs(scaled - cents) <= 1e-7 && Number.isSafeInteger(cents)) return cents === 0 ? 0 : cents;
      } else if (v === '' && !required) return null;
      return readMoney(t, r, c.header, { required });
    },
    int(r: TableRow, c: Column, required = false): number | null {
      const v = at(r, c);
      if (typeof v === 'number' && Number.isInteger(v)) return v;
      if (v === '' && !required) return null;
      return readInt(t, r, c.header, { required });
    },
    choice<T extends string>(r: TableRow, c: Column, allowed: readonly T[], fallback?: T): T {
      const v = at(r, c);
      if (typeof v === 'string' && v !== '') {
        // Looked up again while the list has no map yet: readChoice makes it on the first row.
        if (lastList !== allowed || !lastChoices) {
          lastList = allowed;
          lastChoices = CHOICES.get(allowed);
        }
        const hit = lastChoices?.get(v);
        if (hit) return hit as T;
      }
      return readChoice(t, r, c.header, allowed, fallback !== undefined ? { fallback } : {});
    },
  };
}
