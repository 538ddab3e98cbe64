// A client's statement on a day: every line in date order with a running balance, and beside the balance
// the parts that add up to it. Balance = invoices not Cancelled, less write-offs, less the sum of the
// client's Payments rows (dated by the day). Overdue now is what Outstanding lists for the client that
// day (overdueByClient, net of their credit); the rest of their credit is the (negative) credit part.
import { compareDates, type IsoDate } from '../calendar';
import { balances, type BalanceAllocation, type BalanceSale, type SessionUse } from '../lifecycle/balances';
import { creditByClient } from '../lifecycle/credit';
import { isOverdue, isWrittenOff, overdueByClient } from '../lifecycle/outstanding';
import type { Cents } from '../money';
import {
  paidOn,
  rowsByInvoice,
  statementLines,
  writtenOffAmount,
  type StatementInvoice,
  type StatementLine,
  type StatementPayment,
} from './statementLines';

export * from './statementLines';

export type PartKey =
  | 'overdue'
  | 'inSentDebit'
  | 'notYetDue'
  | 'credit'
  | 'paidOnCancelled'
  | 'paidOnOtherInvoices'
  | 'overpaid'
  | 'paidWithoutRows';

export interface StatementPart {
  key: PartKey;
  label: string;
  amount: Cents;
}

/** The four parts always shown; the others only when a hand-kept or edited ledger gives them an amount. */
const LABELS: readonly [PartKey, string, boolean][] = [
  ['overdue', 'Overdue now', true],
  ['inSentDebit', 'In a sent debit', true],
  ['notYetDue', 'Not yet due', true],
  ['credit', 'Unspent credit', true],
  ['paidOnCancelled', 'Paid on cancelled invoices', false],
  ['paidOnOtherInvoices', 'Paid on invoices not on the Invoices tab', false],
  ['overpaid', 'Paid beyond invoice amounts', false],
  ['paidWithoutRows', 'Marked paid without a Payments row', false],
];

export interface StatementSale extends BalanceSale {
  packageName: string;
}

export interface PackageSessions {
  saleId: string;
  packageName: string;
  allocated: number;
  used: number;
  left: number;
}

export interface StatementInput {
  clientId: string;
  /** Every invoice and payment read: only the client's are used. */
  invoices: readonly StatementInvoice[];
  payments: readonly StatementPayment[];
  sales?: readonly StatementSale[];
  allocations?: readonly BalanceAllocation[];
  attendance?: readonly SessionUse[];
}

export interface StatementRange {
  from?: IsoDate | null;
  to?: IsoDate | null;
}

export interface Statement {
  clientId: string;
  /** The day the balance and its parts are for (today). */
  asOf: IsoDate;
  from: IsoDate | null;
  to: IsoDate | null;
  /** The running balance before `from` (null without it). */
  opening: Cents | null;
  /** The lines dated from `from` to `to`. */
  lines: StatementLine[];
  /** The running balance after the last line up to `to` (the balance without it). */
  closing: Cents;
  balance: Cents;
  /** Add up to `balance`, to the cent. */
  parts: StatementPart[];
  /** Credit netted off the overdue part (as Outstanding does): shown beside it. */
  creditNetted: Cents;
  /** The invoices overdue now, oldest first (Outstanding's list). */
  overdueInvoiceIds: string[];
  writtenOff: Cents;
  packages: PackageSessions[];
}

function partsOf(amounts: Record<PartKey, Cents>): StatementPart[] {
  return LABELS.filter(([key, , always]) => always || amounts[key] !== 0).map(([key, label]) => ({
    key,
    label,
    amount: amounts[key],
  }));
}

export function partsTotal(parts: readonly StatementPart[]): Cents {
  return parts.reduce((s, p) => s + p.amount, 0);
}

