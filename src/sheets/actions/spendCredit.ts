// Spending credit: each client's unspent credit (money received and kept, creditOf their Payments) pays
// their invoices due on or before the day, oldest first, as pairs of Payments rows dated that day (-X with
// a blank Invoice ID, +X on the invoice, both Method `Credit`). Once spent, the credit is gone from the
// Payments tab, so planning again (a re-run draft, the upkeep twice a day) spends nothing twice.
// Process Billing, record payment and the daily upkeep call this before they plan the client's invoices.
import type { IsoDate } from '../../core/calendar';
import { creditByClient } from '../../core/lifecycle/credit';
import { must, settleInvoice } from '../../core/ledger/invoiceState';
import { creditPair, planCreditSpend as spendParts } from '../../core/ledger/receipts';
import type { Cents } from '../../core/money';
import type { LedgerTx } from '../ledgerTx';
import type { Invoice, Payment } from '../records';
import { invoiceCells } from '../tabs/invoices';
import { paymentCells } from '../tabs/payments';

export interface CreditSpendInput {
  /** Only these clients (default: every client with credit). */
  clients?: ReadonlySet<string>;
  /** The day the credit is spent: it pays invoices due on or before it, from credit received by then. */
  date: IsoDate;
  /** Every invoice the action knows, including ones it planned itself (those have no row yet). */
  invoices: readonly Invoice[];
  /** The Payments rows read (and any the action planned before this). */
  payments: readonly Payment[];
  /** A preview plans the same pairs but reserves no payment ID: their Payment IDs are blank. */
  preview?: boolean;
}

export interface ClientCreditSpend {
  clientId: string;
  /** Unspent credit before spending. */
  credit: Cents;
  spent: Cents;
  /** Still kept as credit: nothing due by the date was left to pay. */
  left: Cents;
  invoiceIds: string[];
}

export interface CreditSpend {
  date: IsoDate;
  /** Clients whose credit paid something, in Client ID order. */
  clients: ClientCreditSpend[];
  /** The invoices the credit paid, settled; each keeps its row (none for one the caller planned). */
  invoices: Invoice[];
  /** The Payments rows to append: per invoice paid, -X with a blank Invoice ID, then +X on the invoice. */
  payments: Payment[];
  /** Total credit spent. */
  spent: Cents;
}

/** What each client's credit pays on `date`. Reads nothing: the caller passes what it read. */
export function planCreditSpend(tx: LedgerTx, input: CreditSpendInput): CreditSpend {
  const { date } = input;
  const credit = creditByClient(input.payments, date);
  // Only the invoices of clients with credit to spend are gathered (most clients have none).
  const invoicesOf = new Map<string, Invoice[]>();
  for (const clientId of credit.keys())
    if (!input.clients || input.clients.has(clientId)) invoicesOf.set(clientId, []);
  const plan: CreditSpend = { date, clients: [], invoices: [], payments: [], spent: 0 };
  if (invoicesOf.size === 0) return plan;
  for (const inv of input.invoices) {
    const list = invoicesOf.get(inv.clientId);
    if (list) list.push(inv);
  }
  const nextId = () => (input.preview ? '' : tx.ids.next('payment'));
  for (const clientId of [...credit.keys()].sort()) {
    const own = invoicesOf.get(clientId);
    if (!own) continue;
    const kept = credit.get(clientId)!;
    const parts = spendParts(own, kept, date);
    if (!parts.length) continue;
    const byId = new Map(own.map((i) => [i.id, i]));
    let spent = 0;
    for (const part of parts) {
      const inv = byId.get(part.invoiceId)!;
      // The core picked only invoices that may be paid, for no more than they owe: a refusal is a bug.
      plan.invoices.push({ ...inv, ...must(settleInvoice(inv, part.amount)) });
      plan.payments.push(...creditPair(part, clientId, date, { out: nextId(), in: nextId() }));
      spent += part.amount;
    }
    plan.clients.push({
      clientId,
      credit: kept,
      spent,
      left: kept - spent,
      invoiceIds: parts.map((p) => p.invoiceId),
    });
    plan.spent += spent;
  }
  return plan;
}

/**
 * Writes the pairs and the settled invoices that are on the Invoices tab. An invoice the caller planned
 * itself (no row yet) is the caller's to append: take its settled copy from `settled`.
 */
export function writeCreditSpend(tx: LedgerTx, plan: CreditSpend): void {
  for (const inv of plan.invoices)
    if (inv.row !== undefined) tx.update('invoices', inv.row, invoiceCells(inv));
  for (const p of plan.payments) tx.append('payments', paymentCells(p));
}

/** `list` with the invoices the credit paid in place of the ones they were (matched by Invoice ID). */
export function settled(list: readonly Invoice[], plan: CreditSpend): Invoice[] {
  const byId = new Map(plan.invoices.map((i) => [i.id, i]));
  return list.map((i) => byId.get(i.id) ?? i);
}
