// IDs are never reused: the last number handed out is kept in document properties (so deleting rows does
// not free an ID) and checked against the highest ID in the tab (so a lost property cannot repeat one).
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

export function highestNumber(kind: IdKind, ids: Iterable<string>): number {
  const { prefix } = ID_KINDS[kind];
  let max = 0;
  for (const id of ids) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return max;
}

export function formatId(kind: IdKind, n: number): string {
  const { prefix, digits } = ID_KINDS[kind];
  return prefix + String(n).padStart(digits, '0');
}

/** Hands out IDs for one action; `commit()` gives the properties to save with the action's writes. */
export class IdAllocator {
  private readonly last = new Map<IdKind, number>();
  private readonly used = new Set<IdKind>();

  constructor(
    private readonly stored: (key: string) => string | null,
    private readonly existing: (kind: IdKind) => Iterable<string>,
  ) {}

  next(kind: IdKind): string {
    let last = this.last.get(kind);
    if (last === undefined) {
      const saved = Number(this.stored(propertyKey(kind)) ?? 0);
      last = Math.max(Number.isFinite(saved) ? saved : 0, highestNumber(kind, this.existing(kind)));
    }
    last += 1;
    this.last.set(kind, last);
    this.used.add(kind);
    return formatId(kind, last);
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
