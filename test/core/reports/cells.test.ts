import { describe, expect, it } from 'vitest';
import { readReportCells, ReportFormatError, type SheetCell } from '../../../src/core/reports';
import { brief, fixtureText } from './reportFixtures';

describe('readReportCells: a report pasted into a sheet tab', () => {
  // As getValues() returns it: two blank rows above, date cells, numbers for numeric text, a checkbox.
  const cells: SheetCell[][] = [
    ['', '', '', '', '', '', '', '', ''],
    [],
    [
      'PaymentID',
      'YourSystemReference',
      'EzidebitCustomerID',
      'CustomerName',
      'DebitDate',
      'PaymentAmount',
      'PaymentStatus',
      'BankReturnCode',
      'Checked',
    ],
    [
      'SCHEDULED-100231-20160916',
      'C-BEN',
      100231,
      "O'Brien, Ben",
      { date: '2016-09-16' },
      220,
      'S',
      '',
      true,
    ],
    [
      'SCHEDULED-100232-20160916',
      'C-CARA',
      100232,
      'Smith, Cara',
      { date: '2016-09-16' },
      160,
      'D',
      6,
      false,
    ],
    ['', '', '', '', '', '', '', '', ''],
    ['SCHEDULED-100233-20160916', 'C-DAN', 100233, 'Nguyen, Dan', '16/09/2016', '99.00', 'P'],
    ['SCHEDULED-100234-20160916', 'C-EVE', 100234, 'Ray, Eve', 42629, 55, 'F', 3, false],
    ['Totals', '', '', '', '', 534, '', '', ''],
  ];
  const report = readReportCells(cells);

  it('finds the header in the first non-empty row and numbers rows as the sheet does', () => {
    expect(report.shape).toBe('ezidebit');
    expect(report.headers[0]).toBe('PaymentID');
    expect(report.skipped).toEqual([
      { rowNumber: 6, why: 'blank row' },
      { rowNumber: 9, why: 'totals row' },
    ]);
  });

  it('reads date cells, number cells and short rows', () => {
    expect(brief(report.rows)).toEqual([
      {
        rowNumber: 4,
        paymentId: 'SCHEDULED-100231-20160916',
        references: ['C-BEN', '100231'],
        clientName: "O'Brien, Ben",
        date: '2016-09-16',
        settlementDate: null,
        amount: 22000,
        outcome: 'paid',
        reason: null,
        returnCode: null,
        providerRef: 'SCHEDULED-100231-20160916',
      },
      {
        rowNumber: 5,
        paymentId: 'SCHEDULED-100232-20160916',
        references: ['C-CARA', '100232'],
        clientName: 'Smith, Cara',
        date: '2016-09-16',
        settlementDate: null,
        amount: 16000,
        outcome: 'declined',
        reason: 'Refer to customer',
        returnCode: '6',
        providerRef: 'SCHEDULED-100232-20160916',
        providerStatus: 'D',
      },
      {
        rowNumber: 7,
        paymentId: 'SCHEDULED-100233-20160916',
        references: ['C-DAN', '100233'],
        clientName: 'Nguyen, Dan',
        date: '2016-09-16',
        settlementDate: null,
        amount: 9900,
        outcome: 'pending',
        reason: null,
        returnCode: null,
        providerRef: 'SCHEDULED-100233-20160916',
      },
    ]);
    expect(report.rows[0]?.raw).toMatchObject({
      EzidebitCustomerID: '100231',
      DebitDate: '2016-09-16',
      Checked: 'TRUE',
    });
  });

  it('a number where a date should be is a row error', () => {
    expect(report.errors).toEqual([
      {
        rowNumber: 8,
        column: 'DebitDate',
        message: 'Row 8, column DebitDate: 42629 is a number, not a date',
      },
    ]);
  });

  it('reads a Debitsuccess sheet whose TransDate cells became dates and Amount cells numbers', () => {
    const ds: SheetCell[][] = [
      ['CustomerID', 'DocketNo', 'TransactionGuid', 'Amount', 'TransDate', 'ReversalReasonCode'],
      ['C-BEN', 'D-1', 'G-1', 220, { date: '2016-09-16' }, ''],
      ['C-CARA', 'D-2', 'G-2', -160, { date: '2016-09-19' }, 'Z1'],
    ];
    expect(readReportCells(ds).rows.map((r) => [r.date, r.amount, r.outcome, r.reason])).toEqual([
      ['2016-09-16', 22000, 'paid', null],
      ['2016-09-19', 16000, 'declined', 'Reversal code Z1'],
    ]);
  });

  it('reads a report pasted whole into column A as text', () => {
    const lines = fixtureText('debitsuccess-transactions.txt').split(/\r?\n/);
    const report2 = readReportCells(lines.map((l) => [l]));
    expect(report2.shape).toBe('debitsuccess');
    expect(report2.rows.map((r) => [r.rowNumber, r.outcome, r.amount])).toEqual([
      [2, 'paid', 22000],
      [3, 'paid', 16000],
      [4, 'declined', 16000],
      [5, 'ignored', 750],
    ]);
  });

  it.each([
    [[], 'The report is empty'],
    [[['', '  '], []], 'The report is empty'],
    [
      [
        ['Name', 'Email'],
        ['Ben', 'ben@example.com'],
      ],
      'Not a recognised payment report (columns: Name, Email): map its columns to read it',
    ],
    [
      [[{ date: '2016-09-16' }, 220, 'C-BEN']],
      'The report has no header row: row 1 holds values, not column names',
    ],
  ] as [SheetCell[][], string][])('whole-sheet problems: %j', (grid, message) => {
    expect(() => readReportCells(grid)).toThrow(new ReportFormatError(message));
  });
});
