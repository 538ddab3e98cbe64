// Cancel package: from a date, the sale's invoices falling due on or after it become Cancelled and no more
// sessions are allocated (recurring lots made ahead are withdrawn); what fell due before it stays due.
// An optional cancellation fee is an ad-hoc invoice. Paid-ahead, part-paid and sent invoices are kept and
// listed, for the studio to decide. A recurring lot follows its cycle's invoice: withdrawn with a cancelled
// invoice, kept with a kept one; an instalment or paid-in-full sale's single allocation (made at the sale)
// is withdrawn only when dated on or after the cancellation date.
import { maxDate, type IsoDate } from '../../core/calendar';
import { allocationWithdrawn, cancelOutcome, type CancelOutcome } from '../../core/lifecycle/cancel';
import { cancelInvoice, isRefusal } from '../../core/ledger/invoiceState';
import { formatMoney, type Cents } from '../../core/money';
import { encode } from '../cells';
import { UserError } from '../errors';
import type { LedgerTx } from '../ledgerTx';
import type { Allocation, Invoice, Sale } from '../records';
import { invoiceCells } from '../tabs/invoices';
import { cancelledFromCells, lifeOf, readSaleLives, requireColumn } from '../tabs/saleLifecycle';
import { moneyField, optionalDateField, textField } from './fields';
import { merged, planReports, readLedger, REPORT_TABS, type Ledger, type Reports } from './reports';

export const CANCEL_TABS = REPORT_TABS;

export interface CancelRequest {
  saleId: string;
  /** First day of the cancellation (default today). */
  from?: string;
  /** Optional cancellation fee, e.g. "50" or "$50.00". */
  fee?: string | number;
}

export interface CancelPlan {
  sale: Sale;
  from: IsoDate;
  cancelled: Invoice[];
  kept: { invoice: Invoice; outcome: CancelOutcome }[];
  withdrawn: { allocation: Allocation; sessions: number }[];
  fee: Invoice | null;
  reports: Reports;
}

/** The sale named in a request: by Sale ID, any case. */
export function findSale(ledger: Ledger, saleIdIn: unknown): Sale {
  const saleId = textField(saleIdIn, 'saleId', 'Package sold', { required: true });
  const sale = ledger.sales.find((s) => s.id.toLowerCase() === saleId.toLowerCase());
  if (!sale) throw new UserError(`No sale ${saleId} on the Sales tab.`, 'saleId');
  return sale;
}

