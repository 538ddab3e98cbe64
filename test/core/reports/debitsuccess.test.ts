// Debitsuccess's client data files in the published layout (Transactions and PayoutTransactions), decided
// only by what is published. The fixtures' codes (TransType, PaymentTransactionCode, ReversalReasonCode)
// are made up (see test/fixtures/reports/README.md) and must decide nothing.
import { describe, expect, it } from 'vitest';
import { readReportText } from '../../../src/core/reports';
import { brief, fixtureText } from './reportFixtures';

const TRANSACTIONS = [
  'RunDate',
  'BusinessName',
  'BusinessAccount',
  'ContractPrefix',
  'CustomerID',
  'AccountGuid',
  'CustomerFirstName',
  'CustomerLastName',
  'DebitsuccessID',
  'DocketNo',
  'TransactionGuid',
  'Amount',
  'TransDate',
  'TransType',
  'PaymentTransactionCode',
  'PaymentMethodCode',
  'ReversalReasonCode',
  'Commission',
  'CurrencyCode',
];

describe('Debitsuccess Transactions file (published columns, CRLF)', () => {
  const report = readReportText(fixtureText('debitsuccess-transactions.txt'));

  it('is recognised as pipe-delimited Debitsuccess with every published column', () => {
    expect(report.shape).toBe('debitsuccess');
    expect(report.headers).toEqual(TRANSACTIONS);
    expect(report.errors).toEqual([]);
    expect(report.skipped).toEqual([]);
  });

  it('a payment, the reversal of the same DocketNo, and a negative amount with no reason To check', () => {
    const common = { settlementDate: null, references: ['C-CARA', 'DS7713022'], clientName: 'Cara Smith' };
    expect(brief(report.rows)).toEqual([
      {
        rowNumber: 2,
        paymentId: '6f1c2a9e-0b1d-4e55-9a41-1f7f0f2a3b01',
        references: ['C-BEN', 'DS7713021'],
        clientName: "Ben O'Brien",
        date: '2016-09-16',
        settlementDate: null,
        amount: 22000,
        outcome: 'paid',
        reason: null,
        returnCode: null,
        providerRef: 'D-40001',
        providerKept: 440,
        codes: 'TransType Z, PaymentTransactionCode ZP, PaymentMethodCode AP',
      },
      {
        rowNumber: 3,
        paymentId: '6f1c2a9e-0b1d-4e55-9a41-1f7f0f2a3b02',
        ...common,
        date: '2016-09-16',
        amount: 16000,
        outcome: 'paid',
        reason: null,
        returnCode: null,
        providerRef: 'D-40002',
        providerKept: 320,
        codes: 'TransType Z, PaymentTransactionCode ZP, PaymentMethodCode AP',
      },
      {
        // TransDate with fractional seconds; the made-up code is shown as given, with no meaning.
        rowNumber: 4,
        paymentId: '6f1c2a9e-0b1d-4e55-9a41-1f7f0f2a3b03',
        ...common,
        date: '2016-09-19',
        amount: 16000,
        outcome: 'declined',
        reason: 'Reversal code Z1',
        returnCode: 'Z1',
        providerRef: 'D-40002',
        negative: true,
        codes: 'TransType Y, PaymentTransactionCode ZR, PaymentMethodCode AP, ReversalReasonCode Z1',
      },
      {
        rowNumber: 5,
        paymentId: '6f1c2a9e-0b1d-4e55-9a41-1f7f0f2a3b04',
        ...common,
        date: '2016-09-19',
        amount: 750,
        outcome: 'ignored',
        reason: null,
        returnCode: null,
        providerRef: 'D-40004',
        negative: true,
        check:
          'A negative Amount with no ReversalReasonCode: not a payment, and not said to reverse one; check what it is',
        codes: 'TransType Y, PaymentTransactionCode ZF, PaymentMethodCode AP',
      },
    ]);
    expect(report.rows[2]?.raw).toMatchObject({ TransDate: '2016-09-19 07:30:00.517', Amount: '-160.00' });
  });

  it('decides by Amount and ReversalReasonCode only: the codes beside them change nothing', () => {
    const text = fixtureText('debitsuccess-transactions.txt')
      .replace(/\|Z\|ZP\|AP\|/g, '|Q|97|XX|')
      .replace(/\|Y\|ZF\|AP\|/g, '|Z|ZP|AP|');
    expect(readReportText(text).rows.map((r) => [r.outcome, r.check !== undefined])).toEqual([
      ['paid', false],
      ['paid', false],
      ['declined', false],
      ['ignored', true],
    ]);
  });

  it('a ReversalReasonCode that looks like a bank code is still Debitsuccess’s own, shown as given', () => {
    const text = fixtureText('debitsuccess-transactions.txt').replace('|Z1|', '|06|');
    const row = readReportText(text).rows[2];
    expect([row?.outcome, row?.reason, row?.returnCode]).toEqual(['declined', 'Reversal code 06', '06']);
  });
});

