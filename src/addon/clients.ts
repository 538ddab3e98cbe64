// google.script.run targets of the Add client and Add ad-hoc invoice sidebars.
import type { Cents } from '../core/money';
import {
  ADD_CLIENT_TABS,
  planAddClient,
  writeAddClient,
  type AddedClient,
  type ClientRequest,
} from '../sheets/actions/addClient';
import {
  AD_HOC_APPENDS,
  AD_HOC_TABS,
  planAdHocInvoice,
  writeAdHocInvoice,
  type AdHocInvoiceRequest,
} from '../sheets/actions/adHocInvoice';
import { LedgerTx } from '../sheets/ledgerTx';
import { context, type Request } from './context';
import { withDocumentLock } from './lock';
import { attempt, plain, type Result } from './result';

/** The client added, with warnings (not refusals) about what their debit file could not carry. */
export function addClient(req: ClientRequest & Request): Result<AddedClient> {
  return attempt(() => {
    const ctx = context(req);
    return withDocumentLock(() => {
      const tx = new LedgerTx(ctx.port, ADD_CLIENT_TABS);
      const client = planAddClient(tx, req, ctx.today);
      writeAddClient(tx, client);
      const warned = client.warnings.length ? `; warned: ${client.warnings.join(' ')}` : '';
      tx.commit(
        'Add client',
        `${client.id} ${client.name} (${client.billingMethod})${warned}`,
        ctx.timestamp(),
      );
      return plain(client);
    });
  });
}

export interface AdHocSaved {
  id: string;
  clientId: string;
  description: string;
  dueDate: string;
  amount: Cents;
}

export function addAdHocInvoice(req: AdHocInvoiceRequest & Request): Result<AdHocSaved> {
  return attempt(() => {
    const ctx = context(req);
    return withDocumentLock(() => {
      const tx = new LedgerTx(ctx.port, AD_HOC_TABS, { appendOnly: AD_HOC_APPENDS });
      const inv = planAdHocInvoice(tx, req, ctx.today);
      writeAdHocInvoice(tx, inv);
      tx.commit(
        'Add ad-hoc invoice',
        `${inv.id} for ${inv.clientId}: ${inv.description}, ${(inv.amount / 100).toFixed(2)} due ${inv.dueDate}`,
        ctx.timestamp(),
      );
      return plain({
        id: inv.id,
        clientId: inv.clientId,
        description: inv.description,
        dueDate: inv.dueDate,
        amount: inv.amount,
      });
    });
  });
}
