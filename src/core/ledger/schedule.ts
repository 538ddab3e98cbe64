// A client's debit schedule: the dated debits the DD company is to take (a client is debited once per
// billing day). Built from what makes the invoices: existing unpaid invoices on the billing day that will
// collect them, plus the recurring cycles not yet made on the held schedule (holds and cancellations as
// billing rolls them). Credit pays the earliest debits first, as a billing run spends it.
import { nextBillingDay, type BillingCycle } from '../billingCycle';
import { compareDates, type IsoDate } from '../calendar';
import { FREQUENCIES, scheduleDate, type Frequency } from '../frequency';
import { heldRecurringCycle, type SaleLife } from '../lifecycle/recurringHeld';
import { heldDueDates } from '../lifecycle/schedule';
import { formatMoney, type Cents } from '../money';
import type { SaleTerms } from '../packageTypes';
import { debitBlock } from './billingMethods';
import { balanceOf } from './invoiceState';
import { creditOf } from './receipts';
import type { Client, Invoice, Payment, Sale } from './records';

/** Open-ended recurring packages are shown this many debits ahead unless asked otherwise. */
export const DEFAULT_HORIZON = 6;

export interface ScheduledDebit {
  date: IsoDate;
  amount: Cents;
  /** The sales this debit collects for, in ID order. */
  saleIds: string[];
  /** The existing invoices it collects (recurring cycles not yet made have none). */
  invoiceIds: string[];
}

export interface DebitSchedule {
  clientId: string;
  /** Debits from `asOf` on, in date order; never two on one day. */
  debits: ScheduledDebit[];
  /** "N x $X every F from D", or null where that would not be exactly true. */
  summary: string | null;
  /** True when a recurring package has no end: only the next `horizon` debits are listed. */
  openEnded: boolean;
  horizon: number;
  /** Why nothing is debited (DD stopped, Inactive, bank details to fix), or null. */
  blocked: string | null;
  /** Invoices held after declines: owed, but not debited until a person releases them. */
  held: { invoiceId: string; amount: Cents }[];
  /** Unspent credit netted off the first debits. */
  creditApplied: Cents;
}

export interface ScheduleLedger {
  client: Pick<Client, 'id' | 'status' | 'bsb' | 'accountNumber' | 'declinedBsb' | 'declinedAccount'>;
  /** Any sales; only the client's are used. */
  sales: readonly Sale[];
  /** Each sale's holds and end, by Sale ID (absent: none). */
  lives: ReadonlyMap<string, SaleLife>;
  invoices: readonly Invoice[];
  payments: readonly Payment[];
  /** Cycles made as allocations (a deleted invoice row is not re-created by billing either). */
  allocations?: readonly { saleId: string; cycle: number | null }[];
}

export interface ScheduleOptions {
  /** Today: debits before it have happened. */
  asOf: IsoDate;
  /** The studio's billing days (Settings). */
  cycle: BillingCycle;
  /** How many debits of an open-ended package to show (default 6). */
  horizon?: number;
}

/** Invoices a billing run would still debit: owed and not held, written off or cancelled. */
const DEBITED = new Set(['Open', 'Part paid', 'Declined', 'Sent']);

/** A guard against a runaway schedule, not a business rule. */
const MAX_CYCLES = 2_000;

/** The terms a recurring sale was made on (the same fields billing rolls cycles from). */
function termsOf(s: Sale): SaleTerms {
  return {
    saleId: s.id,
    clientId: s.clientId,
    pkg: {
      code: s.packageCode,
      name: s.packageName,
      kind: s.kind,
      sessions: s.sessions,
      price: s.total,
      instalments: s.instalments,
      frequency: s.frequency,
    },
    saleDate: s.saleDate,
    startDate: s.startDate,
    dueDate: s.dueDate,
  };
}

/** Whether billing still rolls the sale's cycles (the Sales tab's rule: see rollsForward in sheets). */
function rolls(s: Sale, life: SaleLife): boolean {
  if (s.status === 'Active') return true;
  if (s.status === 'Paused') return life.holds.length > 0;
  if (s.status === 'Cancelled') return life.endsOn !== null;
  return false;
}