describe('Debitsuccess PayoutTransactions file (BusinessID, IncomeDesc, PayoutDate, PayoutBatchID)', () => {
  const report = readReportText(fixtureText('debitsuccess-payout-transactions.txt'));

  it('reads the studio’s Facility Revenue as payments and Debitsuccess Revenue as the provider’s own', () => {
    expect(report.shape).toBe('debitsuccess');
    expect(report.errors).toEqual([]);
    expect(
      report.rows.map((r) => [
        r.rowNumber,
        r.paymentId?.slice(-4),
        r.references,
        r.outcome,
        r.amount,
        r.providerRef,
        r.providerKept,
      ]),
    ).toEqual([
      [2, '3b01', ['C-BEN', 'DS7713021'], 'paid', 22000, 'D-40001', 440],
      [3, '3b02', ['C-CARA', 'DS7713022'], 'paid', 16000, 'D-40002', 320],
      [4, '3b05', ['C-CARA', 'DS7713022'], 'fee', 990, 'D-40004', undefined],
    ]);
    expect(report.rows[0]?.raw).toMatchObject({ IncomeDesc: 'Facility Revenue', PayoutBatchID: 'PB-5501' });
  });
});

describe('Debitsuccess: blank lines, columns by name', () => {
  it('skips the blank lines (numbered as in the file) and tolerates a trailing pipe', () => {
    const report = readReportText(fixtureText('debitsuccess-blank-lines.txt'));
    expect(report.errors).toEqual([]);
    expect(report.skipped).toEqual([
      { rowNumber: 2, why: 'blank line' },
      { rowNumber: 5, why: 'blank line' },
      { rowNumber: 7, why: 'blank line' },
    ]);
    expect(report.rows.map((r) => [r.rowNumber, r.references[0], r.date, r.amount, r.outcome])).toEqual([
      [3, 'C-BEN', '2016-09-30', 22000, 'paid'],
      [4, 'C-KIM', '2016-09-30', 4500, 'paid'],
      [6, 'C-CARA', '2016-10-03', 16000, 'declined'],
    ]);
  });

  it('finds the columns in any order and spelling; a name from first name only', () => {
    const text = [
      'Trans Date | Amount | Docket No | Transaction Guid | Customer ID | Customer First Name | Reversal Reason Code',
      '2016-09-30 06:00:00 | 45.00 | D-1 | G-1 | C-KIM | Kim | ',
      '2016-10-03 07:00:00 | -45.00 | D-1 | G-2 | C-KIM | Kim | Z4',
    ].join('\n');
    const report = readReportText(text);
    expect(report.shape).toBe('debitsuccess');
    expect(
      brief(report.rows).map((r) => [r.paymentId, r.clientName, r.outcome, r.amount, r.providerRef]),
    ).toEqual([
      ['G-1', 'Kim', 'paid', 4500, 'D-1'],
      ['G-2', 'Kim', 'declined', 4500, 'D-1'],
    ]);
  });

  it('needs the TransactionGuid and the DocketNo: the keys a reversal and a second apply go by', () => {
    const without = (col: string) => fixtureText('debitsuccess-transactions.txt').replace(col, `${col}X`);
    expect(() => readReportText(without('TransactionGuid'))).toThrow(
      'The Debitsuccess report has no TransactionGuid column',
    );
    expect(() => readReportText(without('DocketNo'))).toThrow(
      'The Debitsuccess report has no DocketNo column',
    );
  });
});
