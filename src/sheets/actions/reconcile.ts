// Reconcile a DD report: read it and the ledger (checked first), match every row to a client and its
// debit, let core say what the row is (a receipt, a decline of a debit, a reversal, something to check),
// and write. Preview writes only the Reconciliation tab; apply writes the invoices, payments, fees and the
// Reconciled keys that make a second apply change nothing.
import type { IsoDate } from '../../core/calendar';
import { batchOfPayment } from '../../core/ledger/debitStory';
import { isRefusal } from '../../core/ledger/invoiceState';
import { formatMoney } from '../../core/money';
import {
  appliedKeys,
  datedByDebit,
  declineDateOf,
  declineRuleOf,
  identify,
  keyRows,
  LedgerIndex,
  planReportReceipt,
  providerRefOf,
  routeDecline,
  rowKind,
  standingReceipts,
  REPORT_METHOD,
  type Identified,
  type LedgerInvoice,
} from '../../core/reconcile';
import { errorsByRow, headerSignature, type MappingForm, type ReportRow } from '../../core/reports';
import { readBatch } from '../batches';
import { UserError } from '../errors';
import { assertLedgerSound } from '../integrity';
import type { LedgerTx } from '../ledgerTx';
import type { CellValue } from '../port';
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
import {
  openDeclineLedger,
  putInvoice,
  putPayment,
  writeDeclineLedger,
  type DeclineLedger,
} from './declineLedger';
import { recordReportDecline } from './reconcileDecline';
import { announcedFees, noteChangedFees } from './reconcilePreview';
import { readReport, type ReconcileRequest } from './reconcileReport';

export const RECONCILE_TABS = [
  'settings',
  'clients',
  'invoices',
  'payments',
  'reconciled',
  'reconciliation',
] as const;

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

/** Payments by Provider Ref, kept current as rows are planned (a later row may take back an earlier one). */
class ByProviderRef {
  private readonly map = new Map<string, Payment[]>();
  constructor(payments: readonly Payment[]) {
    this.add(payments);
  }
  add(payments: readonly Payment[]): void {
    for (const p of payments) {
      if (!p.providerRef) continue;
      const list = this.map.get(p.providerRef);
      if (list) list.push(p);
      else this.map.set(p.providerRef, [p]);
    }
  }
  get(ref: string): readonly Payment[] {
    return this.map.get(ref) ?? [];
  }
}

