// Edit client: change a Clients row's details and its Direct Debit Request, checked as Add client checks
// them (and as the ABA file will). Only the fields given change; a blank clears an optional one. New
// bank details for a client held as `Update bank details` release them (back to Active).
import { formulaStart } from '../../core/aba';
import { isReconciliation } from '../../core/ledger/billingMethods';
import { UserError } from '../errors';
import { assertLedgerSound } from '../integrity';
import type { LedgerTx } from '../ledgerTx';
import type { Client } from '../records';
import { BILLING_METHODS, CLIENT_STATUSES, type BillingMethod } from '../schema';
import { clientCells, readClients } from '../tabs/clients';
import { abaWarnings, normaliseBsb } from './addClient';
import { releaseFixedClients } from './clientRelease';
import { checkDdrOrder, ddrDateField } from './clientDdr';
import { textField, type DateText } from './fields';

export interface EditClientRequest {
  clientId: string;
  name?: string;
  email?: string;
  phone?: string;
  billingMethod?: string;
  ddReference?: string;
  bsb?: string;
  accountNumber?: string;
  accountName?: string;
  authoritySigned?: string;
  ddrSent?: string;
  status?: string;
}

export const EDIT_CLIENT_TABS = ['clients'] as const;

export interface EditedClient {
  client: Client;
  /** The Clients headers whose value changed, in the tab's order. */
  changed: string[];
  /** Set back to Active because the bank details the bank refused were changed. */
  released: boolean;
  /** Not refusals: what the client's debit file could not carry. */
  warnings: string[];
}

function refuseFormula(value: string, field: string, label: string): void {
  const first = formulaStart(value);
  if (first)
    throw new UserError(
      `${label} "${value}" starts with "${first}": a spreadsheet opening the bank's or DD company's file would run it as a formula. Leave out the "${first}".`,
      field,
    );
}

const given = (v: unknown): boolean => v !== undefined && v !== null;

/** The client's row, named by ID; refused naming the field when there is none. */
export function findClient(clients: readonly Client[], clientId: unknown): Client {
  const id = textField(clientId, 'clientId', 'Client', { required: true }).toUpperCase();
  const c = clients.find((x) => x.id.toUpperCase() === id);
  if (!c) throw new UserError(`There is no client ${id} on the Clients tab.`, 'clientId');
  return c;
}

function method(v: unknown, current: BillingMethod): BillingMethod {
  if (!given(v)) return current;
  const text = textField(v, 'billingMethod', 'Billing method') || 'Manual';
  const m = BILLING_METHODS.find((x) => x.toLowerCase() === text.toLowerCase());
  if (!m)
    throw new UserError(
      `Billing method "${text}" is not one of ${BILLING_METHODS.join(', ')}.`,
      'billingMethod',
    );
  return m;
}

function status(v: unknown, current: string): string {
  if (!given(v)) return current;
  const text = textField(v, 'status', 'Status');
  const s = CLIENT_STATUSES.find((x) => x.toLowerCase() === text.toLowerCase());
  if (!s) throw new UserError(`Status "${text}" is not one of ${CLIENT_STATUSES.join(', ')}.`, 'status');
  return s;
}

function bankDetails(req: EditClientRequest, c: Client): Pick<Client, 'bsb' | 'accountNumber'> {
  let bsb = c.bsb;
  if (given(req.bsb)) {
    const text = textField(req.bsb, 'bsb', 'BSB');
    const n = text ? normaliseBsb(text) : '';
    if (n === null) throw new UserError(`BSB "${text}" must be six digits, like 062-000.`, 'bsb');
    bsb = n;
  }
  let accountNumber = c.accountNumber;
  if (given(req.accountNumber)) {
    accountNumber = textField(req.accountNumber, 'accountNumber', 'Account number').replace(/[\s-]/g, '');
    if (accountNumber && !/^\d{1,9}$/.test(accountNumber))
      throw new UserError('Account number must be 1 to 9 digits.', 'accountNumber');
  }
  return { bsb, accountNumber };
}

function reference(req: EditClientRequest, c: Client, m: BillingMethod): string {
  if (!given(req.ddReference)) return c.ddReference;
  const ref = textField(req.ddReference, 'ddReference', 'DD reference', { max: 18 }) || c.id;
  // A DD Reconciliation client's reference is the DD company's own ID, never written to an upload file.
  if (!isReconciliation(m)) refuseFormula(ref, 'ddReference', 'DD reference');
  return ref;
}

