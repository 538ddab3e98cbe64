// google.script.run targets of the Statement sidebar (also the CLI's statement): a client's statement,
// the regenerated Statement tab, and a printable view in a modal dialog.
import { statementText } from '../core/ledger/statementText';
import { formatMoney } from '../core/money';
import { dateTextFor } from '../sheets/actions/fields';
import {
  planStatement,
  STATEMENT_TABS,
  writeStatement,
  type StatementRequest,
} from '../sheets/actions/statement';
import { LedgerTx } from '../sheets/ledgerTx';
import { readClients } from '../sheets/tabs/clients';
import type { StatementReport } from '../sheets/tabs/statement';
import { context, type Context, type Request } from './context';
import { withDocumentLock } from './lock';
import { attempt, plain, type Result } from './result';
import { statementHtml } from './statementPrint';

export interface StatementForm {
  today: string;
  clients: { id: string; name: string }[];
}

export type StatementCall = StatementRequest & Request & { dates?: 'iso' | 'display' };

export interface StatementView extends StatementReport {
  today: string;
  /** The statement as plain text: what "Copy as text" copies. */
  text: string;
  /** True when the Statement tab was rewritten. */
  written: boolean;
}

/** Every client, Inactive ones too: a former client may still owe or be owed. */
export function getStatementForm(req?: Request): Result<StatementForm> {
  return attempt(() => {
    const ctx = context(req);
    const tx = new LedgerTx(ctx.port, ['clients']);
    return plain({
      today: ctx.today,
      clients: readClients(tx.table('clients'))
        .map((c) => ({ id: c.id, name: c.name }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    });
  });
}

function plan(ctx: Context, req: StatementCall): { tx: LedgerTx; report: StatementReport } {
  const tx = new LedgerTx(ctx.port, STATEMENT_TABS);
  return { tx, report: planStatement(tx, req, ctx.today) };
}

function view(ctx: Context, report: StatementReport, req: StatementCall, written: boolean): StatementView {
  const text = statementText(
    report.statement,
    { clientName: report.client.name, business: report.business },
    dateTextFor(req.dates),
  );
  return plain({ ...report, today: ctx.today, text, written });
}

/** The client's statement as of today, its lines limited to From and To. Reads only. */
export function getStatement(req: StatementCall): Result<StatementView> {
  return attempt(() => {
    const ctx = context(req);
    return view(ctx, plan(ctx, req).report, req, false);
  });
}

/** The same statement, written to the Statement tab (replacing whichever client it showed). */
export function writeStatementTab(req: StatementCall): Result<StatementView> {
  return attempt(() => {
    const ctx = context(req);
    return withDocumentLock(() => {
      const { tx, report } = plan(ctx, req);
      writeStatement(tx, report, ctx.timestamp());
      const s = report.statement;
      tx.commit(
        'Statement',
        `${report.client.id} ${report.client.name}: balance ${formatMoney(s.balance)} as of ${s.asOf}`,
        ctx.timestamp(),
      );
      return view(ctx, report, req, true);
    });
  });
}

/** Opens the statement as a page the browser can print (a modal dialog over the spreadsheet). */
export function printStatement(req: StatementCall): Result<{ title: string }> {
  return attempt(() => {
    const ctx = context(req);
    const { report } = plan(ctx, req);
    const title = `Statement: ${report.client.name}`;
    const html = HtmlService.createHtmlOutput(statementHtml(report)).setWidth(760).setHeight(560);
    SpreadsheetApp.getUi().showModalDialog(html, title);
    return { title };
  });
}
