// Records by ID, for tabs of a few hundred thousand rows. Most IDs are the add-in's own (a prefix and a
// fixed count of digits, INV-000123): those are kept in an array by their number, several times quicker
// to fill and to look up than a Map over as many strings (billing day builds a few of these). Any other
// spelling (another width, a typed ID) is kept by its text; the two kinds can never be the same text, so
// a lookup never confuses them.

/** The numbers of IDs spelled like the first one seen: its prefix and its count of digits. */
class IdSpelling {
  private prefix: string | null = null;
  private width = 0;

  /** `limit`: a few times the number of IDs; a number far past it (a typed 99999999) counts as text. */
  constructor(private readonly limit: number) {}

  /** The prefix and count of digits learned from the first such ID, null before one is seen. */
  learned(): { prefix: string; width: number } | null {
    return this.prefix === null ? null : { prefix: this.prefix, width: this.width };
  }

  /** The ID's number when it is spelled as the first such ID was, else -1. */
  number(id: string): number {
    let j = id.length;
    while (j > 0) {
      const c = id.charCodeAt(j - 1);
      if (c < 48 || c > 57) break;
      j--;
    }
    const digits = id.length - j;
    if (digits === 0 || digits > 8) return -1;
    if (this.prefix === null) {
      this.prefix = id.slice(0, j);
      this.width = digits;
    } else if (digits !== this.width || j !== this.prefix.length || !id.startsWith(this.prefix)) return -1;
    let n = 0;
    for (let k = j; k < id.length; k++) n = n * 10 + (id.charCodeAt(k) - 48);
    return n <= this.limit ? n : -1;
  }
}

/** A map from ID to value with Map's get/has/set (the last set wins), for `size` expected IDs. */
export class IdIndex<V> {
  private readonly spelling: IdSpelling;
  /** By an ID's number, its value's place in `values` plus one (0: none). A typed array stays fast
   * however the IDs come (a plain array filled out of order can fall back to a slow dictionary). */
  private slots = new Int32Array(1024);
  private readonly values: V[] = [];
  private readonly other = new Map<string, V>();
  /** The highest number kept in `slots` (-1: none). */
  private top = -1;

  constructor(size: number) {
    this.spelling = new IdSpelling(size * 4 + 1024);
  }

  /** Every item by its key (the last item of a repeated key wins, as `new Map(...)` would). */
  static of<T, V = T>(items: readonly T[], key: (t: T) => string, value?: (t: T) => V): IdIndex<V> {
    const index = new IdIndex<V>(items.length);
    for (let k = 0; k < items.length; k++) {
      const t = items[k]!;
      index.set(key(t), value ? value(t) : (t as unknown as V));
    }
    return index;
  }

  get(id: string): V | undefined {
    const n = this.spelling.number(id);
    if (n < 0) return this.other.get(id);
    const slot = n < this.slots.length ? this.slots[n]! : 0;
    return slot ? this.values[slot - 1] : undefined;
  }

  /**
   * The spelling learned (prefix and count of digits) and the highest number kept under it, with its
   * value: with texts(), every ID kept, so the highest ID needs no other pass over the records.
   */
  numbered(): { prefix: string; width: number; highest: number; value: V } | null {
    const learned = this.spelling.learned();
    if (this.top < 0 || !learned) return null;
    return { ...learned, highest: this.top, value: this.values[this.slots[this.top]! - 1]! };
  }

  /** The IDs kept by their text (any other spelling), with their values. */
  texts(): IterableIterator<[string, V]> {
    return this.other.entries();
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  set(id: string, value: V): this {
    this.put(id, value, true);
    return this;
  }

  /** The value already kept for `id` (left as it is), or undefined when `value` is kept now. */
  claim(id: string, value: V): V | undefined {
    return this.put(id, value, false);
  }

  /** Keeps `value` for `id` (over what was there only when `replace`); gives what was there. */
  private put(id: string, value: V, replace: boolean): V | undefined {
    const n = this.spelling.number(id);
    if (n < 0) {
      const before = this.other.get(id);
      if (before === undefined || replace) this.other.set(id, value);
      return before;
    }
    if (n >= this.slots.length) {
      const grown = new Int32Array(Math.max(n + 1, this.slots.length * 2));
      grown.set(this.slots);
      this.slots = grown;
    }
    const slot = this.slots[n]!;
    if (!slot) {
      this.slots[n] = this.values.push(value);
      if (n > this.top) this.top = n;
      return undefined;
    }
    const before = this.values[slot - 1];
    if (replace) this.values[slot - 1] = value;
    return before;
  }
}
