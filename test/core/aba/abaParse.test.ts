import { describe, expect, it } from 'vitest';
import { AbaError, parseAbaFile, type AbaProblem } from '../../../src/core/aba';
import { DEBIT_FILE, readFixture, recordsOf } from './abaTestData';

const fixture = readFixture(DEBIT_FILE);
const lines = recordsOf(fixture);

/** The fixture with record n (1-based) replaced, written back with CRLF. */
function withLine(n: number, edit: (record: string) => string): string {
  return lines.map((l, i) => (i === n - 1 ? edit(l) : l) + '\r\n').join('');
}

/** Positions first..last (1-based) of a record replaced by `value` of the same width. */
const put = (record: string, first: number, value: string) =>
  record.slice(0, first - 1) + value + record.slice(first - 1 + value.length);

function problemsOf(text: string): AbaProblem[] {
  try {
    parseAbaFile(text);
  } catch (e) {
    expect(e).toBeInstanceOf(AbaError);
    return (e as AbaError).problems;
  }
  throw new Error('parseAbaFile accepted the file');
}
const messagesOf = (text: string) => problemsOf(text).map((p) => p.message);

describe('parseAbaFile reads the fixture', () => {
  const parsed = parseAbaFile(fixture);

  it('the descriptive record', () => {
    expect(parsed.header).toEqual({
      reel: '01',
      bank: 'CBA',
      userName: 'HARBOUR PT PTY LTD',
      userId: '301500',
      description: 'PT DEBITS',
      processingDate: '2016-09-16',
    });
  });

  it('the two debits and the balancing credit', () => {
    const common = {
      indicator: ' ',
      traceBsb: '032-000',
      traceAccount: '123456',
      remitter: 'HARBOUR PT',
      withholdingTax: 0,
    };
    expect(parsed.records).toEqual([
      {
        ...common,
        line: 2,
        bsb: '062-000',
        accountNumber: '12345678',
        transactionCode: 13,
        kind: 'debit',
        amount: 22000,
        accountTitle: 'B OBRIEN',
        lodgementReference: 'HPT-BEN',
      },
      {
        ...common,
        line: 3,
        bsb: '082-001',
        accountNumber: '987654321',
        transactionCode: 13,
        kind: 'debit',
        amount: 16000,
        accountTitle: 'C SMITH',
        lodgementReference: 'HPT-CARA',
      },
      {
        ...common,
        line: 4,
        bsb: '032-000',
        accountNumber: '123456',
        transactionCode: 50,
        kind: 'credit',
        amount: 38000,
        accountTitle: 'HARBOUR PT PTY LTD',
        lodgementReference: 'PT DEBITS 160916',
      },
    ]);
  });

  it('the totals', () => {
    expect(parsed.total).toEqual({ net: 0, credit: 38000, debit: 38000, count: 3 });
  });

  it('the same with LF line ends, without a final line end, or with a byte-order mark', () => {
    expect(parseAbaFile(fixture.replace(/\r\n/g, '\n'))).toEqual(parsed);
    expect(parseAbaFile(fixture.slice(0, -2))).toEqual(parsed);
    expect(parseAbaFile('\uFEFF' + fixture)).toEqual(parsed);
    expect(parseAbaFile(fixture + '\r\n\r\n')).toEqual(parsed);
  });

  it('a file without detail records, if its totals say so', () => {
    const empty = `${lines[0]!}\r\n7999-999            000000000000000000000000000000                        000000${' '.repeat(40)}\r\n`;
    expect(parseAbaFile(empty).records).toEqual([]);
  });
});

describe('parseAbaFile reads what the layout allows', () => {
  it.each(['N', 'T', 'W', 'X', 'Y'])('indicator %s', (indicator) => {
    const parsed = parseAbaFile(withLine(2, (r) => put(r, 18, indicator)));
    expect(parsed.records[0]?.indicator).toBe(indicator);
  });

  it('an account number with blanks and hyphens inside', () => {
    const parsed = parseAbaFile(withLine(2, (r) => put(r, 9, '12 34-567')));
    expect(parsed.records[0]?.accountNumber).toBe('12 34-567');
  });

  it('every character of the BECS set in a name and a reference', () => {
    const parsed = parseAbaFile(
      withLine(2, (r) => put(put(r, 31, "B O'BRIEN ^_[];:=#%!$@?&*,./-()+"), 63, 'HPT#1_[2];:=%!$@?')),
    );
    expect(parsed.records[0]?.accountTitle).toBe("B O'BRIEN ^_[];:=#%!$@?&*,./-()+");
    expect(parsed.records[0]?.lodgementReference).toBe('HPT#1_[2];:=%!$@?');
  });
});

