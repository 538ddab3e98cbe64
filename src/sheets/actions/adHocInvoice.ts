// Ad-hoc invoice: a one-off charge (protein powder, a dishonour fee) that joins the client's next debit.
import type { IsoDate } from '../../core/calendar';
import { UserError } from '../errors';
import type { LedgerTx } from '../ledgerTx';
import type { Invoice } from '../records';
import { invoiceCells } from '../tabs/invoices';
import { readClients } from '../tabs/clients';
import { moneyField, optionalDateField, textField } from './fields';

export interface AdHocInvoiceRequest {
  clientId: string;
  description: string;
  amount: string | number;
  dueDate?: string;
}

export const AD_HOC_TABS = ['clients', 'invoices'] as const;

export function planAdHocInvoice(tx: LedgerTx, req: AdHocInvoiceRequest, today: IsoDate): Invoice {
  const clientId = textField(req.clientId, 'clientId', 'Client', { required: true });
  const client = readClients(tx.table('clients')).find((c) => c.id.toLowerCase() === clientId.toLowerCase());
  if (!client) throw new UserError(`No client ${clientId} on the Clients tab.`, 'clientId');
  const description = textField(req.description, 'description', 'Description', { required: true, max: 120 });
  const amount = moneyField(req.amount, 'amount', 'Amount');
  if (amount <= 0) throw new UserError('Amount must be more than $0.00.', 'amount');
  const dueDate = optionalDateField(req.dueDate, 'dueDate', 'Due date') ?? today;
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