interface Charge {
  date: IsoDate;
  amount: Cents;
  saleId: string;
  invoiceId: string | null;
}

const later = (a: IsoDate, b: IsoDate): IsoDate => (compareDates(a, b) >= 0 ? a : b);

/** The client's debit schedule from `asOf`. Pure: the same ledger gives the same schedule. */
export function debitSchedule(ledger: ScheduleLedger, opts: ScheduleOptions): DebitSchedule {
  const { client } = ledger;
  const horizon = Math.max(1, Math.floor(opts.horizon ?? DEFAULT_HORIZON));
  const billingDay = (due: IsoDate) => nextBillingDay(opts.cycle, later(due, opts.asOf));
  const invoices = ledger.invoices.filter((i) => i.clientId === client.id);
  const sales = ledger.sales.filter((s) => s.clientId === client.id);
  const held = invoices
    .filter((i) => i.status === 'Held' && balanceOf(i) > 0)
    .map((i) => ({ invoiceId: i.id, amount: balanceOf(i) }));
  const base = { clientId: client.id, horizon, held };
  const blocked = debitBlock(client);
  if (blocked) return { ...base, debits: [], summary: null, openEnded: false, blocked, creditApplied: 0 };

  const charges: Charge[] = [];
  for (const i of invoices) {
    if (!DEBITED.has(i.status) || balanceOf(i) <= 0) continue;
    // A Sent invoice is in its batch's debit: on its own billing day, gone once that day has passed.
    const date = i.status === 'Sent' ? nextBillingDay(opts.cycle, i.dueDate) : billingDay(i.dueDate);
    if (compareDates(date, opts.asOf) >= 0)
      charges.push({ date, amount: balanceOf(i), saleId: i.saleId, invoiceId: i.id });
  }

  const made = new Map<string, Set<number>>();
  const mark = (saleId: string, cycle: number | null) => {
    if (!saleId || cycle === null) return;
    const set = made.get(saleId) ?? new Set<number>();
    set.add(cycle);
    made.set(saleId, set);
  };
  for (const i of ledger.invoices) mark(i.saleId, i.instalment);
  for (const a of ledger.allocations ?? []) mark(a.saleId, a.cycle);

  // Open-ended sales are cut at the earliest of their horizons, so what is listed is complete up to it.
  let cut: IsoDate | null = null;
  const openSales: Sale[] = [];
  for (const sale of sales) {
    const life = ledger.lives.get(sale.id) ?? { holds: [], endsOn: null };
    if (sale.kind !== 'Recurring' || !sale.frequency || !rolls(sale, life)) continue;
    const open = sale.instalments === null && life.endsOn === null;
    if (open) openSales.push(sale);
    const last = sale.instalments ?? MAX_CYCLES;
    const terms = termsOf(sale);
    const existing = made.get(sale.id) ?? new Set([1]);
    let ahead = charges.filter((c) => c.saleId === sale.id).length;
    let cycle = 0;
    for (const due of heldDueDates({
      anchor: sale.startDate,
      frequency: sale.frequency,
      holds: life.holds,
    })) {
      cycle += 1;
      if (cycle > last || cycle > MAX_CYCLES) break;
      if (life.endsOn && compareDates(due, life.endsOn) >= 0) break;
      if (open && ahead >= horizon) break;
      if (cycle === 1 || existing.has(cycle)) continue;
      const { invoice } = heldRecurringCycle(terms, cycle, due);
      const date = billingDay(invoice.dueDate);
      charges.push({ date, amount: invoice.amount, saleId: sale.id, invoiceId: null });
      ahead += 1;
    }
    if (open) {
      const own = charges.filter((c) => c.saleId === sale.id).map((c) => c.date);
      const end = own.sort(compareDates).at(-1);
      if (end && (cut === null || compareDates(end, cut) < 0)) cut = end;
    }
  }

  const byDate = new Map<IsoDate, ScheduledDebit>();
  for (const c of charges) {
    if (cut !== null && compareDates(c.date, cut) > 0) continue;
    const d = byDate.get(c.date) ?? { date: c.date, amount: 0, saleIds: [], invoiceIds: [] };
    d.amount += c.amount;
    if (c.saleId && !d.saleIds.includes(c.saleId)) d.saleIds.push(c.saleId);
    if (c.invoiceId) d.invoiceIds.push(c.invoiceId);
    byDate.set(c.date, d);
  }
  const gross = [...byDate.values()].sort((a, b) => compareDates(a.date, b.date));
  for (const d of gross) {
    d.saleIds.sort();
    d.invoiceIds.sort();
  }

  // Credit pays what falls due first, as billing spends it; a debit it covers entirely is not taken.
  let credit = Math.max(0, creditOf(ledger.payments.filter((p) => p.clientId === client.id)));
  let creditApplied = 0;
  const debits: ScheduledDebit[] = [];
  for (const d of gross) {
    const spend = Math.min(credit, d.amount);
    credit -= spend;
    creditApplied += spend;
    if (d.amount - spend > 0) debits.push({ ...d, amount: d.amount - spend });
  }
  const openEnded = openSales.length > 0;
  const lastShown = debits.at(-1)?.date ?? null;
  // A hold still to come on an open-ended package breaks the rhythm after what is shown.
  const holdAhead =
    lastShown !== null &&
    openSales.some((s) =>
      (ledger.lives.get(s.id)?.holds ?? []).some((h) => compareDates(h.to, lastShown) > 0),
    );
  const summary = holdAhead ? null : summarise(debits, openEnded);
  return { ...base, debits, summary, openEnded, blocked: null, creditApplied };
}

