// Finding columns by header text: case, spaces and punctuation do not matter; order does not matter.
import { ReportFormatError } from './types';

/** "Payment ID", "payment_id" and "PaymentID" are the same column. */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * A stable key for a set of headers (normalised, de-duplicated, sorted), so a ColumnMapping saved for
 * one report is found again for the next report of the same layout, whatever its column order.
 */
export function headerSignature(headers: string[]): string {
  const names = new Set(headers.map(normalizeHeader).filter((h) => h !== ''));
  return Array.from(names).sort().join('|');
}

/** Keys for ReportRow.raw: the header as written; "Column 5" for a blank header; "Notes (2)" for a repeat. */
export function rawKeys(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h, i) => {
    const base = h === '' ? `Column ${i + 1}` : h;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/** The header row, looked up by normalised name. */
export class Columns {
  private readonly byName = new Map<string, number[]>();

  constructor(readonly headers: string[]) {
    headers.forEach((h, i) => {
      const key = normalizeHeader(h);
      if (key === '') return;
      this.byName.set(key, [...(this.byName.get(key) ?? []), i]);
    });
  }

  has(name: string): boolean {
    return this.byName.has(normalizeHeader(name));
  }

  /** The column's index, or undefined when absent. A column we use may not appear twice. */
  find(name: string): number | undefined {
    const [first, second] = this.byName.get(normalizeHeader(name)) ?? [];
    if (first !== undefined && second !== undefined) {
      throw new ReportFormatError(
        `The column "${this.label(first)}" appears twice (columns ${first + 1} and ${second + 1})`,
      );
    }
    return first;
  }

  /** The first of several names that is present. */
  findAny(names: string[]): number | undefined {
    for (const n of names) {
      const i = this.find(n);
      if (i !== undefined) return i;
    }
    return undefined;
  }

  /** The header as written in the report, for messages. */
  label(index: number): string {
    return this.headers[index] || `Column ${index + 1}`;
  }
}
