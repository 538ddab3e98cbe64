// What a cell holds, and how Sheets turns typed input into it and it into getValues() and
// getDisplayValues() results. Values live in row arrays; a formula is a Formula object in the row.
import { isDateValue } from './env';
import {
  instantToSerial,
  MONTHS,
  pad,
  serialToInstant,
  WEEKDAYS,
  wallParts,
  zonedMidnight,
  wallMsToInstant,
} from './time';

/** A formula cell: its text (with the leading '=') and the last known result ('' when written here). */
export class Formula {
  constructor(
    readonly text: string,
    readonly result: Scalar = '',
  ) {}
}

type Scalar = string | number | boolean | Date;
/** A stored cell: undefined or '' is empty; a Date is a date cell holding that instant. */
export type Stored = Scalar | Formula | undefined;

/** getNumberFormat() of a cell nobody formatted. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';
export const MAX_CELL_CHARS = 50_000;

type FormatKind = 'default' | 'text' | 'date' | 'number';
const kinds = new Map<string, FormatKind>();

/** Strips quoted text, escapes and [..] sections: what is left are the format's tokens. */
function formatTokens(fmt: string): string {
  return fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_./g, '');
}

export function formatKind(fmt: string | undefined): FormatKind {
  if (fmt === undefined || fmt === '' || fmt === DEFAULT_NUMBER_FORMAT) return 'default';
  let k = kinds.get(fmt);
  if (!k) {
    if (/^general$/i.test(fmt)) k = 'default';
    else {
      const first = formatTokens(fmt.split(';')[0] ?? '');
      if (first.trim() === '@') k = 'text';
      else if (/[dmyhs]/i.test(first.replace(/am\/pm|a\/p/gi, 'h'))) k = 'date';
      else k = 'number';
    }
    kinds.set(fmt, k);
  }
  return k;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const CURRENCY = /^([+-]?)\$((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?)$/;
const PERCENT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))%$/;
const TIME = /^(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?\s*(am|pm|a\.m\.|p\.m\.)?$/i;
const MONTH_YEAR = /^([a-z]{3,9})\.?,?\s+(\d{4})$/i;
const DAY_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?(?:,?[\s-]+(\d{4}))?$/i;
const MONTH_DAY = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/i;

/** How the spreadsheet reads typed input: its zone, its locale, and the year for a date typed without one. */
export interface ParseContext {
  readonly zone: string;
  readonly locale: string;
  readonly year: number;
}

/** Locales that read 05/01/2024 month first (1 May), as Sheets does; the others read it day first. */
const MONTH_FIRST = new Set(['en_US', 'en_PH', 'es_US', 'fil_PH', 'en_CA', 'en']);

function calendarDate(y: number, mo: number, d: number): boolean {
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** 1-12 for January..December and their three-letter (or longer) abbreviations; 0 otherwise. */
function monthNumber(word: string): number {
  const w = word.toLowerCase();
  const i = MONTHS.findIndex((name) => {
    const n = name.toLowerCase();
    return n === w || n.slice(0, 3) === w || (w === 'sept' && n === 'september');
  });
  return i + 1;
}

function dateOrText(y: number, mo: number, d: number, text: string, zone: string): Scalar {
  return mo > 0 && calendarDate(y, mo, d) ? zonedMidnight(y, mo, d, zone) : text;
}

/**
 * Parses text the way Sheets parses typed input (a modest subset): numbers ('0012', '-5', '1,234.5',
 * '1e3'), '$12.50', '50%', TRUE/FALSE, dates 'YYYY-MM-DD' (optionally with a time), slashed dates in the
 * locale's order (en_US reads 05/01/2024 as 1 May, en_AU as 5 January), month names ('March 2024' is
 * 1 March, '1 Feb' and 'Feb 1' are this year's), and times of day ('10am', '10:30', '6:15 pm', a date
 * cell on 30 Dec 1899 as in Sheets). Sheets would also give such a cell a matching format; the emulation
 * leaves the format alone.
 */
function parseTyped(text: string, ctx: ParseContext): Scalar {
  const c = text.charCodeAt(0) | 32; // lower case for letters
  const digit = c >= 48 && c <= 57;
  // Only text starting with a digit, sign, point, $, or the first letter of TRUE/FALSE or a month can
  // become something other than text.
  const maybe =
    digit || c === 43 || c === 45 || c === 46 || c === 36 || 'tfjmasond'.includes(String.fromCharCode(c));
  if (!maybe) return text;
  const zone = ctx.zone;
  if (NUMBER.test(text)) return Number(text);
  if (GROUPED.test(text)) return Number(text.replace(/,/g, ''));
  const upper = text.length <= 5 ? text.toUpperCase() : '';
  if (upper === 'TRUE') return true;
  if (upper === 'FALSE') return false;
  let m = CURRENCY.exec(text);
  if (m) return Number(`${m[1]}${(m[2] ?? '').replace(/,/g, '')}`);
  m = PERCENT.exec(text);
  if (m) return Number(m[1]) / 100;
  m = ISO_DATE.exec(text);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (calendarDate(y, mo, d)) {
      if (m[4] === undefined) return zonedMidnight(y, mo, d, zone);
      const h = Number(m[4]);
      const mi = Number(m[5]);
      const sec = Number(m[6] ?? 0);
      if (h < 24 && mi < 60 && sec < 60) {
        return new Date(wallMsToInstant(Date.UTC(y, mo - 1, d, h, mi, sec), zone));
      }
    }
    return text;
  }
  m = SLASH_DATE.exec(text);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return MONTH_FIRST.has(ctx.locale) ? dateOrText(y, a, b, text, zone) : dateOrText(y, b, a, text, zone);
  }
  m = TIME.exec(text);
  if (m && (m[2] !== undefined || m[4] !== undefined)) {
    let h = Number(m[1]);
    const mi = Number(m[2] ?? 0);
    const sec = Number(m[3] ?? 0);
    const half = m[4]?.toLowerCase().charAt(0);
    if (half && (h < 1 || h > 12)) return text;
    if (half === 'p' && h < 12) h += 12;
    if (half === 'a' && h === 12) h = 0;
    if (h > 23 || mi > 59 || sec > 59) return text;
    return new Date(serialToInstant((h * 3600 + mi * 60 + sec) / 86_400, zone));
  }
  m = MONTH_YEAR.exec(text);
  if (m) return dateOrText(Number(m[2]), monthNumber(m[1] ?? ''), 1, text, zone);
  m = DAY_MONTH.exec(text);
  if (m) return dateOrText(Number(m[3] ?? ctx.year), monthNumber(m[2] ?? ''), Number(m[1]), text, zone);
  m = MONTH_DAY.exec(text);
  if (m) return dateOrText(Number(m[3] ?? ctx.year), monthNumber(m[1] ?? ''), Number(m[2]), text, zone);
  return text;
}

