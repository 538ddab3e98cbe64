// Who a report row is about, and which invoices it settles. By reference first (Invoice ID, Batch ID +
// client, Client ID, DD Reference); otherwise by name and amount near a batch date, which is never
// applied without a person confirming it.
import { daysBetween, type IsoDate } from '../calendar';
import type { Cents } from '../money';
import type { ReportRow } from '../reports/types';
import type { InvoiceStatus } from '../billing/invoiceState';

export interface LedgerInvoice {
  id: string;
  clientId: string;
  dueDate: IsoDate;
  amount: Cents;
  paid: Cents;
  status: InvoiceStatus;
  batchId: string;
  sentAmount?: Cents | null;
}

export interface LedgerClient {
  id: string;
  name: string;
  ddReference: string;
}

export interface Ledger {
  invoices: readonly LedgerInvoice[];
  clients: readonly LedgerClient[];
  /** Billing date of each batch, from the batch records. */
  batchDates: ReadonlyMap<string, IsoDate>;
  /**
   * Debits the Payments tab remembers (a row's Batch ID and date): an invoice re-sent in a newer batch no
   * longer names the batch a late report is about.
   */
  debits?: readonly { clientId: string; batchId: string; date: IsoDate }[];
}

export type MatchHow = 'invoice' | 'batch and client' | 'client ID' | 'DD reference' | 'name and amount';

export interface Identified {
  clientId: string;
  how: MatchHow;
  /** False: shown for a person to confirm, never applied on its own. */
  certain: boolean;
  /** Invoices named by the report itself (Invoice ID references). */
  invoiceIds: string[];
  batchId: string | null;
}

/** Days either side of a batch's billing date in which a report's debit date counts as that batch. */
export const BATCH_WINDOW_DAYS = 10;

const EPOCH: IsoDate = '1970-01-01';

