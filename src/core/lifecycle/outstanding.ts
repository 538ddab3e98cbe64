// Who owes what: per client, the invoices overdue on a date (due before it, still wanting money), the
// total, the oldest due date, the last payment and the last decline reason. Largest debt first.
import { balanceOf, oldestFirst } from '../billing/dueInvoices';
import { COLLECTABLE, type InvoiceStatus } from '../billing/invoiceState';
import { compareDates, daysBetween, type IsoDate } from '../calendar';
import { formatMoney, type Cents } from '../money';

export interface OwedInvoice {
  id: string;
  clientId: string;
  dueDate: IsoDate;
  amount: Cents;
  paid: Cents;
  status: InvoiceStatus;
  declineReason?: string;
}

export interface PaymentLine {
  clientId: string;
  date: IsoDate;
  amount: Cents;
}

export interface ClientOverdue {
  clientId: string;
  invoiceIds: string[];
  owed: Cents;
  oldestDue: IsoDate;
  daysOverdue: number;
  /** The client's latest payment on or before the date (all its rows that day together). */
  lastPayment: { date: IsoDate; amount: Cents } | null;
  /** The decline reason on the client's most recently due declined invoice; '' when none. */
  lastDeclineReason: string;
}

/**
 * Overdue on `asOf`: due before it, with a balance, and still collectable (Open, Part paid, Declined).
 * A Sent invoice is in a debit under way and a Cancelled one is owed by no one, so neither is listed.
 */
export function isOverdue(inv: OwedInvoice, asOf: IsoDate): boolean {
  return COLLECTABLE.has(inv.status) && balanceOf(inv) > 0 && compareDates(inv.dueDate, asOf) < 0;
}

export function overdueByClient(
  invoices: readonly OwedInvoice[],
  payments: readonly PaymentLine[],
  asOf: IsoDate,
): ClientOverdue[] {
  const overdue = new Map<string, OwedInvoice[]>();
  const declined = new Map<string, OwedInvoice>();
  for (const inv of invoices) {
    if (isOverdue(inv, asOf)) {
      const list = overdue.get(inv.clientId);
      if (list) list.push(inv);
      else overdue.set(inv.clientId, [inv]);
    }
    if (inv.declineReason) {
      const prev = declined.get(inv.clientId);
      if (!prev || oldestFirst(prev, inv) < 0) declined.set(inv.clientId, inv);
    }
  }
  const lastPaid = new Map<string, { date: IsoDate; amount: Cents }>();
  for (const p of payments) {
    if (p.amount <= 0 || compareDates(p.date, asOf) > 0 || !overdue.has(p.clientId)) continue;
    const prev = lastPaid.get(p.clientId);
    const order = prev ? compareDates(p.date, prev.date) : 1;
    if (order > 0) lastPaid.set(p.clientId, { date: p.date, amount: p.amount });
    else if (order === 0) prev!.amount += p.amount;
  }
  const out: ClientOverdue[] = [];
  for (const [clientId, list] of overdue) {
    list.sort(oldestFirst);
    const oldestDue = list[0]!.dueDate;
    out.push({
      clientId,
      invoiceIds: list.map((i) => i.id),
      owed: list.reduce((s, i) => s + balanceOf(i), 0),
      oldestDue,
      daysOverdue: daysBetween(oldestDue, asOf),
      lastPayment: lastPaid.get(clientId) ?? null,
      lastDeclineReason: declined.get(clientId)?.declineReason ?? '',
    });
  }
  return out.sort(
    (a, b) =>
      b.owed - a.owed ||
      compareDates(a.oldestDue, b.oldestDue) ||
      (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0),
  );
}

export function overdueTotal(list: readonly ClientOverdue[]): Cents {
  return list.reduce((s, c) => s + c.owed, 0);
}

/** "3 clients have overdue invoices ($660.00)", or null when nobody owes. */
export function overdueReminder(list: readonly ClientOverdue[]): string | null {
  if (!list.length) return null;
  const who = list.length === 1 ? '1 client has' : `${list.length} clients have`;
  return `${who} overdue invoices (${formatMoney(overdueTotal(list))})`;
}
