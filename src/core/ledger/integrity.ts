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

function duplicates<T extends { id: string; row?: number }>(
  records: readonly T[],
  tab: Problem['tab'],
  column: string,
): Problem[] {
  const firstRows = new IdIndex<number>(records.length);
  const out: Problem[] = [];
  for (const r of records) {
    if (!r.id) continue;
    const seen = firstRows.claim(r.id, r.row ?? 0);
    if (seen !== undefined)
      out.push({
        tab,
        row: r.row ?? 0,
        column,
        message: `${r.id} is also on row ${seen}: an ID may appear once (a pasted copy?)`,
      });
  }
  return out;
}

/** Every problem found, in tab order; the caller shows the first. */
export function checkLedger(recs: LedgerRecords): Problem[] {
  const problems: Problem[] = [];
  if (recs.clients) {
    problems.push(...duplicates(recs.clients, 'Clients', 'Client ID'));
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
  if (recs.sales) problems.push(...duplicates(recs.sales, 'Sales', 'Sale ID'));
  if (recs.invoices) {
    problems.push(...duplicates(recs.invoices, 'Invoices', 'Invoice ID'));
    if (recs.sales) {
      const sales = new Map(recs.sales.map((s) => [s.id, s]));
      for (const inv of recs.invoices) {
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
    problems.push(...duplicates(recs.payments, 'Payments', 'Payment ID'));
    problems.push(...paymentClients(recs.payments, recs.invoices));
  }
  return problems;
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
): Problem[] {
  const out: Problem[] = [];
  const clientOf = IdIndex.of(
    invoices ?? [],
    (i) => i.id,
    (i) => i.clientId,
  );
  const receiptClient = new IdIndex<Rowed<Payment>>(payments.length);
  for (const p of payments) {
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
  return out;
}
