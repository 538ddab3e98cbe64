// Balances per client and package, named for people: the Balances tab and the Record sessions sidebar.
// A client's unspent credit (from their Payments rows dated by then) sits on their other-charges row.
import type { IsoDate } from '../../core/calendar';
import { balances } from '../../core/lifecycle/balances';
import { creditByClient } from '../../core/lifecycle/credit';
import type { Allocation, Client, Invoice, Payment, Sale } from '../records';
import type { Attendance } from '../tabs/attendance';
import type { BalanceRow } from '../tabs/balances';

export function balanceRows(
  input: {
    clients: readonly Client[];
    sales: readonly Sale[];
    invoices: readonly Invoice[];
    allocations: readonly Allocation[];
    attendance: readonly Attendance[];
    /** Without it, no credit is shown. */
    payments?: readonly Payment[];
  },
  asOf: IsoDate,
): BalanceRow[] {
  const names = new Map(input.clients.map((c) => [c.id, c.name]));
  const sales = new Map<string, Sale>();
  for (const s of input.sales) if (!sales.has(s.id)) sales.set(s.id, s);
  const credit = creditByClient(input.payments ?? [], asOf);
  const rows = balances(input, asOf, credit).map((b): BalanceRow => {
    const sale = b.saleId ? sales.get(b.saleId) : undefined;
    return {
      ...b,
      name: names.get(b.clientId) ?? 'Not on the Clients tab',
      packageName: sale ? sale.packageName : 'Other charges',
      status: sale?.status ?? '',
    };
  });
  // People look clients up by name; each client's packages stay oldest first.
  const order = new Map<string, number>();
  rows.forEach((r, i) => order.set(r.clientId, order.get(r.clientId) ?? i));
  return rows
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) =>
        a.r.name.localeCompare(b.r.name) ||
        a.r.clientId.localeCompare(b.r.clientId) ||
        order.get(a.r.clientId)! - order.get(b.r.clientId)! ||
        a.i - b.i,
    )
    .map((x) => x.r);
}
