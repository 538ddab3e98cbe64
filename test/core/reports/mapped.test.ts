import { describe, expect, it } from 'vitest';
import {
  headerSignature,
  readReportText,
  ReportFormatError,
  type ColumnMapping,
} from '../../../src/core/reports';
import { brief, fixtureText } from './reportFixtures';

const mapping: ColumnMapping = {
  reference: ['Member No'],
  paymentId: 'Txn',
  name: 'Member',
  date: 'Processed',
  amount: 'Value',
  status: 'Result',
  paidValues: ['Approved'],
  declinedValues: ['Rejected', 'Returned'],
  pendingValues: ['In progress'],
  reason: 'Why',
};

describe('a report of unknown shape, read through the user’s mapping', () => {
  const text = fixtureText('mapped-semicolon-export.csv');

  it('without a mapping it is refused, naming its columns', () => {
    expect(() => readReportText(text)).toThrow(
      new ReportFormatError(
        'Not a recognised payment report (columns: Member No, Member, Processed, Value, Result, Why, Txn): map its columns to read it',
      ),
    );
  });

  it('with one, every row reads (semicolons, bracketed negatives, status case and spaces)', () => {
    const report = readReportText(text, { mapping });
    expect(report.shape).toBe('mapped');
    expect(report.errors).toEqual([]);
    expect(brief(report.rows)).toEqual([
      {
        rowNumber: 2,
        paymentId: 'T-9001',
        references: ['M-001'],
        clientName: "Ben O'Brien",
        date: '2016-09-16',
        settlementDate: null,
        amount: 22000,
        outcome: 'paid',
        reason: null,
        returnCode: null,
        providerRef: 'T-9001',
      },
      {
        rowNumber: 3,
        paymentId: 'T-9002',
        references: ['M-002'],
        clientName: 'Cara Smith',
        date: '2016-09-16',
        settlementDate: null,
        amount: 16000,
        outcome: 'declined',
        reason: 'Insufficient funds',
        returnCode: null,
        providerRef: 'T-9002',
        negative: true,
      },
      {
        rowNumber: 4,
        paymentId: 'T-9003',
        references: ['M-003'],
        clientName: 'Dan Nguyen',
        date: '2016-09-16',
        settlementDate: null,
        amount: 9900,
        outcome: 'pending',
        reason: null,
        returnCode: null,
        providerRef: 'T-9003',
      },
      {
        rowNumber: 5,
        paymentId: 'T-9004',
        references: ['M-004'],
        clientName: 'Eve Ray',
        date: '2016-09-16',
        settlementDate: null,
        amount: 5500,
        outcome: 'paid',
        reason: null,
        returnCode: null,
        providerRef: 'T-9004',
      },
    ]);
  });

  it('the mapping is found again by the header signature, whatever the column order', () => {
    const saved = new Map([
      [headerSignature(['Member No', 'Member', 'Processed', 'Value', 'Result', 'Why', 'Txn']), mapping],
    ]);
    const reordered = ['txn', 'WHY', 'result', 'value', 'processed', 'member', 'member_no'];
    expect(saved.get(headerSignature(reordered))).toBe(mapping);
    expect(headerSignature(reordered)).toBe('member|memberno|processed|result|txn|value|why');
  });

  it('a mapping wins over a recognised layout', () => {
    const ezidebit = fixtureText('ezidebit-payments-sample.csv');
    const report = readReportText(ezidebit, {
      mapping: {
        reference: ['CustomerName'],
        date: 'SettlementDate',
        amount: 'TransactionFeeClient',
        paidValues: [],
        declinedValues: [],
      },
    });
    expect(report.shape).toBe('mapped');
    expect(report.rows.map((r) => [r.date, r.amount, r.outcome])).toEqual([['2016-09-19', 99, 'paid']]);
    expect(report.errors.map((e) => e.message)).toEqual([
      'Row 3, column SettlementDate: the date is blank',
      'Row 4, column SettlementDate: the date is blank',
      'Row 5, column SettlementDate: the date is blank',
    ]);
  });
});

describe('mapping rules', () => {
  const text = [
    'Ref,Date,Amount,Outcome',
    'A1,16/09/2016,220.00,OK',
    'A2,16/09/2016,-160.00,',
    'A3,16/09/2016,99,Maybe',
  ].join('\n');
  const base: ColumnMapping = {
    reference: ['Ref'],
    date: 'Date',
    amount: 'Amount',
    paidValues: ['ok'],
    declinedValues: ['bad'],
  };

  it('a client named "Total Fitness" is not a totals row; "Total (2)" and "Grand total:" are', () => {
    const report = readReportText(
      [
        'Client,Date,Amount',
        'Total Fitness Pty,16/09/2016,220',
        'Total (2),,220',
        'Grand total:,16/09/2016,220',
      ].join('\n'),
      {
        mapping: {
          reference: ['Client'],
          date: 'Date',
          amount: 'Amount',
          paidValues: [],
          declinedValues: [],
        },
      },
    );
    expect(report.rows.map((r) => [r.rowNumber, r.references])).toEqual([[2, ['Total Fitness Pty']]]);
    expect(report.skipped).toEqual([
      { rowNumber: 3, why: 'totals row' },
      { rowNumber: 4, why: 'totals row' },
    ]);
  });

  it('without a status column, the sign of the amount decides', () => {
    const report = readReportText(text, { mapping: base });
    expect(report.rows.map((r) => [r.references, r.outcome, r.amount, r.paymentId])).toEqual([
      [['A1'], 'paid', 22000, null],
      [['A2'], 'declined', 16000, null],
      [['A3'], 'paid', 9900, null],
    ]);
  });

  it('with one, blank and unknown values are row errors that list the mapped values', () => {
    const report = readReportText(text, { mapping: { ...base, status: 'Outcome' } });
    expect(report.rows.map((r) => r.rowNumber)).toEqual([2]);
    expect(report.errors).toEqual([
      { rowNumber: 3, column: 'Outcome', message: 'Row 3, column Outcome: the status is blank' },
      {
        rowNumber: 4,
        column: 'Outcome',
        message: 'Row 4, column Outcome: unknown status "Maybe" (expected ok, bad)',
      },
    ]);
  });

  it.each([
    [{ ...base, date: 'Paid On' }, 'The mapped column "Paid On" (date) is not in the report'],
    [
      { ...base, reference: ['Ref', 'Member'] },
      'The mapped column "Member" (reference) is not in the report',
    ],
    [
      { ...base, status: 'Outcome', paidValues: [], declinedValues: [' '] },
      'The mapping names a status column but no status values',
    ],
    [
      { ...base, status: 'Outcome', declinedValues: ['OK'] },
      'The status "OK" is mapped to both paid and declined',
    ],
  ])('a mapping that does not fit the report is a ReportFormatError: %#', (m, message) => {
    expect(() => readReportText(text, { mapping: m })).toThrow(new ReportFormatError(message));
  });
});
