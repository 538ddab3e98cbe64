import { describe, expect, it } from 'vitest';
import { IdIndex } from '../../../src/core/ledger/idIndex';

describe('IdIndex', () => {
  it('finds IDs by number and by text, the last value of a repeated ID winning', () => {
    const index = IdIndex.of(
      [
        { id: 'INV-000123', v: 1 },
        { id: 'INV-000007', v: 2 },
        { id: 'INV-123', v: 3 }, // another width: kept by its text
        { id: 'inv-000123', v: 4 }, // another prefix
        { id: 'INV-000123', v: 5 },
        { id: 'INV-99999999', v: 6 }, // far past the limit
        { id: 'Typed by hand', v: 7 },
      ],
      (r) => r.id,
      (r) => r.v,
    );
    expect(index.get('INV-000123')).toBe(5);
    expect(index.get('INV-000007')).toBe(2);
    expect(index.get('INV-123')).toBe(3);
    expect(index.get('inv-000123')).toBe(4);
    expect(index.get('INV-99999999')).toBe(6);
    expect(index.get('Typed by hand')).toBe(7);
    expect(index.get('INV-000008')).toBeUndefined();
    expect(index.get('INV-0000123')).toBeUndefined();
    expect(index.has('INV-000007')).toBe(true);
    expect(index.has('')).toBe(false);
  });

  it('agrees with a Map over many IDs in any order', () => {
    const ids = Array.from({ length: 5000 }, (_, k) => `P-${String((k * 7919) % 5000).padStart(6, '0')}`);
    const index = new IdIndex<number>(ids.length);
    const map = new Map<string, number>();
    ids.forEach((id, k) => {
      index.set(id, k);
      map.set(id, k);
    });
    for (const [id, k] of map) expect(index.get(id)).toBe(k);
    expect(index.get('P-005000')).toBeUndefined();
  });
});

describe('IdIndex.claim', () => {
  it('keeps the first value of an ID and gives it back to later claims', () => {
    const index = new IdIndex<number>(10);
    expect(index.claim('INV-000001', 2)).toBeUndefined();
    expect(index.claim('INV-000001', 9)).toBe(2);
    expect(index.claim('typed', 3)).toBeUndefined();
    expect(index.claim('typed', 4)).toBe(3);
    expect(index.get('INV-000001')).toBe(2);
    expect(index.get('typed')).toBe(3);
  });
});

describe('IdIndex.numbered and texts', () => {
  it('give the highest number of the learned spelling with its value, and every other ID by its text', () => {
    const index = new IdIndex<string>(10);
    expect(index.numbered()).toBeNull();
    index.claim('INV-000040', 'a');
    index.claim('INV-000900', 'b');
    index.claim('INV-000007', 'c');
    index.claim('INV-000900', 'repeat'); // kept as it was
    index.set('INV-12', 'd');
    index.set('INV-99999999', 'e'); // far past the limit: by its text
    expect(index.numbered()).toEqual({ prefix: 'INV-', width: 6, highest: 900, value: 'b' });
    expect([...index.texts()]).toEqual([
      ['INV-12', 'd'],
      ['INV-99999999', 'e'],
    ]);
  });

  it('has no highest number when no ID was kept by number', () => {
    const index = IdIndex.of(['INV-99999999', 'typed'], (id) => id);
    expect(index.numbered()).toBeNull();
    expect([...index.texts()].map(([id]) => id)).toEqual(['INV-99999999', 'typed']);
  });
});