/** A DD company matches its report rows to clients by reference: two clients may never share one. */
function refuseSharedReference(c: Client, clients: readonly Client[]): void {
  if (c.billingMethod === 'Manual') return;
  const ref = c.ddReference.trim().toUpperCase();
  const sharing = clients.find((x) => x.id !== c.id && x.ddReference.trim().toUpperCase() === ref);
  if (sharing)
    throw new UserError(
      `DD reference ${c.ddReference} is already ${sharing.id} ${sharing.name}'s (Clients tab, row ${sharing.row ?? 0}): choose another.`,
      'ddReference',
    );
}

const COMPARED: readonly [keyof Client, string][] = [
  ['name', 'Name'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['billingMethod', 'Billing Method'],
  ['ddReference', 'DD Reference'],
  ['bsb', 'BSB'],
  ['accountNumber', 'Account Number'],
  ['accountName', 'Account Name'],
  ['status', 'Status'],
  ['authoritySigned', 'Authority Signed'],
  ['ddrSent', 'DDR Sent'],
];

export function planEditClient(
  tx: LedgerTx,
  req: EditClientRequest,
  today: string,
  show: DateText,
): EditedClient {
  const clients = readClients(tx.table('clients'));
  assertLedgerSound({ clients });
  const before = findClient(clients, req.clientId);

  const name = given(req.name)
    ? textField(req.name, 'name', 'Name', { required: true, max: 100 })
    : before.name;
  refuseFormula(name, 'name', 'Name');
  const email = given(req.email) ? textField(req.email, 'email', 'Email', { max: 200 }) : before.email;
  if (given(req.email) && email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new UserError(`Email "${email}" does not look like an email address.`, 'email');
  const phone = given(req.phone) ? textField(req.phone, 'phone', 'Phone', { max: 40 }) : before.phone;
  const billingMethod = method(req.billingMethod, before.billingMethod);
  const { bsb, accountNumber } = bankDetails(req, before);
  const debits = billingMethod !== 'Manual' && billingMethod !== 'DD Reconciliation';
  if (debits && (!bsb || !accountNumber))
    throw new UserError(
      `${billingMethod} needs the client's BSB and account number.`,
      bsb ? 'accountNumber' : 'bsb',
    );
  const ddReference = reference(req, before, billingMethod);
  let accountName = before.accountName;
  if (given(req.accountName)) {
    accountName =
      textField(req.accountName, 'accountName', 'Account name', { max: 32 }) || (debits ? name : '');
    refuseFormula(accountName, 'accountName', 'Account name');
  }
  const signed = ddrDateField(req.authoritySigned, 'authoritySigned', 'Authority signed', today, show);
  const sent = ddrDateField(req.ddrSent, 'ddrSent', 'DDR sent', today, show);
  const dates = {
    authoritySigned: signed ?? before.authoritySigned,
    ddrSent: sent ?? before.ddrSent,
  };
  checkDdrOrder(
    { authoritySigned: dates.authoritySigned || undefined, ddrSent: dates.ddrSent || undefined },
    show,
    given(req.ddrSent) ? 'ddrSent' : 'authoritySigned',
  );

  let client: Client = {
    ...before,
    name,
    email,
    phone,
    billingMethod,
    ddReference,
    bsb,
    accountNumber,
    accountName,
    status: status(req.status, before.status),
    ...(dates.authoritySigned !== undefined ? { authoritySigned: dates.authoritySigned } : {}),
    ...(dates.ddrSent !== undefined ? { ddrSent: dates.ddrSent } : {}),
  };
  refuseSharedReference(client, clients);
  // New bank details lift a "fix details" hold, unless the studio said which status it wants.
  const released = !given(req.status) ? releaseFixedClients([client])[0] : undefined;
  if (released) client = released;
  const changed = COMPARED.filter(([k]) => (before[k] ?? '') !== (client[k] ?? '')).map(([, h]) => h);
  return { client, changed, released: released !== undefined, warnings: abaWarnings(client) };
}

/** Writes the row (nothing when nothing changed). */
export function writeEditClient(tx: LedgerTx, e: EditedClient): void {
  if (!e.changed.length || e.client.row === undefined) return;
  tx.update('clients', e.client.row, clientCells(e.client));
}

/** The Log's line: which columns changed (never the bank details themselves). */
export function editClientLog(e: EditedClient): string {
  const what = e.changed.length ? e.changed.join(', ') : 'nothing changed';
  const released = e.released ? '; bank details changed, back to Active' : '';
  return `${e.client.id} ${e.client.name}: ${what}${released}`;
}
