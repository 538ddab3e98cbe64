// google.script.run targets of the Edit client sidebar (also the CLI's edit-client): the clients and their
// details for the form, and the edit itself under the document lock.
import { dateTextFor } from '../sheets/actions/fields';
import {
  EDIT_CLIENT_TABS,
  editClientLog,
  planEditClient,
  writeEditClient,
  type EditClientRequest,
  type EditedClient,
} from '../sheets/actions/editClient';
import { LedgerTx } from '../sheets/ledgerTx';
import type { Client } from '../sheets/records';
import { BILLING_METHODS, CLIENT_STATUSES } from '../sheets/schema';
import { readClients } from '../sheets/tabs/clients';
import { context, type Request } from './context';
import { withDocumentLock } from './lock';
import { attempt, plain, type Result } from './result';

export interface EditClientForm {
  today: string;
  methods: readonly string[];
  statuses: readonly string[];
  clients: Client[];
}

export type EditClientCall = EditClientRequest & Request & { dates?: 'iso' | 'display' };

/** Every client with what the form shows, by name. */
export function getEditClientForm(req?: Request): Result<EditClientForm> {
  return attempt(() => {
    const ctx = context(req);
    const tx = new LedgerTx(ctx.port, EDIT_CLIENT_TABS);
    const clients = readClients(tx.table('clients')).sort(
      (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
    );
    return plain({ today: ctx.today, methods: BILLING_METHODS, statuses: CLIENT_STATUSES, clients });
  });
}

/** Saves the fields given; a request that changes nothing writes nothing (not even the Log). */
export function editClient(req: EditClientCall): Result<EditedClient> {
  return attempt(() => {
    const ctx = context(req);
    return withDocumentLock(() => {
      const tx = new LedgerTx(ctx.port, EDIT_CLIENT_TABS);
      const edited = planEditClient(tx, req, ctx.today, dateTextFor(req.dates));
      if (edited.changed.length) {
        writeEditClient(tx, edited);
        tx.commit('Edit client', editClientLog(edited), ctx.timestamp());
      }
      return plain(edited);
    });
  });
}