export function planCancelSale(tx: LedgerTx, req: CancelRequest, today: IsoDate): CancelPlan {
  const ledger = readLedger(tx, today);
  const salesTable = tx.table('sales');
  const sale = findSale(ledger, req.saleId);
  const life = lifeOf(readSaleLives(salesTable), sale);
  if (sale.status === 'Cancelled')
    throw new UserError(
      `${sale.id} was cancelled already${life.endsOn ? ` from ${life.endsOn}` : ''}.`,
      'saleId',
    );
  if (sale.status === 'Completed')
    throw new UserError(`${sale.id} is Completed: there is nothing left to cancel.`, 'saleId');
  requireColumn(salesTable, 'Cancelled From');
  const from = optionalDateField(req.from, 'from', 'Cancel from') ?? today;

  const cancelled: Invoice[] = [];
  const kept: CancelPlan['kept'] = [];
  /** Recurring: what happens to each cycle's invoice, so its lot of sessions follows it. */
  const cycleOutcomes = new Map<number, CancelOutcome>();
  for (const inv of ledger.invoices) {
    if (inv.saleId !== sale.id) continue;
    const outcome = cancelOutcome(inv, from);
    if (sale.kind === 'Recurring' && inv.instalment !== null) cycleOutcomes.set(inv.instalment, outcome);
    // A debt the studio wrote off stays written off (and on the statement) when the sale ends.
    if (outcome === 'cancel' && inv.status === 'Written off') continue;
    if (outcome === 'cancel') {
      const c = cancelInvoice(inv);
      if (isRefusal(c)) throw new UserError(c.message, 'saleId');
      cancelled.push({ ...inv, ...c });
    } else if (outcome !== 'stays due' && outcome !== 'cancelled already')
      kept.push({ invoice: inv, outcome });
  }
  const withdrawn = ledger.allocations
    .filter(
      (a) =>
        a.saleId === sale.id &&
        a.sessions !== 0 &&
        allocationWithdrawn(a, from, a.cycle === null ? undefined : cycleOutcomes.get(a.cycle)),
    )
    .map((a) => ({ allocation: { ...a, sessions: 0 }, sessions: a.sessions }));

  const feeText = typeof req.fee === 'string' ? req.fee.trim() : req.fee;
  const feeAmount: Cents = feeText === undefined || feeText === '' ? 0 : moneyField(feeText, 'fee', 'Fee');
  // A fee bigger than the sale itself is a typo (an extra zero), not a policy.
  const saleTotal = sale.kind === 'Recurring' ? sale.total * (sale.instalments ?? 26) : sale.total;
  if (feeAmount > saleTotal)
    throw new UserError(
      `Fee: ${formatMoney(feeAmount)} is more than the sale itself (${formatMoney(saleTotal)}).`,
      'fee',
    );
  const fee: Invoice | null =
    feeAmount > 0
      ? {
          id: tx.ids.next('invoice'),
          saleId: sale.id,
          clientId: sale.clientId,
          description: `Cancellation fee: ${sale.packageName} (${sale.id})`,
          instalment: null,
          dueDate: maxDate(from, today),
          amount: feeAmount,
          paid: 0,
          status: 'Open',
          batchId: '',
          created: today,
        }
      : null;

  const updatedSale: Sale = { ...sale, status: 'Cancelled' };
  const after: Ledger = {
    ...ledger,
    sales: merged(ledger.sales, [updatedSale]),
    invoices: merged(ledger.invoices, cancelled, fee ? [fee] : []),
    allocations: merged(
      ledger.allocations,
      withdrawn.map((w) => w.allocation),
    ),
  };
  return {
    sale: updatedSale,
    from,
    cancelled,
    kept,
    withdrawn,
    fee,
    reports: planReports(after, today),
  };
}

export function writeCancelSale(tx: LedgerTx, plan: CancelPlan): void {
  tx.update('sales', plan.sale.row!, { Status: encode.text('Cancelled'), ...cancelledFromCells(plan.from) });
  for (const inv of plan.cancelled) tx.update('invoices', inv.row!, { Status: encode.text('Cancelled') });
  for (const w of plan.withdrawn) tx.update('allocations', w.allocation.row!, { Sessions: encode.int(0) });
  if (plan.fee) tx.append('invoices', invoiceCells(plan.fee));
}

export function cancelSummary(plan: CancelPlan): string {
  const parts = [
    `${plan.sale.id} ${plan.sale.packageName} for ${plan.sale.clientId} cancelled from ${plan.from}`,
    `${plan.cancelled.length} invoice(s) cancelled (${formatMoney(plan.cancelled.reduce((s, i) => s + i.amount, 0))})${plan.cancelled.length ? `: ${plan.cancelled.map((i) => i.id).join(' ')}` : ''}`,
  ];
  if (plan.withdrawn.length)
    parts.push(
      `${plan.withdrawn.reduce((s, w) => s + w.sessions, 0)} session(s) withdrawn: ${plan.withdrawn.map((w) => w.allocation.id).join(' ')}`,
    );
  if (plan.kept.length)
    parts.push(`kept: ${plan.kept.map((k) => `${k.invoice.id} (${k.outcome})`).join(', ')}`);
  if (plan.fee)
    parts.push(`cancellation fee ${plan.fee.id} ${formatMoney(plan.fee.amount)} due ${plan.fee.dueDate}`);
  return parts.join('; ');
}
