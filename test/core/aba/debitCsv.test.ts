import { describe, expect, it } from 'vitest';
import { AbaError, buildDebitCsv, type DebitCsvRow } from '../../../src/core/aba';

const HEADER = 'Client ID,Name,DD Reference,BSB,Account Number,Amount,Invoice IDs\r\n';

const rows: DebitCsvRow[] = [
  {
    clientId: 'C-0001',
    name: "Ben O'Brien",
    ddReference: 'HPT-BEN',
    bsb: '062000',
    accountNumber: '12345678',
    amount: 22000,
    invoiceIds: ['INV-0001', 'INV-0002'],
  },
  {
    clientId: 'C-0002',
    name: 'Smith, Cara "CJ"',
    ddReference: 'HPT-CARA',
    bsb: '082-001',
    accountNumber: '987654321',
    amount: 16050,
    invoiceIds: ['INV-0003'],
  },
  {
    clientId: 'C-0003',
    name: '=HYPERLINK("http://x.example","Jane")',
    ddReference: '+61400000000',
    bsb: '123-456',
    accountNumber: '0012-345',
    amount: 5,
    invoiceIds: [],
  },
];

describe('buildDebitCsv', () => {
  const [ben, cara] = rows as [DebitCsvRow, DebitCsvRow, DebitCsvRow];

  it('writes exact bytes: header, quoting, amounts, CRLF after every row', () => {
    expect(buildDebitCsv([ben, cara])).toBe(
      HEADER +
        "C-0001,Ben O'Brien,HPT-BEN,062-000,12345678,220.00,INV-0001 INV-0002\r\n" +
        'C-0002,"Smith, Cara ""CJ""",HPT-CARA,082-001,987654321,160.50,INV-0003\r\n',
    );
  });

  it('just the header for no rows', () => {
    expect(buildDebitCsv([])).toBe(HEADER);
  });

  it('writes names as given, accents and curly quotes too', () => {
    expect(buildDebitCsv([{ ...ben, name: 'José O’Neil 李' }])).toBe(
      HEADER + 'C-0001,José O’Neil 李,HPT-BEN,062-000,12345678,220.00,INV-0001 INV-0002\r\n',
    );
  });

  it.each([
    ['a=b', 'a=b'],
    ['Line\nbreak', '"Line\nbreak"'],
    ['Smith, -a', '"Smith, -a"'],
  ])('name %j is written %j', (name, cell) => {
    const csv = buildDebitCsv([{ ...ben, name }]);
    expect(csv).toBe(HEADER + `C-0001,${cell},HPT-BEN,062-000,12345678,220.00,INV-0001 INV-0002\r\n`);
  });

  // An upload file is never altered (no apostrophe in front): text a spreadsheet would run is refused.
  it.each<[string, Partial<DebitCsvRow>, string]>([
    ['=1+2', { name: '=1+2' }, 'Name "=1+2" starts with "="'],
    ['+1', { name: '+1' }, 'Name "+1" starts with "+"'],
    ['-1', { name: '-1' }, 'Name "-1" starts with "-"'],
    ['@SUM(A1)', { name: '@SUM(A1)' }, 'Name "@SUM(A1)" starts with "@"'],
    ['a tab', { name: '\tTab' }, 'Name "\tTab" starts with U+0009'],
    ['a CR', { name: '\r=1' }, 'Name "\r=1" starts with U+000D'],
    ['a reference', { ddReference: '+61400000000' }, 'DD Reference "+61400000000" starts with "+"'],
    ['an account number', { accountNumber: '=1' }, 'Account Number "=1" starts with "="'],
  ])('text starting a formula (%s) is refused, naming the client and the column', (_, edit, reason) => {
    const row = { ...ben, ...edit };
    let thrown: unknown;
    try {
      buildDebitCsv([cara, row]);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AbaError);
    const full = `${reason}, which a spreadsheet opening the file would run as a formula`;
    expect((thrown as AbaError).problems).toEqual([
      expect.objectContaining({ clientId: 'C-0001', debit: 1, reason: full }),
    ]);
    expect((thrown as AbaError).message).toBe(`C-0001 ${row.name}: ${full}`);
  });

  it('large amounts without separators', () => {
    expect(buildDebitCsv([{ ...ben, amount: 123456789 }])).toContain(',1234567.89,');
  });

  it('an amount that is not whole cents above zero is an error naming the client', () => {
    expect(() => buildDebitCsv([{ ...cara, amount: 0 }])).toThrow(AbaError);
    expect(() => buildDebitCsv([{ ...cara, amount: 12.5 }])).toThrow(
      'C-0002 Smith, Cara "CJ": Amount 12.5 must be whole cents, more than zero',
    );
  });
});
