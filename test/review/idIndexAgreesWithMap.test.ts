// Review: IdIndex (records by ID in a typed array by the ID's number) answers get/has as the Map it
// replaced, whatever the IDs: mixed widths and prefixes, leading zeros, '' and typed text, numbers past
// its limit, IDs looked up before any is set, and repeated IDs (the last set wins).
import { describe, expect, it } from 'vitest';
import { IdIndex } from '../../src/core/ledger/idIndex';

/** A small deterministic generator (no Math.random: the same IDs every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function anId(r: () => number): string {
  const n = Math.floor(r() * 3000);
  switch (Math.floor(r() * 10)) {
    case 0:
      return `INV-${n}`; // another width
    case 1:
      return `inv-${String(n).padStart(6, '0')}`; // another prefix
    case 2:
      return '';
    case 3:
      return `INV-${String(n + 99_999_000).padStart(8, '0')}`; // past the limit
    case 4:
      return `INV-${String(n).padStart(9, '0')}`; // more than 8 digits
    case 5:
      return `${n}`; // no prefix
    case 6:
      return `INV-${String(n).padStart(6, '0')} `; // a trailing space
    default:
      return `INV-${String(n).padStart(6, '0')}`;
  }
}

describe('IdIndex agrees with a Map', () => {
  for (const seed of [1, 2, 3, 42, 1234]) {
    it(`over mixed IDs (seed ${seed})`, () => {
      const r = rng(seed);
      const size = Math.floor(r() * 400);
      const index = new IdIndex<number>(size);
      const map = new Map<string, number>();
      // Some lookups before any set: the spelling must not be fixed wrongly by a get.
      for (let k = 0; k < 5; k++) {
        const id = anId(r);
        expect(index.get(id), id).toBe(map.get(id));
      }
      for (let k = 0; k < 2000; k++) {
        const id = anId(r);
        if (r() < 0.6) {
          index.set(id, k);
          map.set(id, k);
        } else {
          expect(index.get(id), id).toBe(map.get(id));
          expect(index.has(id), id).toBe(map.has(id));
        }
      }
      for (const [id, v] of map) expect(index.get(id), id).toBe(v);
    });
  }

  it('keeps a value 0 (a row-less record) as found', () => {
    const index = new IdIndex<number>(4);
    index.set('P-000001', 0);
    expect(index.get('P-000001')).toBe(0);
    expect(index.has('P-000001')).toBe(true);
  });

  it('IdIndex.of: the last of a repeated ID wins, as new Map(...) does', () => {
    const items = [
      { id: 'INV-000002', v: 'a' },
      { id: 'INV-2', v: 'b' },
      { id: 'INV-000002', v: 'c' },
    ];
    const index = IdIndex.of(
      items,
      (i) => i.id,
      (i) => i.v,
    );
    const map = new Map(items.map((i) => [i.id, i.v]));
    for (const id of ['INV-000002', 'INV-2', 'INV-000003', '']) expect(index.get(id)).toBe(map.get(id));
  });
});
