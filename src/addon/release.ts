// google.script.run targets for releasing what a decline held (the Outstanding sidebar, the CLI's release):
// who waits on a person, and the release itself.
import {
  heldClients,
  planRelease,
  RELEASE_TABS,
  releaseSummary,
  writeRelease,
  type HeldClient,
  type Released,
  type ReleaseRequest,
} from '../sheets/actions/release';
import { LedgerTx } from '../sheets/ledgerTx';
import { readClients } from '../sheets/tabs/clients';
import { readInvoices } from '../sheets/tabs/invoices';
import { context, type Request } from './context';
import { withDocumentLock } from './lock';
import { attempt, plain, type Result } from './result';

/** Clients with held invoices, or stopped by the bank's reason. Reads only. */
export function getHeld(req?: Request): Result<{ clients: HeldClient[] }> {
  return attempt(() => {
    const ctx = context(req);
    const tx = new LedgerTx(ctx.port, RELEASE_TABS);
    return plain({
      clients: heldClients(readClients(tx.table('clients')), readInvoices(tx.table('invoices'))),
    });
  });
}

/** Releases one held invoice, or a client's held invoices (and sets a stopped client back to Active). */
export function releaseHeld(req: ReleaseRequest & Request): Result<Released> {
  return attempt(() => {
    const ctx = context(req);
    return withDocumentLock(() => {
      const tx = new LedgerTx(ctx.port, RELEASE_TABS);
      const plan = planRelease(tx, req);
      writeRelease(tx, plan);
      tx.commit('Release', releaseSummary(plan.released), ctx.timestamp());
      return plain(plan.released);
    });
  });
}
