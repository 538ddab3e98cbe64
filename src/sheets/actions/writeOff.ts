// Write off: the studio gives up collecting an invoice. Its balance is no longer owed (out of every billing
// run, Outstanding and the opening toast; Balances shows it as Written Off), the Invoices row keeps why and
// when. Undo puts back the status today's facts give. Money that arrives later for it is the client's
// credit (every receipt skips a written-off invoice). The Outstanding and Balances tabs are rewritten.
import { compareDates, type IsoDate } from '../../core/calendar';
import { canMove, isRefusal } from '../../core/ledger/invoiceState';
import { creditOf } from '../../core/ledger/receipts';
import { restore, writeOff, writtenOffAmount } from '../../core/ledger/writeOff';
import { balanceOf } from '../../core/ledger/invoiceState';
import { formatMoney, type Cents } from '../../core/money';
import { UserError } from '../errors';
import { assertLedgerSound } from '../integrity';
import type { LedgerTx } from '../ledgerTx';
import type { Invoice } from '../records';
import { invoiceCells } from '../tabs/invoices';
import { dateTextFor, optionalDateField, textField, type DateText } from './fields';
import {
  merged,
  planReports,
  readLedger,
  REPORT_TABS,
  writeReports,
  type Ledger,
  type Reports,
} from './reports';

export const WRITE_OFF_TABS = REPORT_TABS;

export interface WriteOffRequest {
  invoiceId: string;
  reason: string;
  /** The day the studio gave up (default today): not in the future, not before the invoice existed. */
  date?: string;
  /** 'iso' for messages with YYYY-MM-DD dates (the command line). */
  dates?: string;
}

export interface UndoWriteOffRequest {
  invoiceId: string;
  dates?: string;
}

