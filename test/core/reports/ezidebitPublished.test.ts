// Ezidebit's payment records as its API and exports publish them: PaymentAmount includes the fee the
// member pays (TransactionFeeCustomer) and ScheduledAmount settles the invoice; D and F differ, W and P
// are pending; a card debit's code is its own; API date-times carry a zone.
import { describe, expect, it } from 'vitest';
import { readReportText } from '../../../src/core/reports';
import { fixtureText } from './reportFixtures';

/** The calendar date of a moment in Sydney: what the add-in hands the reader (there via Utilities). */
const sydney = (ms: number) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Australia/Sydney',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(ms));

describe('Ezidebit: member-paid fees, ScheduledAmount, card codes (ezidebit-member-fees.csv)', () => {
  const report = readReportText(fixtureText('ezidebit-member-fees.csv'));
  const byRef = (ref: string) => report.rows.find((r) => r.references[0] === ref)!;

  it('reads every row', () => {
    expect(report.shape).toBe('ezidebit');
    expect(report.errors).toEqual([]);
    expect(report.rows).toHaveLength(8);
  });

  it('a payment settles the ScheduledAmount: the member’s fee is no credit', () => {
    expect([byRef('C-BEN').amount, byRef('C-BEN').outcome, byRef('C-BEN').check]).toEqual([
      22000,
      'paid',
      undefined,
    ]);
    // A card payment with a larger fee: still the scheduled $99.00.
    expect([byRef('C-DAN').amount, byRef('C-DAN').method, byRef('C-DAN').check]).toEqual([
      9900,
      'card',
      undefined,
    ]);
  });

  it('PaymentAmount that is not ScheduledAmount plus the member’s fee is To check', () => {
    const eve = byRef('C-EVE');
    // It stands for the money taken for the studio, which a person settling it as paid applies.
    expect([eve.outcome, eve.amount]).toEqual(['paid', 5601]);
    expect(eve.check).toBe(
      "PaymentAmount $57.00 less the member's fee $0.99 (TransactionFeeCustomer) is $56.01, not the ScheduledAmount $55.00: check what was taken (settled as paid, $56.01 is applied)",
    );
  });

  it('D and F are told apart; the bank code is read through the bank table only for a bank debit', () => {
    expect(
      ['C-CARA', 'C-FIONA', 'C-IAN'].map((ref) => {
        const r = byRef(ref);
        return [r.outcome, r.amount, r.providerStatus, r.method, r.returnCode, r.reason, r.settlementDate];
      }),
    ).toEqual([
      ['declined', 16000, 'D', 'bank', '06', 'Refer to customer', '2016-10-18'],
      // A card's 05 is not the bank's "no account": shown as the provider gave it.
      ['declined', 8000, 'F', 'card', '05', 'Do not honour (card code 05)', '2016-10-18'],
      ['declined', 22000, 'F', 'bank', '05', 'No account, or incorrect account number', '2016-10-18'],
    ]);
  });

  it('W (waiting) and P (pending at the bank) are both pending, of the scheduled amount', () => {
    expect(['C-GUS', 'C-HANA'].map((ref) => [byRef(ref).outcome, byRef(ref).amount])).toEqual([
      ['pending', 4500],
      ['pending', 4500],
    ]);
  });
});

describe('Ezidebit: amounts row by row', () => {
  const read = (header: string, line: string) => readReportText(`${header}\n${line}\n`).rows[0];

  it('without a ScheduledAmount (no column, or blank), PaymentAmount less the member’s fee', () => {
    const noColumn =
      'PaymentID,YourSystemReference,DebitDate,PaymentAmount,TransactionFeeCustomer,PaymentStatus';
    expect(read(noColumn, 'P1,C-1,16/09/2016,220.99,0.99,S')?.amount).toBe(22000);
    const blank =
      'PaymentID,YourSystemReference,DebitDate,ScheduledAmount,PaymentAmount,TransactionFeeCustomer,PaymentStatus';
    const r = read(blank, 'P1,C-1,16/09/2016,,220.99,0.99,S');
    expect([r?.amount, r?.check]).toEqual([22000, undefined]);
  });

  it('a late return (negative PaymentAmount) is of the scheduled amount and says it is negative', () => {
    const header =
      'PaymentID,YourSystemReference,DebitDate,ScheduledAmount,PaymentAmount,TransactionFeeCustomer,PaymentStatus,BankFailedReason';
    const r = read(header, 'P1,C-1,16/09/2016,220.00,-220.99,0.99,S,Late Return');
    expect([r?.outcome, r?.amount, r?.negative, r?.reason, r?.check]).toEqual([
      'paid',
      22000,
      true,
      'Late Return',
      undefined,
    ]);
  });

  it('a fee as large as the payment, or a negative fee, is an error naming the cell', () => {
    const header =
      'PaymentID,YourSystemReference,DebitDate,PaymentAmount,TransactionFeeCustomer,PaymentStatus';
    const errors = (line: string) => readReportText(`${header}\n${line}\n`).errors.map((e) => e.message);
    expect(errors('P1,C-1,16/09/2016,0.99,0.99,S')).toEqual([
      "Row 2, column PaymentAmount: the amount $0.99 is not more than the member's fee $0.99",
    ]);
    expect(errors('P1,C-1,16/09/2016,10.00,-0.99,S')).toEqual([
      "Row 2, column TransactionFeeCustomer: the member's fee is negative",
    ]);
  });
});

describe('Ezidebit: API date-times with a zone (ezidebit-api-zoned.csv)', () => {
  const text = fixtureText('ezidebit-api-zoned.csv');

  it('takes the calendar date in the studio’s zone, through the function the caller gives', () => {
    const report = readReportText(text, { toStudioDate: sydney });
    expect(report.errors).toEqual([]);
    expect(report.rows.map((r) => [r.paymentId, r.date, r.settlementDate, r.amount])).toEqual([
      // 21:30 UTC on 13 Oct is 08:30 on 14 Oct in Sydney.
      ['API-9001', '2016-10-14', '2016-10-17', 22000],
      ['API-9002', '2016-10-13', '2016-10-18', 16000],
      ['API-9003', '2016-10-14', null, 9900],
    ]);
  });

  it('without one, the date as written (core knows no zone)', () => {
    const report = readReportText(text);
    expect(report.rows.map((r) => [r.date, r.settlementDate])).toEqual([
      ['2016-10-13', '2016-10-16'],
      ['2016-10-13', '2016-10-17'],
      ['2016-10-14', null],
    ]);
  });

  it('an impossible zoned date-time is an error, not a date', () => {
    const bad = text.replace('2016-10-13T21:30:00.000Z', '2016-02-30T21:30:00.000Z');
    expect(readReportText(bad, { toStudioDate: sydney }).errors.map((e) => e.message)).toEqual([
      'Row 2, column DebitDate: "2016-02-30T21:30:00.000Z" is not a date',
    ]);
  });
});
