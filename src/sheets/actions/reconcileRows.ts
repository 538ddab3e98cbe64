// What one matched report row does to the ledger, and the Reconciliation row that says so: a payment is
// a receipt (core planReportReceipt); a decline, or a negative amount, joins the story core routeDecline
// names. Changes go into the action's working ledger; IDs come from the action.
import type { IsoDate } from '../../core/calendar';
import { isRefusal } from '../../core/ledger/invoiceState';
import { formatMoney } from '../../core/money';
import {
  datedByDebit,
  declineDateOf,
  declineRuleOf,
  planReportReceipt,
  providerRefOf,
  REPORT_METHOD,
  routeDecline,
  standingReceipts,
  type Identified,
} from '../../core/reconcile';
import type { ReportRow, ReportShape } from '../../core/reports';
import type { LedgerTx } from '../ledgerTx';
import type { ReconciledRow } from '../tabs/reconciliation';
import { putInvoice, putPayment, type DeclineLedger } from './declineLedger';
import { recordReportDecline } from './reconcileDecline';
import type { ByProviderRef } from './reconcileMatch';
import type { ReconcileBooks } from './reconcileBooks';

export interface RowContext {
  tx: LedgerTx;
  ledger: DeclineLedger;
  byRef: ByProviderRef;
  /** The ledger's lists by batch: only through it does a row read them by batch. */
  books: ReconcileBooks;
  shape: ReportShape;
  today: IsoDate;
}

export interface RowFacts {
  row: ReportRow;
  /** The row's key's reference: kept on its Payments rows, and standing in for a missing batch. */
  reference: string;
  sure: Identified | null;
  batchId: string | null;
  unmatched: string;
}

export interface RowDone {
  shown: Partial<ReconciledRow>;
  /** Its key is kept on the Reconciled tab: applied, or found to be a debit's story told already. */
  record: boolean;
  /** The dishonour fee it made. */
  fee?: string;
}

const matchedBy = (by: string, batch: string | null) => `Matched by ${by}${batch ? ` to ${batch}` : ''}`;

export function paidRow(c: RowContext, f: RowFacts): RowDone {
  const { row, sure, batchId } = f;
  if (!sure) return { shown: { outcome: 'Unmatched', note: f.unmatched }, record: false };
  const { clientId } = sure;
  const { ledger } = c;
  const matched = matchedBy(sure.how, batchId);
  const receipt = planReportReceipt(
    {
      clientId,
      date: row.date,
      amount: row.amount,
      batchId,
      named: sure.invoiceIds,
      reference: f.reference,
      providerRef: providerRefOf(c.shape, row, batchId),
    },
    ledger.invoicesOf.get(clientId) ?? [],
    ledger.paymentsOf.get(clientId) ?? [],
    c.books.of(clientId),
  );
  if (receipt.already)
    return {
      shown: {
        outcome: 'Already paid',
        clientId,
        invoiceIds: receipt.invoiceIds,
        note: receipt.recorded
          ? `${matched}; ${formatMoney(receipt.recorded)} of this debit is recorded already (Mark batch processed or Mark list paid)`
          : `${matched}; these invoices are paid already (marked paid or processed)`,
      },
      record: false,
    };
  const before = new Map((ledger.invoicesOf.get(clientId) ?? []).map((i) => [i.id, i]));
  for (const inv of receipt.invoices) putInvoice(ledger, { ...inv, row: before.get(inv.id)?.row });
  const rows = receipt.rows.map((d) => ({ ...d, id: c.tx.ids.next('payment') }));
  for (const p of rows) putPayment(ledger, p);
  c.byRef.add(rows);
  const paidIds = [...receipt.debitInvoices, ...receipt.ahead];
  return {
    shown: {
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
    record: true,
  };
}

/** A decline, or a negative amount (`reversal`): which debit's story it joins, and what that changed. */
export function declinedRow(c: RowContext, f: RowFacts, reversal: boolean): RowDone {
  const { row, sure, batchId } = f;
  const { ledger } = c;
  const paymentsOf = (id: string) => ledger.paymentsOf.get(id) ?? [];
  const providerRef = providerRefOf(c.shape, row, batchId);
  const clientId = sure?.clientId ?? null;
  const route = routeDecline({
    kind: reversal ? 'reversal' : 'declined',
    providerRef,
    byRef: providerRef
      ? standingReceipts(c.byRef.get(providerRef), paymentsOf)
      : { standing: [], found: false },
    clientId,
    batchId,
    date: row.date,
    amount: row.amount,
    datedByDebit: datedByDebit(c.shape),
    clientReceipts: () =>
      clientId
        ? standingReceipts(
            paymentsOf(clientId).filter((p) => p.method === REPORT_METHOD),
            paymentsOf,
          ).standing
        : [],
    clientInvoices: () => (clientId ? (ledger.invoicesOf.get(clientId) ?? []) : []),
  });
  if (route.via === 'unmatched') return { shown: { outcome: 'Unmatched', note: f.unmatched }, record: false };
  if (route.via === 'check')
    return { shown: { outcome: 'To check', clientId: route.clientId, note: route.note }, record: false };
  if (route.via === 'already')
    return {
      shown: { outcome: 'Already applied', clientId: route.clientId, note: route.note },
      record: true,
    };

  const batch = route.via === 'debit' ? route.batchId : null;
  const matched =
    route.receipt && providerRef
      ? matchedBy(`Provider Ref ${providerRef}`, batch)
      : matchedBy(sure?.how ?? 'reference', batch);
  const r = recordReportDecline(c.tx, ledger, {
    route,
    date: declineDateOf(c.shape, row, c.today),
    rule: declineRuleOf(c.shape, row),
    providerRef: batch ? providerRefOf(c.shape, row, batch) : providerRef,
    debitKey: f.reference,
    note: row.reason ?? '',
  });
  if (isRefusal(r))
    return {
      shown: { outcome: 'To check', clientId: route.clientId, note: `${matched}; ${r.message}` },
      record: false,
    };
  c.byRef.add(r.rows);
  const then = [
    r.held.length ? `held for a person: ${r.held.join(' ')}` : '',
    r.clientStatus ? `client now ${r.clientStatus}` : '',
  ]
    .filter(Boolean)
    .map((s) => `; ${s}`)
    .join('');
  if (r.already)
    return {
      shown: {
        outcome: 'Already applied',
        clientId: route.clientId,
        invoiceIds: r.invoiceIds,
        note:
          `${matched}; this debit was declined already (${r.reason}): no money moves, no second fee` +
          (r.changed ? "; the bank's reason replaces the one entered by hand" : '') +
          then,
      },
      record: true,
    };
  return {
    shown: {
      outcome: 'Declined',
      clientId: route.clientId,
      invoiceIds: r.invoiceIds,
      note:
        `${matched}: ${r.reason}` +
        (r.fee ? `; dishonour fee ${r.fee.id} ${formatMoney(r.fee.amount)}` : '') +
        then,
    },
    record: true,
    ...(r.fee ? { fee: r.fee.id } : {}),
  };
}
