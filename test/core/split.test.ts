import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitCents } from '../../src/core/split';

describe('splitCents', () => {
  it('gives the odd cents to the earliest parts', () => {
    expect(splitCents(100000, 3)).toEqual([33334, 33333, 33333]);
    expect(splitCents(110000, 5)).toEqual([22000, 22000, 22000, 22000, 22000]);
    expect(splitCents(5, 3)).toEqual([2, 2, 1]);
    expect(splitCents(2, 5)).toEqual([1, 1, 0, 0, 0]);
    expect(splitCents(0, 4)).toEqual([0, 0, 0, 0]);
    expect(splitCents(12345, 1)).toEqual([12345]);
  });

  it.each([
    [100, 0],
    [100, -1],
    [100, 1.5],
    [100, NaN],
    [-1, 3],
    [10.5, 3],
    [NaN, 3],
  ])('rejects total %d in %d parts', (total, n) => {
    expect(() => splitCents(total, n)).toThrow();
  });

  it('sums to the total, parts within a cent, never increasing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 60 }), (total, n) => {
        const parts = splitCents(total, n);
        expect(parts).toHaveLength(n);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
        parts.forEach((p, i) => {
          expect(Number.isInteger(p)).toBe(true);
          if (i > 0) expect(p).toBeLessThanOrEqual(parts[i - 1] ?? Infinity);
        });
      }),
    );
  });
});
