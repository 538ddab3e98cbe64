// Never trust what is read: the spreadsheet is edited by people (rows copied, one column sorted). Every money
// action checks the records it read and refuses, writing nothing, naming the tab, row and column.
import { IdIndex } from './idIndex';
import type { Client, Invoice, Payment, Sale } from './records';

export type Rowed<T> = T & { readonly row?: number };

export interface Problem {
  tab: 'Clients' | 'Sales' | 'Invoices' | 'Payments' | 'Process Billing';
  row: number;
  column: string;
  message: string;
}

export interface LedgerRecords {
  clients?: readonly Rowed<Client>[];
  sales?: readonly Rowed<Sale>[];
  invoices?: readonly Rowed<Invoice>[];
  payments?: readonly Rowed<Payment>[];
}

/**
 * The repeated IDs of a tab, and its records by ID (the first of a repeated ID); and by `also` (another
 * ID column whose IDs repeat, as a batch's), the first record of each, found in the same pass.
 */
function duplicates<T extends { id: string; row?: number }>(
  records: readonly T[],
  tab: Problem['tab'],
  column: string,
  also?: (r: T) => string,
): { problems: Problem[]; byId: IdIndex<T>; byAlso: Map<string, T> } {
  const byId = new IdIndex<T>(records.length);
  const byAlso = new Map<string, T>();
  let lastAlso = '';
  const problems: Problem[] = [];
  // Indexed loops over 155k rows: run once per action, mostly unoptimised, where `for of` makes an
  // iterator object per step (12 MB a reconcile).
  for (let k = 0; k < records.length; k++) {
    const r = records[k]!;
    if (also) {
      const a = also(r);
      if (a && a !== lastAlso) {
        lastAlso = a;
        if (!byAlso.has(a)) byAlso.set(a, r);
      }
    }
    if (!r.id) continue;
    const seen = byId.claim(r.id, r);
    if (seen !== undefined)
      problems.push({
        tab,
        row: r.row ?? 0,
        column,
        message: `${r.id} is also on row ${seen.row ?? 0}: an ID may appear once (a pasted copy?)`,
      });
  }
  return { problems, byId, byAlso };
}

/**
 * Each tab's records by ID, as the duplicate check found them. Only a ledger without problems has them
 * (see checkLedgerIndexed): then no ID repeats, and a lookup gives the one record of that ID.
 */
export interface LedgerById {
  clients?: IdIndex<Rowed<Client>>;
  sales?: IdIndex<Rowed<Sale>>;
  invoices?: IdIndex<Rowed<Invoice>>;
  payments?: IdIndex<Rowed<Payment>>;
  /** Payments by Receipt ID: the first payment of each receipt. */
  receipts?: IdIndex<Rowed<Payment>>;
  /** Invoices by Batch ID, when asked for: the first invoice of each batch (same pass over the invoices). */
  batches?: ReadonlyMap<string, Rowed<Invoice>>;
}

/** Every problem found, in tab order; the caller shows the first. */
export function checkLedger(recs: LedgerRecords): Problem[] {
  return checkLedgerIndexed(recs).problems;
}

/**
 * checkLedger, also giving the records by ID its duplicate check built, so a plan need not build its own
 * index of the same tab (a pass over 155k invoices costs tens of ms); `byId` is empty when any problem
 * was found, as a repeated ID would make the first record stand for the others.
 */
