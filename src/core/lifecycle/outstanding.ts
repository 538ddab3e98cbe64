// Who owes what: per client, the invoices overdue on a date (due before it, still wanting money by the
// payments dated up to it) less the client's unspent credit on that date, the total, the oldest due date,
// the last payment that stood and the last decline reason. Largest debt first.
import { oldestFirst } from '../billing/dueInvoices';
import type { InvoiceStatus } from '../billing/invoiceState';
import { compareDates, dayIndex, daysBetween, type IsoDate } from '../calendar';
import { IdIndex } from '../ledger/idIndex';
import { formatMoney, type Cents } from '../money';

export interface OwedInvoice {
  id: string;
  clientId: string;
  dueDate: IsoDate;
  amount: Cents;
  paid: Cents;
  status: InvoiceStatus;
  declineReason?: string;
  /** When a Written off invoice stopped being owed (absent: it counts as written off on any date). */
  writeOffDate?: IsoDate | null;
}

export interface PaymentLine {
  clientId: string;
  /** The invoice the row pays (or, when negative, reverses); '' or absent for a credit or an untied row. */
  invoiceId?: string;
  date: IsoDate;
  amount: Cents;
  /** `Credit` on an invoice is spent credit (the +X of a pair): money moved, not money received. */
  method?: string;
}

export interface ClientOverdue {
  clientId: string;
  invoiceIds: string[];
  /** What the overdue invoices still want, less the client's unspent credit (always more than zero). */
  owed: Cents;
  /** The client's unspent credit on the date, netted off `owed`. */
  credit: Cents;
  oldestDue: IsoDate;
  daysOverdue: number;
  /**
   * The client's latest payment on or before the date (all its rows that day together), leaving out a
   * payment reversed by then (a later negative row on the same invoice for the same amount: a decline).
   */
  lastPayment: { date: IsoDate; amount: Cents } | null;
  /** The decline reason on the client's most recently due declined invoice (due by the date); '' when none. */
  lastDeclineReason: string;
}

/** Written off by `asOf`: the studio no longer collects its balance (before the write-off date it was owed). */
export function isWrittenOff(inv: Pick<OwedInvoice, 'status' | 'writeOffDate'>, asOf: IsoDate): boolean {
  return inv.status === 'Written off' && (!inv.writeOffDate || compareDates(inv.writeOffDate, asOf) <= 0);
}

/**
 * Overdue on `asOf` with `paid` received by then: due before it, with a balance, and not Cancelled (owed
 * by no one) or written off by then. With `inFlight`, a Sent invoice (in a debit under way) is not listed
 * either: that is what is known today, so it holds only for a date from today on.
 */
export function isOverdue(inv: OwedInvoice, asOf: IsoDate, paid: Cents = inv.paid, inFlight = true): boolean {
  if (inv.status === 'Cancelled' || isWrittenOff(inv, asOf) || (inFlight && inv.status === 'Sent'))
    return false;
  return inv.amount - paid > 0 && compareDates(inv.dueDate, asOf) < 0;
}

/**
 * What each invoice had received by `asOf`: the sum of its payment rows dated on or before it (reversals
 * are negative rows, so a declined debit nets out). An invoice with no payment rows at all keeps its Paid
 * column (a hand-kept ledger).
 */
function paidByInvoice(payments: readonly PaymentLine[], asOf: IsoDate): IdIndex<Cents> {
  // By invoice ID over every payment of the ledger: an IdIndex, not a Map (see ../ledger/idIndex).
  const paid = new IdIndex<Cents>(payments.length);
  const asOfDay = dayIndex(asOf);
  for (const p of payments) {
    if (!p.invoiceId) continue;
    const sum = paid.get(p.invoiceId) ?? 0;
    paid.set(p.invoiceId, dayIndex(p.date) <= asOfDay ? sum + p.amount : sum);
  }
  return paid;
}

/** The +X half of spending credit: the money arrived earlier (its receipt is the payment to show). */
function spentCredit(p: PaymentLine): boolean {
  return p.method === 'Credit' && !!p.invoiceId;
}

/**
 * The payments that still stood on `asOf`: positive rows dated on or before it, less each one reversed
 * by then (a negative row on the same invoice for the same amount, dated on or after it; each reversal
 * cancels the latest such payment before it).
 */
