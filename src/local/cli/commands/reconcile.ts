// `studio-ledger reconcile`: preview, then apply (--apply), a DD report.
import { readFileSync } from 'node:fs';
import { COMMON, type Command } from '../command';
import { call, json, str, withWorkbook } from '../helpers';
import { money, table } from '../output';
import { UsageError } from '../errors';

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
  },
  run: (v, io) =>
    withWorkbook(v, io, (s) => {
      let text: string;
      try {
        text = readFileSync(str(v, 'report')!, 'latin1');
      } catch {
        throw new UsageError(`cannot read the report ${str(v, 'report')}`);
      }
      const r = call(s, v.apply ? 'applyReconcile' : 'previewReconcile', { text }, v);
      const t = r.totals;
      return (
        json(v, r) ??
        [
          `${r.applied ? 'Applied' : 'Preview (nothing applied; see the Reconciliation tab)'}: ${r.shape} report, ${r.rows.length} row(s)`,
          table(
            ['Row', 'Outcome', 'Client', 'Amount', 'Invoices', 'Note'],
            r.rows.map((x) => [
              x.reportRow,
              x.outcome,
              x.clientId,
              x.amount === null ? '' : money(x.amount),
              x.invoiceIds.join(' '),
              x.note,
            ]),
            [0, 3],
          ),
          `Paid ${t.paid.count} (${money(t.paid.amount)}), declined ${t.declined.count} (${money(t.declined.amount)}), unmatched ${t.unmatched.count} (${money(t.unmatched.amount)}), pending ${t.pending.count}, already applied ${t.already}, errors ${t.errors}` +
            (r.applied ? `; ${r.payments} payment row(s), ${r.fees} dishonour fee(s)` : ''),
        ].join('\n\n')
      );
    }),
};
