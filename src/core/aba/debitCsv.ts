// The debit list as CSV, for DD companies that take a spreadsheet rather than an ABA file.
import type { Cents } from '../money';
import { AbaError, type AbaProblem } from './abaTypes';
import { normaliseBsb } from './abaFields';
import { formulaStart, showCharacter } from './abaText';

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

/** RFC 4180: quote a field with a comma, quote or line break; double the quotes inside. */
export function quoteCsv(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const asText = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const cell = (v: unknown): string => quoteCsv(asText(v));

/** The text cells people type, by the column the Clients tab calls them. */
const TEXT_CELLS = [
  ['Name', 'name'],
  ['DD Reference', 'ddReference'],
  ['BSB', 'bsb'],
  ['Account Number', 'accountNumber'],
] as const;

/**
 * What stops a row going into the file: an amount that is not whole cents above zero, or text a
 * spreadsheet opening the file would run as a formula. The file is the receiver's layout and is never
 * altered to defuse one (no apostrophe added): such a row is left out instead.
 */
export function debitCsvProblems(rows: readonly DebitCsvRow[]): AbaProblem[] {
  const problems: AbaProblem[] = [];
  rows.forEach((row, i) => {
    const who = `${asText(row.clientId)} ${asText(row.name)}`.trim();
    const add = (field: string, reason: string) =>
      problems.push({
        clientId: row.clientId,
        clientName: row.name,
        field,
        debit: i,
        reason,
        message: `${who}: ${reason}`,
      });
    for (const [label, key] of TEXT_CELLS) {
      const value = asText(row[key]);
      const formula = formulaStart(value);
      if (formula)
        add(
          label,
          `${label} "${value}" starts with ${showCharacter(formula)}, which a spreadsheet opening the file would run as a formula`,
        );
    }
    if (!Number.isSafeInteger(row.amount) || row.amount <= 0)
      add('Amount', `Amount ${String(row.amount)} must be whole cents, more than zero`);
  });
  return problems;
}

/**
 * The CSV of debits: header row, one row per client, CRLF after every row, text as given. BSBs written
 * nnn-nnn when they are six digits. Throws AbaError listing every row debitCsvProblems finds.
 */
export function buildDebitCsv(rows: readonly DebitCsvRow[]): string {
  const problems = debitCsvProblems(rows);
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
