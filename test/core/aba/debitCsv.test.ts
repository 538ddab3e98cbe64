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
  it('writes exact bytes: header, quoting, formula guard, amounts, CRLF after every row', () => {
    expect(buildDebitCsv(rows)).toBe(
      HEADER +
        "C-0001,Ben O'Brien,HPT-BEN,062-000,12345678,220.00,INV-0001 INV-0002\r\n" +
        'C-0002,"Smith, Cara ""CJ""",HPT-CARA,082-001,987654321,160.50,INV-0003\r\n' +
        `C-0003,"'=HYPERLINK(""http://x.example"",""Jane"")",'+61400000000,123-456,0012-345,0.05,\r\n`,
    );
  });

  it('just the header for no rows', () => {
    expect(buildDebitCsv([])).toBe(HEADER);
  });

  it.each([
    ['=1+2', "'=1+2"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
    ['a=b', 'a=b'],
    ['Line\nbreak', '"Line\nbreak"'],
    ['-a, b', `"'-a, b"`],
  ])('name %j is written %j', (name, cell) => {
    const csv = buildDebitCsv([{ ...rows[0]!, name }]);
    expect(csv).toBe(HEADER + `C-0001,${cell},HPT-BEN,062-000,12345678,220.00,INV-0001 INV-0002\r\n`);
  });

  it('large amounts without separators', () => {
    expect(buildDebitCsv([{ ...rows[0]!, amount: 123456789 }])).toContain(',1234567.89,');
  });

  it('an amount that is not whole cents above zero is an error naming the client', () => {
    expect(() => buildDebitCsv([{ ...rows[1]!, amount: 0 }])).toThrow(AbaError);
    expect(() => buildDebitCsv([{ ...rows[1]!, amount: 12.5 }])).toThrow(
      'C-0002 Smith, Cara "CJ": Amount 12.5 must be whole cents, more than zero',
    );
  });
});
