// The overdue summary (core/lifecycle/overdueSummary) in document properties, within Google's limits:
// 9 KB per value and 500 KB per store, which the ID counters, batch records and report mappings share.
// A header property says which form it is in and how many chunks follow; the text is cut into chunks of
// at most CHUNK_BYTES. Per client while it fits in MAX_CHUNKS; for a studio too large for that, the same
// count folded per due date (exact for the reminder, one line per distinct due date); past even that,
// a header saying so, and the reminder stays quiet rather than guess.
import type { IsoDate } from '../core/calendar';
import {
  dayStepsOf,
  type ClientDues,
  type DayStep,
  type OverdueSummary,
} from '../core/lifecycle/overdueSummary';

export const SUMMARY_KEY = 'studioLedger.overdueSummary';
/** Under the 9 KB a value may hold. */
export const CHUNK_BYTES = 9000;
/** At most this many chunks (about 140 KB): the rest of the 500 KB store is the ledger's own. */
export const MAX_CHUNKS = 16;

export function chunkKey(i: number): string {
  return `${SUMMARY_KEY}.${i}`;
}

interface Header {
  v: 1;
  asOf: IsoDate;
  form: 'clients' | 'days' | 'none';
  chunks: number;
  /** Clients in the summary (with something unpaid or some credit). */
  clients: number;
  note?: string;
}

export type StoredSummary =
  | { form: 'clients'; summary: OverdueSummary }
  | { form: 'days'; asOf: IsoDate; steps: DayStep[] }
  | { form: 'none'; asOf: IsoDate; note: string };

function utf8Bytes(code: number): number {
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** Cuts `text` into pieces of at most `max` UTF-8 bytes, never inside a character. */
export function chunkText(text: string, max = CHUNK_BYTES): string[] {
  const out: string[] = [];
  let start = 0;
  let bytes = 0;
  let i = 0;
  for (const ch of text) {
    const b = utf8Bytes(ch.codePointAt(0)!);
    if (bytes + b > max) {
      out.push(text.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += b;
    i += ch.length;
  }
  if (i > start) out.push(text.slice(start, i));
  return out;
}

/** A client ID kept on one line whatever a person typed into the cell. */
function oneLine(id: string): string {
  return id.replace(/[\t\r\n]/g, ' ');
}

function clientLines(s: OverdueSummary): string {
  return s.clients
    .map((c) => `${oneLine(c.clientId)}\t${c.credit}\t${c.dues.map((d) => `${d.date}:${d.owed}`).join(' ')}`)
    .join('\n');
}

function dayLines(steps: readonly DayStep[]): string {
  return steps.map((d) => `${d.date}\t${d.clients}\t${d.cents}`).join('\n');
}

/**
 * The properties to set for `s`: the header, its chunks, and a blank for each chunk an older, longer
 * summary left (`previousChunks`), so the store never keeps stale text.
 */
export function summaryProperties(s: OverdueSummary, previousChunks = 0): Record<string, string> {
  let form: Header['form'] = 'clients';
  let chunks = s.clients.length ? chunkText(clientLines(s)) : [];
  let note: string | undefined;
  if (chunks.length > MAX_CHUNKS) {
    form = 'days';
    chunks = chunkText(dayLines(dayStepsOf(s)));
  }
  if (chunks.length > MAX_CHUNKS) {
    form = 'none';
    chunks = [];
    note = `${s.clients.length} clients owe on too many different due dates to keep within the document's property limits`;
  }
  const header: Header = { v: 1, asOf: s.asOf, form, chunks: chunks.length, clients: s.clients.length, note };
  const props: Record<string, string> = { [SUMMARY_KEY]: JSON.stringify(header) };
  chunks.forEach((c, i) => (props[chunkKey(i + 1)] = c));
  for (let i = chunks.length + 1; i <= previousChunks; i++) props[chunkKey(i)] = '';
  return props;
}

/** The header of a summary that could not be made (a cell the reader refused): the reminder stays quiet. */
export function unavailableProperties(
  asOf: IsoDate,
  why: string,
  previousChunks = 0,
): Record<string, string> {
  const header: Header = { v: 1, asOf, form: 'none', chunks: 0, clients: 0, note: why };
  const props: Record<string, string> = { [SUMMARY_KEY]: JSON.stringify(header) };
  for (let i = 1; i <= previousChunks; i++) props[chunkKey(i)] = '';
  return props;
}

function readHeader(raw: string | null): Header | null {
  if (!raw) return null;
  try {
    const h = JSON.parse(raw) as Partial<Header>;
    if (h.v !== 1 || typeof h.asOf !== 'string' || !Number.isInteger(h.chunks)) return null;
    if (h.form !== 'clients' && h.form !== 'days' && h.form !== 'none') return null;
    return h as Header;
  } catch {
    return null;
  }
}

/** How many chunks the stored summary has (0 when none). */
export function storedChunks(get: (key: string) => string | null): number {
  return readHeader(get(SUMMARY_KEY))?.chunks ?? 0;
}

const INT = /^-?\d+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseClient(line: string): ClientDues | null {
  const [clientId, credit, steps] = line.split('\t');
  if (clientId === undefined || credit === undefined || steps === undefined || !INT.test(credit)) return null;
  const dues = [];
  for (const part of steps ? steps.split(' ') : []) {
    const [date, owed] = part.split(':');
    if (!date || !DATE.test(date) || !owed || !INT.test(owed)) return null;
    dues.push({ date, owed: Number(owed) });
  }
  return { clientId, credit: Number(credit), dues };
}

function parseDay(line: string): DayStep | null {
  const [date, clients, cents] = line.split('\t');
  if (!date || !DATE.test(date) || !clients || !INT.test(clients) || !cents || !INT.test(cents)) return null;
  return { date, clients: Number(clients), cents: Number(cents) };
}

/** The stored summary, or null when there is none or it does not read back whole. */
export function readStoredSummary(get: (key: string) => string | null): StoredSummary | null {
  const h = readHeader(get(SUMMARY_KEY));
  if (!h) return null;
  if (h.form === 'none') return { form: 'none', asOf: h.asOf, note: h.note ?? '' };
  let text = '';
  for (let i = 1; i <= h.chunks; i++) {
    const c = get(chunkKey(i));
    if (c === null) return null;
    text += c;
  }
  const lines = text ? text.split('\n') : [];
  if (h.form === 'days') {
    const steps = lines.map(parseDay);
    return steps.every((d) => d !== null) ? { form: 'days', asOf: h.asOf, steps: steps as DayStep[] } : null;
  }
  const clients = lines.map(parseClient);
  if (!clients.every((c) => c !== null) || clients.length !== h.clients) return null;
  return { form: 'clients', summary: { asOf: h.asOf, clients: clients as ClientDues[] } };
}