/**
 * The stored form of a value written by setValue(s): '=' starts a formula, a leading apostrophe keeps
 * the rest as text, '@' (plain text) keeps strings as they are, other strings are parsed as typed input.
 */
export function toStored(
  value: unknown,
  fmt: string | undefined,
  ctx: ParseContext,
  tooLong: () => Error,
): Stored {
  switch (typeof value) {
    case 'number':
    case 'boolean':
      return value;
    case 'undefined':
      return undefined;
    case 'string': {
      if (value === '') return undefined;
      if (value.length > MAX_CELL_CHARS) throw tooLong();
      if (fmt === '@') return value;
      const c = value.charCodeAt(0);
      if (c === 39) return value.length === 1 ? undefined : value.slice(1); // apostrophe
      if (c === 61 && value.length > 1) return new Formula(value); // '='
      return parseTyped(value, ctx);
    }
    default:
      if (value === null) return undefined;
      if (isDateValue(value)) return new Date(value.getTime());
      return toStored(String(value), fmt, ctx, tooLong);
  }
}

export function isEmpty(v: Stored): boolean {
  return v === undefined || v === '';
}

/** The scalar a cell shows (a formula's last result), before the format is applied. */
function scalarOf(v: Stored): Scalar | '' {
  if (v === undefined) return '';
  if (v instanceof Formula) return v.result;
  return v;
}

// ---- display ----------------------------------------------------------------------------------

function autoNumber(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const s = String(Number(n.toPrecision(10)));
  return s.replace('e+', 'E+').replace('e-', 'E-');
}

