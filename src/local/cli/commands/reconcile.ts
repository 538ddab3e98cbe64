// `studio-ledger reconcile`: preview, then apply (--apply), a DD report; --map reads a new layout through
// the sidebar's column mapping (and saves it), --confirm and --resolve say what a person decided.
import { readFileSync } from 'node:fs';
import { isResolution } from '../../../core/reconcile/settle';
import { decodeReportBytes, reportHeaders } from '../../../core/reports';
import { COMMON, type Command } from '../command';
import { ActionError, UsageError } from '../errors';
import { call, json, str, today, withWorkbook } from '../helpers';
import { money, table } from '../output';
import { mapOptionOf, parseMapOption, rowOptions } from '../reconcileArgs';
import type { ServerAnswer } from '../server';

/** The report file's text: UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252. */
function reportText(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new UsageError(`cannot read the report ${path}`);
  }
  return decodeReportBytes(new Uint8Array(bytes)).text;
}

export const reconcile: Command = {
  name: 'reconcile',
  summary: 'preview, then apply (--apply), a DD report',
  options: {
    ...COMMON,
    report: {
      type: 'string',
      required: true,
      help: 'the report file: Ezidebit CSV, Debitsuccess, ABA return, or a mapped CSV',
      value: 'F',
    },
    apply: { type: 'boolean', help: 'apply it (without: preview only, written to the Reconciliation tab)' },
    map: {
      type: 'string',
      help: 'read the report through this column mapping, saved for reports with its columns as the sidebar saves it: "reference=Ref|Member No,payment-id=Txn,name=Customer,date=Date,amount=Amount,status=Result,reason=Reason,paid=Success|OK,declined=Dishonoured,pending=Pending"',
      value: 'MAPPING',
    },
    confirm: {
      type: 'string',
      multiple: true,
      help: 'a "To confirm" row is this client',
      value: 'ROW=CLIENT',
    },
    resolve: {
      type: 'string',
      multiple: true,
      help: 'settle a "To check" row as paid, a reversal of its payment, or ignored',
      value: 'ROW=paid|reversal|ignore',
    },
  },
  run: (v, io) => {
    const confirm = rowOptions('confirm', v.confirm, (c) => (c ? null : 'say which client'));
    const resolve = rowOptions('resolve', v.resolve, (r) =>
      isResolution(r) ? null : `"${r}" is not paid, reversal or ignore`,
    );
    const mapText = str(v, 'map');
    const mapping = mapText === undefined ? null : parseMapOption(mapText);
    return withWorkbook(v, io, (s) => {
      const text = reportText(str(v, 'report')!);
      if (mapping) {
        const headers = reportHeaders(text);
        if (!headers) throw new ActionError('The report has no header row whose columns --map could name.');
        call(s, 'saveReportMapping', { headers, mapping, text }, v);
      }
      const fn = v.apply ? 'applyReconcile' : 'previewReconcile';
      const answer = s.addin.call<ServerAnswer<'applyReconcile'>>(fn, {
        text,
        confirm,
        resolve,
        today: today(v),
      });
      if (!answer.ok) {
        // A layout to map: offer the add-in's guess (or the saved mapping) as a --map to edit.
        const hint =
          'form' in answer ? ` Map its columns with --map "${mapOptionOf(answer.form.mapping)}".` : '';
        throw new ActionError(`${answer.error}${hint}`);
      }
      const r = answer.value;
      const t = r.totals;
      return (
        json(v, r) ??
        [
          `${r.applied ? 'Applied' : 'Preview (nothing applied; see the Reconciliation tab)'}: ${r.shape} report, ${(r.rows.length + r.quiet).toLocaleString('en-US')} row(s)`,
          // No table when every row changes nothing: the line below says so.
          r.rows.length
            ? table(
                ['Row', 'Outcome', 'Client', 'Amount', 'Invoices', 'Note'],
                r.rows.map((x) => [
                  x.reportRow,
                  x.outcome,
                  x.clientId,
                  x.amount === null ? '' : money(x.amount),
                  x.invoiceIds.join(' '),
                  x.note +
                    (x.choices?.length
                      ? ` (settle with --resolve ${x.reportRow}=${x.choices.join('|')})`
                      : ''),
                ]),
                [0, 3],
              )
            : '',
          `Paid ${t.paid.count} (${money(t.paid.amount)}), declined ${t.declined.count} (${money(t.declined.amount)}), unmatched ${t.unmatched.count} (${money(t.unmatched.amount)}), pending ${t.pending.count}, already applied ${t.already}, errors ${t.errors}` +
            (t.kept.amount ? `, fees kept by the DD company ${money(t.kept.amount)}` : '') +
            (r.applied ? `; ${r.payments} payment row(s), ${r.fees} dishonour fee(s)` : ''),
          // The sidebar's line: the rows that change nothing are on the tab only.
          r.quietNote,
        ]
          .filter(Boolean)
          .join('\n\n')
      );
    });
  },
};
