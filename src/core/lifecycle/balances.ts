// Session and money balances per client and package: sessions allocated (by the date), used and left;
// money invoiced, paid, owed now and not yet due; the client's unspent credit on their other-charges row. Usage recorded without a package is taken from the
// client's packages oldest first, from what each had been allocated by the day of use; what no package
// covers lands on the newest one (its sessions left go negative).
import { balanceOf } from '../billing/dueInvoices';
import type { InvoiceStatus } from '../billing/invoiceState';
import { compareDates, dayIndex, type IsoDate } from '../calendar';
import type { Cents } from '../money';
import { isWrittenOff } from './outstanding';

export interface BalanceSale {
  id: string;
  clientId: string;
  saleDate: IsoDate;
}

export interface BalanceAllocation {
  saleId: string;
  clientId: string;
  date: IsoDate;
  sessions: number;
}

export interface SessionUse {
  date: IsoDate;
  clientId: string;
  sessions: number;
  /** The package the sessions came from; '' when not recorded. */
  saleId: string;
}

export interface BalanceInvoice {
  saleId: string;
  clientId: string;
  dueDate: IsoDate;
  amount: Cents;
  paid: Cents;
  status: InvoiceStatus;
  writeOffDate?: IsoDate | null;
}

export interface Balance {
  clientId: string;
  /** '' for the client's charges and sessions outside any package (ad-hoc invoices, fees). */
  saleId: string;
  allocated: number;
  used: number;
  left: number;
  invoiced: Cents;
  paid: Cents;
  /** Balance of invoices due on or before the date. */
  owed: Cents;
  /** Balance of invoices due after the date. */
  notYetDue: Cents;
  /** The client's unspent credit on the date: only on their row outside any package (saleId ''). */
  credit: Cents;
  /** Balance of invoices written off by the date: no longer owed (in neither `owed` nor `notYetDue`). */
  writtenOff: Cents;
}

const byDateThenId = (a: BalanceSale, b: BalanceSale) =>
  compareDates(a.saleDate, b.saleDate) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function empty(clientId: string, saleId: string): Balance {
  return {
    clientId,
    saleId,
    allocated: 0,
    used: 0,
    left: 0,
    invoiced: 0,
    paid: 0,
    owed: 0,
    notYetDue: 0,
    credit: 0,
    writtenOff: 0,
  };
}

/**
 * Every client's balances on `asOf`: allocations and usage dated on or before it count; money is as
 * recorded, cancelled invoices excluded, a written-off balance apart from what is owed. One row per sale (oldest first per client), then a row with
 * saleId '' when the client has charges, usage or credit outside any package. `credit` is each client's
 * unspent credit on `asOf` (creditByClient).
 */
