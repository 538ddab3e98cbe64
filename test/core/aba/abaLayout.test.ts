// Every field of every record type, sliced by the 1-based positions of the published layout
// (fixtures README), not by the writer's own layout table.
import { describe, expect, it } from 'vitest';
import { buildAbaFile, parseAbaReturn, type AbaBatch } from '../../../src/core/aba';
import { at, readFixture, recordsOf, RETURN_FILE } from './abaTestData';

// Fields at their full widths and at their edges, so an off-by-one shows.
const batch: AbaBatch = {
  header: {
    bank: 'WBC',
    userName: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', // 26
    userId: '42', // zero-filled to 000042
    description: 'Desc 1234567', // 12
    processingDate: '2024-02-29',
  },
  trace: { bsb: '733000', accountNumber: '9', remitter: 'Remitter 1234567' /* 16 */ },
  debits: [
    {
      clientId: 'C-1',
      clientName: 'Full Width',
      bsb: '012-345',
      accountNumber: '123456789',
      accountTitle: "Title & (O'Neil) *+,-./ 12345678", // 32
      amount: 9_999_999_998,
      lodgementReference: 'Ref 56789012345678', // 18
    },
    {
      clientId: 'C-2',
      clientName: 'Short',
      bsb: '999999',
      accountNumber: '1-2',
      accountTitle: 'x',
      amount: 1,
      lodgementReference: 'y',
    },
  ],
  balancing: { accountTitle: 'Studio', lodgementReference: 'Bal' },
};
const records = recordsOf(buildAbaFile(batch));
const [header, full, short, balancing, total] = records as [string, string, string, string, string];

describe('ABA record layout', () => {
  it('five records, 120 characters each', () => {
    expect(records).toHaveLength(5);
    for (const r of records) expect(r).toHaveLength(120);
  });

  it('type 0, the descriptive record', () => {
    expect(at(header, 1, 1)).toBe('0');
    expect(at(header, 2, 18)).toBe(' '.repeat(17));
    expect(at(header, 19, 20)).toBe('01');
    expect(at(header, 21, 23)).toBe('WBC');
    expect(at(header, 24, 30)).toBe(' '.repeat(7));
    expect(at(header, 31, 56)).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    expect(at(header, 57, 62)).toBe('000042');
    expect(at(header, 63, 74)).toBe('Desc 1234567');
    expect(at(header, 75, 80)).toBe('290224');
    expect(at(header, 81, 120)).toBe(' '.repeat(40));
  });

  it('type 1, a debit at full widths', () => {
    expect(at(full, 1, 1)).toBe('1');
    expect(at(full, 2, 8)).toBe('012-345');
    expect(at(full, 9, 17)).toBe('123456789');
    expect(at(full, 18, 18)).toBe(' ');
    expect(at(full, 19, 20)).toBe('13');
    expect(at(full, 21, 30)).toBe('9999999998');
    expect(at(full, 31, 62)).toBe("Title & (O'Neil) *+,-./ 12345678");
    expect(at(full, 63, 80)).toBe('Ref 56789012345678');
    expect(at(full, 81, 87)).toBe('733-000');
    expect(at(full, 88, 96)).toBe('        9');
    expect(at(full, 97, 112)).toBe('Remitter 1234567');
    expect(at(full, 113, 120)).toBe('00000000');
  });

  it('type 1, a debit with short values: account right-aligned, text left-aligned, amount zero-filled', () => {
    expect(at(short, 2, 8)).toBe('999-999');
    expect(at(short, 9, 17)).toBe('      1-2');
    expect(at(short, 18, 18)).toBe(' ');
    expect(at(short, 19, 20)).toBe('13');
    expect(at(short, 21, 30)).toBe('0000000001');
    expect(at(short, 31, 62)).toBe('x' + ' '.repeat(31));
    expect(at(short, 63, 80)).toBe('y' + ' '.repeat(17));
  });

  it('type 1, the balancing credit: code 50 to the trace account for the debit total', () => {
    expect(at(balancing, 1, 1)).toBe('1');
    expect(at(balancing, 2, 8)).toBe('733-000');
    expect(at(balancing, 9, 17)).toBe('        9');
    expect(at(balancing, 18, 18)).toBe(' ');
    expect(at(balancing, 19, 20)).toBe('50');
    expect(at(balancing, 21, 30)).toBe('9999999999');
    expect(at(balancing, 31, 62)).toBe('Studio'.padEnd(32));
    expect(at(balancing, 63, 80)).toBe('Bal'.padEnd(18));
    expect(at(balancing, 81, 87)).toBe('733-000');
    expect(at(balancing, 88, 96)).toBe('        9');
    expect(at(balancing, 97, 112)).toBe('Remitter 1234567');
    expect(at(balancing, 113, 120)).toBe('00000000');
  });

  it('type 7, the file total', () => {
    expect(at(total, 1, 1)).toBe('7');
    expect(at(total, 2, 8)).toBe('999-999');
    expect(at(total, 9, 20)).toBe(' '.repeat(12));
    expect(at(total, 21, 30)).toBe('0000000000');
    expect(at(total, 31, 40)).toBe('9999999999');
    expect(at(total, 41, 50)).toBe('9999999999');
    expect(at(total, 51, 74)).toBe(' '.repeat(24));
    expect(at(total, 75, 80)).toBe('000003');
    expect(at(total, 81, 120)).toBe(' '.repeat(40));
  });

  it('type 7 net total is |credits - debits| when there is no balancing credit', () => {
    const last = recordsOf(buildAbaFile({ ...batch, balancing: null })).at(-1)!;
    expect(at(last, 21, 30)).toBe('9999999999');
    expect(at(last, 31, 40)).toBe('0000000000');
    expect(at(last, 41, 50)).toBe('9999999999');
    expect(at(last, 75, 80)).toBe('000002');
  });

  it('type 2, a return record: the reader takes each field from its published position', () => {
    const fixture = readFixture(RETURN_FILE);
    const line = recordsOf(fixture)[1]!;
    expect(at(line, 1, 1)).toBe('2');
    const [r] = parseAbaReturn(fixture);
    expect(r).toBeDefined();
    expect(r!.bsb).toBe(at(line, 2, 8));
    expect(r!.accountNumber).toBe(at(line, 9, 17).trim());
    expect(String(r!.returnCode)).toBe(at(line, 18, 18));
    expect(String(r!.transactionCode)).toBe(at(line, 19, 20));
    expect(r!.amount).toBe(Number(at(line, 21, 30)));
    expect(r!.accountTitle).toBe(at(line, 31, 62).trim());
    expect(r!.lodgementReference).toBe(at(line, 63, 80).trim());
    expect(r!.traceBsb).toBe(at(line, 81, 87));
    expect(r!.traceAccount).toBe(at(line, 88, 96).trim());
    expect(r!.remitter).toBe(at(line, 97, 112).trim());
    expect(String(r!.originalProcessingDay)).toBe(at(line, 113, 114));
    expect(r!.originalUserId).toBe(at(line, 115, 120));
  });
});
