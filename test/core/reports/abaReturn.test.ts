import { describe, expect, it } from 'vitest';
import {
  adaptAbaReturn,
  originalDebitDate,
  readReportCells,
  readReportText,
  ReportFormatError,
  type AbaReturnLike,
} from '../../../src/core/reports';
import { ABA_RETURN_SAMPLE_RECORDS, brief, fixtureText } from './reportFixtures';

const text = fixtureText('aba-return-sample.txt');
/** Stands in for src/core/aba's reader: returns the fixture's records, and checks it was given the file. */
const parseAbaReturn = (t: string): AbaReturnLike[] => {
  expect(t).toBe(text);
  return ABA_RETURN_SAMPLE_RECORDS;
};

describe('ABA return file', () => {
  it('is recognised by its records and read through the supplied reader', () => {
    const report = readReportText(text, { parseAbaReturn });
    expect(report.shape).toBe('aba-return');
    expect(report.errors).toEqual([]);
    expect(report.skipped).toEqual([]);
    // The original day (16) is placed in the month of the return file's processing date (20 Sep 2016),
    // the day the bank reported the declines.
    expect(brief(report.rows)).toEqual([
      {
        rowNumber: 2,
        paymentId: null,
        references: ['HPT-CARA'],
        clientName: 'C SMITH',
        date: '2016-09-16',
        settlementDate: '2016-09-20',
        amount: 16000,
        outcome: 'declined',
        reason: 'Refer to customer',
        returnCode: '6',
      },
      {
        rowNumber: 3,
        paymentId: null,
        references: ['HPT-DAN'],
        clientName: 'D NGUYEN',
        date: '2016-09-16',
        settlementDate: '2016-09-20',
        amount: 9900,
        outcome: 'declined',
        reason: 'Account closed',
        returnCode: '3',
      },
    ]);
    expect(report.rows[0]?.raw).toMatchObject({
      bsb: '082-001',
      accountNumber: '987654321',
      originalUserId: '301500',
    });
    expect(report.headers).toContain('lodgementReference');
  });

  it('uses the caller’s processing date or month over the file’s', () => {
    expect(readReportText(text, { parseAbaReturn, abaProcessed: '2016-10-03' }).rows[0]?.date).toBe(
      '2016-09-16',
    );
    expect(
      readReportText(text, { parseAbaReturn, abaProcessed: { year: 2016, month: 8 } }).rows[0]?.date,
    ).toBe('2016-08-16');
  });

  it('without a reader, says so rather than guessing', () => {
    expect(() => readReportText(text)).toThrow(
      new ReportFormatError('This is an ABA return file, and no ABA return reader was supplied'),
    );
  });

  it('turns the reader’s failure into a one-line ReportFormatError', () => {
    const failing = () => {
      throw new Error('Line 4: the file total 25900 does not match the records (25901)\nLine 5: …');
    };
    expect(() => readReportText(text, { parseAbaReturn: failing })).toThrow(
      'The ABA return file cannot be read: Line 4: the file total 25900 does not match the records (25901)',
    );
  });

  it('is recognised when pasted into column A of a sheet', () => {
    const cells = text.split('\r\n').map((l) => [l]);
    const report = readReportCells(cells, { parseAbaReturn: () => ABA_RETURN_SAMPLE_RECORDS });
    expect(report.rows.map((r) => [r.rowNumber, r.references, r.reason])).toEqual([
      [2, ['HPT-CARA'], 'Refer to customer'],
      [3, ['HPT-DAN'], 'Account closed'],
    ]);
  });
});

describe('adaptAbaReturn', () => {
  const rec = (over: Partial<AbaReturnLike>): AbaReturnLike => ({
    ...ABA_RETURN_SAMPLE_RECORDS[0]!,
    ...over,
  });

  it.each([
    [1, 'Invalid BSB number'],
    [2, 'Payment stopped'],
    [3, 'Account closed'],
    [4, 'Customer deceased'],
    [5, 'No account/incorrect account number'],
    [6, 'Refer to customer'],
    [8, 'Invalid user ID number'],
    [9, 'Technically invalid'],
    [7, 'Return code 7'],
  ])('return code %i: %s', (returnCode, reason) => {
    const row = adaptAbaReturn([rec({ returnCode })], { year: 2016, month: 9 }).rows[0];
    expect([row?.reason, row?.returnCode, row?.outcome]).toEqual([reason, String(returnCode), 'declined']);
  });

  it('without a year and month, reports each record as an error instead of inventing a date', () => {
    const report = adaptAbaReturn(ABA_RETURN_SAMPLE_RECORDS);
    expect(report.rows).toEqual([]);
    expect(report.errors).toEqual([
      {
        rowNumber: 2,
        column: 'originalDay',
        message:
          'Row 2, column originalDay: original processing day 16 needs a year and month to be a date (none was given)',
      },
      {
        rowNumber: 3,
        column: 'originalDay',
        message:
          'Row 3, column originalDay: original processing day 16 needs a year and month to be a date (none was given)',
      },
    ]);
  });

  it('blank lodgement reference and account title become [] and null; bad amounts are errors', () => {
    const report = adaptAbaReturn(
      [rec({ lodgementReference: '   ', accountTitle: '' }), rec({ lineNumber: 3, amount: 0 })],
      '2016-09-20',
    );
    expect([report.rows[0]?.references, report.rows[0]?.clientName]).toEqual([[], null]);
    expect(report.errors.map((e) => e.message)).toEqual([
      'Row 3, column amount: 0 is not a positive amount in cents',
    ]);
  });
});

describe('originalDebitDate', () => {
  it.each([
    [16, '2016-09-20', '2016-09-16'],
    [20, '2016-09-20', '2016-09-20'],
    [28, '2016-10-03', '2016-09-28'],
    [31, '2016-10-03', '2016-08-31'],
    [30, '2016-03-02', '2016-01-30'],
    [31, '2017-01-02', '2016-12-31'],
  ])('day %i before %s is %s', (day, processed, date) => {
    expect(originalDebitDate(day, processed)).toBe(date);
  });

  it('explains the dates it cannot make', () => {
    expect(originalDebitDate(31, { year: 2016, month: 9 })).toBe('day 31 is not in 2016-09');
    expect(originalDebitDate(0, '2016-09-20')).toBe('original processing day 0 is not a day of the month');
    expect(originalDebitDate(16, '2016-02-30')).toBe('the processing date "2016-02-30" is not a date');
  });
});