describe('parseAbaFile is strict and names the line', () => {
  it('a record one character short', () => {
    expect(messagesOf(withLine(3, (r) => r.slice(0, -1)))).toEqual([
      'Line 3: the record is 119 characters; every record is 120',
    ]);
  });

  it('a record one character long', () => {
    expect(problemsOf(withLine(2, (r) => r + ' '))).toEqual([
      {
        line: 2,
        field: 'Record length',
        message: 'Line 2: the record is 121 characters; every record is 120',
      },
    ]);
  });

  it('a blank line inside the file', () => {
    const text = fixture.replace('\r\n1082', '\r\n\r\n1082');
    expect(messagesOf(text)).toEqual([
      'Line 3: the record is 0 characters; every record is 120',
      'Line 3: unknown record type "" (expected 1)',
    ]);
  });

  it('an unknown record type', () => {
    expect(messagesOf(withLine(2, (r) => put(r, 1, 'X')))).toEqual([
      'Line 2: unknown record type "X" (expected 1)',
    ]);
  });

  it('records out of place: a second header, a total that is not last, a missing total', () => {
    expect(messagesOf(withLine(3, (r) => put(r, 1, '0')))).toEqual([
      'Line 3: a type 0 record where the detail record (type 1) belongs',
    ]);
    expect(messagesOf(withLine(1, (r) => put(r, 1, '1')))).toEqual([
      'Line 1: a type 1 record where the first record (type 0) belongs',
    ]);
    expect(messagesOf(lines.slice(0, 4).join('\r\n'))).toEqual([
      'Line 4: a type 1 record where the last record (type 7) belongs',
    ]);
    expect(messagesOf(withLine(2, (r) => put(r, 1, '2')))).toEqual([
      'Line 2: a type 2 record where the detail record (type 1) belongs',
    ]);
  });

  it('an empty file, or a header alone', () => {
    expect(messagesOf('')).toEqual(['Line 1: the file ends before its total (type 7) record']);
    expect(messagesOf(`${lines[0]!}\r\n`)).toEqual([
      'Line 2: the file ends before its total (type 7) record',
    ]);
  });

  it('a character outside plain ASCII', () => {
    expect(messagesOf(withLine(2, (r) => put(r, 31, 'É')))).toEqual([
      'Line 2: position 31 holds U+00C9; ABA files are plain ASCII',
    ]);
  });

  it('a debit total that does not add up', () => {
    expect(problemsOf(withLine(5, (r) => put(r, 41, '0000038001')))).toEqual([
      {
        line: 5,
        field: 'Debit total',
        message: 'Line 5: Debit total $380.01 does not match the records, which give $380.00',
      },
    ]);
  });

  it('a credit total, net total or count that does not add up', () => {
    expect(messagesOf(withLine(5, (r) => put(r, 31, '0000000000')))).toEqual([
      'Line 5: Credit total $0.00 does not match the records, which give $380.00',
    ]);
    expect(messagesOf(withLine(5, (r) => put(r, 21, '0000000100')))).toEqual([
      'Line 5: Net total $1.00 does not match the records, which give $0.00',
    ]);
    expect(messagesOf(withLine(5, (r) => put(r, 75, '000002')))).toEqual([
      'Line 5: Record count 2 does not match the records, which give 3',
    ]);
  });

  it('an amount changed without the totals', () => {
    expect(messagesOf(withLine(2, (r) => put(r, 21, '0000022001')))).toEqual([
      'Line 5: Debit total $380.00 does not match the records, which give $380.01',
      'Line 5: Net total $0.00 does not match the records, which give $0.01',
    ]);
  });

  it('fields that are not what the layout says', () => {
    expect(messagesOf(withLine(2, (r) => put(r, 2, '062 000')))).toEqual([
      'Line 2: BSB "062 000" must be written nnn-nnn',
    ]);
    expect(messagesOf(withLine(2, (r) => put(r, 21, '00000220.0')))).toEqual([
      'Line 2: Amount "00000220.0" at positions 21-30 must be digits',
    ]);
    expect(messagesOf(withLine(2, (r) => put(r, 9, '12345678 ')))).toEqual([
      'Line 2: Account number "12345678 " must be digits, blanks or hyphens, right-justified',
    ]);
    expect(messagesOf(withLine(2, (r) => put(r, 18, 'Q')))).toEqual([
      'Line 2: indicator "Q" must be blank or one of N T W X Y',
    ]);
    expect(messagesOf(withLine(2, (r) => put(r, 19, '99')))).toEqual([
      'Line 2: transaction code 99 is not an ABA code (13, 50-57)',
    ]);
    expect(messagesOf(withLine(2, (r) => put(r, 81, '032000 ')))).toEqual([
      'Line 2: Trace BSB "032000 " must be written nnn-nnn',
    ]);
    expect(messagesOf(withLine(2, (r) => put(r, 113, '0000000O')))).toEqual([
      'Line 2: Withholding tax "0000000O" at positions 113-120 must be digits',
    ]);
  });

  it('header fields that are not what the layout says', () => {
    expect(messagesOf(withLine(1, (r) => put(r, 75, '310916')))).toEqual([
      'Line 1: Processing date "310916" is not a date written DDMMYY',
    ]);
    expect(messagesOf(withLine(1, (r) => put(r, 10, 'X')))).toEqual(['Line 1: positions 2-18 must be blank']);
    expect(messagesOf(withLine(1, (r) => put(r, 81, '1200')))).toEqual([
      'Line 1: positions 81-120 must be blank',
    ]);
    expect(messagesOf(withLine(1, (r) => put(r, 21, 'C1A')))).toEqual([
      'Line 1: bank "C1A" must be a three-letter APCA code',
    ]);
    expect(messagesOf(withLine(1, (r) => put(r, 57, '30150X')))).toEqual([
      'Line 1: User ID "30150X" at positions 57-62 must be digits',
    ]);
  });

  it('total record fields that are not what the layout says', () => {
    expect(messagesOf(withLine(5, (r) => put(r, 2, '999 999')))).toEqual([
      'Line 5: the total record must have 999-999 at positions 2-8',
    ]);
    expect(messagesOf(withLine(5, (r) => put(r, 60, 'X')))).toEqual([
      'Line 5: positions 51-74 must be blank',
    ]);
  });

  it('every problem in the file at once', () => {
    const text = withLine(2, (r) => r.slice(0, -1)).replace('\r\n1082', '\r\nX082');
    expect(() => parseAbaFile(text)).toThrow(
      'Line 2: the record is 119 characters; every record is 120\nLine 3: unknown record type "X" (expected 1)',
    );
  });
});