interface Section {
  prefix: string;
  suffix: string;
  minInt: number;
  minDec: number;
  maxDec: number;
  group: boolean;
  percent: boolean;
  hasNumber: boolean;
}

const sectionCache = new Map<string, Section[]>();

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt.charAt(i);
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      cur += ch + fmt.charAt(i + 1);
      i++;
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

function parseSection(text: string): Section {
  const sec: Section = {
    prefix: '',
    suffix: '',
    minInt: 0,
    minDec: 0,
    maxDec: 0,
    group: false,
    percent: false,
    hasNumber: false,
  };
  let seenPoint = false;
  let afterNumber = false;
  const lit = (s: string): void => {
    if (afterNumber || sec.hasNumber) {
      if (sec.hasNumber) afterNumber = true;
      sec.suffix += s;
    } else sec.prefix += s;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '"') {
      const end = text.indexOf('"', i + 1);
      lit(text.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? text.length : end;
    } else if (ch === '\\') {
      lit(text.charAt(i + 1));
      i++;
    } else if (ch === '[') {
      const end = text.indexOf(']', i + 1);
      const inner = text.slice(i + 1, end < 0 ? undefined : end);
      if (inner.startsWith('$')) lit(inner.slice(1).split('-')[0] ?? '');
      i = end < 0 ? text.length : end;
    } else if (ch === '_') {
      lit(' ');
      i++;
    } else if (ch === '*') {
      i++;
    } else if ((ch === '0' || ch === '#' || ch === '?') && !afterNumber) {
      sec.hasNumber = true;
      if (seenPoint) {
        sec.maxDec++;
        if (ch === '0') sec.minDec++;
      } else if (ch === '0') sec.minInt++;
    } else if (ch === '.' && sec.hasNumber && !afterNumber && !seenPoint) {
      seenPoint = true;
    } else if (ch === '.' && !sec.hasNumber && /[0#?]/.test(text.charAt(i + 1))) {
      seenPoint = true;
      sec.hasNumber = true;
    } else if (ch === ',' && sec.hasNumber && !afterNumber && !seenPoint) {
      sec.group = true;
    } else if (ch === '%') {
      sec.percent = true;
      lit('%');
    } else {
      lit(ch);
    }
  }
  return sec;
}

function sectionsOf(fmt: string): Section[] {
  let s = sectionCache.get(fmt);
  if (!s) {
    s = splitSections(fmt).map(parseSection);
    sectionCache.set(fmt, s);
  }
  return s;
}

/** A number under a number format such as '#,##0.00', '$#,##0.00;($#,##0.00)', '0%', '[$$]#,##0.00'. */
function formatNumber(n: number, fmt: string): string {
  const sections = sectionsOf(fmt);
  let sec = sections[0] as Section;
  let value = n;
  let sign = '';
  if (n < 0 && sections[1]) {
    sec = sections[1];
    value = -n;
  } else if (n === 0 && sections[2]) {
    sec = sections[2];
  } else if (n < 0) {
    sign = '-';
    value = -n;
  }
  if (!sec.hasNumber) return sec.prefix + sec.suffix;
  if (sec.percent) value *= 100;
  const fixed = value.toFixed(sec.maxDec);
  let [int = '0', dec = ''] = fixed.split('.');
  while (dec.length > sec.minDec && dec.endsWith('0')) dec = dec.slice(0, -1);
  if (int === '0' && sec.minInt === 0) int = '';
  if (int.length < sec.minInt) int = '0'.repeat(sec.minInt - int.length) + int;
  if (sec.group) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (sign && Number(int.replace(/,/g, '') || 0) === 0 && Number(dec || 0) === 0) sign = '';
  return `${sign}${sec.prefix}${int}${dec ? `.${dec}` : ''}${sec.suffix}`;
}

interface DateToken {
  kind: 'lit' | 'd' | 'm' | 'y' | 'h' | 'min' | 's' | 'ampm';
  text: string;
  n: number;
}

const dateTokenCache = new Map<string, { tokens: DateToken[]; twelve: boolean }>();

function dateTokens(fmt: string): { tokens: DateToken[]; twelve: boolean } {
  const cached = dateTokenCache.get(fmt);
  if (cached) return cached;
  const section = splitSections(fmt)[0] ?? '';
  const tokens: DateToken[] = [];
  let twelve = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section.charAt(i);
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      tokens.push({ kind: 'lit', text: section.slice(i + 1, end < 0 ? undefined : end), n: 0 });
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      tokens.push({ kind: 'lit', text: section.charAt(i + 1), n: 0 });
      i++;
    } else if (/^am\/pm/i.test(section.slice(i))) {
      tokens.push({ kind: 'ampm', text: '', n: 0 });
      twelve = true;
      i += 4;
    } else if ('dmyhs'.includes(lower)) {
      let n = 1;
      while (section.charAt(i + n).toLowerCase() === lower) n++;
      tokens.push({ kind: lower as DateToken['kind'], text: '', n });
      i += n - 1;
    } else if (ch === '[') {
      const end = section.indexOf(']', i + 1);
      i = end < 0 ? section.length : end;
    } else {
      tokens.push({ kind: 'lit', text: ch, n: 0 });
    }
  }
  // 'm' is minutes right after an hour or right before a second (literals between are skipped).
  const fields = tokens.filter((t) => t.kind !== 'lit');
  fields.forEach((t, i) => {
    if (t.kind !== 'm' || t.n > 2) return;
    const prev = fields[i - 1];
    const next = fields[i + 1];
    if ((prev && prev.kind === 'h') || (next && next.kind === 's')) t.kind = 'min';
  });
  const out = { tokens, twelve };
  dateTokenCache.set(fmt, out);
  return out;
}

