// The debit list as CSV, for DD companies that take a spreadsheet rather than an ABA file.
import type { Cents } from '../money';
import { AbaError, type AbaProblem } from './abaTypes';
import { normaliseBsb } from './abaFields';

export interface DebitCsvRow {
  clientId: string;
  name: string;
  ddReference: string;
  bsb: string;
  accountNumber: string;
  amount: Cents;
  invoiceIds: string[];
}

export const DEBIT_CSV_HEADERS = [
  'Client ID',
  'Name',
  'DD Reference',
  'BSB',
  'Account Number',
  'Amount',
  'Invoice IDs',
] as const;

const EOL = '\r\n';

/** 22000 -> '220.00': plain dollars, no sign, no thousands separators, for the DD company to read. */
function plainDollars(cents: Cents): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a tab or CR that hides one) gets a leading
 * apostrophe, so opening the file cannot execute anything. Only text fields: amounts are ours.
 */
export function defuseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** RFC 4180: quote a field with a comma, quote or line break; double the quotes inside. */
export function quoteCsv(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const cell = (v: unknown): string => quoteCsv(defuseFormula(v === null || v === undefined ? '' : String(v)));

/**
 * The CSV of debits: header row, one row per client, CRLF after every row. BSBs written nnn-nnn when
 * they are six digits. Throws AbaError if an amount is not whole cents above zero.
 */
export function buildDebitCsv(rows: readonly DebitCsvRow[]): string {
  const problems: AbaProblem[] = [];
  for (const row of rows) {
    if (!Number.isSafeInteger(row.amount) || row.amount <= 0) {
      const who = `${row.clientId} ${row.name}`.trim();
      problems.push({
        clientId: row.clientId,
        clientName: row.name,
        field: 'Amount',
        message: `${who}: Amount ${String(row.amount)} must be whole cents, more than zero`,
      });
    }
  }
  if (problems.length > 0) throw new AbaError(problems);

  const lines = [
    DEBIT_CSV_HEADERS.join(','),
    ...rows.map((row) =>
      [
        cell(row.clientId),
        cell(row.name),
        cell(row.ddReference),
        cell(normaliseBsb(String(row.bsb)) ?? row.bsb),
        cell(row.accountNumber),
        plainDollars(row.amount),
        cell(row.invoiceIds.join(' ')),
      ].join(','),
    ),
  ];
  return lines.map((l) => l + EOL).join('');
}
