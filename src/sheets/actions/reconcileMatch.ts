// Matching a report row to the ledger: who it is about (by reference, or by name and amount for a person
// to confirm), the batch of its debit, and the payments an earlier row made under its Provider Ref.
import type { IsoDate } from '../../core/calendar';
import { batchOfPayment } from '../../core/ledger/debitStory';
import { identify, LedgerIndex, type Identified } from '../../core/reconcile';
import type { ReportRow, ReportShape } from '../../core/reports';
import { readBatch } from '../batches';
import { UserError } from '../errors';
import type { LedgerTx } from '../ledgerTx';
import type { Client, Invoice, Payment } from '../records';

/**
 * Payments by Provider Ref, kept current as rows are planned (a later row may take back an earlier one).
 * `only`: the refs the report's rows can look up (its declines and reversals): every other payment is left
 * out, as a 4-year ledger has 155k refs of debits long settled; null indexes every ref.
 */
export class ByProviderRef {
  private readonly map = new Map<string, Payment[]>();
  constructor(
    payments: readonly Payment[],
    private readonly only: ReadonlySet<string> | null = null,
  ) {
    this.add(payments);
  }
  add(payments: readonly Payment[]): void {
    const { only } = this;
    // Indexed: made once from every Payments row, mostly unoptimised, where `for of` makes an object a step.
    for (let k = 0; k < payments.length; k++) {
      const p = payments[k]!;
      if (!p.providerRef || (only !== null && !only.has(p.providerRef))) continue;
      const list = this.map.get(p.providerRef);
      if (list) list.push(p);
      else this.map.set(p.providerRef, [p]);
    }
  }
  get(ref: string): readonly Payment[] {
    // A ref left out would read as no payment at all: a row that looks one up must be in `only`.
    if (this.only !== null && !this.only.has(ref))
      throw new Error(`Provider Ref ${ref} was not indexed for this report's rows`);
    return this.map.get(ref) ?? [];
  }
}

/**
 * The Provider Refs a row of this report can look up: a decline's, a reversal's (a negative amount),
 * and any row settled by hand (as a reversal). Null for an ABA return, whose refs are made with the
 * batch a row is matched to.
 */
export function refsLookedUp(
  shape: ReportShape,
  rows: readonly ReportRow[],
  settled: ReadonlyMap<number, unknown>,
): Set<string> | null {
  if (shape === 'aba-return') return null;
  const out = new Set<string>();
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    if (!row.providerRef) continue;
    if (row.outcome !== 'paid' || row.negative || settled.has(row.rowNumber)) out.add(row.providerRef);
  }
  return out;
}

const hasBatchId = (p: Payment): p is Payment & { batchId: string } => !!p.batchId;

/** The index rows are matched against: invoices, clients, batch dates, and the debits Payments remembers. */
export function ledgerIndex(
  tx: LedgerTx,
  invoices: readonly Invoice[],
  payments: readonly Payment[],
  clients: readonly Client[],
): LedgerIndex {
  const debits: { readonly clientId: string; readonly batchId: string; readonly date: IsoDate }[] = [];
  const batchIds = new Set<string>();
  // Indexed loops over every row (see ByProviderRef.add); a run of one batch adds it once.
  let last = '';
  for (let k = 0; k < invoices.length; k++) {
    const { batchId } = invoices[k]!;
    if (batchId && batchId !== last) batchIds.add((last = batchId));
  }
  last = '';
  for (let k = 0; k < payments.length; k++) {
    const p = payments[k]!;
    const batchId = batchOfPayment(p);
    if (!batchId) continue;
    // A row with its own Batch ID is its debit as it stands; only an older row's is made.
    debits.push(hasBatchId(p) ? p : { clientId: p.clientId, batchId, date: p.date });
    // A cycle's payments are written together: a run of one batch adds it once.
    if (batchId !== last) batchIds.add((last = batchId));
  }
  const batchDates = new Map<string, IsoDate>();
  const props = batchIds.size ? tx.port.getProperties() : {};
  for (const b of batchIds) {
    const rec = readBatch((k) => props[k] ?? null, b);
    if (rec) batchDates.set(b, rec.billingDate);
  }
  // The records themselves: an Invoice is a LedgerInvoice, and a copy of each is 155k objects to collect.
  return new LedgerIndex({ invoices, clients, batchDates, debits });
}

export type RowMatch =
  /** Matched only by name and amount: a person confirms it first. */
  | { toConfirm: true; clientId: string; note: string }
  | {
      toConfirm: false;
      /** Who the row's references name for certain, or null. */
      sure: Identified | null;
      /** The batch of its debit, when known. */
      batchId: string | null;
      /** Why nobody matched, for an Unmatched row. */
      unmatched: string;
    };

export function matchRow(
  row: ReportRow,
  idx: LedgerIndex,
  clients: readonly Client[],
  confirmedAs: string | undefined,
): RowMatch {
  let found = identify(row, idx);
  if (confirmedAs) {
    const c = clients.find((x) => x.id.toLowerCase() === confirmedAs.trim().toLowerCase());
    if (!c)
      throw new UserError(`Report row ${row.rowNumber}: no client ${confirmedAs} to confirm.`, 'confirm');
    found = {
      clientId: c.id,
      how: 'name and amount',
      certain: true,
      invoiceIds: [],
      batchId: idx.nearestBatch(c.id, row.date),
    };
  }
  if (found && !('candidates' in found) && !found.certain) {
    const name = clients.find((c) => c.id === found.clientId)?.name ?? found.clientId;
    return {
      toConfirm: true,
      clientId: found.clientId,
      note: `Looks like ${name} (${found.clientId}) by name and amount: confirm to apply`,
    };
  }
  const sure = found && !('candidates' in found) ? found : null;
  return {
    toConfirm: false,
    sure,
    batchId: sure
      ? (sure.batchId ?? (sure.invoiceIds.length ? null : idx.nearestBatch(sure.clientId, row.date)))
      : null,
    unmatched:
      found && 'candidates' in found
        ? `Same name as ${found.candidates.map((c) => `${c.name} (${c.id})`).join(', ')}, but no batch of that amount near ${row.date}`
        : 'No invoice, client ID or DD reference matches, nor a client by name and amount',
  };
}
