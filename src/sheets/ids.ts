// IDs are never reused: the last number handed out is kept in document properties (so deleting rows does
// not free an ID). An action that read the ID's tab whole also checks it against the highest ID there, and
// raises the counter when the tab holds a higher one (a hand-pasted row); an action that only appends to
// the tab (a sale) trusts the counter, and reads the ID column alone when no counter is stored yet.
// Callers allocate while holding the document lock.

export const ID_KINDS = {
  client: { prefix: 'C-', digits: 4 },
  sale: { prefix: 'S-', digits: 6 },
  invoice: { prefix: 'INV-', digits: 6 },
  allocation: { prefix: 'A-', digits: 6 },
  payment: { prefix: 'P-', digits: 6 },
  batch: { prefix: 'B-', digits: 6 },
  // One desk payment or refund: its Payments rows share it.
  receipt: { prefix: 'R-', digits: 6 },
} as const;
export type IdKind = keyof typeof ID_KINDS;

export function propertyKey(kind: IdKind): string {
  return `studioLedger.lastId.${kind}`;
}

/** The number of an ID of this kind ("INV-000123" -> 123), 0 when it is not one. */
export function idNumber(kind: IdKind, id: string): number {
  const { prefix } = ID_KINDS[kind];
  if (!id.startsWith(prefix)) return 0;
  let n = 0;
  for (let i = prefix.length; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) {
      // Not plain digits (spaces, a typed "1e3"): as Number reads it, a whole number or nothing.
      const x = Number(id.slice(prefix.length));
      return Number.isInteger(x) && x > 0 ? x : 0;
    }
    n = n * 10 + (c - 48);
  }
  return n;
}

export function highestNumber(kind: IdKind, ids: Iterable<string>): number {
  let max = 0;
  for (const id of ids) {
    const n = idNumber(kind, id);
    if (n > max) max = n;
  }
  return max;
}

export function formatId(kind: IdKind, n: number): string {
  const { prefix, digits } = ID_KINDS[kind];
  return prefix + String(n).padStart(digits, '0');
}

/** The counter stored for `kind`, or null when there is none (or it is not a number). */
export function storedCounter(props: Readonly<Record<string, string>>, kind: IdKind): number | null {
  const raw = props[propertyKey(kind)];
  if (raw === undefined || raw.trim() === '') return null;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** Hands out IDs for one action; `properties()` gives the counters to save with the action's writes. */
export class IdAllocator {
  private readonly last = new Map<IdKind, number>();
  private readonly used = new Set<IdKind>();
  private props: Readonly<Record<string, string>> | null = null;

  /**
   * `stored`: every document property (read once, on the first need); `existing(kind, counted)`: the
   * highest number of that kind in the ledger, where `counted` says whether a counter is stored.
   */
  constructor(
    private readonly stored: () => Readonly<Record<string, string>>,
    private readonly existing: (kind: IdKind, counted: boolean) => number,
  ) {}

  private saved(kind: IdKind): number | null {
    this.props ??= this.stored();
    return storedCounter(this.props, kind);
  }

  next(kind: IdKind): string {
    let last = this.last.get(kind);
    if (last === undefined) {
      const saved = this.saved(kind);
      last = Math.max(saved ?? 0, this.existing(kind, saved !== null));
    }
    last += 1;
    this.last.set(kind, last);
    this.used.add(kind);
    return formatId(kind, last);
  }

  /**
   * Raises the counter to `highest` (the highest number in a tab read whole) when it is higher than the
   * one stored, so an action that later only appends cannot hand out an ID the tab already holds.
   */
  raise(kind: IdKind, highest: number): void {
    const at = this.last.get(kind) ?? this.saved(kind) ?? 0;
    if (highest <= at) return;
    this.last.set(kind, highest);
    this.used.add(kind);
  }

  /** A preview shows IDs but must not use them up. */
  forget(): void {
    this.used.clear();
  }

  properties(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const kind of this.used) out[propertyKey(kind)] = String(this.last.get(kind));
    return out;
  }
}
