// The ledger as the lifecycle actions see it (every tab the reports need, read once), and the two
// regenerated report tabs, Outstanding and Balances, planned from it after an action's changes.
import type { IsoDate } from '../../core/calendar';
import { formatMoney } from '../../core/money';
import type { LedgerTx } from '../ledgerTx';
import type { Allocation, Client, Invoice, Payment, Sale } from '../records';
import { readAllocations } from '../tabs/allocations';
import { readAttendance, type Attendance } from '../tabs/attendance';
import { renderBalances, type BalanceRow } from '../tabs/balances';
import { readClients } from '../tabs/clients';
import { readInvoices } from '../tabs/invoices';
import { renderOutstanding, type OutstandingReport } from '../tabs/outstanding';
import { readPayments } from '../tabs/payments';
import { withShownStatus } from '../tabs/saleLifecycle';
import { readSales } from '../tabs/sales';
import { balanceRows } from './balances';
import { outstandingReport } from './outstanding';

export const REPORT_TABS = ['clients', 'sales', 'invoices', 'allocations', 'attendance', 'payments'] as const;

export interface Ledger {
  clients: Client[];
  sales: Sale[];
  invoices: Invoice[];
  allocations: Allocation[];
  attendance: Attendance[];
  payments: Payment[];
}

/**
 * Every tab the reports need, read once. With `today`, each sale's Status is the one its holds give on that
 * day (withShownStatus), so a stale "Paused" is never shown or acted on after its hold; without it, the
 * Status cells as stored (the upkeep, which rewrites them, reads them so).
 */
export function readLedger(tx: LedgerTx, today?: IsoDate): Ledger {
  const sales = readSales(tx.table('sales'));
  return {
    clients: readClients(tx.table('clients')),
    sales: today ? withShownStatus(sales, tx.table('sales'), today) : sales,
    invoices: readInvoices(tx.table('invoices')),
    allocations: readAllocations(tx.table('allocations')),
    attendance: readAttendance(tx.table('attendance')),
    payments: readPayments(tx.table('payments')),
  };
}

/** A list with changed rows put in place (matched by sheet row) and new rows added at the end. */
export function merged<T extends { readonly row?: number }>(
  list: readonly T[],
  changed: readonly T[],
  added: readonly T[] = [],
): T[] {
  const byRow = new Map(changed.filter((c) => c.row !== undefined).map((c) => [c.row!, c]));
  return [...list.map((x) => (x.row !== undefined ? (byRow.get(x.row) ?? x) : x)), ...added];
}

export interface Reports {
  outstanding: OutstandingReport;
  balances: BalanceRow[];
  asOf: IsoDate;
}

/** `today` decides whether debits still Sent are left out (only for today or later: see outstanding.ts). */
export function planReports(ledger: Ledger, asOf: IsoDate, today: IsoDate = asOf): Reports {
  return {
    asOf,
    outstanding: outstandingReport(ledger.clients, ledger.invoices, ledger.payments, asOf, today),
    balances: balanceRows(ledger, asOf),
  };
}

/** Document property: the commit stamp the report tabs were last written with (see clientReports). */
export const REPORTS_STAMP_KEY = 'studioLedger.reportsStamp';

export function writeReports(tx: LedgerTx, r: Reports, refreshed: string): void {
  tx.rewrite('outstanding', renderOutstanding(r.outstanding, refreshed));
  tx.rewrite('balances', renderBalances(r.asOf, r.balances, refreshed));
  tx.setProperty(REPORTS_STAMP_KEY, String(tx.commitStamp()));
}

export function reportsSummary(r: Reports): string {
  const n = r.outstanding.clients.length;
  return `Outstanding on ${r.asOf}: ${n} client${n === 1 ? ' owes' : 's owe'} ${formatMoney(r.outstanding.total)}`;
}
