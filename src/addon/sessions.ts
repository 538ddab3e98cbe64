// google.script.run targets of the Record sessions sidebar (also the CLI's sessions).
import {
  clientSessions,
  findClient,
  planRecordSessions,
  sessionsFrom,
  SESSIONS_READ,
  writeRecordSessions,
  type ClientSessions,
  type SessionsRequest,
} from '../sheets/actions/attendance';
import { readClientLedger } from '../sheets/actions/clientLedger';
import { currentReports } from '../sheets/actions/clientReports';
import { dateTextFor, optionalDateField } from '../sheets/actions/fields';
import { readLedger, REPORT_TABS, writeReports } from '../sheets/actions/reports';
import { LedgerTx } from '../sheets/ledgerTx';
import { readClients } from '../sheets/tabs/clients';
import { context, type Request } from './context';
import { withDocumentLock } from './lock';
import { attempt, plain, type Result } from './result';

export interface SessionsForm {
  today: string;
  clients: { id: string; name: string }[];
}

export function getSessionsForm(req?: Request): Result<SessionsForm> {
  return attempt(() => {
    const ctx = context(req);
    const tx = new LedgerTx(ctx.port, ['clients']);
    return plain({
      today: ctx.today,
      clients: readClients(tx.table('clients'))
        .filter((c) => c.status !== 'Inactive')
        .map((c) => ({ id: c.id, name: c.name }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    });
  });
}

/** A client's sessions left per package and overdue invoices, with the warnings a trainer should see. */
export function getClientSessions(
  req: { clientId: string; date?: string; sessions?: number | string; dates?: 'iso' | 'display' } & Request,
): Result<ClientSessions> {
  return attempt(() => {
    const ctx = context(req);
    const date = optionalDateField(req.date, 'date', 'Date') ?? ctx.today;
    const ledger = readLedger(new LedgerTx(ctx.port, REPORT_TABS), ctx.today);
    const client = findClient(ledger.clients, req.clientId);
    const wanted = Number(req.sessions);
    return plain(
      clientSessions(
        ledger,
        client,
        date,
        ctx.today,
        Number.isInteger(wanted) && wanted > 0 ? wanted : 1,
        dateTextFor(req.dates),
      ),
    );
  });
}

export interface SessionsRecorded {
  date: string;
  clientId: string;
  sessions: number;
  /** The packages the sessions came from, oldest first: one Attendance row each. */
  parts: { saleId: string; sessions: number }[];
  /** Warnings for these sessions: overdue invoices, then the balance when it went over (`balanceWarning`). */
  warnings: string[];
  /** The balance after these sessions in one phrase: "6 left", "1 session over the balance (only 4 were left)". */
  balance: string;
  /** The warning in `warnings` that says the same as `balance`, if any: a summary line need not repeat it. */
  balanceWarning: string | null;
  after: ClientSessions;
}

export function recordSessions(req: SessionsRequest & Request): Result<SessionsRecorded> {
  return attempt(() => {
    const ctx = context(req);
    return withDocumentLock(() => {
      const tx = new LedgerTx(ctx.port, REPORT_TABS, SESSIONS_READ);
      // With today's reports on their tabs, only the client's rows are decoded and worked out.
      const current = currentReports(tx, ctx.today);
      const ledger = current ? readClientLedger(tx, ctx.today, req.clientId) : readLedger(tx, ctx.today);
      const plan = planRecordSessions(ledger, req, ctx.today, dateTextFor(req.dates), current);
      writeRecordSessions(tx, plan);
      writeReports(tx, plan.reports, ctx.timestamp());
      const rows = plan.attendance;
      const sessions = rows.reduce((s, a) => s + a.sessions, 0);
      const { date, clientId } = rows[0]!;
      tx.commit(
        'Record sessions',
        `${clientId} ${sessions} session(s) on ${date} (${sessionsFrom(rows)}); ${plan.balance}${plan.logWarnings.length ? `; warned: ${plan.logWarnings.join(' ')}` : ''}`,
        ctx.timestamp(),
      );
      return plain({
        date,
        clientId,
        sessions,
        parts: rows.map((a) => ({ saleId: a.saleId, sessions: a.sessions })),
        warnings: plan.warnings,
        balance: plan.balance,
        balanceWarning: plan.balanceWarning,
        after: plan.after,
      });
    });
  });
}
