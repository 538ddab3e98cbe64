// The overdue summary every money action keeps, so the toast on opening counts who owes without reading
// the Invoices tab (onOpen gets 30 s): per client, what each unpaid invoice still wants by its due date
// and the client's unspent credit, as the ledger stood after the last action (`asOf`). Counted on a later
// day it gives what Outstanding would on that day, as long as nothing changed since: the same rule as
// overdueByClient (due before the day, not Cancelled, written off or in a debit under way, net of credit).
import { compareDates, type IsoDate } from '../calendar';
import type { InvoiceStatus } from '../billing/invoiceState';
import { formatMoney, type Cents } from '../money';

/** What a client's invoices due on `date` still want. */
export interface DueStep {
  date: IsoDate;
  owed: Cents;
}

export interface ClientDues {
  clientId: string;
  /** Unspent credit (their Payments rows with no invoice), netted off what is overdue. */
  credit: Cents;
  /** Oldest first, one step per due date; the first is the client's earliest unpaid due date. */
  dues: DueStep[];
}

export interface OverdueSummary {
  asOf: IsoDate;
  /** Only clients with something unpaid, by client ID. */
  clients: ClientDues[];
}

/**
 * The same count kept per day for a studio too large to keep per client: on `date` (the day after it,
 * really: due before the day counts) `clients` more clients start owing and the total grows by `cents`.
 */
export interface DayStep {
  date: IsoDate;
  clients: number;
  cents: Cents;
}

export interface OverdueCount {
  clients: number;
  total: Cents;
}

interface OwedLike {
  clientId: string;
  dueDate: IsoDate;
  amount: Cents;
  paid: Cents;
  status: InvoiceStatus;
}

/** What an invoice still wants as the reminder counts it: nothing once Cancelled, written off or Sent. */
export function stillOwed(inv: OwedLike): Cents {
  if (inv.status === 'Cancelled' || inv.status === 'Written off' || inv.status === 'Sent') return 0;
  return Math.max(0, inv.amount - inv.paid);
}

/** Each client's unpaid invoices as due steps (only the clients in `only`, when given). */
export function duesByClient(
  invoices: readonly OwedLike[],
  only?: ReadonlySet<string>,
): Map<string, DueStep[]> {
  const byClient = new Map<string, Map<IsoDate, Cents>>();
  for (const inv of invoices) {
    // Most of a ledger's invoices are paid: that test first, the client's only for what is owed.
    const owed = stillOwed(inv);
    if (owed <= 0) continue;
    if (only && !only.has(inv.clientId)) continue;
    let days = byClient.get(inv.clientId);
    if (!days) byClient.set(inv.clientId, (days = new Map()));
    days.set(inv.dueDate, (days.get(inv.dueDate) ?? 0) + owed);
  }
  const out = new Map<string, DueStep[]>();
  for (const [clientId, days] of byClient)
    out.set(
      clientId,
      [...days].map(([date, owed]) => ({ date, owed })).sort((a, b) => compareDates(a.date, b.date)),
    );
  return out;
}

/** Each client's unspent credit: the sum of their Payments rows with no invoice (zero left out). */
export function creditsByClient(
  payments: readonly { clientId: string; invoiceId?: string; amount: Cents }[],
): Map<string, Cents> {
  const out = new Map<string, Cents>();
  for (const p of payments) if (!p.invoiceId) out.set(p.clientId, (out.get(p.clientId) ?? 0) + p.amount);
  for (const [k, v] of out) if (v === 0) out.delete(k);
  return out;
}

/** Every client with something unpaid or some credit (a credit-only client's credit is needed later). */
export function summaryOf(
  asOf: IsoDate,
  dues: ReadonlyMap<string, DueStep[]>,
  credits: ReadonlyMap<string, Cents>,
): OverdueSummary {
  const ids = new Set([...dues.keys(), ...credits.keys()]);
  const clients = [...ids]
    .map((clientId) => ({ clientId, credit: credits.get(clientId) ?? 0, dues: dues.get(clientId) ?? [] }))
    .filter((c) => c.dues.length > 0 || c.credit !== 0)
    .sort((a, b) => (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0));
  return { asOf, clients };
}

/**
 * The summary after an action that changed only the `touched` clients' rows: their dues (and credit,
 * when `credit` knows it; else the one kept) replaced, everyone else's kept.
 */
