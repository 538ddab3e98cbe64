// Record payment and Record sessions change one client's records, so the Outstanding and Balances tabs
// (rewritten whole by the upkeep and the Outstanding refresh, as of a day) get only that client's rows
// worked out again; every other row is kept as the tab holds it. Both tabs are read whole: they grow with
// clients, not with history. A tab not exactly as the add-in last wrote it for today (another As Of date, an
// older layout, a cell changed by hand, a missing tab), or one written before the last commit (another
// action may have changed other clients' rows since), is rebuilt from the whole ledger, as before.
import type { IsoDate } from '../../core/calendar';
import { largestDebtFirst } from '../../core/lifecycle/outstanding';
import type { LedgerTx } from '../ledgerTx';
import type { Client } from '../records';
import { TABS } from '../schema';
import { readBalancesTab, type BalanceRow } from '../tabs/balances';
import { readOutstandingTab, type OutstandingReport } from '../tabs/outstanding';
import { planReports, REPORTS_STAMP_KEY, type Ledger, type Reports } from './reports';

/** The records of one client: what that client's report rows are made of. */
export function ledgerOf(ledger: Ledger, client: Client): Ledger {
  const id = client.id;
  const saleIds = new Set(ledger.sales.filter((s) => s.clientId === id).map((s) => s.id));
  const mine = <T extends { clientId: string }>(list: readonly T[]) => list.filter((x) => x.clientId === id);
  const invoices = mine(ledger.invoices);
  // An invoice is paid by every Payments row naming it, whoever's Client ID the row holds (a hand-kept
  // row may have none): a rebuild counts them all (paidByInvoice), so they are the client's here too.
  const invoiceIds = new Set(invoices.map((i) => i.id));
  return {
    clients: [client],
    // Another client's sale under the same Sale ID stays in: which of the two owns the ID is decided
    // among all of them, as the whole report does (see balances()).
    sales: ledger.sales.filter((s) => saleIds.has(s.id)),
    invoices,
    allocations: mine(ledger.allocations),
    attendance: mine(ledger.attendance),
    payments: ledger.payments.filter(
      (p) => p.clientId === id || (!!p.invoiceId && invoiceIds.has(p.invoiceId)),
    ),
  };
}

/** The client's rows put where balanceRows sorts them: by name, then Client ID, each client's rows together. */
function withClientRows(
  rows: readonly BalanceRow[],
  clientId: string,
  mine: readonly BalanceRow[],
): BalanceRow[] {
  const others = rows.filter((r) => r.clientId !== clientId);
  const first = mine[0];
  if (!first) return others;
  const at = others.findIndex(
    (r) => (r.name.localeCompare(first.name) || r.clientId.localeCompare(first.clientId)) > 0,
  );
  const i = at < 0 ? others.length : at;
  return [...others.slice(0, i), ...mine, ...others.slice(i)];
}

/** Both report tabs as the add-in wrote them for today, read back; null when either is not. */
export interface CurrentReports {
  outstanding: OutstandingReport;
  balances: BalanceRow[];
}

/**
 * Reads the Outstanding and Balances tabs whole (they grow with clients, not history), when they were
 * written by the last commit: any action since (a sale, billing, a reconcile) may have changed other
 * clients' rows, and then both are rebuilt from the ledger instead.
 */
export function currentReports(tx: LedgerTx, today: IsoDate): CurrentReports | null {
  if (tx.storedProperties()[REPORTS_STAMP_KEY] !== String(tx.ledgerStamp())) return null;
  const names = [TABS.outstanding.name, TABS.balances.name];
  const tabs = tx.port.readTabs(names);
  const outstanding = readOutstandingTab(tabs[names[0]!]?.values ?? null);
  const balances = readBalancesTab(tabs[names[1]!]?.values ?? null);
  if (!outstanding || !balances || outstanding.asOf !== today || balances.asOf !== today) return null;
  return { outstanding, balances: balances.rows };
}

/**
 * The reports as of `today` after an action that changed only `client`'s records (`ledger` as it now
 * stands). With the tabs current, only the client's rows are worked out from it (it may hold only the
 * client's Allocations and Attendance: readClientLedger); without, everything is (a whole ledger).
 */
export function clientReports(
  current: CurrentReports | null,
  ledger: Ledger,
  client: Client,
  today: IsoDate,
): Reports {
  if (!current) return planReports(ledger, today);
  const mine = planReports(ledgerOf(ledger, client), today);
  const owing = [
    ...current.outstanding.clients.filter((c) => c.clientId !== client.id),
    ...mine.outstanding.clients.filter((c) => c.clientId === client.id),
  ].sort(largestDebtFirst);
  const rows = mine.balances.filter((r) => r.clientId === client.id);
  return {
    asOf: today,
    outstanding: { asOf: today, clients: owing, total: owing.reduce((s, c) => s + c.owed, 0) },
    balances: withClientRows(current.balances, client.id, rows),
  };
}
