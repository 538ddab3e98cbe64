// A client's statement, planned from what was read (checked first), for the sidebar, the command line and
// the regenerated Statement tab. It reads only; writing the tab is the one change it makes.
import { compareDates, type IsoDate } from '../../core/calendar';
import { buildStatement } from '../../core/ledger/statement';
import { UserError } from '../errors';
import { assertLedgerSound } from '../integrity';
import type { LedgerTx } from '../ledgerTx';
import { cellOf } from '../table';
import { readAllocations } from '../tabs/allocations';
import { readAttendance } from '../tabs/attendance';
import { readClients } from '../tabs/clients';
import { readInvoices } from '../tabs/invoices';
import { readPayments } from '../tabs/payments';
import { readSales } from '../tabs/sales';
import { settingKeyOf } from '../tabs/settings';
import { renderStatement, type StatementReport } from '../tabs/statement';
import { optionalDateField, textField } from './fields';

export const STATEMENT_TABS = [
  'settings',
  'clients',
  'sales',
  'invoices',
  'allocations',
  'attendance',
  'payments',
] as const;

export interface StatementRequest {
  clientId: string;
  /** Lines from this date (an opening balance before it). */
  from?: string;
  /** Lines up to this date (a closing balance at it). */
  to?: string;
}

/** The Business Name as typed (only that row is read: a statement needs no billing settings). */
function businessName(tx: LedgerTx): string {
  const t = tx.table('settings');
  const row = t.rows.find((r) => settingKeyOf(cellOf(t, r, 'Setting')) === 'Business Name');
  return row ? String(cellOf(t, row, 'Value')).trim() : '';
}

function notAfterToday(d: IsoDate | null, field: string, label: string, today: IsoDate): IsoDate | null {
  if (d && compareDates(d, today) > 0)
    throw new UserError(
      `${label} ${d} is after today (${today}): a statement shows what has happened.`,
      field,
    );
  return d;
}

export function planStatement(tx: LedgerTx, req: StatementRequest, today: IsoDate): StatementReport {
  const clientId = textField(req.clientId, 'clientId', 'Client', { required: true });
  const from = notAfterToday(optionalDateField(req.from, 'from', 'From'), 'from', 'From', today);
  const to = notAfterToday(optionalDateField(req.to, 'to', 'To'), 'to', 'To', today);
  if (from && to && compareDates(from, to) > 0)
    throw new UserError(`From ${from} is after To ${to}.`, 'from');
  const clients = readClients(tx.table('clients'));
  const sales = readSales(tx.table('sales'));
  const invoices = readInvoices(tx.table('invoices'));
  const payments = readPayments(tx.table('payments'));
  assertLedgerSound({ clients, sales, invoices, payments });
  const client = clients.find((c) => c.id.toLowerCase() === clientId.toLowerCase());
  if (!client) throw new UserError(`No client ${clientId} on the Clients tab.`, 'clientId');
  const statement = buildStatement(
    {
      clientId: client.id,
      invoices,
      payments,
      sales,
      allocations: readAllocations(tx.table('allocations')),
      attendance: readAttendance(tx.table('attendance')),
    },
    today,
    { from, to },
  );
  return {
    client: { id: client.id, name: client.name, billingMethod: client.billingMethod },
    business: businessName(tx),
    statement,
  };
}

export function writeStatement(tx: LedgerTx, report: StatementReport, refreshed: string): void {
  tx.rewrite('statement', renderStatement(report, refreshed));
}