export function updatedSummary(
  previous: OverdueSummary,
  asOf: IsoDate,
  touched: ReadonlySet<string>,
  dues: ReadonlyMap<string, DueStep[]>,
  credit: ((clientId: string) => Cents) | null,
): OverdueSummary {
  const allDues = new Map<string, DueStep[]>();
  const credits = new Map<string, Cents>();
  for (const c of previous.clients) {
    credits.set(c.clientId, c.credit);
    if (!touched.has(c.clientId)) allDues.set(c.clientId, c.dues);
  }
  for (const id of touched) {
    const steps = dues.get(id);
    if (steps?.length) allDues.set(id, steps);
    if (credit) credits.set(id, credit(id));
  }
  return summaryOf(asOf, allDues, credits);
}

/**
 * The summary after an action that only added invoices (a sale, an ad-hoc invoice): what the new ones
 * want (`added`, per client) joins each client's steps on its due date; credit and everyone else kept.
 */
export function withAddedDues(
  previous: OverdueSummary,
  asOf: IsoDate,
  added: ReadonlyMap<string, DueStep[]>,
): OverdueSummary {
  const allDues = new Map<string, DueStep[]>();
  const credits = new Map<string, Cents>();
  for (const c of previous.clients) {
    credits.set(c.clientId, c.credit);
    allDues.set(c.clientId, c.dues);
  }
  for (const [clientId, steps] of added) {
    const days = new Map<IsoDate, Cents>();
    for (const s of [...(allDues.get(clientId) ?? []), ...steps])
      days.set(s.date, (days.get(s.date) ?? 0) + s.owed);
    allDues.set(
      clientId,
      [...days].map(([date, owed]) => ({ date, owed })).sort((a, b) => compareDates(a.date, b.date)),
    );
  }
  return summaryOf(asOf, allDues, credits);
}

/** A client's overdue on `today`: what is due before it, less credit; 0 when the credit covers it. */
function clientOverdue(c: ClientDues, today: IsoDate): Cents {
  let due = 0;
  for (const s of c.dues) if (compareDates(s.date, today) < 0) due += s.owed;
  return due > 0 ? Math.max(0, due - Math.max(0, c.credit)) : 0;
}

export function overdueOn(s: OverdueSummary, today: IsoDate): OverdueCount {
  let clients = 0;
  let total = 0;
  for (const c of s.clients) {
    const owed = clientOverdue(c, today);
    if (owed > 0) {
      clients++;
      total += owed;
    }
  }
  return { clients, total };
}

/**
 * The per-client summary folded into day steps: a client counts from the first due date at which what
 * is due exceeds their credit (by that excess), and each later due date adds what it wants. Small
 * whatever the number of clients: one step per distinct due date.
 */
export function dayStepsOf(s: OverdueSummary): DayStep[] {
  const days = new Map<IsoDate, DayStep>();
  const add = (date: IsoDate, clients: number, cents: Cents): void => {
    const d = days.get(date);
    if (d) {
      d.clients += clients;
      d.cents += cents;
    } else days.set(date, { date, clients, cents });
  };
  for (const c of s.clients) {
    const credit = Math.max(0, c.credit);
    let due = 0;
    let counting = false;
    for (const step of c.dues) {
      due += step.owed;
      if (counting) add(step.date, 0, step.owed);
      else if (due > credit) {
        counting = true;
        add(step.date, 1, due - credit);
      }
    }
  }
  return [...days.values()].sort((a, b) => compareDates(a.date, b.date));
}

export function overdueOnDays(steps: readonly DayStep[], today: IsoDate): OverdueCount {
  let clients = 0;
  let total = 0;
  for (const d of steps)
    if (compareDates(d.date, today) < 0) {
      clients += d.clients;
      total += d.cents;
    }
  return { clients, total };
}

/** "3 clients have overdue invoices ($660.00); ledger as of 2016-09-13", or null when nobody owes. */
export function summaryReminder(count: OverdueCount, asOf: IsoDate): string | null {
  if (count.clients === 0) return null;
  const who = count.clients === 1 ? '1 client has' : `${count.clients} clients have`;
  return `${who} overdue invoices (${formatMoney(count.total)}); ledger as of ${asOf}`;
}