const norm = (s: string) => s.trim().toUpperCase();
const normName = (s: string) =>
  s
    .toUpperCase()
    .replace(/[^A-Z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .sort()
    .join(' ');

/** A batch and its billing date as a day number, once per distinct pair for the whole ledger. */
interface DayOfBatch {
  readonly day: number;
  readonly batchId: string;
  readonly date: IsoDate;
  stamp: number;
}

/** Length and first character of a normalised ID: a reference of no invoice ID's shape names no invoice. */
const shapeOf = (id: string) => id.length * 0x10000 + id.charCodeAt(0);

/**
 * shapeOf(norm(id)) without making the normalised text (155k IDs a ledger): an ASCII ID with no space at
 * either end keeps its length, and only its first letter can change case. Anything else is normalised.
 */
function idShape(id: string): number {
  const n = id.length;
  const first = id.charCodeAt(0);
  if (n === 0 || first <= 32 || id.charCodeAt(n - 1) <= 32) return shapeOf(norm(id));
  for (let k = 0; k < n; k++) if (id.charCodeAt(k) >= 128) return shapeOf(norm(id));
  return n * 0x10000 + (first >= 97 && first <= 122 ? first - 32 : first);
}

export class LedgerIndex {
  /** Invoices by normalised ID, made on the first reference of an invoice ID's shape (often never). */
  private invoiceMap: Map<string, LedgerInvoice> | null = null;
  private readonly invoiceShapes = new Set<number>();
  readonly client = new Map<string, LedgerClient>();
  readonly ddRef = new Map<string, LedgerClient[]>();
  readonly batch = new Set<string>();
  readonly byClient = new Map<string, LedgerInvoice[]>();
  readonly byName = new Map<string, LedgerClient[]>();
  private readonly debitsOf = new Map<string, { batchId: string; date: IsoDate }[]>();
  private readonly daysOf = new Map<string, readonly DayOfBatch[]>();
  private readonly dayNumbers = new Map<string, number>();
  /**
   * Each batch's record date and (day, batch) pairs, shared by every client (a cycle's batch is on every
   * client's list): one look-up per invoice or debit of a client.
   */
  private readonly batches = new Map<string, { record: IsoDate | undefined; pairs: DayOfBatch[] }>();
  /** Stamps a pair with the client whose list took it last, so a list takes each pair once. */
  private stamp = 0;

  constructor(readonly ledger: Ledger) {
    let lastBatch = '';
    // Indexed loops: a loop run once per action is mostly not optimised, and there `for of` makes an
    // object per step (155k of them for the invoices).
    const { invoices } = ledger;
    let lastShape = -1;
    for (let k = 0; k < invoices.length; k++) {
      const i = invoices[k]!;
      // The IDs of a ledger share a shape or two: the set is asked only when the shape changes.
      const shape = idShape(i.id);
      if (shape !== lastShape) this.invoiceShapes.add((lastShape = shape));
      // Invoices of one batch sit together: each run's Batch ID is normalised once.
      if (i.batchId && i.batchId !== lastBatch) this.batch.add(norm((lastBatch = i.batchId)));
      const list = this.byClient.get(i.clientId);
      if (list) list.push(i);
      else this.byClient.set(i.clientId, [i]);
    }
    const debits = ledger.debits ?? [];
    for (let k = 0; k < debits.length; k++) {
      const d = debits[k]!;
      if (!d.batchId) continue;
      const list = this.debitsOf.get(d.clientId);
      if (list) list.push(d);
      else this.debitsOf.set(d.clientId, [d]);
    }
    for (const c of ledger.clients) {
      this.client.set(norm(c.id), c);
      if (c.ddReference) {
        const k = norm(c.ddReference);
        this.ddRef.set(k, [...(this.ddRef.get(k) ?? []), c]);
      }
      const n = normName(c.name);
      if (n) this.byName.set(n, [...(this.byName.get(n) ?? []), c]);
    }
  }

  /** The invoice whose normalised ID this is (a normalised reference). */
  invoice(ref: string): LedgerInvoice | undefined {
    if (!this.invoiceShapes.has(shapeOf(ref))) return undefined;
    if (!this.invoiceMap) {
      this.invoiceMap = new Map();
      for (const i of this.ledger.invoices) this.invoiceMap.set(norm(i.id), i);
    }
    return this.invoiceMap.get(ref);
  }

  /** The batch of this client's whose billing date is nearest the debit date, within the window. */
  nearestBatch(clientId: string, date: IsoDate): string | null {
    const days = this.batchDays(clientId);
    const day = this.dayOf(date);
    // The first debit inside the window, then each one up to its end.
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[mid]!.day < day - BATCH_WINDOW_DAYS) lo = mid + 1;
      else hi = mid;
    }
    let best: string | null = null;
    let bestGap = 0;
    for (let k = lo; k < days.length && days[k]!.day <= day + BATCH_WINDOW_DAYS; k++) {
      const { batchId } = days[k]!;
      const gap = Math.abs(days[k]!.day - day);
      if (best === null || gap < bestGap || (gap === bestGap && batchId > best)) {
        best = batchId;
        bestGap = gap;
      }
    }
    return best;
  }

  /**
   * A client's batches with their billing dates (the batch's record, else the invoice's due date or the
   * debit's date), once per distinct pair, by day: a report repeats each client in every cycle it holds.
   */
  private batchDays(clientId: string): readonly DayOfBatch[] {
    const known = this.daysOf.get(clientId);
    if (known) return known;
    const days: DayOfBatch[] = [];
    const stamp = ++this.stamp;
    // Once per client (a report holds each a dozen times); plain loops over its history.
    const invoices = this.byClient.get(clientId) ?? [];
    for (let k = 0; k < invoices.length; k++) {
      const i = invoices[k]!;
      if (i.batchId) this.take(days, stamp, i.batchId, i.dueDate);
    }
    const debits = this.debitsOf.get(clientId) ?? [];
    for (let k = 0; k < debits.length; k++) {
      const d = debits[k]!;
      if (d.batchId) this.take(days, stamp, d.batchId, d.date);
    }
    // By day, then batch (a history comes nearly in order, so this is close to one pass).
    days.sort((a, b) => a.day - b.day || (a.batchId < b.batchId ? -1 : a.batchId > b.batchId ? 1 : 0));
    this.daysOf.set(clientId, days);
    return days;
  }

  /** Adds the pair of this batch and date to `days`, unless this list (its stamp) took it already. */
  private take(days: DayOfBatch[], stamp: number, batchId: string, fallback: IsoDate): void {
    const pair = this.pair(batchId, fallback);
    if (pair.stamp === stamp) return;
    pair.stamp = stamp;
    days.push(pair);
  }

  /** The one pair of this batch and its billing date: its record's, else `fallback`. */
  private pair(batchId: string, fallback: IsoDate): DayOfBatch {
    let batch = this.batches.get(batchId);
    if (!batch)
      this.batches.set(batchId, (batch = { record: this.ledger.batchDates.get(batchId), pairs: [] }));
    const date = batch.record ?? fallback;
    for (const p of batch.pairs) if (p.date === date) return p;
    const p: DayOfBatch = { day: this.dayOf(date), batchId, date, stamp: 0 };
    batch.pairs.push(p);
    return p;
  }

  /** Day numbers of dates, each date worked out once: every client's history repeats the cycle dates. */
  private dayOf(date: IsoDate): number {
    let day = this.dayNumbers.get(date);
    if (day === undefined) this.dayNumbers.set(date, (day = daysBetween(EPOCH, date)));
    return day;
  }
}

