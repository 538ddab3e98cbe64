// Reconcile a DD report: read it, match every row to a client and the invoices it settles, and plan
// what happens (Paid, Part paid, Declined with the bank's reason and the dishonour fee, Pending,
// Unmatched, To confirm, Already applied). Preview writes only the Reconciliation tab; apply writes the
// invoices, payments, fees and the Reconciled keys that make a second apply change nothing.
import { oldestFirst } from '../../core/billing/dueInvoices';
import { statusAfterPayment } from '../../core/billing/invoiceState';
import { addDays, compareDates, type IsoDate } from '../../core/calendar';
import { formatMoney } from '../../core/money';
import { BATCH_WINDOW_DAYS, identify, LedgerIndex, type LedgerInvoice } from '../../core/reconcile/identify';
import { reportRowKey } from '../../core/reconcile/reportKey';
import {
  errorsByRow,
  headerSignature,
  mappingForm,
  readAbaReturnRecords,
  readReportCells,
  readReportText,
  reportTable,
  ReportFormatError,
  type ColumnMapping,
  type MappingForm,
  type ReadReport,
  type ReportRow,
  type SheetCell,
} from '../../core/reports';
import { readBatch } from '../batches';
import { announcedFees, noteChangedFees } from './reconcilePreview';
import { UserError } from '../errors';
import type { LedgerTx } from '../ledgerTx';
import { isSheetDate, type CellValue } from '../port';
import type { Invoice, Payment } from '../records';
import { readClients } from '../tabs/clients';
import { invoiceCells, readInvoices } from '../tabs/invoices';
import { paymentCells, readPayments } from '../tabs/payments';
import {
  reconciledCells,
  renderReconciliation,
  totalsOf,
  type ReconciledRow,
  type ReconcileTotals,
} from '../tabs/reconciliation';
import { readSettings } from '../tabs/settings';

export const RECONCILE_TABS = [
  'settings',
  'clients',
  'invoices',
  'payments',
  'reconciled',
  'reconciliation',
] as const;

export interface ReconcileRequest {
  /** Pasted report text; when absent the DD Report tab is read. */
  text?: string;
  mapping?: ColumnMapping;
  /** Report rows a person confirmed: report row number -> client ID. */
  confirm?: Record<string, string>;
}

export interface ReconcilePlan {
  shape: string;
  signature: string;
  rows: ReconciledRow[];
  totals: ReconcileTotals;
  invoices: Invoice[];
  payments: Payment[];
  fees: Invoice[];
  /** The dishonour fee each declined row makes, by report row. */
  feeOfRow: Map<number, string>;
  /** For a report read through a column mapping: the mapping, to change it. */
  mapping: MappingForm | null;
}

/** A report we cannot read as a whole, with its columns (and a mapping to start from) when one would help. */
export class NeedsMapping extends UserError {
  constructor(
    message: string,
    readonly form: MappingForm,
  ) {
    super(message, 'mapping');
  }
}

export function mappingKey(signature: string): string {
  return `studioLedger.mapping.${signature}`;
}

function toSheetCells(values: CellValue[][]): SheetCell[][] {
  return values.map((row) => row.map((v) => (isSheetDate(v) ? { date: v.date } : v)));
}

/** The saved mapping for reports with these headers, if any. */
export function savedMapping(tx: LedgerTx, headers: string[] | null): ColumnMapping | undefined {
  const saved = headers ? tx.port.getProperty(mappingKey(headerSignature(headers))) : null;
  return saved ? (JSON.parse(saved) as ColumnMapping) : undefined;
}

/** The report as given: pasted text, or else the DD Report tab's cells. */
export function reportInput(
  req: ReconcileRequest,
  ddReportCells: CellValue[][] | null,
): string | SheetCell[][] {
  const input: string | SheetCell[][] =
    typeof req.text === 'string' && req.text.trim() ? req.text : toSheetCells(ddReportCells ?? []);
  if (typeof input !== 'string' && !input.some((r) => r.some((c) => c !== '' && c !== null)))
    throw new UserError(
      req.text !== undefined
        ? 'The report is empty: paste the DD report first.'
        : 'The DD Report tab is empty: paste the report there, or into the text box.',
      'text',
    );
  return input;
}