/** An instant under a Sheets date format ('dd/mm/yyyy', 'd mmm yyyy', 'yyyy-mm-dd hh:mm:ss', ...). */
function formatSheetsDate(ms: number, fmt: string, zone: string): string {
  const p = wallParts(ms, zone);
  const { tokens, twelve } = dateTokens(fmt);
  let out = '';
  for (const t of tokens) {
    switch (t.kind) {
      case 'lit':
        out += t.text;
        break;
      case 'd':
        if (t.n >= 4) out += WEEKDAYS[p.weekday];
        else if (t.n === 3) out += (WEEKDAYS[p.weekday] ?? '').slice(0, 3);
        else out += pad(p.day, t.n);
        break;
      case 'm':
        if (t.n >= 5) out += (MONTHS[p.month - 1] ?? '').charAt(0);
        else if (t.n === 4) out += MONTHS[p.month - 1];
        else if (t.n === 3) out += (MONTHS[p.month - 1] ?? '').slice(0, 3);
        else out += pad(p.month, t.n);
        break;
      case 'y':
        out += t.n <= 2 ? pad(p.year % 100, 2) : pad(p.year, 4);
        break;
      case 'h': {
        const h = twelve ? (p.hour % 12 === 0 ? 12 : p.hour % 12) : p.hour;
        out += pad(h, Math.min(t.n, 2));
        break;
      }
      case 'min':
        out += pad(p.minute, Math.min(t.n, 2));
        break;
      case 's':
        out += pad(p.second, Math.min(t.n, 2));
        break;
      case 'ampm':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
    }
  }
  return out;
}

/** The date format an unformatted date cell shows (the en_AU locale). */
const AUTO_DATE_FORMAT = 'dd/mm/yyyy';
const AUTO_DATETIME_FORMAT = 'dd/mm/yyyy hh:mm:ss';

/** getDisplayValues() of one cell. */
export function displayOf(v: Stored, fmt: string | undefined, zone: string): string {
  const s = scalarOf(v);
  if (s === '') return '';
  if (typeof s === 'string') return s;
  if (typeof s === 'boolean') return s ? 'TRUE' : 'FALSE';
  const kind = formatKind(fmt);
  if (typeof s === 'number') {
    if (kind === 'date') return formatSheetsDate(serialToInstant(s, zone), fmt as string, zone);
    if (kind === 'number') return formatNumber(s, fmt as string);
    return autoNumber(s);
  }
  // a Date
  const ms = s.getTime();
  if (kind === 'date') return formatSheetsDate(ms, fmt as string, zone);
  if (kind === 'number') return formatNumber(instantToSerial(ms, zone), fmt as string);
  const p = wallParts(ms, zone);
  const midnight = p.hour === 0 && p.minute === 0 && p.second === 0;
  return formatSheetsDate(ms, midnight ? AUTO_DATE_FORMAT : AUTO_DATETIME_FORMAT, zone);
}
