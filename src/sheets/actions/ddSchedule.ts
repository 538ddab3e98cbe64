// Debit schedules read from the workbook: the ledger checked first, then core's debitSchedule per client
// (the same rules as the invoices). For the printable schedule, the schedule command, the DD changes list
// and the registration file's schedule columns.
import type { IsoDate } from '../../core/calendar';
import { isDirectDebit } from '../../core/ledger/billingMethods';
import { debitSchedule, type DebitSchedule, type ScheduleLedger } from '../../core/ledger/schedule';
import type { SaleLife } from '../../core/lifecycle/recurringHeld';
import type { BillingCycle } from '../../core/billingCycle';
import { UserError } from '../errors';
import { assertLedgerSound } from '../integrity';
import type { LedgerTx } from '../ledgerTx';
import type { Client, Sale } from '../records';
import { readAllocations } from '../tabs/allocations';
import { readClients } from '../tabs/clients';
import { readInvoices } from '../tabs/invoices';
import { readPayments } from '../tabs/payments';
import { readSales } from '../tabs/sales';
import { lifeOf, readSaleLives } from '../tabs/saleLifecycle';
import { billingCycle, readSettings } from '../tabs/settings';
import { textField } from './fields';

export const SCHEDULE_TABS = ['settings', 'clients', 'sales', 'invoices', 'allocations', 'payments'] as const;

/** What every client's schedule is built from, read and checked once. */
export interface ScheduleBook {
  clients: Client[];
  sales: Sale[];
  lives: Map<string, SaleLife>;
  cycle: BillingCycle;
  ledger: Omit<ScheduleLedger, 'client'>;
}

export function readScheduleBook(tx: LedgerTx, today: IsoDate): ScheduleBook {
  const clients = readClients(tx.table('clients'));
  const sales = readSales(tx.table('sales'));
  const invoices = readInvoices(tx.table('invoices'));
  const payments = readPayments(tx.table('payments'));
  assertLedgerSound({ clients, sales, invoices, payments });
  const lifeRows = readSaleLives(tx.table('sales'));
  const lives = new Map(sales.map((s) => [s.id, lifeOf(lifeRows, s)]));
  const cycle = billingCycle(readSettings(tx.table('settings'), today, tx.port.timeZone()));
  const allocations = readAllocations(tx.table('allocations'));
  return { clients, sales, lives, cycle, ledger: { sales, lives, invoices, payments, allocations } };
}

/** One client's schedule from today (open-ended packages `horizon` debits ahead). */
export function scheduleOf(
  book: ScheduleBook,
  client: Client,
  today: IsoDate,
  horizon?: number,
): DebitSchedule {
  return debitSchedule({ ...book.ledger, client }, { asOf: today, cycle: book.cycle, horizon });
}

/** The client with this ID (any case), or a refusal naming the field. */
export function findClient(book: ScheduleBook, id: unknown): Client {
  const clientId = textField(id, 'clientId', 'Client', { required: true });
  const client = book.clients.find((c) => c.id.toLowerCase() === clientId.toLowerCase());
  if (!client) throw new UserError(`No client ${clientId} on the Clients tab.`, 'clientId');
  return client;
}

/** Every direct-debit client (any DD method), in Client ID order. */
export function ddClients(book: ScheduleBook): Client[] {
  return book.clients.filter((c) => isDirectDebit(c.billingMethod)).sort((a, b) => a.id.localeCompare(b.id));
}

export interface ScheduleReport {
  client: { id: string; name: string; billingMethod: string };
  business: string;
  schedule: DebitSchedule;
}

export function planSchedule(
  tx: LedgerTx,
  clientId: unknown,
  today: IsoDate,
  horizon?: number,
): ScheduleReport {
  const book = readScheduleBook(tx, today);
  const client = findClient(book, clientId);
  const settings = readSettings(tx.table('settings'), today, tx.port.timeZone());
  return {
    client: { id: client.id, name: client.name, billingMethod: client.billingMethod },
    business: settings.businessName,
    schedule: scheduleOf(book, client, today, horizon),
  };
}
