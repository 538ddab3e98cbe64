// Splitting a price into instalments without losing or inventing a cent.
import type { Cents } from './money';

/**
 * n parts summing to total, no two more than 1 cent apart; the odd cents go to the earliest
 * parts, so the client is never left owing a bigger last instalment: 100000 / 3 -> 33334, 33333, 33333.
 */
export function splitCents(total: Cents, n: number): Cents[] {
  if (!Number.isSafeInteger(n) || n < 1)
    throw new Error(`Number of parts must be a whole number, 1 or more, got ${n}`);
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new Error(`Amount to split must be a whole number of cents, 0 or more, got ${total}`);
  }
  const base = Math.floor(total / n);
  const extra = total - base * n;
  return Array.from({ length: n }, (_, i) => (i < extra ? base + 1 : base));
}