/**
 * Reads the report: a saved mapping for its columns is used when the layout is not one we know. A report
 * with rows of which none could be read is refused with its first error: there is nothing to reconcile.
 */
export function readReport(
  tx: LedgerTx,
  req: ReconcileRequest,
  dayFirst: boolean,
  ddReportCells: CellValue[][] | null,
): { report: ReadReport; mapping: MappingForm | null } {
  const input = reportInput(req, ddReportCells);
  const table = reportTable(input);
  const mapping = req.mapping ?? savedMapping(tx, table?.headers ?? null);
  const form = table && mapping ? mappingForm(table, mapping) : null;
  const opts = { mapping, dayFirst, parseAbaReturn: readAbaReturnRecords };
  let report: ReadReport;
  try {
    report = typeof input === 'string' ? readReportText(input, opts) : readReportCells(input, opts);
  } catch (e) {
    if (e instanceof ReportFormatError) {
      const message = `${e.message}.`.replace(/\.\.$/, '.');
      if (table && table.headers.length > 1 && (form || /map its columns/.test(e.message)))
        throw new NeedsMapping(message, form ?? mappingForm(table));
      throw new UserError(message, 'text');
    }
    throw e;
  }
  if (!report.rows.length && report.errors.length) {
    const rows = errorsByRow(report.errors);
    const source = typeof req.text === 'string' && req.text.trim() ? 'the report' : 'the DD Report tab';
    const message = `No row of ${source} could be read (${rows.length} row${rows.length === 1 ? '' : 's'} with errors). ${rows[0]!.message}.`;
    if (report.shape === 'mapped' && form) throw new NeedsMapping(message, form);
    throw new UserError(message, 'text');
  }
  return { report, mapping: report.shape === 'mapped' ? form : null };
}

const OUTCOME_TEXT: Record<ReportRow['outcome'], string> = {
  paid: 'Paid',
  declined: 'Declined',
  pending: 'Pending',
  fee: 'DD company fee',
  ignored: 'Other',
};