function standingPayments(payments: readonly PaymentLine[], asOf: IsoDate): PaymentLine[] {
  const asOfDay = dayIndex(asOf);
  const upTo = payments.filter((p) => dayIndex(p.date) <= asOfDay && !spentCredit(p));
  const reversed = new Set<PaymentLine>();
  // Only invoices with a reversal (a negative row) need their rows side by side: a handful of a ledger's.
  const withReversal = new Set<string>();
  for (const p of upTo) if (p.amount < 0 && p.invoiceId) withReversal.add(p.invoiceId);
  const byInvoice = new Map<string, PaymentLine[]>();
  for (const p of upTo) {
    if (!p.invoiceId || !withReversal.has(p.invoiceId)) continue;
    const list = byInvoice.get(p.invoiceId);
    if (list) list.push(p);
    else byInvoice.set(p.invoiceId, [p]);
  }
  for (const rows of byInvoice.values()) {
    for (const r of rows) {
      if (r.amount >= 0) continue;
      let match: PaymentLine | undefined;
      for (const p of rows)
        if (
          p.amount === -r.amount &&
          !reversed.has(p) &&
          compareDates(p.date, r.date) <= 0 &&
          (!match || compareDates(p.date, match.date) >= 0)
        )
          match = p;
      if (match) reversed.add(match);
    }
  }
  return upTo.filter((p) => p.amount > 0 && !reversed.has(p));
}

/**
 * Who owed what on `asOf`, from the payments dated by then. `today` (default `asOf`) says whether the
 * invoices' present state applies: from today on, an invoice Sent in a debit under way is not overdue.
 * `credit` is each client's unspent credit on `asOf` (creditByClient): it is netted off, and a client
 * whose credit covers what is overdue owes nothing.
 */
export function overdueByClient(
  invoices: readonly OwedInvoice[],
  payments: readonly PaymentLine[],
  asOf: IsoDate,
  today: IsoDate = asOf,
  credit: ReadonlyMap<string, Cents> = new Map(),
): ClientOverdue[] {
  const inFlight = compareDates(asOf, today) >= 0;
  const paidBy = paidByInvoice(payments, asOf);
  const overdue = new Map<string, { inv: OwedInvoice; owed: Cents }[]>();
  const declined = new Map<string, OwedInvoice>();
  for (const inv of invoices) {
    const paid = paidBy.get(inv.id) ?? inv.paid;
    if (isOverdue(inv, asOf, paid, inFlight)) {
      const entry = { inv, owed: inv.amount - paid };
      const list = overdue.get(inv.clientId);
      if (list) list.push(entry);
      else overdue.set(inv.clientId, [entry]);
    }
    if (inv.declineReason && compareDates(inv.dueDate, asOf) <= 0) {
      const prev = declined.get(inv.clientId);
      if (!prev || oldestFirst(prev, inv) < 0) declined.set(inv.clientId, inv);
    }
  }
  const lastPaid = new Map<string, { date: IsoDate; amount: Cents }>();
  for (const p of standingPayments(payments, asOf)) {
    if (!overdue.has(p.clientId)) continue;
    const prev = lastPaid.get(p.clientId);
    const order = prev ? compareDates(p.date, prev.date) : 1;
    if (order > 0) lastPaid.set(p.clientId, { date: p.date, amount: p.amount });
    else if (order === 0) prev!.amount += p.amount;
  }
  const out: ClientOverdue[] = [];
  for (const [clientId, list] of overdue) {
    const kept = Math.max(0, credit.get(clientId) ?? 0);
    const owed = list.reduce((s, e) => s + e.owed, 0) - kept;
    if (owed <= 0) continue;
    list.sort((a, b) => oldestFirst(a.inv, b.inv));
    const oldestDue = list[0]!.inv.dueDate;
    out.push({
      clientId,
      invoiceIds: list.map((e) => e.inv.id),
      owed,
      credit: kept,
      oldestDue,
      daysOverdue: daysBetween(oldestDue, asOf),
      lastPayment: lastPaid.get(clientId) ?? null,
      lastDeclineReason: declined.get(clientId)?.declineReason ?? '',
    });
  }
  return out.sort(largestDebtFirst);
}

/** The Outstanding order: largest debt first, then the oldest due date, then Client ID. */
export function largestDebtFirst(
  a: { owed: Cents; oldestDue: IsoDate; clientId: string },
  b: { owed: Cents; oldestDue: IsoDate; clientId: string },
): number {
  return (
    b.owed - a.owed ||
    compareDates(a.oldestDue, b.oldestDue) ||
    (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0)
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
