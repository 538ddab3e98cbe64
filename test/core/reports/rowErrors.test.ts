import { describe, expect, it } from 'vitest';
import { errorsByRow, readReportText } from '../../../src/core/reports';

describe('errors grouped by report row', () => {
  it('a row with two bad cells is one entry naming the row once and both columns', () => {
    const text = [
      'PaymentID,PaymentReference,CustomerName,DebitDate,PaymentAmount,PaymentStatus,BankReturnCode,BankFailedReason',
      'X1,HPT-BEN,Ben,31/02/2016,lots,S,,',
      'X2,HPT-CARA,Cara,16/09/2016,,S,,',
    ].join('\n');
    const report = readReportText(text);
    expect(report.errors.length).toBe(3);
    expect(errorsByRow(report.errors)).toEqual([
      {
        rowNumber: 2,
        count: 2,
        message:
          'Row 2, column DebitDate: "31/02/2016" is not a date; column PaymentAmount: "lots" is not an amount of money',
      },
      { rowNumber: 3, count: 1, message: 'Row 3, column PaymentAmount: the amount is blank' },
    ]);
  });

  it('a whole-row problem after a cell problem drops the row prefix too', () => {
    expect(
      errorsByRow([
        { rowNumber: 4, column: 'A', message: 'Row 4, column A: bad' },
        { rowNumber: 4, column: null, message: 'Row 4: worse' },
      ]),
    ).toEqual([{ rowNumber: 4, count: 2, message: 'Row 4, column A: bad; worse' }]);
  });
});