export function balances(
  input: {
    sales: readonly BalanceSale[];
    allocations: readonly BalanceAllocation[];
    attendance: readonly SessionUse[];
    invoices: readonly BalanceInvoice[];
  },
  asOf: IsoDate,
  credit: ReadonlyMap<string, Cents> = new Map(),
): Balance[] {
  const salesOf = new Map<string, BalanceSale[]>();
  // A package's row by its sale ID, the row outside any package by client (no key text built per
  // record: this runs over every invoice, allocation and session of the ledger); clients in the order
  // their first row was made.
  const saleRows = new Map<string, Balance>();
  const otherRows = new Map<string, Balance>();
  const clientOrder: string[] = [];
  const seenClients = new Set<string>();
  const note = (clientId: string): void => {
    if (seenClients.has(clientId)) return;
    seenClients.add(clientId);
    clientOrder.push(clientId);
  };
  const saleOwner = new Map<string, string>();
  for (const s of [...input.sales].sort(byDateThenId)) {
    if (saleOwner.has(s.id)) continue;
    saleOwner.set(s.id, s.clientId);
    const list = salesOf.get(s.clientId);
    if (list) list.push(s);
    else salesOf.set(s.clientId, [s]);
    saleRows.set(s.id, empty(s.clientId, s.id));
    note(s.clientId);
  }
  const row = (clientId: string, saleId: string): Balance => {
    if (saleId && saleOwner.get(saleId) === clientId) return saleRows.get(saleId)!;
    let r = otherRows.get(clientId);
    if (!r) {
      otherRows.set(clientId, (r = empty(clientId, '')));
      note(clientId);
    }
    return r;
  };

  // Sessions come from what each package had been allocated by the day they were used.
  const asOfDay = dayIndex(asOf);
  const lots = new Map<string, { date: IsoDate; sessions: number }[]>();
  for (const a of input.allocations) {
    if (dayIndex(a.date) > asOfDay || saleOwner.get(a.saleId) !== a.clientId) continue;
    row(a.clientId, a.saleId).allocated += a.sessions;
    const list = lots.get(a.saleId);
    if (list) list.push(a);
    else lots.set(a.saleId, [a]);
  }
  const allocatedBy = (saleId: string, date: IsoDate): number =>
    (lots.get(saleId) ?? []).reduce((s, a) => (compareDates(a.date, date) <= 0 ? s + a.sessions : s), 0);

  // Sessions recorded against the client's own package just add up. Any other use takes from what the
  // packages had by its day, after the uses before it: then every use is taken by date, then as
  // recorded (each date's day worked out once, not at every comparison of the sort).
  const counted = input.attendance.filter((u) => dayIndex(u.date) <= asOfDay);
  const ownPackage = (u: SessionUse): boolean => saleOwner.get(u.saleId) === u.clientId;
  const uses = counted.every(ownPackage)
    ? counted
    : counted
        .map((u, i) => ({ u, i, day: dayIndex(u.date) }))
        .sort((a, b) => a.day - b.day || a.i - b.i)
        .map((x) => x.u);
  for (const u of uses) {
    if (saleOwner.get(u.saleId) === u.clientId) {
      row(u.clientId, u.saleId).used += u.sessions;
      continue;
    }
    const sales = salesOf.get(u.clientId) ?? [];
    let rest = u.sessions;
    for (const s of sales) {
      if (rest <= 0) break;
      const r = row(u.clientId, s.id);
      const take = Math.min(rest, Math.max(0, allocatedBy(s.id, u.date) - r.used));
      r.used += take;
      rest -= take;
    }
    if (rest !== 0) {
      const newest = sales[sales.length - 1];
      row(u.clientId, newest ? newest.id : '').used += rest;
    }
  }

  for (const inv of input.invoices) {
    if (inv.status === 'Cancelled') continue;
    const r = row(inv.clientId, inv.saleId);
    r.invoiced += inv.amount;
    r.paid += inv.paid;
    if (isWrittenOff(inv, asOf)) r.writtenOff += balanceOf(inv);
    else if (dayIndex(inv.dueDate) <= asOfDay) r.owed += balanceOf(inv);
    else r.notYetDue += balanceOf(inv);
  }

  // Credit is the client's, not a package's: it sits on the row outside any package.
  for (const [clientId, c] of credit) if (c !== 0) row(clientId, '').credit += c;

  const out: Balance[] = [];
  for (const clientId of clientOrder) {
    for (const s of salesOf.get(clientId) ?? []) out.push(saleRows.get(s.id)!);
    const other = otherRows.get(clientId);
    if (other) out.push(other);
  }
  for (const r of out) r.left = r.allocated - r.used;
  return out;
}

/**
 * Where new sessions come from: the client's packages with sessions left, oldest first; what they don't
 * cover comes from the newest package (its balance goes negative), or from no package ('') when the
 * client has none. `clientRows` are one client's balances in the order balances() gives them.
 */
export function splitSessions(
  clientRows: readonly { saleId: string; left: number }[],
  sessions: number,
): { saleId: string; sessions: number }[] {
  const sales = clientRows.filter((r) => r.saleId);
  const out: { saleId: string; sessions: number }[] = [];
  let rest = sessions;
  for (const r of sales) {
    if (rest <= 0) break;
    if (r.left <= 0) continue;
    const take = Math.min(rest, r.left);
    out.push({ saleId: r.saleId, sessions: take });
    rest -= take;
  }
  if (rest > 0) {
    const newest = sales[sales.length - 1]?.saleId ?? '';
    const last = out[out.length - 1];
    if (last && last.saleId === newest) last.sessions += rest;
    else out.push({ saleId: newest, sessions: rest });
  }
  return out;
}

/** What the rows owe, the credit held, and what is owed net of it (the Balances tab's totals). */
export function balanceTotals(rows: readonly Balance[]): { owed: Cents; credit: Cents; net: Cents } {
  const owed = rows.reduce((s, r) => s + r.owed, 0);
  const credit = rows.reduce((s, r) => s + r.credit, 0);
  return { owed, credit, net: owed - credit };
}

/** The package the next session comes from ('' when the client has none). */
export function packageForSession(clientRows: readonly { saleId: string; left: number }[]): string {
  return splitSessions(clientRows, 1)[0]?.saleId ?? '';
}
