// google.script.run targets of the DD changes sidebar (also the CLI's dd-changes and schedule): the list
// of clients whose debits differ from the last notice, the regenerated DD Changes tab, Mark notified,
// and a client's debit schedule (text, or a printable dialog).
import { scheduleLines } from '../core/ledger/schedule';
import {
  planDdChanges,
  planMarkNotified,
  writeDdChanges,
  DD_CHANGES_TABS,
  type DdChangesRequest,
} from '../sheets/actions/ddChanges';
import { planSchedule, SCHEDULE_TABS, type ScheduleReport } from '../sheets/actions/ddSchedule';
import { LedgerTx } from '../sheets/ledgerTx';
import { ddChangesCsv } from '../sheets/tabs/ddChangesCsv';
import type { DdChangesReport } from '../sheets/tabs/ddChanges';
import { context, type Request } from './context';
import { withDocumentLock } from './lock';
import { attempt, plain, type Result } from './result';
import { scheduleHtml } from './schedulePrint';

export type DdChangesCall = DdChangesRequest & Request & { markNotified?: boolean; clientIds?: string[] };

export interface DdChangesView extends DdChangesReport {
  /** The list as CSV (formula-guarded), for --out and the sidebar's download. */
  csv: string;
  /** Clients marked notified by this call (their new notices start the next list). */
  marked: string[];
}

/**
 * The list as of today, written to the DD Changes tab; with markNotified, today's schedules of the listed
 * clients (or only clientIds) are recorded as notified in the same write.
 */
export function getDdChanges(req: DdChangesCall): Result<DdChangesView> {
  return attempt(() => {
    const ctx = context(req);
    return withDocumentLock(() => {
      const tx = new LedgerTx(ctx.port, DD_CHANGES_TABS);
      const report = planDdChanges(tx, req, ctx.today);
      const marked = req.markNotified ? planMarkNotified(tx, report, req.clientIds) : [];
      writeDdChanges(tx, report, ctx.timestamp());
      const names = marked.map((n) => n.clientId);
      tx.commit(
        marked.length ? 'DD changes: mark notified' : 'DD changes',
        marked.length
          ? `${names.length} client(s) notified as of ${ctx.today}: ${names.join(', ')}`
          : `${report.clients.length} of ${report.compared} DD client(s) changed since the notices of ${report.since}`,
        ctx.timestamp(),
      );
      return plain({ ...report, csv: ddChangesCsv(report), marked: names });
    });
  });
}

export type ScheduleCall = Request & { clientId: string; horizon?: number };

export interface ScheduleView extends ScheduleReport {
  today: string;
  text: string;
}

function scheduleView(req: ScheduleCall): ScheduleView {
  const ctx = context(req);
  const tx = new LedgerTx(ctx.port, SCHEDULE_TABS);
  const report = planSchedule(tx, req.clientId, ctx.today, req.horizon);
  const s = report.schedule;
  const head = `Debit schedule for ${report.client.name} (${report.client.id}), ${report.client.billingMethod}, as of ${ctx.today}`;
  const text = [head, ...(s.summary ? [s.summary] : []), ...scheduleLines(s)].join('\n');
  return plain({ ...report, today: ctx.today, text });
}

/** A client's debit schedule from today. Reads only. */
export function getDebitSchedule(req: ScheduleCall): Result<ScheduleView> {
  return attempt(() => scheduleView(req));
}

/** Opens the schedule as a page the browser can print (a modal dialog over the spreadsheet). */
export function printDebitSchedule(req: ScheduleCall): Result<{ title: string }> {
  return attempt(() => {
    const view = scheduleView(req);
    const title = `Debit schedule: ${view.client.name}`;
    const html = HtmlService.createHtmlOutput(scheduleHtml(view)).setWidth(640).setHeight(520);
    SpreadsheetApp.getUi().showModalDialog(html, title);
    return { title };
  });
}