export function identify(
  row: ReportRow,
  idx: LedgerIndex,
): Identified | { candidates: LedgerClient[] } | null {
  // Per report row (20k a report): plain loops, and no list of invoices until one is named.
  const refs: string[] = [];
  for (const ref of row.references) {
    const r = norm(ref);
    if (r) refs.push(r);
  }
  // Invoice IDs named in the report.
  let invoices: LedgerInvoice[] | null = null;
  for (const r of refs) {
    const i = idx.invoice(r);
    if (i) (invoices ??= []).push(i);
  }
  if (invoices) {
    const clientId = invoices[0]!.clientId;
    return {
      clientId,
      how: 'invoice',
      certain: invoices.every((i) => i.clientId === clientId),
      invoiceIds: invoices.map((i) => i.id),
      batchId: null,
    };
  }
  const batchRef = refs.find((r) => idx.batch.has(r)) ?? null;
  for (const r of refs) {
    const c = idx.client.get(r);
    if (c)
      return {
        clientId: c.id,
        how: batchRef ? 'batch and client' : 'client ID',
        certain: true,
        invoiceIds: [],
        batchId: batchRef,
      };
  }
  for (const r of refs) {
    const cs = idx.ddRef.get(r);
    if (cs?.length === 1)
      return {
        clientId: cs[0]!.id,
        how: batchRef ? 'batch and client' : 'DD reference',
        certain: true,
        invoiceIds: [],
        batchId: batchRef,
      };
  }
  // Name and amount: only ever a suggestion.
  if (row.clientName) {
    const named = idx.byName.get(normName(row.clientName)) ?? [];
    const fits = named.filter((c) => {
      const batch = idx.nearestBatch(c.id, row.date);
      if (!batch) return false;
      const sent = (idx.byClient.get(c.id) ?? []).filter((i) => i.batchId === batch);
      const total = sent.reduce((s, i) => s + (i.sentAmount ?? i.amount - i.paid), 0);
      return total === row.amount;
    });
    if (fits.length === 1)
      return {
        clientId: fits[0]!.id,
        how: 'name and amount',
        certain: false,
        invoiceIds: [],
        batchId: idx.nearestBatch(fits[0]!.id, row.date),
      };
    if (named.length) return { candidates: named };
  }
  return null;
}
