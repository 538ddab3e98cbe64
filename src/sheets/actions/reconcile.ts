// Reconcile a DD report: read it and the ledger (checked first), match every row to a client and its
// debit, let core say what the row is (a receipt, a decline of a debit, a reversal, something to check),
// and write. Preview writes only the Reconciliation tab; apply writes the invoices, payments, fees and the
// Reconciled keys that make a second apply change nothing.
import type { IsoDate } from '../../core/calendar';
import { formatMoney } from '../../core/money';
import { appliedKeys, keyRows, readResolutions, resolutionsFor } from '../../core/reconcile';
import { errorsByRow, headerSignature, type MappingForm, type ReportRow } from '../../core/reports';
import { soundLedgerFor } from '../integrity';
import { LedgerTx } from '../ledgerTx';
import type { CellValue, WorkbookPort } from '../port';
import type { Invoice, Payment } from '../records';
import { readClients } from '../tabs/clients';
import { readInvoices } from '../tabs/invoices';
import { readPayments } from '../tabs/payments';
import {
  reconciledCells,
  renderReconciliation,
  totalsOf,
  type ReconciledRow,
  type ReconcileTotals,
} from '../tabs/reconciliation';
import { readSettings } from '../tabs/settings';
import { openDeclineLedger, writeDeclineLedger, type DeclineLedger } from './declineLedger';
import { ByProviderRef, ledgerIndex, refsLookedUp } from './reconcileMatch';
import { ANNOUNCED_COLUMNS, announcedFees, noteChangedFees } from './reconcilePreview';
import { readReport, type ReconcileRequest } from './reconcileReport';
import { decideRow, type DecideContext } from './reconcileDecide';
import type { RowContext } from './reconcileRows';
import { ReconcileBooks } from './reconcileBooks';
import { UserError } from '../errors';

export const RECONCILE_TABS = [
  'settings',
  'clients',
  'invoices',
  'payments',
  'reconciled',
  'reconciliation',
] as const;

/**
 * The action's reads. Of the Reconciled tab only its keys and outcomes; of the Reconciliation tab, which
 * a preview only rewrites, its head, and on apply the three columns that say which fee each row of the
 * last preview announced (on the bench's main studio some 290k cells not decoded on apply, 350k on preview).
 */
export function openReconcile(port: WorkbookPort, apply: boolean): LedgerTx {
  return new LedgerTx(port, apply ? RECONCILE_TABS : RECONCILE_TABS.filter((k) => k !== 'reconciliation'), {
    appendOnly: apply ? [] : ['reconciliation'],
    columns: {
      reconciled: ['Key', 'Outcome'],
      ...(apply ? { reconciliation: [...ANNOUNCED_COLUMNS] } : {}),
    },
  });
}

export interface ReconcilePlan {
  shape: string;
  signature: string;
  rows: ReconciledRow[];
  totals: ReconcileTotals;
  /** Invoices changed, new fees, new Payments rows: what apply writes. */
  invoices: Invoice[];
  payments: Payment[];
  fees: Invoice[];
  /** The dishonour fee each declined row makes, by report row. */
  feeOfRow: Map<number, string>;
  /** For a report read through a column mapping: the mapping, to change it. */
  mapping: MappingForm | null;
  /** Rows whose keys the Reconciled tab keeps: what was applied, and debits found declined already. */
  recorded: ReconciledRow[];
  ledger: DeclineLedger;
}

const OUTCOME_TEXT: Record<ReportRow['outcome'], string> = {
  paid: 'Paid',
  declined: 'Declined',
  pending: 'Pending',
  fee: 'DD company fee',
  ignored: 'Other',
};

/** What the report says of the row: its outcome, a negative amount, the reason, the codes as given. */
function reportStatus(row: ReportRow): string {
  return (
    OUTCOME_TEXT[row.outcome] +
    (row.negative ? ' (negative amount)' : '') +
    (row.reason ? `: ${row.reason}` : '') +
    (row.codes ? `; ${row.codes}` : '')
  );
}

/** The row shown for a report row, once per row (no copy): what it says, then what it came to. */
function shownRow(
  plan: ReconcilePlan,
  row: ReportRow,
  key: string,
  kept: number,
  shown: Partial<ReconciledRow>,
  record: boolean,
): ReconciledRow {
  const r: ReconciledRow = {
    reportRow: row.rowNumber,
    key,
    date: row.date,
    reference: row.references.length === 1 ? row.references[0]! : row.references.join(' '),
    name: row.clientName ?? '',
    amount: row.amount,
    reportStatus: reportStatus(row),
    outcome: shown.outcome ?? 'Unmatched',
    clientId: shown.clientId ?? '',
    invoiceIds: shown.invoiceIds ?? [],
    note: shown.note ?? '',
  };
  if (kept) r.kept = kept;
  if (r.outcome === 'To check') r.choices = resolutionsFor(row);
  plan.rows.push(r);
  if (record) plan.recorded.push(r);
  return r;
}

