// The malformed corpus: every file in test/fixtures/reports/malformed has exactly one expected outcome here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReportText, ReportFormatError } from '../../../src/core/reports';
import { MALFORMED } from './reportFixtures';

type Expected =
  /** The whole file is refused with this ReportFormatError message. */
  | { refused: string }
  /** The file reads: these rows (by row number) read, these errors, these skipped rows. */
  | {
      read: number[];
      errors: [row: number, column: string | null, message: string][];
      skipped?: [number, string][];
    };

const CASES: Record<string, Expected> = {
  'empty.csv': { refused: 'The report is empty' },
  'whitespace-only.txt': { refused: 'The report is empty' },
  'header-only.csv': { refused: 'The report has a header row but no payment rows' },
  'header-and-blank-lines.csv': { refused: 'The report has a header row but no payment rows' },
  'aba-debit-file.aba': {
    refused:
      "This is an ABA debit file (the debits sent to the bank), not a report of what happened to them: paste the bank's return file or the DD company's report",
  },
  'contact-list.csv': {
    refused:
      'Not a recognised payment report (columns: Name, Email, Phone, Suburb): map its columns to read it',
  },
  'semicolon-price-list.csv': {
    refused: 'Not a recognised payment report (columns: Artikel, Preis, Menge): map its columns to read it',
  },
  'no-header-row.csv': { refused: 'The report has no header row: line 1 holds values, not column names' },
  'crlf-data-only-numbers.csv': {
    refused: 'The report has no header row: line 1 holds values, not column names',
  },
  'missing-debit-date.csv': { refused: 'The Ezidebit report has no DebitDate column' },
  'debitsuccess-no-transdate.txt': { refused: 'The Debitsuccess report has no TransDate column' },
  'duplicated-headers.csv': { refused: 'The column "PaymentStatus" appears twice (columns 15 and 20)' },
  'single-column.txt': {
    refused:
      'The report has only one column ("Reference"): its columns should be separated by commas, tabs, pipes or semicolons',
  },
  'binary-junk.bin': {
    refused: 'This is not a text report (it contains binary data): export the report as CSV',
  },
  'workbook-not-csv.xlsx': {
    refused: 'This is not a text report (it contains binary data): export the report as CSV',
  },
  'portal-session-expired.csv': {
    refused: 'This is a web page (HTML), not a report: export the report as CSV and paste that',
  },
  'api-response-saved-as.csv': {
    refused: 'This is JSON, not a report: export the report as CSV and paste that',
  },
  'soap-export.xml': { refused: 'This is XML, not a report: export the report as CSV and paste that' },
  'bad-amounts.csv': {
    read: [4],
    errors: [
      // Both amounts are read (ScheduledAmount settles, PaymentAmount is checked against it): each bad one is named.
      [2, 'PaymentAmount', 'Row 2, column PaymentAmount: "abc" is not an amount of money'],
      [2, 'ScheduledAmount', 'Row 2, column ScheduledAmount: "abc" is not an amount of money'],
      [3, 'PaymentAmount', 'Row 3, column PaymentAmount: "12.345" has more than 2 decimal places'],
      [3, 'ScheduledAmount', 'Row 3, column ScheduledAmount: "12.345" has more than 2 decimal places'],
      [
        5,
        'PaymentAmount',
        'Row 5, column PaymentAmount: "1,00.00" has misplaced thousands separators (write 1,100.00 or 1100)',
      ],
      [
        5,
        'ScheduledAmount',
        'Row 5, column ScheduledAmount: "1,00.00" has misplaced thousands separators (write 1,100.00 or 1100)',
      ],
      [6, 'PaymentAmount', 'Row 6, column PaymentAmount: the amount is zero'],
    ],
  },
  'impossible-dates.csv': {
    read: [2],
    errors: [
      [3, 'DebitDate', 'Row 3, column DebitDate: "31/02/2016" is not a date'],
      [4, 'DebitDate', 'Row 4, column DebitDate: "29/02/2015" is not a date'],
      [5, 'DebitDate', 'Row 5, column DebitDate: "16/13/2016" is not a date'],
      [6, 'SettlementDate', 'Row 6, column SettlementDate: "soon" is not a date'],
    ],
  },
  'us-dates-read-day-first.csv': {
    // 09/12/2016 reads as 9 December: only an impossible day-first date can be caught.
    read: [3],
    errors: [[2, 'DebitDate', 'Row 2, column DebitDate: "09/16/2016" is not a date']],
  },
  'unknown-status.csv': {
    read: [2],
    errors: [
      [3, 'PaymentStatus', 'Row 3, column PaymentStatus: unknown status "X" (expected S, D, F, P or W)'],
      [4, 'PaymentStatus', 'Row 4, column PaymentStatus: the status is blank'],
      [
        5,
        'PaymentStatus',
        'Row 5, column PaymentStatus: unknown status "Refunded" (expected S, D, F, P or W)',
      ],
    ],
  },
  'ragged-rows.csv': {
    // Row 5 ends in two empty cells past the header: a trailing delimiter, not a ragged row.
    read: [2, 5],
    errors: [
      [3, null, 'Row 3: 11 cells, but the header has 19 columns'],
      [4, null, 'Row 4: 21 cells, but the header has 19 columns'],
    ],
  },
  'unterminated-quote.csv': {
    // The open quote on line 3 swallows line 4: both are lost, and the message says so.
    read: [2],
    errors: [[3, null, 'Row 3: a quote is not closed, so lines 3 to 4 run together and cannot be read']],
  },
  'debitsuccess-bad-values.txt': {
    read: [2],
    errors: [
      [3, 'TransDate', 'Row 3, column TransDate: "2016-09-31 06:12:02" is not a date'],
      [
        4,
        'Amount',
        'Row 4, column Amount: "55,00" has misplaced thousands separators (write 1,100.00 or 1100)',
      ],
      [5, 'TransactionGuid', 'Row 5, column TransactionGuid: the TransactionGuid is blank'],
      [6, 'Commission', 'Row 6, column Commission: "abc" is not an amount of money'],
    ],
  },
  'totals-only.csv': { read: [], errors: [], skipped: [[2, 'totals row']] },
  // No row reads (Reconcile refuses it with the first error); row 2 has two bad cells.
  'every-row-unreadable.csv': {
    read: [],
    errors: [
      [2, 'DebitDate', 'Row 2, column DebitDate: "31/02/2016" is not a date'],
      [2, 'PaymentAmount', 'Row 2, column PaymentAmount: "lots" is not an amount of money'],
      [3, 'PaymentAmount', 'Row 3, column PaymentAmount: the amount is blank'],
    ],
  },
};

