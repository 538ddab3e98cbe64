// Daily upkeep: roll recurring packages forward to today (their invoices and sessions land on their own
// dates even when nobody runs Process Billing), set Paused/Active from the holds, spend each client's
// credit on what is due by today, and rewrite the Outstanding and Balances tabs. Running it twice on a
// day changes nothing the second time.
import type { IsoDate } from '../../core/calendar';
import { encode } from '../cells';
import type { LedgerTx } from '../ledgerTx';
import type { Allocation, Invoice, Sale } from '../records';
import { allocationCells } from '../tabs/allocations';
import { invoiceCells } from '../tabs/invoices';
import { lifeOf, readSaleLives } from '../tabs/saleLifecycle';
import { planRecurringRoll } from './billingRun';
import { statusForHolds } from './pauseSale';
import { merged, planReports, readLedger, REPORT_TABS, type Reports } from './reports';
import { planCreditSpend, settled, writeCreditSpend, type CreditSpend } from './spendCredit';

export const UPKEEP_TABS = REPORT_TABS;

export interface UpkeepPlan {
  today: IsoDate;
  newInvoices: Invoice[];
  newAllocations: Allocation[];
  statusChanges: { sale: Sale; from: string; to: string }[];
  /** Credit spent on the invoices due by today (recurring ones rolled now included). */
  credit: CreditSpend;
  reports: Reports;
}

export function planUpkeep(tx: LedgerTx, today: IsoDate): UpkeepPlan {
  const ledger = readLedger(tx);
  const rolled = planRecurringRoll(tx, today, today, ledger.invoices);
  const lives = readSaleLives(tx.table('sales'));
  const statusChanges: UpkeepPlan['statusChanges'] = [];
  for (const sale of ledger.sales) {
    if (sale.status !== 'Active' && sale.status !== 'Paused') continue;
    const { holds } = lifeOf(lives, sale);
    if (!holds.length) continue;
    const to = statusForHolds(holds, today);
    if (to !== sale.status) statusChanges.push({ sale: { ...sale, status: to }, from: sale.status, to });
  }
  const credit = planCreditSpend(tx, {
    date: today,
    invoices: [...ledger.invoices, ...rolled.invoices],
    payments: ledger.payments,
  });
  const newInvoices = settled(rolled.invoices, credit);
  const after = {
    ...ledger,
    sales: merged(
      ledger.sales,
      statusChanges.map((c) => c.sale),
    ),
    invoices: merged(ledger.invoices, credit.invoices, newInvoices),
    allocations: merged(ledger.allocations, [], rolled.allocations),
    payments: [...ledger.payments, ...credit.payments],
  };
  return {
    today,
    newInvoices,
    newAllocations: rolled.allocations,
    statusChanges,
    credit,
    reports: planReports(after, today),
  };
}

export function writeUpkeep(tx: LedgerTx, plan: UpkeepPlan): void {
  writeCreditSpend(tx, plan.credit);
  for (const i of plan.newInvoices) tx.append('invoices', invoiceCells(i));
  for (const a of plan.newAllocations) tx.append('allocations', allocationCells(a));
  for (const c of plan.statusChanges) tx.update('sales', c.sale.row!, { Status: encode.text(c.to) });
}
