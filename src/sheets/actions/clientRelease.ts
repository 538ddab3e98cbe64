// A "fix details" hold lifts by itself: once a client held as `Update bank details` has a BSB or account
// number other than those the bank refused, any action that reads the Clients tab sets them back to Active
// and clears the refused details. The caller writes the rows returned (with clientCells, by `row`).
import { bankDetailsChanged } from '../../core/ledger/billingMethods';
import type { Client } from '../records';

export const UPDATE_BANK_DETAILS = 'Update bank details';
export const DD_STOPPED = 'DD stopped';

/** The client back to Active, the refused bank details cleared (written as blank cells). */
export function activeAgain(c: Client): Client {
  return { ...c, status: 'Active', declinedBsb: '', declinedAccount: '' };
}

/** The client rows to update: each held for bank details whose BSB or account now differs. */
export function releaseFixedClients(clients: readonly Client[]): Client[] {
  return clients
    .filter((c) => c.status.trim() === UPDATE_BANK_DETAILS && bankDetailsChanged(c))
    .map(activeAgain);
}
