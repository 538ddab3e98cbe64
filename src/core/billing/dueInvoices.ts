// Process Billing's list: every invoice due on or before the billing date that still wants money and is
// not in a batch that was sent, one debit line per client, oldest invoice first.
import { compareDates, type IsoDate } from '../calendar';
import type { Cents } from '../money';
import { COLLECTABLE, type InvoiceStatus } from './invoiceState';

export interface BillableInvoice {
  id: string;
  clientId: string;
  dueDate: IsoDate;
  amount: Cents;
  paid: Cents;
  status: InvoiceStatus;
}

export interface DebitLine {
  clientId: string;
  invoiceIds: string[];
  amountDue: Cents;
}

export function balanceOf(i: { amount: Cents; paid: Cents }): Cents {
  return i.amount - i.paid;
}

export function isDue(i: BillableInvoice, billingDate: IsoDate): boolean {
  return COLLECTABLE.has(i.status) && balanceOf(i) > 0 && compareDates(i.dueDate, billingDate) <= 0;
}

/** Oldest first (by due date, then ID) so part payments settle the oldest debt first. */
export function oldestFirst<T extends { dueDate: IsoDate; id: string }>(a: T, b: T): number {
  return compareDates(a.dueDate, b.dueDate) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function debitLines(invoices: readonly BillableInvoice[], billingDate: IsoDate): DebitLine[] {
  const byClient = new Map<string, BillableInvoice[]>();
  for (const inv of invoices) {
    if (!isDue(inv, billingDate)) continue;
    const list = byClient.get(inv.clientId);
    if (list) list.push(inv);
    else byClient.set(inv.clientId, [inv]);
  }
  return [...byClient].map(([clientId, list]) => {
    list.sort(oldestFirst);
    return {
      clientId,
      invoiceIds: list.map((i) => i.id),
      amountDue: list.reduce((s, i) => s + balanceOf(i), 0),
    };
  });
}