const files = readdirSync(MALFORMED).sort();

describe('malformed corpus', () => {
  it('has at least 20 files, each with an expected outcome, and no stale expectations', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(files).toEqual(Object.keys(CASES).sort());
  });

  it.each(files)('%s', (file) => {
    const text = readFileSync(path.join(MALFORMED, file), 'utf8');
    const expected = CASES[file];
    if (expected === undefined) throw new Error(`No expected outcome for ${file}`);
    if ('refused' in expected) {
      let thrown: unknown;
      try {
        readReportText(text);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(ReportFormatError);
      expect((thrown as ReportFormatError).message).toBe(expected.refused);
      expect((thrown as ReportFormatError).message).not.toContain('\n');
      return;
    }
    const report = readReportText(text);
    expect(report.rows.map((r) => r.rowNumber)).toEqual(expected.read);
    expect(report.errors.map((e) => [e.rowNumber, e.column, e.message])).toEqual(expected.errors);
    expect(report.skipped.map((s) => [s.rowNumber, s.why])).toEqual(expected.skipped ?? []);
  });

  it('the rows that still read are read correctly', () => {
    const read = (f: string) => readReportText(readFileSync(path.join(MALFORMED, f), 'utf8')).rows;
    expect(read('bad-amounts.csv').map((r) => [r.references[0], r.amount, r.outcome])).toEqual([
      ['C-DAN', 9900, 'paid'],
    ]);
    expect(read('impossible-dates.csv').map((r) => [r.references[0], r.date])).toEqual([
      ['C-BEN', '2016-02-29'],
    ]);
    expect(read('us-dates-read-day-first.csv').map((r) => [r.references[0], r.date])).toEqual([
      ['C-CARA', '2016-12-09'],
    ]);
    expect(read('ragged-rows.csv').map((r) => [r.references[0], r.amount])).toEqual([
      ['C-BEN', 22000],
      ['C-EVE', 5500],
    ]);
    expect(read('unterminated-quote.csv').map((r) => r.references[0])).toEqual(['C-BEN']);
    expect(read('debitsuccess-bad-values.txt').map((r) => [r.paymentId, r.amount, r.outcome])).toEqual([
      ['g-1', 22000, 'paid'],
    ]);
  });
});