function sessionsOf(input: StatementInput, asOf: IsoDate): PackageSessions[] {
  const sales = (input.sales ?? []).filter((s) => s.clientId === input.clientId);
  const names = new Map(sales.map((s) => [s.id, s.packageName]));
  const rows = balances(
    {
      sales,
      allocations: (input.allocations ?? []).filter((a) => a.clientId === input.clientId),
      attendance: (input.attendance ?? []).filter((a) => a.clientId === input.clientId),
      invoices: [],
    },
    asOf,
  );
  return rows
    .filter((r) => r.saleId || r.used || r.allocated)
    .map((r) => ({
      saleId: r.saleId,
      packageName: r.saleId ? (names.get(r.saleId) ?? r.saleId) : 'Outside any package',
      allocated: r.allocated,
      used: r.used,
      left: r.left,
    }));
}

/** The client's statement on `asOf` (today), its lines limited to `range`. */
export function buildStatement(input: StatementInput, asOf: IsoDate, range: StatementRange = {}): Statement {
  const { clientId } = input;
  const invoices = input.invoices.filter((i) => i.clientId === clientId);
  const everyRow = input.payments.filter((p) => p.clientId === clientId);
  const payments = everyRow.filter((p) => compareDates(p.date, asOf) <= 0);
  const allRows = rowsByInvoice(everyRow);
  const all = statementLines(invoices, payments, asOf, allRows);
  const balance = all.length ? all[all.length - 1]!.balance : 0;

  const amounts: Record<PartKey, Cents> = {
    overdue: 0,
    inSentDebit: 0,
    notYetDue: 0,
    credit: 0,
    paidOnCancelled: 0,
    paidOnOtherInvoices: 0,
    overpaid: 0,
    paidWithoutRows: 0,
  };
  let overdueGross = 0;
  let writtenOff = 0;
  const known = new Set(invoices.map((i) => i.id));
  for (const inv of invoices) {
    const paid = paidOn(inv, allRows, asOf);
    if (inv.status === 'Cancelled') {
      amounts.paidOnCancelled -= allRows.has(inv.id) ? paid : 0;
      continue;
    }
    // A hand-kept invoice's Paid column counts as paid, but no Payments row took it off the balance.
    if (!allRows.has(inv.id)) amounts.paidWithoutRows += inv.paid;
    if (isWrittenOff(inv, asOf)) {
      writtenOff += writtenOffAmount(inv, allRows, asOf);
      continue;
    }
    const left = inv.amount - paid;
    if (inv.status === 'Sent') amounts.inSentDebit += left;
    else if (isOverdue({ ...inv, paid }, asOf, paid)) overdueGross += left;
    else if (compareDates(inv.dueDate, asOf) >= 0) amounts.notYetDue += left;
    else amounts.overpaid += left;
  }
  for (const p of payments)
    if (p.invoiceId && !known.has(p.invoiceId)) amounts.paidOnOtherInvoices -= p.amount;

  // Outstanding's own figure, so the two never disagree; the credit it netted off is not counted twice.
  const credit = creditByClient(payments, asOf).get(clientId) ?? 0;
  const listed = overdueByClient(invoices, everyRow, asOf, asOf, new Map([[clientId, credit]]));
  const mine = listed.find((c) => c.clientId === clientId);
  amounts.overdue = mine?.owed ?? 0;
  const creditNetted = Math.min(overdueGross, Math.max(0, credit));
  amounts.credit = creditNetted - credit;

  const from = range.from ?? null;
  const to = range.to ?? null;
  const before = from ? all.filter((l) => compareDates(l.date, from) < 0) : [];
  const upTo = to ? all.filter((l) => compareDates(l.date, to) <= 0) : all;
  return {
    clientId,
    asOf,
    from,
    to,
    opening: from ? (before.length ? before[before.length - 1]!.balance : 0) : null,
    lines: upTo.filter((l) => !from || compareDates(l.date, from) >= 0),
    closing: upTo.length ? upTo[upTo.length - 1]!.balance : 0,
    balance,
    parts: partsOf(amounts),
    creditNetted,
    overdueInvoiceIds: mine?.invoiceIds ?? [],
    writtenOff,
    packages: sessionsOf(input, asOf),
  };
}