const EVERY: Readonly<Record<Frequency, string>> = {
  Weekly: 'week',
  Fortnightly: 'fortnight',
  'Four-weekly': '4 weeks',
  Monthly: 'month',
};

/** The rhythm the dates keep exactly from the first, or null. */
function rhythmOf(dates: readonly IsoDate[]): Frequency | null {
  if (dates.length < 2) return null;
  return FREQUENCIES.find((f) => dates.every((d, i) => scheduleDate(dates[0]!, f, i) === d)) ?? null;
}

/**
 * "N x $X every F from D" where that is exactly true: one sale, one amount to the cent, one rhythm.
 * A single debit is "1 x $X on D"; an open-ended package says it continues until cancelled.
 */
export function summarise(debits: readonly ScheduledDebit[], openEnded: boolean): string | null {
  const first = debits[0];
  if (!first) return null;
  const oneSale = first.saleIds.length === 1;
  if (!oneSale || debits.some((d) => d.amount !== first.amount || d.saleIds.join() !== first.saleIds.join()))
    return null;
  const money = formatMoney(first.amount);
  if (debits.length === 1) return openEnded ? null : `1 x ${money} on ${first.date}`;
  const f = rhythmOf(debits.map((d) => d.date));
  if (!f) return null;
  return openEnded
    ? `${money} every ${EVERY[f]} from ${first.date} until cancelled (next ${debits.length} shown)`
    : `${debits.length} x ${money} every ${EVERY[f]} from ${first.date}`;
}

/** The schedule as lines of text, for the printable page, the command line and the registration file. */
export function scheduleLines(s: DebitSchedule): string[] {
  if (s.blocked) return [`No debits: ${s.blocked}`];
  const lines = s.debits.map((d) => `${d.date}  ${formatMoney(d.amount)}  ${d.saleIds.join(', ')}`);
  if (lines.length === 0) lines.push('No debits to come.');
  if (s.openEnded)
    lines.push(
      `Continues until cancelled: the next ${s.debits.length} debits are shown (horizon ${s.horizon}).`,
    );
  if (s.creditApplied > 0) lines.push(`Credit of ${formatMoney(s.creditApplied)} paid the first debits.`);
  for (const h of s.held)
    lines.push(`Held (not debited until released): ${h.invoiceId} ${formatMoney(h.amount)}`);
  return lines;
}
