// Record sessions used: an Attendance row for a client, a day and a number of sessions, taken from the
// package chosen (or the client's oldest with sessions left). Never blocked: using sessions is not tied to
// paying, so overdue invoices and an empty balance are warnings the trainer sees, nothing more.
import { formatDisplayDate, maxDate, type IsoDate } from '../../core/calendar';
import { packageForSession, splitSessions } from '../../core/lifecycle/balances';
import { formatMoney } from '../../core/money';
import { UserError } from '../errors';
import type { LedgerTx } from '../ledgerTx';
import type { Client } from '../records';
import { attendanceCells, type Attendance } from '../tabs/attendance';
import { optionalDateField, textField } from './fields';
import { balanceRows } from './balances';
import { outstandingReport } from './outstanding';
import { merged, planReports, type Ledger, type Reports } from './reports';

/** More than this in one row is a typo. */
export const MAX_SESSIONS_AT_ONCE = 50;

export interface SessionsRequest {
  clientId: string;
  date?: string;
  sessions: number | string;
  /** The package the sessions come from; blank: the oldest with sessions left. */
  saleId?: string;
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
): ClientSessions {
  const asOf = maxDate(date, today);
  const rows = balanceRows({ ...ledger, clients: [client] }, asOf).filter((r) => r.clientId === client.id);
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
  const owing = outstandingReport([client], ledger.invoices, ledger.payments, today).clients.find(
    (c) => c.clientId === client.id,
  );
  const overdue = owing
    ? { count: owing.invoiceIds.length, owed: owing.owed, oldestDue: owing.oldestDue }
    : null;
  const warnings: string[] = [];
  if (overdue)
    warnings.push(
      `${client.name} has ${overdue.count} overdue invoice${overdue.count === 1 ? '' : 's'} (${formatMoney(overdue.owed)}), the oldest due ${formatDisplayDate(overdue.oldestDue)}.`,
    );
  if (left <= 0)
    warnings.push(
      packages.length
        ? `${client.name} has no sessions left${left < 0 ? ` (${left})` : ''}.`
        : `${client.name} has no package: no sessions were allocated.`,
    );
  else if (wanted > left)
    warnings.push(`${client.name} has only ${left} session${left === 1 ? '' : 's'} left.`);
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
  /** The client's position before this row, with the warnings that applied to it. */
  before: ClientSessions;
  /** And after it. */
  after: ClientSessions;
  reports: Reports;
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

export function planRecordSessions(ledger: Ledger, req: SessionsRequest, today: IsoDate): SessionsPlan {
  const client = findClient(ledger.clients, req.clientId);
  const sessions = sessionsField(req.sessions);
  const date = optionalDateField(req.date, 'date', 'Date') ?? today;
  const before = clientSessions(ledger, client, date, today, sessions);
  const saleIdIn = textField(req.saleId, 'saleId', 'Package');
  let parts: { saleId: string; sessions: number }[];
  if (saleIdIn) {
    const sale = ledger.sales.find((s) => s.id.toLowerCase() === saleIdIn.toLowerCase());
    if (!sale || sale.clientId !== client.id)
      throw new UserError(`${saleIdIn} is not one of ${client.name}'s packages.`, 'saleId');
    parts = [{ saleId: sale.id, sessions }];
  } else parts = splitSessions(before.packages, sessions);
  const attendance: Attendance[] = parts.map((p) => ({ date, clientId: client.id, ...p }));
  const next = { ...ledger, attendance: merged(ledger.attendance, [], attendance) };
  const after = clientSessions(next, client, date, today);
  // The reports are as of today: a session recorded for a later day shows from that day on.
  const reports = planReports(next, today);
  return { attendance, before, after, reports };
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
