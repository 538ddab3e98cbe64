// google.script.run targets of the Outstanding invoices sidebar (also the CLI's outstanding), and the
// reminder toast when the spreadsheet opens.
import type { Cents } from '../core/money';
import { overdueReminder } from '../core/lifecycle/outstanding';
import { overdueOn, overdueOnDays, summaryReminder } from '../core/lifecycle/overdueSummary';
import { optionalDateField } from '../sheets/actions/fields';
import { OUTSTANDING_TABS, outstandingReport } from '../sheets/actions/outstanding';
import {
  planReports,
  readLedger,
  REPORT_TABS,
  reportsSummary,
  writeReports,
} from '../sheets/actions/reports';
import { LedgerTx } from '../sheets/ledgerTx';
import { readStoredSummary } from '../sheets/overdueSummaryStore';
import { readClients } from '../sheets/tabs/clients';
import { readInvoices } from '../sheets/tabs/invoices';
import type { OutstandingReport } from '../sheets/tabs/outstanding';
import { readPayments } from '../sheets/tabs/payments';
import { context, type Request } from './context';
import { withDocumentLock } from './lock';
import { attempt, plain, type Result } from './result';

export interface OutstandingView {
  today: string;
  asOf: string;
  clients: {
    clientId: string;
    name: string;
    billingMethod: string;
    invoiceIds: string[];
    /** Net of `credit`. */
    owed: Cents;
    /** The client's unspent credit on the date (0 when none). */
    credit: Cents;
    oldestDue: string;
    daysOverdue: number;
    lastPayment: { date: string; amount: Cents } | null;
    lastDeclineReason: string;
  }[];
  total: Cents;
  /** "3 clients have overdue invoices ($660.00)", or null. */
  reminder: string | null;
  /** True when the Outstanding and Balances tabs were rewritten. */
  written: boolean;
}

export type OutstandingRequest = { date?: string } & Request;

function view(today: string, r: OutstandingReport, written: boolean): OutstandingView {
  return plain({
    today,
    asOf: r.asOf,
    clients: r.clients,
    total: r.total,
    reminder: overdueReminder(r.clients),
    written,
  });
}

/** Who owes what on the date (default today). Reads only. */
export function getOutstanding(req?: OutstandingRequest): Result<OutstandingView> {
  return attempt(() => {
    const ctx = context(req);
    const asOf = optionalDateField(req?.date, 'date', 'Date') ?? ctx.today;
    const tx = new LedgerTx(ctx.port, OUTSTANDING_TABS);
    const report = outstandingReport(
      readClients(tx.table('clients')),
      readInvoices(tx.table('invoices')),
      readPayments(tx.table('payments')),
      asOf,
      ctx.today,
    );
    return view(ctx.today, report, false);
  });
}

/** The same list, written to the Outstanding tab (and the Balances tab, as of the same date). */
export function refreshOutstanding(req?: OutstandingRequest): Result<OutstandingView> {
  return attempt(() => {
    const ctx = context(req);
    const asOf = optionalDateField(req?.date, 'date', 'Date') ?? ctx.today;
    return withDocumentLock(() => {
      const tx = new LedgerTx(ctx.port, REPORT_TABS);
      const reports = planReports(readLedger(tx, ctx.today), asOf, ctx.today);
      writeReports(tx, reports, ctx.timestamp());
      tx.commit(
        'Outstanding invoices',
        `${reportsSummary(reports)}; Balances as of ${asOf}`,
        ctx.timestamp(),
      );
      return view(ctx.today, reports.outstanding, true);
    });
  });
}

/**
 * On opening (where the add-in may read the spreadsheet): a toast when clients have overdue invoices
 * today, net of their credit, counted from the summary the last money action stored (no tab is read:
 * onOpen has 30 s, and a large Invoices tab takes longer), saying which day's ledger it counts. Never
 * fails the menu (a workbook with no summary yet just shows nothing).
 */
export function remindOutstanding(): void {
  try {
    const ctx = context(undefined);
    const stored = readStoredSummary((k) => ctx.port.getProperty(k));
    if (!stored) return;
    if (stored.form === 'none') {
      Logger.log(`Studio Ledger: no overdue reminder (${stored.note})`);
      return;
    }
    const asOf = stored.form === 'clients' ? stored.summary.asOf : stored.asOf;
    const count =
      stored.form === 'clients'
        ? overdueOn(stored.summary, ctx.today)
        : overdueOnDays(stored.steps, ctx.today);
    const message = summaryReminder(count, asOf);
    if (message) SpreadsheetApp.getActiveSpreadsheet().toast(message, 'Studio Ledger', 10);
  } catch (e) {
    // A reminder is a courtesy: nothing here may stop the menu from working.
    Logger.log(`Studio Ledger: no overdue reminder (${(e as Error).message})`);
  }
}
