import { describe, expect, it } from 'vitest';
import { readReportText } from '../../../src/core/reports';
import { brief, fixtureText } from './reportFixtures';

describe('Debitsuccess transaction file: the shared sample', () => {
  const report = readReportText(fixtureText('debitsuccess-transactions-sample.txt'));

  it('is recognised as pipe-delimited Debitsuccess', () => {
    expect(report.shape).toBe('debitsuccess');
    expect(report.headers).toEqual([
      'RunDate',
      'CustomerID',
      'DebitsuccessID',
      'DocketNo',
      'TransactionGuid',
      'Amount',
      'TransDate',
      'TransType',
      'PaymentTransactionCode',
      'PaymentMethodCode',
      'ReversalReasonCode',
    ]);
    expect(report.errors).toEqual([]);
    expect(report.skipped).toEqual([]);
  });

  it('reads payments as paid, the reversal as declined with its reason, the penalty as a fee', () => {
    expect(brief(report.rows)).toEqual([
      {
        rowNumber: 2,
        paymentId: '6f1c2a9e-0b1d-4e55-9a41-1f7f0f2a3b01',
        references: ['C-BEN', 'DS7713021', 'D-40001'],
        clientName: null,
        date: '2016-09-16',
        settlementDate: null,
        amount: 22000,
        outcome: 'paid',
        reason: null,
        returnCode: null,
        providerRef: 'D-40001',
      },
      {
        rowNumber: 3,
        paymentId: '6f1c2a9e-0b1d-4e55-9a41-1f7f0f2a3b02',
        references: ['C-CARA', 'DS7713022', 'D-40002'],
        clientName: null,
        date: '2016-09-16',
        settlementDate: null,
        amount: 16000,
        outcome: 'paid',
        reason: null,
        returnCode: null,
        providerRef: 'D-40002',
      },
      {
        rowNumber: 4,
        paymentId: '6f1c2a9e-0b1d-4e55-9a41-1f7f0f2a3b03',
        references: ['C-CARA', 'DS7713022', 'D-40003'],
        clientName: null,
        date: '2016-09-19',
        settlementDate: null,
        amount: 16000,
        outcome: 'declined',
        reason: 'Insufficient Funds',
        returnCode: 'Insufficient Funds',
        providerRef: 'D-40003',
        negative: true,
      },
      {
        rowNumber: 5,
        paymentId: '6f1c2a9e-0b1d-4e55-9a41-1f7f0f2a3b04',
        references: ['C-CARA', 'DS7713022', 'D-40004'],
        clientName: null,
        date: '2016-09-19',
        settlementDate: null,
        amount: 750,
        outcome: 'fee',
        reason: null,
        returnCode: null,
        providerRef: 'D-40004',
        negative: true,
      },
    ]);
    expect(report.rows[3]?.raw).toMatchObject({ RunDate: '20160920', Amount: '-7.50', TransType: '-' });
  });
});

describe('Debitsuccess: blank lines, no TransactionGuid column', () => {
  const report = readReportText(fixtureText('debitsuccess-blank-lines.txt'));

  it('skips the blank lines (numbered as in the file) and reads every transaction', () => {
    expect(report.errors).toEqual([]);
    expect(report.skipped).toEqual([
      { rowNumber: 2, why: 'blank line' },
      { rowNumber: 6, why: 'blank line' },
      { rowNumber: 9, why: 'blank line' },
      { rowNumber: 12, why: 'blank line' },
    ]);
    expect(
      report.rows.map((r) => [
        r.rowNumber,
        r.references[0],
        r.date,
        r.amount,
        r.outcome,
        r.reason,
        r.returnCode,
      ]),
    ).toEqual([
      [3, 'C-BEN', '2016-09-30', 22000, 'paid', null, null],
      [4, 'C-KIM', '2016-09-30', 4500, 'paid', null, null],
      [5, 'C-KIM', '2016-09-30', 4500, 'paid', null, null],
      [7, 'C-CARA', '2016-09-30', 16000, 'declined', 'Reversal code R04', 'R04'],
      [8, 'C-CARA', '2016-09-30', 750, 'fee', null, null],
      // A refund is money going back to the client, not a payment or a decline.
      [10, 'C-LEE', '2016-09-29', 3000, 'ignored', null, null],
      // No TransType: the negative amount says it is a reversal.
      [11, 'C-MAX', '2016-10-01', 9900, 'declined', 'Account Closed', 'Account Closed'],
    ]);
  });

  it('builds stable payment ids from DebitsuccessID, TransDate, direction and cents; repeats get #2', () => {
    expect(report.rows.map((r) => r.paymentId)).toEqual([
      'DS7713021:2016-09-30:+:22000',
      'DS7713030:2016-09-30:+:4500',
      'DS7713030:2016-09-30:+:4500#2',
      'DS7713022:2016-09-30:-:16000',
      'DS7713022:2016-09-30:-:750',
      'DS7713031:2016-09-29:-:3000',
      'DS7713032:2016-10-01:-:9900',
    ]);
    const again = readReportText(fixtureText('debitsuccess-blank-lines.txt'));
    expect(again.rows.map((r) => r.paymentId)).toEqual(report.rows.map((r) => r.paymentId));
  });
});

describe('Debitsuccess: columns by name', () => {
  it('tolerates reordered columns, spaced names, and a CustomerID-only file', () => {
    const text = [
      'Trans Type | Amount | Trans Date | Customer ID | Payment Transaction Code | Reversal Reason Code',
      '+ | 45.00 | 20160930 | C-KIM | Payment | ',
      '- | -45.00 | 20161003 | C-KIM | Dishonour | ',
    ].join('\n');
    const report = readReportText(text);
    expect(report.shape).toBe('debitsuccess');
    expect(brief(report.rows).map((r) => [r.paymentId, r.outcome, r.amount, r.reason])).toEqual([
      ['C-KIM:2016-09-30:+:4500', 'paid', 4500, null],
      ['C-KIM:2016-10-03:-:4500', 'declined', 4500, null],
    ]);
  });
});