export function planReconcile(
  tx: LedgerTx,
  req: ReconcileRequest,
  today: IsoDate,
  ddReportCells: CellValue[][] | null,
): ReconcilePlan {
  const settings = readSettings(tx.table('settings'), today, tx.port.timeZone());
  const { report, mapping } = readReport(tx, req, settings.reportDayFirst, ddReportCells);
  const clients = readClients(tx.table('clients'));
  const invoices = readInvoices(tx.table('invoices'));
  const working = new Map<string, Invoice>(invoices.map((i) => [i.id, { ...i }]));
  // Each row looks only at its client's invoices: a 20,000-row report must not scan the ledger per row.
  const workingByClient = new Map<string, Invoice[]>();
  for (const inv of working.values()) {
    const list = workingByClient.get(inv.clientId);
    if (list) list.push(inv);
    else workingByClient.set(inv.clientId, [inv]);
  }
  const changed = new Set<string>();
  const batchIds = new Set(invoices.map((i) => i.batchId).filter(Boolean));
  const batchDates = new Map<string, IsoDate>();
  const props = batchIds.size ? tx.port.getProperties() : {};
  for (const b of batchIds) {
    const rec = readBatch((k) => props[k] ?? null, b);
    if (rec) batchDates.set(b, rec.billingDate);
  }
  const ledgerInvoices: LedgerInvoice[] = invoices.map((i) => ({
    id: i.id,
    clientId: i.clientId,
    dueDate: i.dueDate,
    amount: i.amount,
    paid: i.paid,
    status: i.status,
    batchId: i.batchId,
    sentAmount: i.sentAmount ?? null,
  }));
  const idx = new LedgerIndex({ invoices: ledgerInvoices, clients, batchDates });
  const names = new Map(clients.map((c) => [c.id, c.name]));
  // What each batch recorded on each invoice (Mark processed, Mark list paid, their reversals).
  const byBatchInvoice = new Map<string, number>();
  for (const p of readPayments(tx.table('payments'))) {
    const ref = p.reference.split(' ')[0] ?? '';
    if (!p.invoiceId || !ref) continue;
    const k = `${ref}|${p.invoiceId}`;
    byBatchInvoice.set(k, (byBatchInvoice.get(k) ?? 0) + p.amount);
  }
  const reconciled = tx.table('reconciled');
  const keyCol = reconciled.columns.get('Key')!;
  const applied = new Set(reconciled.rows.map((r) => String(r.cells[keyCol] ?? '').trim()));

  const plan: ReconcilePlan = {
    shape: report.shape,
    signature: headerSignature(report.headers),
    rows: [],
    totals: totalsOf([]),
    invoices: [],
    payments: [],
    fees: [],
    feeOfRow: new Map(),
    mapping,
  };
  const seen = new Set<string>();
  const repeats = new Map<string, number>();

  for (const row of report.rows) {
    let key = reportRowKey(report.shape, row);
    // Without a payment ID two genuine, identical debits on one day hash alike: number the repeats.
    if (!row.paymentId) {
      const n = (repeats.get(key) ?? 0) + 1;
      repeats.set(key, n);
      if (n > 1) key = `${key}#${n}`;
    }
    const base: ReconciledRow = {
      reportRow: row.rowNumber,
      key,
      date: row.date,
      reference: row.references.join(' '),
      name: row.clientName ?? '',
      amount: row.amount,
      reportStatus: OUTCOME_TEXT[row.outcome] + (row.reason ? `: ${row.reason}` : ''),
      outcome: 'Unmatched',
      clientId: '',
      invoiceIds: [],
      note: '',
    };
    const out = (o: Partial<ReconciledRow>) => plan.rows.push({ ...base, ...o });
    if (applied.has(key) || seen.has(key)) {
      out({
        outcome: 'Already applied',
        note: seen.has(key) ? 'The same row appears twice in this report' : 'Applied from an earlier report',
      });
      continue;
    }
    seen.add(key);
    if (row.outcome === 'pending') {
      out({ outcome: 'Pending: no change', note: 'Waiting on the bank; reconcile a later report' });
      continue;
    }
    if (row.outcome === 'fee' || row.outcome === 'ignored') {
      out({
        outcome: 'Ignored',
        note:
          row.outcome === 'fee'
            ? "The DD company's own fee: not a client payment"
            : 'Not a payment or a decline',
      });
      continue;
    }
    let found = identify(row, idx);
    const confirmed = req.confirm?.[String(row.rowNumber)];
    if (confirmed) {
      const c = clients.find((x) => x.id.toLowerCase() === confirmed.trim().toLowerCase());
      if (!c)
        throw new UserError(`Report row ${row.rowNumber}: no client ${confirmed} to confirm.`, 'confirm');
      found = {
        clientId: c.id,
        how: 'name and amount',
        certain: true,
        invoiceIds: [],
        batchId: idx.nearestBatch(c.id, row.date),
      };
    }
    if (!found) {
      out({
        outcome: 'Unmatched',
        note: 'No invoice, client ID or DD reference matches, nor a client by name and amount',
      });
      continue;
    }
    if ('candidates' in found) {
      out({
        outcome: 'Unmatched',
        note: `Same name as ${found.candidates.map((c) => `${c.name} (${c.id})`).join(', ')}, but no batch of that amount near ${row.date}`,
      });
      continue;
    }
    const clientId = found.clientId;
    if (!found.certain) {
      out({
        outcome: 'To confirm',
        clientId,
        note: `Looks like ${names.get(clientId) ?? clientId} (${clientId}) by name and amount: confirm to apply`,
      });
      continue;
    }
    const batchId = found.batchId ?? (found.invoiceIds.length ? null : idx.nearestBatch(clientId, row.date));
    const theirs = workingByClient.get(clientId) ?? [];
    const targets = (
      found.invoiceIds.length
        ? found.invoiceIds.map((id) => working.get(id)!)
        : batchId
          ? theirs.filter((i) => i.batchId === batchId)
          : row.outcome === 'paid'
            ? // A payment settles what is owed, oldest first, up to the debit date.
              theirs.filter(
                (i) =>
                  (i.status === 'Open' ||
                    i.status === 'Part paid' ||
                    i.status === 'Declined' ||
                    i.status === 'Sent') &&
                  compareDates(i.dueDate, addDays(row.date, BATCH_WINDOW_DAYS)) <= 0,
              )
            : debitOfDate(theirs, row.date, row.amount)
    ).sort(oldestFirst);
    // What this batch has already recorded for these invoices (Mark batch processed, Mark list paid).
    const recordedBy = (inv: Invoice) => (batchId ? (byBatchInvoice.get(`${batchId}|${inv.id}`) ?? 0) : 0);
    const how = `Matched by ${found.how}${batchId ? ` to ${batchId}` : ''}`;

    if (row.outcome === 'paid') {
      const recorded = targets.reduce((a, i) => a + recordedBy(i), 0);
      if (batchId && recorded >= row.amount) {
        out({
          outcome: 'Already paid',
          clientId,
          invoiceIds: targets.map((i) => i.id),
          note: `${how}; ${formatMoney(recorded)} of this debit is recorded already (Mark batch processed or Mark list paid)`,
        });
        continue;
      }
      const owing = targets.filter(
        (i) => i.status !== 'Paid' && i.status !== 'Cancelled' && i.amount - i.paid > 0,
      );
      if (!owing.length && targets.length) {
        out({
          outcome: 'Already paid',
          clientId,
          invoiceIds: targets.map((i) => i.id),
          note: `${how}; these invoices are paid already (marked paid or processed)`,
        });
        continue;
      }
      let left = row.amount - Math.max(0, recorded);
      const touched: string[] = [];
      // More than this debit's invoices owe: it settles the client's other open invoices next (oldest
      // first), so the money is not debited again; only what is still left is kept as a credit.
      const others = theirs
        .filter(
          (i) =>
            !owing.includes(i) &&
            (i.status === 'Open' || i.status === 'Part paid' || i.status === 'Declined') &&
            i.amount - i.paid > 0,
        )
        .sort(oldestFirst);
      const mainCount = owing.length;
      for (const inv of [...owing, ...others]) {
        if (left <= 0) break;
        const take = Math.min(inv.amount - inv.paid, left);
        left -= take;
        inv.paid += take;
        inv.status = statusAfterPayment(inv.amount, inv.paid);
        changed.add(inv.id);
        touched.push(inv.id);
        plan.payments.push({
          id: tx.ids.next('payment'),
          date: row.date,
          clientId,
          invoiceId: inv.id,
          amount: take,
          method: 'DD report',
          reference: key,
        });
      }
      if (left > 0)
        plan.payments.push({
          id: tx.ids.next('payment'),
          date: row.date,
          clientId,
          invoiceId: '',
          amount: left,
          method: 'Credit',
          reference: key,
        });
      const main = touched.slice(0, mainCount);
      const ahead = touched.slice(mainCount);
      const allPaid = main.every((id) => working.get(id)!.status === 'Paid');
      out({
        outcome: !touched.length ? 'Credit' : allPaid ? 'Paid' : 'Part paid',
        clientId,
        invoiceIds: touched,
        note:
          how +
          (ahead.length ? `; the rest paid ${ahead.join(' ')}` : '') +
          (left > 0 ? `; ${formatMoney(left)} more than owed, kept as a credit on the Payments tab` : ''),
      });
      continue;
    }

    // Declined: the invoices are due again, what this debit paid is reversed, and the fee added.
    const reason = row.reason ?? 'Declined';
    const hit = targets.filter(
      (i) =>
        i.status !== 'Cancelled' &&
        (i.status === 'Sent' || i.paid > 0 || i.status === 'Open' || i.status === 'Part paid'),
    );
    if (!hit.length) {
      out({
        outcome: targets.length ? 'Already applied' : 'Unmatched',
        clientId,
        note: targets.length ? `${how}; declined already` : `${how}; no invoice of this client to decline`,
      });
      continue;
    }
    let left = row.amount;
    for (const inv of hit) {
      const paidByDebit = batchId ? recordedBy(inv) : inv.paid;
      const reverse = inv.status === 'Sent' ? 0 : Math.max(0, Math.min(paidByDebit, inv.paid, left));
      left -= inv.status === 'Sent' ? Math.min(inv.sentAmount ?? inv.amount - inv.paid, left) : reverse;
      if (reverse > 0)
        plan.payments.push({
          id: tx.ids.next('payment'),
          date: row.date,
          clientId,
          invoiceId: inv.id,
          amount: -reverse,
          method: 'Decline',
          reference: `${key} declined: ${reason}`,
        });
      inv.paid -= reverse;
      inv.status = 'Declined';
      inv.declineReason = reason;
      changed.add(inv.id);
    }
    let feeNote = '';
    if (settings.dishonourFee) {
      const fee: Invoice = {
        id: tx.ids.next('invoice'),
        saleId: '',
        clientId,
        description: `Dishonour fee: debit of ${row.date} declined (${reason})`,
        instalment: null,
        dueDate: row.date,
        amount: settings.dishonourFee,
        paid: 0,
        status: 'Open',
        batchId: '',
        created: today,
      };
      plan.fees.push(fee);
      plan.feeOfRow.set(row.rowNumber, fee.id);
      feeNote = `; dishonour fee ${fee.id} ${formatMoney(fee.amount)}`;
    }
    out({
      outcome: 'Declined',
      clientId,
      invoiceIds: hit.map((i) => i.id),
      note: `${how}: ${reason}${feeNote}`,
    });
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
  plan.invoices = [...changed].map((id) => working.get(id)!);
  return plan;
}

/**
 * The invoices a debit with no batch was for: those due nearest on or before the debit date (a few days'
 * grace for reversals dated after the debit), newest first until they cover its amount. Never an older
 * invoice a later successful debit paid.
 */
function debitOfDate(theirs: readonly Invoice[], date: IsoDate, amount: number): Invoice[] {
  const latest = addDays(date, 3);
  const earliest = addDays(date, -BATCH_WINDOW_DAYS);
  const near = theirs
    .filter(
      (i) =>
        i.status !== 'Cancelled' &&
        compareDates(i.dueDate, latest) <= 0 &&
        compareDates(i.dueDate, earliest) >= 0,
    )
    .sort((a, b) => -oldestFirst(a, b));
  const out: Invoice[] = [];
  let cover = 0;
  for (const inv of near) {
    if (cover >= amount) break;
    out.push(inv);
    cover += inv.amount;
  }
  return out;
}

const APPLIES: ReadonlySet<string> = new Set(['Paid', 'Part paid', 'Credit', 'Declined']);

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
  for (const inv of plan.invoices) tx.update('invoices', inv.row!, invoiceCells(inv));
  for (const fee of plan.fees) tx.append('invoices', invoiceCells(fee));
  for (const p of plan.payments) tx.append('payments', paymentCells(p));
  for (const r of plan.rows) if (APPLIES.has(r.outcome)) tx.append('reconciled', reconciledCells(r, today));
  return notice;
}
