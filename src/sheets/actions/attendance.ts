// Record sessions used: an Attendance row for a client, a day and a number of sessions, taken from the
// package chosen (or the client's oldest with sessions left). Never blocked: using sessions is not tied to
// paying, so overdue invoices and an empty balance are warnings the trainer sees, nothing more.
import { compareDates, maxDate, type IsoDate } from '../../core/calendar';
import { packageForSession, splitSessions } from '../../core/lifecycle/balances';
import { formatMoney } from '../../core/money';
import { UserError } from '../errors';
import type { LedgerTx, TxColumns, TxOptions } from '../ledgerTx';
import type { Client } from '../records';
import { attendanceCells, type Attendance } from '../tabs/attendance';
import { dateTextFor, optionalDateField, textField, type DateText } from './fields';
import { balanceRows } from './balances';
import { clientReports, ledgerOf, type CurrentReports } from './clientReports';
import { outstandingReport } from './outstanding';
import { merged, type Ledger, type Reports } from './reports';

/**
 * The columns of the history tabs Record sessions reads (the rest are neither read nor written): what the
 * client's balances, overdue invoices and both report tabs are made of, and the readers' required ones.
 * - Invoices: Invoice ID, Sale ID, Client ID, Due Date, Amount, Paid, Status, Decline Reason and
 *   Write-off Date (Outstanding). Sessions change no invoice.
 * - Payments: Payment ID, Date, Client ID, Invoice ID, Amount and Method (credit, the last payment).
 * - Allocations: all but Cycle. Attendance: all (it appends its rows there).
 */
export const SESSIONS_COLUMNS: TxColumns = {
  invoices: [
    'Invoice ID',
    'Sale ID',
    'Client ID',
    'Due Date',
    'Amount',
    'Paid',
    'Status',
    'Decline Reason',
    'Write-off Date',
  ],
  payments: ['Payment ID', 'Date', 'Client ID', 'Invoice ID', 'Amount', 'Method'],
  allocations: ['Allocation ID', 'Sale ID', 'Client ID', 'Date', 'Sessions'],
  attendance: ['Date', 'Client ID', 'Sessions', 'Sale ID'],
};

/** How Record sessions reads: the report tabs, the history tabs by SESSIONS_COLUMNS. */
export const SESSIONS_READ: TxOptions = { columns: SESSIONS_COLUMNS };

/** More than this in one row is a typo. */
export const MAX_SESSIONS_AT_ONCE = 50;

export interface SessionsRequest {
  clientId: string;
  date?: string;
  sessions: number | string;
  /** The package the sessions come from; blank: the oldest with sessions left. */
  saleId?: string;
  /** 'iso': the warnings' dates as YYYY-MM-DD (the command line); else as the sidebars show them. */
  dates?: 'iso' | 'display';
}

export interface ClientSessions {
  clientId: string;
  name: string;
  /** Balances are as of this date: the later of today and the day of the session. */
  asOf: IsoDate;
  packages: {
    saleId: string;
    packageName: string;
    status: string;
    allocated: number;
    used: number;
    left: number;
  }[];
  /** Sessions left over all the client's packages. */
  left: number;
  /** Where the next session would come from ('' when the client has no package). */
  nextSaleId: string;
  overdue: { count: number; owed: number; oldestDue: IsoDate } | null;
  warnings: string[];
}

type Overdue = ClientSessions['overdue'];

function overdueWarning(name: string, overdue: NonNullable<Overdue>, show: DateText): string {
  const n = overdue.count;
  return `${name} has ${n} overdue invoice${n === 1 ? '' : 's'} (${formatMoney(overdue.owed)}), the oldest due ${show(overdue.oldestDue)}.`;
}

const sessionsText = (n: number) => `${n} session${n === 1 ? '' : 's'}`;

export function findClient(clients: readonly Client[], clientIdIn: unknown): Client {
  const clientId = textField(clientIdIn, 'clientId', 'Client', { required: true });
  const client = clients.find((c) => c.id.toLowerCase() === clientId.toLowerCase());
  if (!client) throw new UserError(`No client ${clientId} on the Clients tab.`, 'clientId');
  return client;
}

/** The client's sessions and debts on a date, and the warnings for using `wanted` more sessions. */
export function clientSessions(
  ledger: Ledger,
  client: Client,
  date: IsoDate,
  today: IsoDate,
  wanted = 1,
  show: DateText = dateTextFor('display'),
): ClientSessions {
  const asOf = maxDate(date, today);
  // Worked out from the client's records alone: the same rows, without every other client's.
  const own = ledgerOf(ledger, client);
  const rows = balanceRows(own, asOf).filter((r) => r.clientId === client.id);
  const packages = rows
    .filter((r) => r.saleId)
    .map((r) => ({
      saleId: r.saleId,
      packageName: r.packageName,
      status: r.status,
      allocated: r.allocated,
      used: r.used,
      left: r.left,
    }));
  const left = rows.reduce((s, r) => s + r.left, 0);
  const owing = outstandingReport([client], own.invoices, own.payments, today).clients.find(
    (c) => c.clientId === client.id,
  );
  const overdue = owing
    ? { count: owing.invoiceIds.length, owed: owing.owed, oldestDue: owing.oldestDue }
    : null;
  const warnings: string[] = [];
  if (overdue) warnings.push(overdueWarning(client.name, overdue, show));
  if (left <= 0)
    warnings.push(
      packages.length
        ? `${client.name} has no sessions left${left < 0 ? ` (${left})` : ''}.`
        : `${client.name} has no package: no sessions were allocated.`,
    );
  else if (wanted > left) warnings.push(`${client.name} has only ${sessionsText(left)} left.`);
  return {
    clientId: client.id,
    name: client.name,
    asOf,
    packages,
    left,
    nextSaleId: packageForSession(rows),
    overdue,
    warnings,
  };
}

