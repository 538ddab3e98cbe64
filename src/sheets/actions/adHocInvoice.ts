// Ad-hoc invoice: a one-off charge (protein powder, a dishonour fee) that joins the client's next debit.
import type { IsoDate } from '../../core/calendar';
import { UserError } from '../errors';
import type { LedgerTx } from '../ledgerTx';
import type { Invoice } from '../records';
import { invoiceCells } from '../tabs/invoices';
import { readClients } from '../tabs/clients';
import { assertLedgerSound } from '../integrity';
import { moneyField, notPast2100, optionalDateField, textField } from './fields';

export interface AdHocInvoiceRequest {
  clientId: string;
  description: string;
  amount: string | number;
  dueDate?: string;
}

export const AD_HOC_TABS = ['clients'] as const;
/** The invoice is added below the last row, its ID from the counter: Invoices is read by its head alone. */
export const AD_HOC_APPENDS = ['invoices'] as const;

export function planAdHocInvoice(tx: LedgerTx, req: AdHocInvoiceRequest, today: IsoDate): Invoice {
  const clientId = textField(req.clientId, 'clientId', 'Client', { required: true });
  const clients = readClients(tx.table('clients'));
  assertLedgerSound({ clients });
  const client = clients.find((c) => c.id.toLowerCase() === clientId.toLowerCase());
  if (!client) throw new UserError(`No client ${clientId} on the Clients tab.`, 'clientId');
  if (client.status.trim() === 'Inactive')
    throw new UserError(
      `${client.id} ${client.name} is Inactive (Clients tab, row ${client.row ?? 0}, column Status): set them back to Active to charge them.`,
      'clientId',
    );
  const description = textField(req.description, 'description', 'Description', { required: true, max: 120 });
  const amount = moneyField(req.amount, 'amount', 'Amount');
  if (amount <= 0) throw new UserError('Amount must be more than $0.00.', 'amount');
  const typed = optionalDateField(req.dueDate, 'dueDate', 'Due date');
  const dueDate = typed ? notPast2100(typed, 'dueDate', 'Due date') : today;
  return {
    id: tx.ids.next('invoice'),
    saleId: '',
    clientId: client.id,
    description,
    instalment: null,
    dueDate,
    amount,
    paid: 0,
    status: 'Open',
    batchId: '',
    created: today,
  };
}

export function writeAdHocInvoice(tx: LedgerTx, invoice: Invoice): void {
  tx.append('invoices', invoiceCells(invoice));
}
