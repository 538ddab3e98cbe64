// The DD changes list: every direct-debit client whose debits after today differ from the notice in force
// (today's, or on `since`), and Mark notified, which records today's schedule as a new notice so the next
// list starts from there. Reads, plans, then writes the DD Changes tab (and the notices) once.
import { compareDates, type IsoDate } from '../../core/calendar';
import { clientChanges, noticeOf, noticesInForce, type Notice } from '../../core/ledger/ddChanges';
import { UserError } from '../errors';
import type { LedgerTx } from '../ledgerTx';
import { readClients } from '../tabs/clients';
import { readNotices, noticeRows } from '../tabs/ddNotices';
import { renderDdChanges, type DdChangesReport } from '../tabs/ddChanges';
import { ddClients, readScheduleBook, scheduleOf, SCHEDULE_TABS } from './ddSchedule';
import { optionalDateField } from './fields';

export const DD_CHANGES_TABS = [...SCHEDULE_TABS, 'ddNotices', 'ddChanges'] as const;

export interface DdChangesRequest {
  /** Compare with the notices in force on this date (default today). */
  since?: string;
}

export function planDdChanges(tx: LedgerTx, req: DdChangesRequest, today: IsoDate): DdChangesReport {
  const since = optionalDateField(req.since, 'since', 'Since') ?? today;
  if (compareDates(since, today) > 0)
    throw new UserError(
      `Since ${since} is after today (${today}): compare with a notice already sent.`,
      'since',
    );
  const book = readScheduleBook(tx, today);
  const notices = readNotices(tx.table('ddNotices'));
  const inForce = noticesInForce(notices, since);
  const clients = ddClients(book);
  const listed = [];
  for (const c of clients) {
    const schedule = scheduleOf(book, c, today);
    const sales = book.sales.filter((s) => s.clientId === c.id);
    const found = clientChanges(inForce.get(c.id) ?? null, schedule, {
      today,
      bank: { bsb: c.bsb, accountNumber: c.accountNumber },
      sales,
      lives: book.lives,
    });
    if (found) listed.push({ ...found, name: c.name, billingMethod: c.billingMethod, schedule });
  }
  return { today, since, firstRun: notices.length === 0, compared: clients.length, clients: listed };
}

export function writeDdChanges(tx: LedgerTx, report: DdChangesReport, refreshed: string): void {
  tx.rewrite('ddChanges', renderDdChanges(report, refreshed));
}

/**
 * Records today's schedule as notified for the listed clients (all of them, or only `clientIds`): one
 * notice each, numbered after the last. Returns the notices planned.
 */
export function planMarkNotified(
  tx: LedgerTx,
  report: DdChangesReport,
  clientIds?: readonly string[],
): Notice[] {
  const wanted = clientIds?.map((id) => id.trim().toLowerCase()).filter(Boolean);
  const chosen = wanted?.length
    ? report.clients.filter((c) => wanted.includes(c.clientId.toLowerCase()))
    : report.clients;
  if (wanted?.length) {
    const missing = wanted.filter((w) => !chosen.some((c) => c.clientId.toLowerCase() === w));
    if (missing.length)
      throw new UserError(`Not on the DD changes list: ${missing.join(', ')}.`, 'clientIds');
  }
  let next = Math.max(0, ...readNotices(tx.table('ddNotices')).map((n) => n.notice)) + 1;
  const bank = new Map(readClients(tx.table('clients')).map((c) => [c.id, c]));
  const out: Notice[] = [];
  for (const c of chosen) {
    const n = noticeOf(c.schedule, next++, report.today, {
      bsb: bank.get(c.clientId)?.bsb ?? '',
      accountNumber: bank.get(c.clientId)?.accountNumber ?? '',
    });
    for (const row of noticeRows(n)) tx.append('ddNotices', row);
    out.push(n);
  }
  return out;
}