export function planReconcile(
  tx: LedgerTx,
  req: ReconcileRequest,
  today: IsoDate,
  ddReportCells: CellValue[][] | null,
  toStudioDate?: (epochMs: number) => IsoDate,
): ReconcilePlan {
  const settings = readSettings(tx.table('settings'), today, tx.port.timeZone());
  const { report, mapping } = readReport(tx, req, settings.reportDayFirst, ddReportCells, toStudioDate);
  const clients = readClients(tx.table('clients'));
  const invoices = readInvoices(tx.table('invoices'));
  const payments = readPayments(tx.table('payments'));
  // Checked, and the check's indexes give the highest IDs: no pass of their own over 155k rows.
  soundLedgerFor(tx, { clients, invoices, payments });
  const ledger = openDeclineLedger(settings, clients, invoices, payments);
  const idx = ledgerIndex(tx, invoices, payments, clients);
  const resolutions = readResolutions(req.resolve);
  if (typeof resolutions === 'string') throw new UserError(resolutions, 'resolve');
  const ctx: RowContext = {
    tx,
    ledger,
    byRef: new ByProviderRef(payments, refsLookedUp(report.shape, report.rows, resolutions)),
    books: new ReconcileBooks(ledger),
    shape: report.shape,
    today,
  };
  const dc: DecideContext = { ...ctx, idx, clients, confirm: req.confirm };
  const reconciled = tx.table('reconciled');
  const [keyCol, outcomeCol] = [reconciled.columns.get('Key')!, reconciled.columns.get('Outcome')];
  const applied = appliedKeys(
    reconciled.rows.map((r) => ({
      key: String(r.cells[keyCol] ?? '').trim(),
      outcome: outcomeCol === undefined ? '' : String(r.cells[outcomeCol] ?? '').trim(),
    })),
  );
  const { shape } = report;
  const plan: ReconcilePlan = {
    shape,
    signature: headerSignature(report.headers),
    rows: [],
    totals: totalsOf([]),
    invoices: [],
    payments: [],
    fees: [],
    feeOfRow: new Map(),
    mapping,
    recorded: [],
    ledger,
  };
  const seen = new Set<string>();
  const keyed = keyRows(shape, report.rows);

  // Indexed, with no closure per row: 20k rows a report, most of them history already applied or paid.
  const { rows } = report;
  for (let n = 0; n < rows.length; n++) {
    const row = rows[n]!;
    const { key, reference } = keyed[n]!;
    const repeat = seen.has(key);
    // What the DD company kept, counted once per row of the report (a repeat of a row is not counted).
    const kept = repeat ? 0 : (row.outcome === 'fee' ? row.amount : 0) + (row.providerKept ?? 0);
    if (repeat || applied.has(key)) {
      const note = repeat ? 'The same row appears twice in this report' : 'Applied from an earlier report';
      shownRow(plan, row, key, kept, { outcome: 'Already applied', note }, false);
      continue;
    }
    const done = decideRow(dc, row, reference, resolutions.get(row.rowNumber));
    seen.add(key);
    const r = shownRow(plan, row, key, kept, done.shown, done.record);
    if (row.providerKept && row.outcome !== 'fee')
      r.note += `; ${formatMoney(row.providerKept)} commission kept by the DD company`;
    if (done.fee) plan.feeOfRow.set(row.rowNumber, done.fee);
  }

  // One Error row per report row, however many of its cells are wrong.
  for (const e of errorsByRow(report.errors))
    plan.rows.push({
      reportRow: e.rowNumber,
      key: '',
      date: null,
      reference: '',
      name: '',
      amount: null,
      reportStatus: '',
      outcome: 'Error',
      clientId: '',
      invoiceIds: [],
      note: e.message,
    });
  plan.rows.sort((a, b) => a.reportRow - b.reportRow);
  plan.totals = totalsOf(plan.rows);
  const changedInvoices = [...ledger.changed.invoices.values()];
  plan.invoices = changedInvoices.filter((i) => i.row);
  plan.fees = changedInvoices.filter((i) => !i.row);
  plan.payments = [...ledger.changed.payments.values()].filter((p) => !p.row);
  return plan;
}

/**
 * Writes the Reconciliation tab, and on apply the ledger rows. Apply plans afresh, so its fee IDs can
 * differ from the ones the last preview showed: it returns a sentence saying so ('' when they match).
 */
export function writeReconcile(
  tx: LedgerTx,
  plan: ReconcilePlan,
  apply: boolean,
  when: string,
  today: IsoDate,
): string {
  const notice = apply
    ? noteChangedFees(plan.rows, plan.feeOfRow, announcedFees(tx.table('reconciliation'), plan.shape))
    : '';
  tx.rewrite(
    'reconciliation',
    renderReconciliation({ shape: plan.shape, applied: apply, when, rows: plan.rows }),
  );
  if (!apply) {
    // A preview shows the IDs apply would use, and reserves none of them.
    tx.ids.forget();
    return notice;
  }
  writeDeclineLedger(tx, plan.ledger);
  for (const r of plan.recorded) tx.append('reconciled', reconciledCells(r, today));
  return notice;
}
