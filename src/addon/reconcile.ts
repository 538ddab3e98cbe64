// google.script.run targets of the Reconcile DD report sidebar (also the CLI's reconcile).
import { headerSignature, type ColumnMapping } from '../core/reports';
import {
  mappingKey,
  NeedsMapping,
  planReconcile,
  RECONCILE_TABS,
  writeReconcile,
  type ReconcileRequest,
} from '../sheets/actions/reconcile';
import { UserError } from '../sheets/errors';
import { LedgerTx } from '../sheets/ledgerTx';
import type { ReconciledRow, ReconcileTotals } from '../sheets/tabs/reconciliation';
import { TABS } from '../sheets/schema';
import { formatMoney } from '../core/money';
import { context, type Request } from './context';
import { withDocumentLock } from './lock';
import { plain, type Result } from './result';

export interface ReconcileView {
  shape: string;
  applied: boolean;
  rows: ReconciledRow[];
  totals: ReconcileTotals;
  invoicesChanged: number;
  payments: number;
  fees: number;
}

export type ReconcileResult =
  Result<ReconcileView> | { ok: false; error: string; field: 'mapping'; headers: string[] };

function run(req: ReconcileRequest & Request, apply: boolean): ReconcileResult {
  try {
    const ctx = context(req);
    return withDocumentLock(() => {
      const tx = new LedgerTx(ctx.port, RECONCILE_TABS);
      const dd =
        req.text !== undefined && req.text.trim()
          ? null
          : (ctx.port.readTabs([TABS.ddReport.name])[TABS.ddReport.name]?.values ?? []);
      const plan = planReconcile(tx, req, ctx.today, dd);
      const when = ctx.timestamp();
      writeReconcile(tx, plan, apply, when, ctx.today);
      const t = plan.totals;
      tx.commit(
        apply ? 'Reconcile DD report' : 'Reconcile preview',
        `${plan.shape} report, ${plan.rows.length} row(s): paid ${t.paid.count} (${formatMoney(t.paid.amount)}), declined ${t.declined.count} (${formatMoney(t.declined.amount)}), unmatched ${t.unmatched.count}, pending ${t.pending.count}, already applied ${t.already}, errors ${t.errors}${apply ? `; ${plan.payments.length} payment row(s), ${plan.fees.length} fee(s)` : ''}`,
        when,
      );
      return {
        ok: true as const,
        value: plain({
          shape: plan.shape,
          applied: apply,
          rows: plan.rows,
          totals: plan.totals,
          invoicesChanged: plan.invoices.length,
          payments: plan.payments.length,
          fees: plan.fees.length,
        }),
      };
    });
  } catch (e) {
    if (e instanceof NeedsMapping)
      return { ok: false, error: e.message, field: 'mapping', headers: e.headers };
    if (e instanceof UserError) return { ok: false, error: e.message, field: e.field };
    throw e;
  }
}

/** Writes the Reconciliation tab with what would happen; changes no invoice. */
export function previewReconcile(req: ReconcileRequest & Request): ReconcileResult {
  return run(req, false);
}

export function applyReconcile(req: ReconcileRequest & Request): ReconcileResult {
  return run(req, true);
}

/** Remembers the user's column mapping for reports with these headers. */
export function saveReportMapping(
  req: { headers: string[]; mapping: ColumnMapping } & Request,
): Result<{ signature: string }> {
  if (!Array.isArray(req.headers) || !req.headers.length)
    return { ok: false, error: 'No report columns to map.', field: 'mapping' };
  const m = req.mapping;
  if (!m || !m.date || !m.amount || !Array.isArray(m.reference) || !m.reference.length)
    return {
      ok: false,
      error: 'Say which columns hold the reference, the date and the amount.',
      field: 'mapping',
    };
  const known = new Set(req.headers.map((h) => h.trim().toLowerCase()));
  for (const col of [m.date, m.amount, m.status, m.name, m.reason, m.paymentId, ...m.reference].filter(
    (x): x is string => !!x,
  ))
    if (!known.has(col.trim().toLowerCase()))
      return { ok: false, error: `The report has no column "${col}".`, field: 'mapping' };
  const signature = headerSignature(req.headers);
  const ctx = context(req);
  withDocumentLock(() => ctx.port.setProperties({ [mappingKey(signature)]: JSON.stringify(m) }));
  return { ok: true, value: { signature } };
}
