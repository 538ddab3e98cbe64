// The overdue summary in document properties: each value under Google's 9 KB, a bounded share of the
// 500 KB store, read back whole; a studio too large for per-client lines keeps the same count per due
// date, and past that the summary says it is unavailable; a shorter summary blanks the chunks left over.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar';
import { overdueOn, overdueOnDays, type OverdueSummary } from '../../src/core/lifecycle/overdueSummary';
import {
  CHUNK_BYTES,
  MAX_CHUNKS,
  SUMMARY_KEY,
  chunkKey,
  chunkText,
  readStoredSummary,
  storedChunks,
  summaryProperties,
} from '../../src/sheets/overdueSummaryStore';

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

function studio(clients: number, dates = 1): OverdueSummary {
  return {
    asOf: '2016-09-13',
    clients: Array.from({ length: clients }, (_, i) => ({
      clientId: `C-${String(i + 1).padStart(5, '0')}`,
      credit: i % 7 === 0 ? 500 : 0,
      dues: [{ date: addDays('2016-01-01', i % dates), owed: 1000 + i }],
    })),
  };
}

function store(props: Record<string, string>): (k: string) => string | null {
  return (k) => props[k] ?? null;
}

describe('the overdue summary in document properties', () => {
  it('reads back as it was stored, each value under 9 KB', () => {
    const s = studio(2000, 30);
    const props = summaryProperties(s);
    for (const v of Object.values(props)) expect(bytes(v)).toBeLessThanOrEqual(CHUNK_BYTES);
    expect(storedChunks(store(props))).toBeGreaterThan(1);
    expect(readStoredSummary(store(props))).toEqual({ form: 'clients', summary: s });
  });

  it('cuts text between characters, never inside one', () => {
    const text = 'é€😀a'.repeat(3000);
    const parts = chunkText(text, 100);
    expect(parts.join('')).toBe(text);
    for (const p of parts) expect(bytes(p)).toBeLessThanOrEqual(100);
  });

  it('a studio too large for per-client lines keeps the same count per due date', () => {
    const s = studio(20_000, 400);
    const props = summaryProperties(s);
    const back = readStoredSummary(store(props));
    expect(back?.form).toBe('days');
    expect(Object.keys(props).length).toBeLessThanOrEqual(MAX_CHUNKS + 1);
    const total = Object.entries(props).reduce((n, [k, v]) => n + bytes(k) + bytes(v), 0);
    expect(total).toBeLessThan(MAX_CHUNKS * CHUNK_BYTES);
    for (const day of ['2016-01-02', '2016-06-01', '2017-01-01'])
      expect(back?.form === 'days' && overdueOnDays(back.steps, day)).toEqual(overdueOn(s, day));
  });

  it('past even that, it says so instead of guessing', () => {
    const s = studio(60_000, 60_000);
    const back = readStoredSummary(store(summaryProperties(s)));
    expect(back).toMatchObject({ form: 'none', asOf: '2016-09-13' });
    expect(back?.form === 'none' && back.note).toMatch(/too many different due dates/);
  });

  it('a shorter summary blanks the chunks a longer one left; a damaged one reads as none', () => {
    const long = summaryProperties(studio(2000, 30));
    const n = storedChunks(store(long));
    const short = summaryProperties(studio(3), n);
    expect(short[chunkKey(1)]).not.toBe('');
    for (let i = 2; i <= n; i++) expect(short[chunkKey(i)]).toBe('');
    expect(readStoredSummary(store({ ...long, ...short }))).toEqual({ form: 'clients', summary: studio(3) });

    expect(readStoredSummary(store({ ...long, [chunkKey(1)]: 'garbage' }))).toBeNull();
    expect(readStoredSummary(store({ [SUMMARY_KEY]: '{not json' }))).toBeNull();
    expect(readStoredSummary(store({}))).toBeNull();
  });
});
