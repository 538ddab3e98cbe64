// The registration file: one CSV row per client the DD company is to register, in our own layout (see
// the README's "Tell the DD company"): who they are, their Direct Debit Request and bank details, and
// their debit schedule from the same core that makes the invoices. Pure: rows in, text out.
import Papa from 'papaparse';
import type { IsoDate } from '../calendar';
import { centsToAmount } from '../money';
import type { Client } from './records';
import type { DebitSchedule } from './schedule';

export const REGISTRATION_HEADERS = [
  'Client ID',
  'Name',
  'Email',
  'Phone',
  'Billing Method',
  'DD Reference',
  'Account Name',
  'BSB',
  'Account Number',
  'Authority Signed',
  'DDR Sent',
  'Debits',
  'First Debit',
  'First Amount',
  'Last Debit',
  'Total',
  'Until Cancelled',
  'Summary',
  'Schedule',
  'Held',
] as const;

export type RegistrationRow = Record<(typeof REGISTRATION_HEADERS)[number], string>;

const amount = (cents: number): string => centsToAmount(cents).toFixed(2);

/** One client's row: amounts in dollars with two decimals, dates YYYY-MM-DD, the debits as one cell. */
export function registrationRow(c: Client, s: DebitSchedule): RegistrationRow {
  const first = s.debits[0];
  const last = s.debits.at(-1);
  return {
    'Client ID': c.id,
    Name: c.name,
    Email: c.email,
    Phone: c.phone,
    'Billing Method': c.billingMethod,
    'DD Reference': c.ddReference,
    'Account Name': c.accountName || c.name,
    BSB: c.bsb,
    'Account Number': c.accountNumber,
    'Authority Signed': c.authoritySigned ?? '',
    'DDR Sent': c.ddrSent ?? '',
    Debits: String(s.debits.length),
    'First Debit': first?.date ?? '',
    'First Amount': first ? amount(first.amount) : '',
    'Last Debit': s.openEnded ? '' : (last?.date ?? ''),
    Total: s.openEnded ? '' : amount(s.debits.reduce((t, d) => t + d.amount, 0)),
    'Until Cancelled': s.openEnded ? 'Yes' : 'No',
    Summary: s.summary ?? '',
    Schedule: s.debits.map((d) => `${d.date} ${amount(d.amount)} ${d.saleIds.join('+')}`).join('; '),
    Held: s.held.map((h) => `${h.invoiceId} ${amount(h.amount)}`).join('; '),
  };
}

/**
 * The file's text: a header row, then the rows, CRLF line ends. A cell starting = + - @ is written with
 * a leading apostrophe, so a spreadsheet opening the file shows it rather than running it.
 */
export function registrationCsv(rows: readonly RegistrationRow[]): string {
  return Papa.unparse(
    { fields: [...REGISTRATION_HEADERS], data: rows.map((r) => REGISTRATION_HEADERS.map((h) => r[h])) },
    { newline: '\r\n', escapeFormulae: true, quotes: false },
  );
}

export function registrationFileName(today: IsoDate): string {
  return `registration-${today}.csv`;
}
