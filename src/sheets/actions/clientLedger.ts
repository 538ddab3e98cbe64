// The ledger an action about one client plans from when the report tabs hold today's reports (see
// clientReports): every tab as readLedger decodes it, except Allocations and Attendance, the longest tabs,
// of which only the client's rows are decoded (the rows are still read; what is not decoded is the rest).
// Their other rows are only ever needed to rebuild the Balances tab whole, which this plan does not do.
import type { IsoDate } from '../../core/calendar';
import type { LedgerTx } from '../ledgerTx';
import type { TabKey } from '../schema';
import type { Table } from '../table';
import { readAllocations } from '../tabs/allocations';
import { readAttendance } from '../tabs/attendance';
import { readClients } from '../tabs/clients';
import { readInvoices } from '../tabs/invoices';
import { readPayments } from '../tabs/payments';
import { withShownStatus } from '../tabs/saleLifecycle';
import { readSales } from '../tabs/sales';
import type { Ledger } from './reports';

/**
 * The rows whose Client ID may be the client's (any cell not plain text is kept, so the reader decides
 * and refuses as it would): decoded and then matched exactly, they give the same records as all of them.
 */
function rowsOf(t: Table, clientId: string): Table {
  const col = t.columns.get('Client ID');
  if (col === undefined || !clientId) return t;
  const want = clientId.trim().toLowerCase();
  const rows = t.rows.filter((r) => {
    const v = r.cells[col];
    return typeof v !== 'string' || v.trim().toLowerCase() === want;
  });
  return { ...t, rows };
}

/** `clientIdIn` as typed (findClient's match): its rows of Allocations and Attendance, all of the rest. */
export function readClientLedger(tx: LedgerTx, today: IsoDate, clientIdIn: unknown): Ledger {
  const clients = readClients(tx.table('clients'));
  const typed =
    clientIdIn === undefined || clientIdIn === null ? '' : String(clientIdIn).trim().toLowerCase();
  const id = clients.find((c) => c.id.toLowerCase() === typed)?.id ?? '';
  const sales = readSales(tx.table('sales'));
  const own = (key: TabKey) => rowsOf(tx.table(key), id);
  const mine = <T extends { clientId: string }>(list: T[]) => list.filter((x) => x.clientId === id);
  return {
    clients,
    sales: withShownStatus(sales, tx.table('sales'), today),
    invoices: readInvoices(tx.table('invoices')),
    allocations: mine(readAllocations(own('allocations'))),
    attendance: mine(readAttendance(own('attendance'))),
    payments: readPayments(tx.table('payments')),
  };
}
