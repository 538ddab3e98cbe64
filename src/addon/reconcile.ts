// google.script.run targets of the Reconcile DD report sidebar (also the CLI's reconcile).
import { formatMoney } from '../core/money';
import {
  headerSignature,
  mappingProblem,
  reportTable,
  type ColumnMapping,
  type MappingForm,
} from '../core/reports';
import { openReconcile, planReconcile, writeReconcile } from '../sheets/actions/reconcile';
import {
  mappingKey,
  NeedsMapping,
  reportInput,
  type ReconcileRequest,
} from '../sheets/actions/reconcileReport';
import { UserError } from '../sheets/errors';
import type { CellValue } from '../sheets/port';
import { TABS } from '../sheets/schema';
import { reportCells } from '../sheets/tabs/ddReport';
import type { ReconciledRow, ReconcileTotals, RowOutcome } from '../sheets/tabs/reconciliation';
import { context, type Context, type Request } from './context';
import { withDocumentLock } from './lock';
import { plain, type Result } from './result';
import { studioDateOf } from './studioDate';

export interface ReconcileView {
  shape: string;
  applied: boolean;
  /** The rows a person acts on or that changed the ledger; the Reconciliation tab lists every row. */
  rows: ReconciledRow[];
  /** How many report rows were left out of `rows` because they change nothing. */
  quiet: number;
  /** The sentence the sidebar and the CLI show for them ('' when none): where they are listed. */
  quietNote: string;
  /** Of every report row, shown or quiet. */
  totals: ReconcileTotals;
  invoicesChanged: number;
  payments: number;
  fees: number;
  /** On apply: that the dishonour fee IDs are not the ones the last preview showed; '' when they are. */
  notice: string;
  /** For a report read through a column mapping: that mapping, to change it. */
  mapping: MappingForm | null;
}

/** A report that needs its columns mapped (or the mapping changed): the form to do it with. */
export interface MappingNeeded {
  ok: false;
  error: string;
  field: 'mapping';
  headers: string[];
  form: MappingForm;
}

export type ReconcileResult = Result<ReconcileView> | MappingNeeded;

/**
 * Outcomes that change nothing and ask nothing of a person. A report repeating months of history is
 * mostly these (18,500 of 20,000 rows): sending them to the sidebar costs copying and a table no one
 * reads, so they stay on the Reconciliation tab only.
 */
const QUIET: ReadonlySet<RowOutcome> = new Set<RowOutcome>([
  'Already applied',
  'Already paid',
  'Pending: no change',
  'Ignored',
]);

function quietNote(quiet: number): string {
  return quiet
    ? `${quiet.toLocaleString('en-US')} row(s) that change nothing (already applied or paid, pending, not a payment) are listed on the Reconciliation tab only.`
    : '';
}

/** The DD Report tab's cells (its instruction row blanked), when nothing was pasted. */
function ddReportCells(ctx: Context, req: ReconcileRequest): CellValue[][] | null {
  if (req.text !== undefined && req.text.trim()) return null;
  return reportCells(ctx.port.readTabs([TABS.ddReport.name])[TABS.ddReport.name]?.values ?? []);
}

