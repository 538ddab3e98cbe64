import { readChoice, readDate, readText, encode } from '../cells';
import type { RowCells } from '../changes';
import type { Client } from '../records';
import { BILLING_METHODS, TABS } from '../schema';
import type { Table, TableRow } from '../table';

export function readClients(t: Table): Client[] {
  return t.rows.map((r) => ({
    row: r.rowNumber,
    id: readText(t, r, 'Client ID', { required: true }),
    name: readText(t, r, 'Name'),
    email: readText(t, r, 'Email'),
    phone: readText(t, r, 'Phone'),
    billingMethod: readChoice(t, r, 'Billing Method', BILLING_METHODS, { fallback: 'Manual' }),
    ddReference: readText(t, r, 'DD Reference'),
    bsb: readText(t, r, 'BSB'),
    accountNumber: readText(t, r, 'Account Number'),
    accountName: readText(t, r, 'Account Name'),
    status: readText(t, r, 'Status') || 'Active',
    ...declinedDetails(t, r),
    ...ddrDates(t, r),
  }));
}

/** The Direct Debit Request's dates, only where the columns hold them. */
function ddrDates(t: Table, r: TableRow): Pick<Client, 'authoritySigned' | 'ddrSent' | 'registered'> {
  const signed = readDate(t, r, 'Authority Signed');
  const sent = readDate(t, r, 'DDR Sent');
  const registered = readDate(t, r, 'Registered');
  return {
    ...(signed ? { authoritySigned: signed } : {}),
    ...(sent ? { ddrSent: sent } : {}),
    ...(registered ? { registered } : {}),
  };
}

/** The details a "fix details" decline was made with, only where the columns hold them. */
function declinedDetails(t: Table, r: TableRow): Pick<Client, 'declinedBsb' | 'declinedAccount'> {
  const bsb = readText(t, r, 'Declined BSB');
  const account = readText(t, r, 'Declined Account');
  return bsb || account ? { declinedBsb: bsb, declinedAccount: account } : {};
}

export function clientCells(c: Client): RowCells {
  return {
    'Client ID': encode.text(c.id),
    Name: encode.text(c.name),
    Email: encode.text(c.email),
    Phone: encode.text(c.phone),
    'Billing Method': encode.text(c.billingMethod),
    'DD Reference': encode.text(c.ddReference),
    BSB: encode.text(c.bsb),
    'Account Number': encode.text(c.accountNumber),
    'Account Name': encode.text(c.accountName),
    Status: encode.text(c.status),
    ...(c.declinedBsb !== undefined ? { 'Declined BSB': encode.text(c.declinedBsb) } : {}),
    ...(c.declinedAccount !== undefined ? { 'Declined Account': encode.text(c.declinedAccount) } : {}),
    // Written only when set, so an older workbook gains the columns with the first DDR recorded.
    ...(c.authoritySigned !== undefined ? { 'Authority Signed': encode.date(c.authoritySigned) } : {}),
    ...(c.ddrSent !== undefined ? { 'DDR Sent': encode.date(c.ddrSent) } : {}),
    ...(c.registered !== undefined ? { Registered: encode.date(c.registered) } : {}),
  };
}

export const CLIENTS = TABS.clients;
