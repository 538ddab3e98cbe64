// What a paste is: which report layout by its header names, or what else it is by its text.
import { normalizeHeader } from './columns';
import { EZIDEBIT_MARKERS } from './shapes/ezidebit';
import { DEBITSUCCESS_MARKERS } from './shapes/debitsuccess';
import type { HeaderShape } from './types';

/** How many of a layout's own column names appear (extra columns and any order are fine). */
function score(headers: Set<string>, markers: readonly string[]): number {
  return markers.filter((m) => headers.has(normalizeHeader(m))).length;
}

/**
 * The report layout its headers show (case, spaces and order ignored; extra columns tolerated), or
 * null. Three of a layout's distinctive column names are enough, so a report missing a required
 * column is still recognised and can be told exactly which column it lacks.
 */
export function detectShape(headers: string[]): HeaderShape | null {
  const names = new Set(headers.map(normalizeHeader));
  const ezidebit = score(names, EZIDEBIT_MARKERS);
  const debitsuccess = score(names, DEBITSUCCESS_MARKERS);
  if (Math.max(ezidebit, debitsuccess) < 3) return null;
  return ezidebit >= debitsuccess ? 'ezidebit' : 'debitsuccess';
}

export type TextKind =
  'empty' | 'binary' | 'html' | 'xml' | 'json' | 'aba-debit' | 'aba-return' | 'delimited';

/** ABA (Cemtex) records: 120 characters starting with the record type; a descriptive record first. */
function abaKind(lines: string[]): 'aba-debit' | 'aba-return' | null {
  const [first] = lines;
  if (first === undefined) return null;
  const fixedWidth = lines.every((l) => l.length === 120 && /^[0127]/.test(l));
  // Editors strip trailing spaces, so a descriptive record's blank-reel-bank start also marks ABA.
  const descriptive = /^0 {17}\d\d[A-Z ]{3}/.test(first) && lines.every((l) => /^[0127]/.test(l));
  if (!fixedWidth && !descriptive) return null;
  return lines.some((l) => l.startsWith('2')) ? 'aba-return' : 'aba-debit';
}

function isJson(text: string): boolean {
  if (!/^[[{]/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return /^\{\s*"/.test(text) || /^\[\s*[[{"\d]/.test(text);
  }
}

/** Control characters other than tab and line breaks, DEL, U+FFFD: what bytes decoded as text leave. */
// eslint-disable-next-line no-control-regex -- matching the control characters bytes leave is the point
const JUNK = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g;

/** NUL bytes, or many control characters / U+FFFD (bytes decoded as text): not a text report. */
function isBinary(t: string): boolean {
  // The regex engine scans a megabyte of report text several times faster than a loop per character.
  if (t.includes('\u0000')) return true;
  return (t.match(JUNK)?.length ?? 0) > Math.max(2, t.length / 50);
}

/** The first line holding more than spaces, found without splitting the whole text. */
export function firstLine(text: string): string | undefined {
  for (const [line] of text.matchAll(/[^\r\n]+/g)) if (line.trim() !== '') return line;
  return undefined;
}

/** What the text is, before trying to read it as a delimited report. */
export function sniffText(text: string): TextKind {
  const t = text.replace(/^\ufeff/, '').trim();
  if (t === '') return 'empty';
  if (isBinary(t)) return 'binary';
  if (/^<\?xml/i.test(t)) return 'xml';
  if (/^<(!doctype|html|head|body|table|div|p\b|meta|script)/i.test(t)) return 'html';
  if (isJson(t)) return 'json';
  // Every ABA record starts with its type: a report whose first line does not needs no split into lines.
  if (!/^[0127]/.test(firstLine(text.replace(/^\ufeff/, '')) ?? '')) return 'delimited';
  const lines = text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .filter((l) => l.trim() !== '');
  return abaKind(lines) ?? 'delimited';
}