export interface WriteOffPlan {
  invoice: Invoice;
  /** The status before this action. */
  was: string;
  name: string;
  /** The balance written off, or owed again after an undo. */
  balance: Cents;
  /** The client's unspent credit: after an undo the next upkeep or billing run spends it on what is due. */
  credit: Cents;
  undo: boolean;
  reports: Reports;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function findInvoice(ledger: Ledger, idIn: unknown): Invoice {
  const id = textField(idIn, 'invoiceId', 'Invoice', { required: true });
  const inv = ledger.invoices.find((i) => same(i.id, id));
  if (!inv) throw new UserError(`No invoice ${id} on the Invoices tab.`, 'invoiceId');
  return inv;
}

function readChecked(tx: LedgerTx, today: IsoDate): Ledger {
  const ledger = readLedger(tx, today);
  assertLedgerSound(ledger);
  return ledger;
}

/** The first day the invoice can be written off: when it was created, else the client's first record. */
function earliestDay(ledger: Ledger, inv: Invoice): { day: IsoDate; what: string } | null {
  if (inv.created) return { day: inv.created, what: `${inv.id} was created` };
  const days = [
    ...ledger.sales.filter((s) => s.clientId === inv.clientId).map((s) => s.saleDate),
    ...ledger.invoices.filter((i) => i.clientId === inv.clientId && i.created).map((i) => i.created!),
    ...ledger.payments.filter((p) => p.clientId === inv.clientId).map((p) => p.date),
  ].sort();
  return days[0] ? { day: days[0], what: `${inv.clientId}'s first record` } : null;
}

function writeOffDate(ledger: Ledger, inv: Invoice, req: WriteOffRequest, today: IsoDate, show: DateText) {
  const date = optionalDateField(req.date, 'date', 'Date') ?? today;
  if (compareDates(date, today) > 0)
    throw new UserError(
      `Date ${show(date)} is after today (${show(today)}): a write-off is dated when it happens.`,
      'date',
    );
  const first = earliestDay(ledger, inv);
  if (first && compareDates(date, first.day) < 0)
    throw new UserError(`Date ${show(date)} is before ${first.what} (${show(first.day)}).`, 'date');
  // Its balance on that day is what is given up: money it received later would not be counted.
  const lastPaid = ledger.payments
    .filter((p) => p.invoiceId === inv.id && p.amount > 0)
    .map((p) => p.date)
    .sort()
    .pop();
  if (lastPaid && compareDates(date, lastPaid) < 0)
    throw new UserError(
      `Date ${show(date)} is before ${inv.id}'s last payment (${show(lastPaid)}): write it off on or after that day.`,
      'date',
    );
  return date;
}

function planned(ledger: Ledger, inv: Invoice, next: Invoice, undo: boolean, today: IsoDate): WriteOffPlan {
  const after: Ledger = { ...ledger, invoices: merged(ledger.invoices, [next]) };
  const client = ledger.clients.find((c) => c.id === inv.clientId);
  return {
    invoice: next,
    was: inv.status,
    name: client?.name ?? 'Not on the Clients tab',
    balance: undo ? balanceOf(next) : writtenOffAmount(next),
    credit: creditOf(ledger.payments.filter((p) => p.clientId === inv.clientId)),
    undo,
    reports: planReports(after, today, today),
  };
}

export function planWriteOff(tx: LedgerTx, req: WriteOffRequest, today: IsoDate): WriteOffPlan {
  const show = dateTextFor(req.dates);
  const ledger = readChecked(tx, today);
  const inv = findInvoice(ledger, req.invoiceId);
  if (inv.status === 'Written off')
    throw new UserError(
      `${inv.id} was written off already${inv.writeOffDate ? ` on ${show(inv.writeOffDate)}` : ''}${inv.writeOffReason ? ` (${inv.writeOffReason})` : ''}.`,
      'invoiceId',
    );
  const reason = textField(req.reason, 'reason', 'Reason', { required: true, max: 200 });
  const date = writeOffDate(ledger, inv, req, today, show);
  const next = writeOff(inv, { reason, date });
  if (isRefusal(next)) throw new UserError(next.message, 'invoiceId');
  return planned(ledger, inv, next, false, today);
}

export function planUndoWriteOff(tx: LedgerTx, req: UndoWriteOffRequest, today: IsoDate): WriteOffPlan {
  const ledger = readChecked(tx, today);
  const inv = findInvoice(ledger, req.invoiceId);
  if (inv.status !== 'Written off')
    throw new UserError(
      `${inv.id} is ${inv.status}, not written off: there is nothing to undo.`,
      'invoiceId',
    );
  const next = restore(
    inv,
    ledger.invoices.filter((i) => i.clientId === inv.clientId),
  );
  if (isRefusal(next)) throw new UserError(next.message, 'invoiceId');
  return planned(ledger, inv, next, true, today);
}

export function writeWriteOff(tx: LedgerTx, plan: WriteOffPlan, refreshed: string): void {
  tx.update('invoices', plan.invoice.row!, invoiceCells(plan.invoice));
  writeReports(tx, plan.reports, refreshed);
}

export function writeOffSummary(plan: WriteOffPlan): string {
  const i = plan.invoice;
  const who = `${i.id} for ${i.clientId} ${plan.name}`;
  if (plan.undo)
    return `${who}: write-off undone, ${i.status} (was Written off), ${formatMoney(plan.balance)} owed again`;
  return `${who}: ${formatMoney(plan.balance)} written off on ${i.writeOffDate} (${i.writeOffReason}; was ${plan.was})`;
}

/** One invoice as the Write off sidebar lists it. */
export interface WriteOffChoice {
  id: string;
  description: string;
  dueDate: IsoDate;
  amount: Cents;
  balance: Cents;
  status: string;
  batchId: string;
  /** Why it cannot be written off now (in a sent batch), else ''. */
  blocked: string;
  writeOffReason: string;
  writeOffDate: IsoDate | null;
}

export interface WriteOffClient {
  clientId: string;
  name: string;
  /** Invoices that may be written off (or are in a sent batch and say so), oldest first. */
  open: WriteOffChoice[];
  /** Invoices written off, which may be undone. */
  writtenOff: WriteOffChoice[];
  /** Unspent credit (money received since, for one: recovered). */
  credit: Cents;
}

function choice(i: Invoice): WriteOffChoice {
  return {
    id: i.id,
    description: i.description,
    dueDate: i.dueDate,
    amount: i.amount,
    balance: balanceOf(i),
    status: i.status,
    batchId: i.batchId,
    blocked: i.status === 'Sent' ? `in batch ${i.batchId || '(no batch)'}, sent to the bank` : '',
    writeOffReason: i.writeOffReason ?? '',
    writeOffDate: i.writeOffDate ?? null,
  };
}

/** Every client with an invoice to write off or a write-off to undo, by name. */
export function writeOffChoices(ledger: Ledger): WriteOffClient[] {
  const byOrder = (a: Invoice, b: Invoice) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id);
  const out: WriteOffClient[] = [];
  for (const c of ledger.clients) {
    const mine = ledger.invoices.filter((i) => i.clientId === c.id).sort(byOrder);
    const open = mine.filter(
      (i) => balanceOf(i) > 0 && (canMove('writeOff', i.status) || i.status === 'Sent'),
    );
    const writtenOff = mine.filter((i) => i.status === 'Written off');
    if (!open.length && !writtenOff.length) continue;
    out.push({
      clientId: c.id,
      name: c.name,
      open: open.map(choice),
      writtenOff: writtenOff.map(choice),
      credit: creditOf(ledger.payments.filter((p) => p.clientId === c.id)),
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.clientId.localeCompare(b.clientId));
}

export function readWriteOffLedger(tx: LedgerTx, today: IsoDate): Ledger {
  return readChecked(tx, today);
}
