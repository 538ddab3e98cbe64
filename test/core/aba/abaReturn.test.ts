import { describe, expect, it } from 'vitest';
import { ABA_RETURN_REASONS, AbaError, parseAbaReturn } from '../../../src/core/aba';
import { BANK_HEADER_RETURN_FILE, readFixture, recordsOf, RETURN_FILE } from './abaTestData';

const fixture = readFixture(RETURN_FILE);
const lines = recordsOf(fixture);
const withLine = (n: number, edit: (record: string) => string): string =>
  lines.map((l, i) => (i === n - 1 ? edit(l) : l) + '\r\n').join('');
const put = (record: string, first: number, value: string) =>
  record.slice(0, first - 1) + value + record.slice(first - 1 + value.length);

describe('parseAbaReturn reads the fixture return file', () => {
  const returns = parseAbaReturn(fixture);

  it('both returned debits, every field', () => {
    const common = {
      transactionCode: 13,
      kind: 'debit',
      traceBsb: '032-000',
      traceAccount: '123456',
      remitter: 'HARBOUR PT',
      originalProcessingDay: 16,
      originalUserId: '301500',
    };
    expect(returns).toEqual([
      {
        ...common,
        line: 2,
        bsb: '082-001',
        accountNumber: '987654321',
        returnCode: 6,
        reason: 'Refer to customer',
        amount: 16000,
        accountTitle: 'C SMITH',
        lodgementReference: 'HPT-CARA',
      },
      {
        ...common,
        line: 3,
        bsb: '063-111',
        accountNumber: '55501234',
        returnCode: 3,
        reason: 'Account closed',
        amount: 9900,
        accountTitle: 'D NGUYEN',
        lodgementReference: 'HPT-DAN',
      },
    ]);
  });

  it('codes, amounts and references at a glance', () => {
    expect(returns.map((r) => [r.lodgementReference, r.returnCode, r.amount])).toEqual([
      ['HPT-CARA', 6, 16000],
      ['HPT-DAN', 3, 9900],
    ]);
  });

  it('LF line ends read the same', () => {
    expect(parseAbaReturn(fixture.replace(/\r\n/g, '\n'))).toEqual(returns);
  });
});

describe("a bank's return file with the bank's details in the header", () => {
  // Positions 2-18 hold the bank's BSB and account and 81-84 a time: blank in the layout, ignored.
  const text = readFixture(BANK_HEADER_RETURN_FILE);

  it('is read, with code 7 ("not used", but valid) and code 6', () => {
    expect(
      parseAbaReturn(text).map((r) => [r.line, r.lodgementReference, r.returnCode, r.reason, r.amount]),
    ).toEqual([
      [2, 'HPT-BEN', 7, 'Not used (deleted)', 22000],
      [3, 'HPT-CARA', 6, 'Refer to customer', 16000],
    ]);
  });

  it("the header's other fields are still checked", () => {
    const bad = text.replace('01CBA', '01C1A');
    expect(() => parseAbaReturn(bad)).toThrow('Line 1: bank "C1A" must be a three-letter APCA code');
    const blank2 = text.replace('CBA       HARBOUR', 'CBA    X  HARBOUR');
    expect(() => parseAbaReturn(blank2)).toThrow('Line 1: positions 24-30 must be blank');
  });
});

describe('ABA_RETURN_REASONS', () => {
  it('has the APCA return codes', () => {
    expect(ABA_RETURN_REASONS).toEqual({
      1: 'Invalid BSB number',
      2: 'Payment stopped',
      3: 'Account closed',
      4: 'Customer deceased',
      5: 'No account/incorrect account number',
      6: 'Refer to customer',
      7: 'Not used (deleted)',
      8: 'Invalid user ID number',
      9: 'Technically invalid',
    });
  });

  it.each([1, 2, 4, 5, 7, 8, 9])('code %i reads with its reason', (code) => {
    const [r] = parseAbaReturn(withLine(2, (l) => put(l, 18, String(code))));
    expect(r?.returnCode).toBe(code);
    expect(r?.reason).toBe(ABA_RETURN_REASONS[code]);
  });

  it('a code APCA has not listed is kept and said to be unknown', () => {
    const [r] = parseAbaReturn(withLine(2, (l) => put(l, 18, '0')));
    expect(r?.returnCode).toBe(0);
    expect(r?.reason).toBe('Unknown return code 0');
  });
});

describe('parseAbaReturn is strict and names the line', () => {
  const messagesOf = (text: string): string[] => {
    try {
      parseAbaReturn(text);
    } catch (e) {
      expect(e).toBeInstanceOf(AbaError);
      return (e as AbaError).problems.map((p) => p.message);
    }
    throw new Error('parseAbaReturn accepted the file');
  };

  it('a blank return code', () => {
    expect(messagesOf(withLine(3, (l) => put(l, 18, ' ')))).toEqual([
      'Line 3: Return code " " at position 18 must be digits',
    ]);
  });

  it('an original processing day that is not a day', () => {
    expect(messagesOf(withLine(2, (l) => put(l, 113, '32')))).toEqual([
      'Line 2: original processing day "32" must be 01 to 31',
    ]);
  });

  it('a debit file given as a return file', () => {
    expect(messagesOf(withLine(2, (l) => put(l, 1, '1')))).toEqual([
      'Line 2: a type 1 record where the detail record (type 2) belongs',
    ]);
  });

  it('totals that do not add up', () => {
    expect(messagesOf(withLine(4, (l) => put(l, 41, '0000025800')))).toEqual([
      'Line 4: Debit total $258.00 does not match the records, which give $259.00',
    ]);
    expect(messagesOf(withLine(4, (l) => put(l, 75, '000003')))).toEqual([
      'Line 4: Record count 3 does not match the records, which give 2',
    ]);
  });

  it('a record of the wrong length', () => {
    expect(messagesOf(withLine(2, (l) => l.slice(0, 114)))).toEqual([
      'Line 2: the record is 114 characters; every record is 120',
    ]);
  });
});
