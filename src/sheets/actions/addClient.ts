// Add client: a new row on the Clients tab with a fresh Client ID and checked bank details. What would
// go into a bank's upload file is checked at once: text a spreadsheet would run as a formula is refused
// (upload files are never altered to defuse it), and what an ABA file cannot carry is warned about.
import { ABA_LIMITS, checkReference, checkText, formulaStart } from '../../core/aba';
import { isReconciliation, sendsDebitFile } from '../../core/ledger/billingMethods';
import { UserError } from '../errors';
import type { LedgerTx } from '../ledgerTx';
import type { Client } from '../records';
import { BILLING_METHODS, type BillingMethod } from '../schema';
import { assertLedgerSound } from '../integrity';
import { clientCells, readClients } from '../tabs/clients';
import type { IsoDate } from '../../core/calendar';
import { checkDdrOrder, ddrDateField } from './clientDdr';
import { dateTextFor, textField } from './fields';

export interface ClientRequest {
  name: string;
  email?: string;
  phone?: string;
  billingMethod?: string;
  ddReference?: string;
  bsb?: string;
  accountNumber?: string;
  accountName?: string;
  /** The Direct Debit Request: the day signed and the day sent to the DD company (YYYY-MM-DD). */
  authoritySigned?: string;
  ddrSent?: string;
  dates?: 'iso' | 'display';
}

export const ADD_CLIENT_TABS = ['clients'] as const;

/** The client as saved, and what the studio should know now rather than on billing day. */
export interface AddedClient extends Client {
  warnings: string[];
}

/** Text starting = + - @ would be a formula in a spreadsheet opening an upload file: refused, naming the field. */
function refuseFormula(value: string, field: string, label: string): void {
  const first = formulaStart(value);
  if (first)
    throw new UserError(
      `${label} "${value}" starts with "${first}": a spreadsheet opening the bank's or DD company's file would run it as a formula. Leave out the "${first}".`,
      field,
    );
}

/**
 * What an ABA file would refuse in this client's account name and reference (a name with no
 * plain-letter form, a reference starting with a zero …): said now, since on billing day the client
 * would be left out of the file. Only for clients whose debits go into the studio's own file.
 */
export function abaWarnings(c: Client): string[] {
  if (!sendsDebitFile(c.billingMethod)) return [];
  const later =
    'an ABA file cannot carry it, so this client is left out of the debit file until the Clients tab is fixed.';
  const warnings: string[] = [];
  const title = checkText(c.accountName || c.name, 'Account Name', ABA_LIMITS.accountTitle);
  if (!title.ok) warnings.push(`${title.reason}: ${later}`);
  const reference = checkReference(c.ddReference, 'DD Reference', ABA_LIMITS.lodgementReference);
  if (!reference.ok) warnings.push(`${reference.reason}: ${later}`);
  return warnings;
}

/** BSBs are six digits, written nnn-nnn. */
export function normaliseBsb(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? `${digits.slice(0, 3)}-${digits.slice(3)}` : null;
}

export function planAddClient(tx: LedgerTx, req: ClientRequest, today: IsoDate): AddedClient {
  const name = textField(req.name, 'name', 'Name', { required: true, max: 100 });
  refuseFormula(name, 'name', 'Name');
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
  // A DD Reconciliation client's reference is the DD company's own ID, never written to an upload file.
  if (!isReconciliation(billingMethod)) refuseFormula(ddReference, 'ddReference', 'DD reference');
  // A DD company matches its report rows to clients by reference: two clients may never share one.
  const sharing = existing.find((c) => c.ddReference.trim().toUpperCase() === ddReference.toUpperCase());
  if (sharing && billingMethod !== 'Manual')
    throw new UserError(
      `DD reference ${ddReference} is already ${sharing.id} ${sharing.name}'s (Clients tab, row ${sharing.row ?? 0}): choose another.`,
      'ddReference',
    );
  const accountName = textField(req.accountName, 'accountName', 'Account name', { max: 32 });
  refuseFormula(accountName, 'accountName', 'Account name');
  const show = dateTextFor(req.dates);
  const ddr = {
    authoritySigned:
      ddrDateField(req.authoritySigned, 'authoritySigned', 'Authority signed', today, show) || undefined,
    ddrSent: ddrDateField(req.ddrSent, 'ddrSent', 'DDR sent', today, show) || undefined,
  };
  checkDdrOrder(ddr, show, 'ddrSent');
  const client: Client = {
    id,
    name,
    email,
    phone: textField(req.phone, 'phone', 'Phone', { max: 40 }),
    billingMethod,
    ddReference,
    bsb,
    accountNumber,
    accountName: accountName || (debits ? name : ''),
    status: 'Active',
    ...(ddr.authoritySigned ? { authoritySigned: ddr.authoritySigned } : {}),
    ...(ddr.ddrSent ? { ddrSent: ddr.ddrSent } : {}),
  };
  return { ...client, warnings: abaWarnings(client) };
}

export function writeAddClient(tx: LedgerTx, client: Client): void {
  // clientCells writes the Clients columns only: the warnings are not a column.
  tx.append('clients', clientCells(client));
}
