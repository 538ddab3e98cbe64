// Matching a report row to the ledger: who it is about (by reference, or by name and amount for a person
// to confirm), the batch of its debit, and the payments an earlier row made under its Provider Ref.
import type { IsoDate } from '../../core/calendar';
import { batchOfPayment } from '../../core/ledger/debitStory';
import { identify, LedgerIndex, type Identified } from '../../core/reconcile';
import type { ReportRow } from '../../core/reports';
import { readBatch } from '../batches';
import { UserError } from '../errors';
import type { LedgerTx } from '../ledgerTx';
import type { Client, Invoice, Payment } from '../records';

/** Payments by Provider Ref, kept current as rows are planned (a later row may take back an earlier one). */
export class ByProviderRef {
  private readonly map = new Map<string, Payment[]>();
  constructor(payments: readonly Payment[]) {
    this.add(payments);
  }
  add(payments: readonly Payment[]): void {
    // Indexed: made once from every Payments row, mostly unoptimised, where `for of` makes an object a step.
    for (let k = 0; k < payments.length; k++) {
      const p = payments[k]!;
      if (!p.providerRef) continue;
      const list = this.map.get(p.providerRef);
      if (list) list.push(p);
      else this.map.set(p.providerRef, [p]);
    }
  }
  get(ref: string): readonly Payment[] {
    return this.map.get(ref) ?? [];
  }
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
  for (let k = 0; k < payments.length; k++) {
    const p = payments[k]!;
    const batchId = batchOfPayment(p);
    if (!batchId) continue;
    // A row with its own Batch ID is its debit as it stands; only an older row's is made.
    debits.push(hasBatchId(p) ? p : { clientId: p.clientId, batchId, date: p.date });
    batchIds.add(batchId);
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