export function checkLedgerIndexed(
  recs: LedgerRecords,
  opts: { batches?: boolean } = {},
): { problems: Problem[]; byId: LedgerById } {
  const problems: Problem[] = [];
  const byId: LedgerById = {};
  if (recs.clients) {
    const d = duplicates(recs.clients, 'Clients', 'Client ID');
    problems.push(...d.problems);
    byId.clients = d.byId;
    const refs = new Map<string, Rowed<Client>>();
    for (const c of recs.clients) {
      const ref = c.ddReference.trim().toUpperCase();
      if (!ref || c.billingMethod === 'Manual') continue;
      const other = refs.get(ref);
      if (other && other.id !== c.id)
        problems.push({
          tab: 'Clients',
          row: c.row ?? 0,
          column: 'DD Reference',
          message: `${c.ddReference} is also ${other.id}'s (row ${other.row ?? 0}): a DD Reference belongs to one client`,
        });
      else refs.set(ref, c);
    }
  }
  if (recs.sales) {
    const d = duplicates(recs.sales, 'Sales', 'Sale ID');
    problems.push(...d.problems);
    byId.sales = d.byId;
  }
  // Invoices by ID with no ID repeated: the same lookups as an index where the last record wins.
  let invoicesOnce: IdIndex<Rowed<Invoice>> | undefined;
  if (recs.invoices) {
    const d = duplicates(
      recs.invoices,
      'Invoices',
      'Invoice ID',
      opts.batches ? (i) => i.batchId : undefined,
    );
    problems.push(...d.problems);
    byId.invoices = d.byId;
    if (opts.batches) byId.batches = d.byAlso;
    if (!d.problems.length) invoicesOnce = d.byId;
    if (recs.sales) {
      const sales = new Map(recs.sales.map((s) => [s.id, s]));
      for (let k = 0; k < recs.invoices.length; k++) {
        const inv = recs.invoices[k]!;
        const sale = inv.saleId ? sales.get(inv.saleId) : undefined;
        if (sale && sale.clientId !== inv.clientId)
          problems.push({
            tab: 'Invoices',
            row: inv.row ?? 0,
            column: 'Client ID',
            message: `${inv.id} is for ${inv.clientId} but its sale ${sale.id} is ${sale.clientId}'s (Sales row ${sale.row ?? 0})`,
          });
      }
    }
  }
  if (recs.payments) {
    const d = duplicates(recs.payments, 'Payments', 'Payment ID');
    problems.push(...d.problems);
    byId.payments = d.byId;
    const paid = paymentClients(recs.payments, recs.invoices, invoicesOnce);
    problems.push(...paid.problems);
    byId.receipts = paid.receipts;
  }
  return { problems, byId: problems.length ? {} : byId };
}

/** The one line a refusal shows: "Invoices row 12, column Invoice ID: …", and how many more there are. */
export function problemLine(problems: readonly Problem[]): string | null {
  const [p, ...rest] = problems;
  if (!p) return null;
  const more = rest.length ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
  return `${p.tab} row ${p.row}, column ${p.column}: ${p.message}${more}`;
}

/**
 * A payment belongs to its invoice's client, and the rows of one receipt to one client: a Client ID column
 * sorted on its own would otherwise move one client's money (and credit) to another.
 */
function paymentClients(
  payments: readonly Rowed<Payment>[],
  invoices?: readonly Rowed<Invoice>[],
  invoicesOnce?: IdIndex<Rowed<Invoice>>,
): { problems: Problem[]; receipts: IdIndex<Rowed<Payment>> } {
  const out: Problem[] = [];
  // The duplicate check's index when no invoice ID repeats; else the last invoice of an ID decides, as
  // before, so the problems counted stay the same.
  const clientOf: { get(id: string): string | undefined } = invoicesOnce
    ? { get: (id) => invoicesOnce.get(id)?.clientId }
    : IdIndex.of(
        invoices ?? [],
        (i) => i.id,
        (i) => i.clientId,
      );
  const receiptClient = new IdIndex<Rowed<Payment>>(payments.length);
  for (let k = 0; k < payments.length; k++) {
    const p = payments[k]!;
    const owner = p.invoiceId ? clientOf.get(p.invoiceId) : undefined;
    if (owner !== undefined && owner !== p.clientId) {
      out.push({
        tab: 'Payments',
        row: p.row ?? 0,
        column: 'Client ID',
        message: `${p.id} pays ${p.invoiceId}, which is ${owner}'s, but says ${p.clientId || 'no client'} (was a column sorted on its own?)`,
      });
      continue;
    }
    if (!p.receiptId) continue;
    const first = receiptClient.claim(p.receiptId, p);
    if (first && first.clientId !== p.clientId)
      out.push({
        tab: 'Payments',
        row: p.row ?? 0,
        column: 'Client ID',
        message: `${p.id} is part of receipt ${p.receiptId}, which is ${first.clientId}'s (row ${first.row ?? 0}), but says ${p.clientId || 'no client'}`,
      });
  }
  return { problems: out, receipts: receiptClient };
}