export interface SessionsPlan {
  /** One row per package the sessions come from (usually one). */
  attendance: Attendance[];
  /** The client's position before this row. */
  before: ClientSessions;
  /** And after it. */
  after: ClientSessions;
  /** The balance after these sessions in one phrase: "6 left", "1 session over the balance (only 4 were left)". */
  balance: string;
  /** The warning about the balance, when it is one (also the last of `warnings`). */
  balanceWarning: string | null;
  /** What the trainer is warned of: overdue invoices, then the balance. */
  warnings: string[];
  /** The same warnings with YYYY-MM-DD dates, for the Log. */
  logWarnings: string[];
  reports: Reports;
}

/**
 * One account of the balance, stated after the sessions are taken, so the summary and the warning never
 * disagree (no "-1 left" beside "only 4 left").
 */
export function balanceAfter(
  name: string,
  hasPackage: boolean,
  before: number,
  after: number,
): { balance: string; warning: string | null } {
  if (!hasPackage) {
    const balance = 'no package: no sessions were allocated';
    return { balance, warning: `${name} has ${balance}.` };
  }
  if (after > 0) return { balance: `${after} left`, warning: null };
  if (after === 0) return { balance: 'none left', warning: null };
  const was =
    before > 0
      ? `only ${before} ${before === 1 ? 'was' : 'were'} left`
      : before === 0
        ? 'none were left'
        : `it was ${-before} over already`;
  const balance = `${sessionsText(-after)} over the balance (${was})`;
  return { balance, warning: `${name} is ${balance}.` };
}

export function sessionsField(value: unknown): number {
  // Digits only: Number() would also take "1e1" (10) or "0x3".
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d+$/.test(value.trim())
        ? Number(value.trim())
        : NaN;
  if (typeof value === 'string' && !value.trim()) throw new UserError('Sessions is required.', 'sessions');
  if (!Number.isInteger(n) || n < 1 || n > MAX_SESSIONS_AT_ONCE)
    throw new UserError(
      `Sessions must be a whole number from 1 to ${MAX_SESSIONS_AT_ONCE}, got "${String(value ?? '')}".`,
      'sessions',
    );
  return n;
}

/** A session is recorded once it was used: not ahead of today, and not before its package was sold. */
function checkSessionDate(
  ledger: Ledger,
  date: IsoDate,
  today: IsoDate,
  parts: readonly { saleId: string }[],
): void {
  if (compareDates(date, today) > 0)
    throw new UserError(
      `Date ${date} is after today (${today}): record sessions once they are used.`,
      'date',
    );
  for (const p of parts) {
    const sale = ledger.sales.find((s) => s.id === p.saleId);
    if (sale && compareDates(date, sale.saleDate) < 0)
      throw new UserError(
        `Date ${date} is before ${sale.id} was sold (${sale.saleDate}), the package the sessions would come from: check the date, or pick the package.`,
        'date',
      );
  }
}

export function planRecordSessions(
  ledger: Ledger,
  req: SessionsRequest,
  today: IsoDate,
  show: DateText = dateTextFor('display'),
  /** The report tabs as read (currentReports); null: both are rebuilt from `ledger`, a whole one. */
  reportTabs: CurrentReports | null = null,
): SessionsPlan {
  const client = findClient(ledger.clients, req.clientId);
  const sessions = sessionsField(req.sessions);
  const date = optionalDateField(req.date, 'date', 'Date') ?? today;
  const before = clientSessions(ledger, client, date, today, sessions, show);
  const saleIdIn = textField(req.saleId, 'saleId', 'Package');
  let parts: { saleId: string; sessions: number }[];
  if (saleIdIn) {
    const sale = ledger.sales.find((s) => s.id.toLowerCase() === saleIdIn.toLowerCase());
    if (!sale || sale.clientId !== client.id)
      throw new UserError(`${saleIdIn} is not one of ${client.name}'s packages.`, 'saleId');
    parts = [{ saleId: sale.id, sessions }];
  } else parts = splitSessions(before.packages, sessions);
  checkSessionDate(ledger, date, today, parts);
  const attendance: Attendance[] = parts.map((p) => ({ date, clientId: client.id, ...p }));
  const next = { ...ledger, attendance: merged(ledger.attendance, [], attendance) };
  const after = clientSessions(next, client, date, today, 1, show);
  const { balance, warning } = balanceAfter(client.name, before.packages.length > 0, before.left, after.left);
  const debts = (s: DateText) => (before.overdue ? [overdueWarning(client.name, before.overdue, s)] : []);
  const tail = warning ? [warning] : [];
  // The reports are as of today; with the tabs current, only the client's rows are worked out.
  const reports = clientReports(reportTabs, next, client, today);
  return {
    attendance,
    before,
    after,
    balance,
    balanceWarning: warning,
    warnings: [...debts(show), ...tail],
    logWarnings: [...debts(dateTextFor('iso')), ...tail],
    reports,
  };
}

/** "2 from S-000001" or "1 from S-000001, 2 from S-000003"; "no package" when there is none. */
export function sessionsFrom(parts: readonly { saleId: string; sessions: number }[]): string {
  return parts
    .map((p) => (p.saleId ? `${p.sessions} from ${p.saleId}` : `${p.sessions} from no package`))
    .join(', ');
}

export function writeRecordSessions(tx: LedgerTx, plan: SessionsPlan): void {
  for (const a of plan.attendance) tx.append('attendance', attendanceCells(a));
}