function run(req: ReconcileRequest & Request, apply: boolean): ReconcileResult {
  try {
    const ctx = context(req);
    return withDocumentLock(() => {
      const tx = openReconcile(ctx.port, apply);
      const plan = planReconcile(
        tx,
        req,
        ctx.today,
        ddReportCells(ctx, req),
        studioDateOf(ctx.port.timeZone()),
      );
      const when = ctx.timestamp();
      const notice = writeReconcile(tx, plan, apply, when, ctx.today);
      const t = plan.totals;
      // Filtered before plain(), so the JSON round trip copies only the rows shown.
      const shown = plan.rows.filter((r) => !QUIET.has(r.outcome));
      tx.commit(
        apply ? 'Reconcile DD report' : 'Reconcile preview',
        `${plan.shape} report, ${plan.rows.length} row(s): paid ${t.paid.count} (${formatMoney(t.paid.amount)}), declined ${t.declined.count} (${formatMoney(t.declined.amount)}), unmatched ${t.unmatched.count}, pending ${t.pending.count}, already applied ${t.already}, errors ${t.errors}${t.kept.amount ? `, fees kept by the DD company ${formatMoney(t.kept.amount)}` : ''}${apply ? `; ${plan.payments.length} payment row(s), ${plan.fees.length} fee(s)` : ''}${notice ? `. ${notice}` : ''}`,
        when,
      );
      return {
        ok: true as const,
        value: plain({
          shape: plan.shape,
          applied: apply,
          rows: shown,
          quiet: plan.rows.length - shown.length,
          quietNote: quietNote(plan.rows.length - shown.length),
          totals: plan.totals,
          invoicesChanged: plan.invoices.length,
          payments: plan.payments.length,
          fees: plan.fees.length,
          notice,
          mapping: plan.mapping,
        }),
      };
    });
  } catch (e) {
    if (e instanceof NeedsMapping)
      return plain({ ok: false, error: e.message, field: 'mapping', headers: e.form.headers, form: e.form });
    if (e instanceof UserError) return { ok: false, error: e.message, field: e.field };
    throw e;
  }
}

/** Writes the Reconciliation tab with what would happen; changes no invoice and reserves no ID. */
export function previewReconcile(req: ReconcileRequest & Request): ReconcileResult {
  return run(req, false);
}

export function applyReconcile(req: ReconcileRequest & Request): ReconcileResult {
  return run(req, true);
}

const isText = (x: unknown): x is string => typeof x === 'string';
const isTexts = (x: unknown): x is string[] => Array.isArray(x) && x.every(isText);

/** The mapping as sent by the sidebar (plain data), or null when it is not one. */
function asMapping(x: unknown): ColumnMapping | null {
  if (typeof x !== 'object' || x === null) return null;
  const m = x as Record<string, unknown>;
  const optional = ['status', 'name', 'reason', 'paymentId'].every((k) => m[k] === undefined || isText(m[k]));
  if (!isTexts(m.reference) || !isText(m.date) || !isText(m.amount) || !optional) return null;
  if (!isTexts(m.paidValues) || !isTexts(m.declinedValues)) return null;
  if (m.pendingValues !== undefined && !isTexts(m.pendingValues)) return null;
  const out: ColumnMapping = {
    reference: m.reference,
    date: m.date,
    amount: m.amount,
    paidValues: m.paidValues,
    declinedValues: m.declinedValues,
  };
  for (const k of ['status', 'name', 'reason', 'paymentId'] as const) if (isText(m[k]) && m[k]) out[k] = m[k];
  if (m.pendingValues) out.pendingValues = m.pendingValues;
  return out;
}

/**
 * Remembers the user's column mapping for reports with these headers (a new one replaces the old). It
 * must make sense: distinct columns, and, checked against the report (pasted, or the DD Report tab),
 * an amount column of amounts, a date column of dates, status values the report uses.
 */
export function saveReportMapping(
  req: { headers: string[]; mapping: ColumnMapping; text?: string } & Request,
): Result<{ signature: string }> {
  if (!isTexts(req.headers) || !req.headers.length)
    return { ok: false, error: 'No report columns to map.', field: 'mapping' };
  const m = asMapping(req.mapping);
  if (!m)
    return {
      ok: false,
      error: 'Say which columns hold the reference, the date and the amount.',
      field: 'mapping',
    };
  try {
    const ctx = context(req);
    const signature = headerSignature(req.headers);
    return withDocumentLock(() => {
      let table = null;
      try {
        const input = reportInput(req, ddReportCells(ctx, req));
        table = reportTable(input);
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
      }
      // Only a report with these columns can say whether their values fit.
      if (table && headerSignature(table.headers) !== signature) table = null;
      const problem = mappingProblem(req.headers, m, table);
      if (problem) return { ok: false as const, error: problem, field: 'mapping' };
      ctx.port.setProperties({ [mappingKey(signature)]: JSON.stringify(m) });
      return { ok: true as const, value: { signature } };
    });
  } catch (e) {
    if (e instanceof UserError) return { ok: false, error: e.message, field: e.field };
    throw e;
  }
}