function ledgerIndex(
  tx: LedgerTx,
  invoices: readonly Invoice[],
  payments: readonly Payment[],
  clients: LedgerIndex['ledger']['clients'],
): LedgerIndex {
  const debits = payments
    .map((p) => ({ clientId: p.clientId, batchId: batchOfPayment(p), date: p.date }))
    .filter((d) => d.batchId);
  const batchIds = new Set(
    [...invoices.map((i) => i.batchId), ...debits.map((d) => d.batchId)].filter(Boolean),
  );
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
  return new LedgerIndex({ invoices: ledgerInvoices, clients, batchDates, debits });
}

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
  const payments = readPayments(tx.table('payments'));
  assertLedgerSound({ clients, invoices, payments });
  const ledger = openDeclineLedger(settings, clients, invoices, payments);
  const idx = ledgerIndex(tx, invoices, payments, clients);
  const byRef = new ByProviderRef(payments);
  const names = new Map(clients.map((c) => [c.id, c.name]));
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
  const paymentsOf = (clientId: string) => ledger.paymentsOf.get(clientId) ?? [];

  report.rows.forEach((row, n) => {
    const { key, reference } = keyed[n]!;
    const kind = rowKind(row);
    const base: ReconciledRow = {
      reportRow: row.rowNumber,
      key,
      date: row.date,
      reference: row.references.join(' '),
      name: row.clientName ?? '',
      amount: row.amount,
      reportStatus:
        OUTCOME_TEXT[row.outcome] +
        (row.negative ? ' (negative amount)' : '') +
        (row.reason ? `: ${row.reason}` : ''),
      outcome: 'Unmatched',
      clientId: '',
      invoiceIds: [],
      note: '',
    };
    const out = (o: Partial<ReconciledRow>, record = false) => {
      const r = { ...base, ...o };
      plan.rows.push(r);
      if (record) plan.recorded.push(r);
      return r;
    };
    if (applied.has(key) || seen.has(key)) {
      out({
        outcome: 'Already applied',
        note: seen.has(key) ? 'The same row appears twice in this report' : 'Applied from an earlier report',
      });
      return;
    }
    seen.add(key);
    if (kind === 'pending') {
      out({ outcome: 'Pending: no change', note: 'Waiting on the bank; reconcile a later report' });
      return;
    }
    if (kind === 'fee' || kind === 'ignored') {
      out({
        outcome: 'Ignored',
        note:
          kind === 'fee' ? "The DD company's own fee: not a client payment" : 'Not a payment or a decline',
      });
      return;
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
    if (found && !('candidates' in found) && !found.certain) {
      out({
        outcome: 'To confirm',
        clientId: found.clientId,
        note: `Looks like ${names.get(found.clientId) ?? found.clientId} (${found.clientId}) by name and amount: confirm to apply`,
      });
      return;
    }
    const sure: Identified | null = found && !('candidates' in found) ? found : null;
    const unmatchedNote =
      found && 'candidates' in found
        ? `Same name as ${found.candidates.map((c) => `${c.name} (${c.id})`).join(', ')}, but no batch of that amount near ${row.date}`
        : 'No invoice, client ID or DD reference matches, nor a client by name and amount';
    const batchId = sure
      ? (sure.batchId ?? (sure.invoiceIds.length ? null : idx.nearestBatch(sure.clientId, row.date)))
      : null;
    const providerRef = providerRefOf(shape, row, batchId);
    const how = (by: string, batch: string | null) => `Matched by ${by}${batch ? ` to ${batch}` : ''}`;

    if (kind === 'paid') {
      if (!sure) {
        out({ outcome: 'Unmatched', note: unmatchedNote });
        return;
      }
      const clientId = sure.clientId;
      const matched = how(sure.how, batchId);
      const receipt = planReportReceipt(
        {
          clientId,
          date: row.date,
          amount: row.amount,
          batchId,
          named: sure.invoiceIds,
          reference,
          providerRef,
        },
        ledger.invoicesOf.get(clientId) ?? [],
        paymentsOf(clientId),
      );
      if (receipt.already) {
        out({
          outcome: 'Already paid',
          clientId,
          invoiceIds: receipt.invoiceIds,
          note: receipt.recorded
            ? `${matched}; ${formatMoney(receipt.recorded)} of this debit is recorded already (Mark batch processed or Mark list paid)`
            : `${matched}; these invoices are paid already (marked paid or processed)`,
        });
        return;
      }
      const before = new Map((ledger.invoicesOf.get(clientId) ?? []).map((i) => [i.id, i]));
      for (const inv of receipt.invoices) putInvoice(ledger, { ...inv, row: before.get(inv.id)?.row });
      const rows = receipt.rows.map((d) => ({ ...d, id: tx.ids.next('payment') }));
      for (const p of rows) putPayment(ledger, p);
      byRef.add(rows);
      const paidIds = [...receipt.debitInvoices, ...receipt.ahead];
      out(
        {
          outcome: !paidIds.length ? 'Credit' : receipt.debitPaid ? 'Paid' : 'Part paid',
          clientId,
          invoiceIds: paidIds,
          note:
            matched +
            (receipt.ahead.length ? `; the rest paid ${receipt.ahead.join(' ')}` : '') +
            (receipt.credit > 0
              ? `; ${formatMoney(receipt.credit)} more than owed, kept as a credit on the Payments tab`
              : ''),
        },
        true,
      );
      return;
    }

    // Declined, or a negative amount: which debit's story it joins.
    const clientId = sure?.clientId ?? null;
    const route = routeDecline({
      kind: kind === 'reversal' ? 'reversal' : 'declined',
      providerRef,
      byRef: providerRef
        ? standingReceipts(byRef.get(providerRef), paymentsOf)
        : { standing: [], found: false },
      clientId,
      batchId,
      date: row.date,
      amount: row.amount,
      datedByDebit: datedByDebit(shape),
      clientReceipts: () =>
        clientId
          ? standingReceipts(
              paymentsOf(clientId).filter((p) => p.method === REPORT_METHOD),
              paymentsOf,
            ).standing
          : [],
      clientInvoices: () => (clientId ? (ledger.invoicesOf.get(clientId) ?? []) : []),
    });
    if (route.via === 'unmatched') {
      out({ outcome: 'Unmatched', note: unmatchedNote });
      return;
    }
    if (route.via === 'check') {
      out({ outcome: 'To check', clientId: route.clientId, note: route.note });
      return;
    }
    if (route.via === 'already') {
      out({ outcome: 'Already applied', clientId: route.clientId, note: route.note }, true);
      return;
    }
    const byReceipt = route.receipt !== null && !!providerRef;
    const matched = byReceipt
      ? how(`Provider Ref ${providerRef}`, route.via === 'debit' ? route.batchId : null)
      : how(sure?.how ?? 'reference', route.via === 'debit' ? route.batchId : null);
    const r = recordReportDecline(tx, ledger, {
      route,
      date: declineDateOf(shape, row, today),
      rule: declineRuleOf(shape, row),
      providerRef: route.via === 'debit' ? providerRefOf(shape, row, route.batchId) : providerRef,
      debitKey: reference,
      note: row.reason ?? '',
    });
    if (isRefusal(r)) {
      out({ outcome: 'To check', clientId: route.clientId, note: `${matched}; ${r.message}` });
      return;
    }
    byRef.add(r.rows);
    const then = [
      r.held.length ? `held for a person: ${r.held.join(' ')}` : '',
      r.clientStatus ? `client now ${r.clientStatus}` : '',
    ].filter(Boolean);
    if (r.already) {
      out(
        {
          outcome: 'Already applied',
          clientId: route.clientId,
          invoiceIds: r.invoiceIds,
          note:
            `${matched}; this debit was declined already (${r.reason}): no money moves, no second fee` +
            (r.changed ? "; the bank's reason replaces the one entered by hand" : '') +
            (then.length ? `; ${then.join('; ')}` : ''),
        },
        true,
      );
      return;
    }
    if (r.fee) plan.feeOfRow.set(row.rowNumber, r.fee.id);
    out(
      {
        outcome: 'Declined',
        clientId: route.clientId,
        invoiceIds: r.invoiceIds,
        note:
          `${matched}: ${r.reason}` +
          (r.fee ? `; dishonour fee ${r.fee.id} ${formatMoney(r.fee.amount)}` : '') +
          (then.length ? `; ${then.join('; ')}` : ''),
      },
      true,
    );
  });

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
