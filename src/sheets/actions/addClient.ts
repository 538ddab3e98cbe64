// Add client: a new row on the Clients tab with a fresh Client ID and checked bank details.
import { UserError } from '../errors';
import type { LedgerTx } from '../ledgerTx';
import type { Client } from '../records';
import { BILLING_METHODS, type BillingMethod } from '../schema';
import { assertLedgerSound } from '../integrity';
import { clientCells, readClients } from '../tabs/clients';
import { textField } from './fields';

export interface ClientRequest {
  name: string;
  email?: string;
  phone?: string;
  billingMethod?: string;
  ddReference?: string;
  bsb?: string;
  accountNumber?: string;
  accountName?: string;
}

export const ADD_CLIENT_TABS = ['clients'] as const;

/** BSBs are six digits, written nnn-nnn. */
export function normaliseBsb(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? `${digits.slice(0, 3)}-${digits.slice(3)}` : null;
}

export function planAddClient(tx: LedgerTx, req: ClientRequest): Client {
  const name = textField(req.name, 'name', 'Name', { required: true, max: 100 });
  const methodText = textField(req.billingMethod, 'billingMethod', 'Billing method') || 'Manual';
  const billingMethod = BILLING_METHODS.find((m) => m.toLowerCase() === methodText.toLowerCase()) as
    BillingMethod | undefined;
  if (!billingMethod)
    throw new UserError(
      `Billing method "${methodText}" is not one of ${BILLING_METHODS.join(', ')}.`,
      'billingMethod',
    );
  const email = textField(req.email, 'email', 'Email', { max: 200 });
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new UserError(`Email "${email}" does not look like an email address.`, 'email');
  const bsbText = textField(req.bsb, 'bsb', 'BSB');
  const accountNumber = textField(req.accountNumber, 'accountNumber', 'Account number').replace(/[\s-]/g, '');
  const bsb = bsbText ? normaliseBsb(bsbText) : '';
  if (bsb === null) throw new UserError(`BSB "${bsbText}" must be six digits, like 062-000.`, 'bsb');
  if (accountNumber && !/^\d{1,9}$/.test(accountNumber))
    throw new UserError('Account number must be 1 to 9 digits.', 'accountNumber');
  const debits = billingMethod !== 'Manual' && billingMethod !== 'DD Reconciliation';
  if (debits && (!bsb || !accountNumber))
    throw new UserError(
      `${billingMethod} needs the client's BSB and account number.`,
      bsb ? 'accountNumber' : 'bsb',
    );

  const existing = readClients(tx.table('clients'));
  assertLedgerSound({ clients: existing });
  const id = tx.ids.next('client');
  const ddReference = textField(req.ddReference, 'ddReference', 'DD reference', { max: 18 }) || id;
  // A DD company matches its report rows to clients by reference: two clients may never share one.
  const sharing = existing.find((c) => c.ddReference.trim().toUpperCase() === ddReference.toUpperCase());
  if (sharing && billingMethod !== 'Manual')
    throw new UserError(
      `DD reference ${ddReference} is already ${sharing.id} ${sharing.name}'s (Clients tab, row ${sharing.row ?? 0}): choose another.`,
      'ddReference',
    );
  return {
    id,
    name,
    email,
    phone: textField(req.phone, 'phone', 'Phone', { max: 40 }),
    billingMethod,
    ddReference,
    bsb,
    accountNumber,
    accountName:
      textField(req.accountName, 'accountName', 'Account name', { max: 32 }) || (debits ? name : ''),
    status: 'Active',
  };
}

export function writeAddClient(tx: LedgerTx, client: Client): void {
  tx.append('clients', clientCells(client));
}
