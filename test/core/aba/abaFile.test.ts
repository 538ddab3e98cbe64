import { describe, expect, it } from 'vitest';
import { buildAbaFile, parseAbaFile } from '../../../src/core/aba';
import { createHash } from 'node:crypto';
import {
  caraDebit,
  DEBIT_FILE,
  fixtureBatch,
  readFixture,
  readFixtureBytes,
  recordsOf,
  RETURN_FILE,
} from './abaTestData';

// SHA-256 of the originals in the project's shared fixtures, taken when they were copied into test/fixtures. The
// repository is self-contained (a clone has nothing beside it), so the copies are pinned by hash instead.
const ORIGINAL_SHA256: Record<string, string> = {
  [DEBIT_FILE]: 'd28b617931f288111f17dc9c3fef1ac7a72f3c1f8d7752e60296dbb6c2e990f8',
  [RETURN_FILE]: 'ded888a93b4b0c575bcde717faf6a6c3d786ca034d18d5283c490a0222009dcd',
};

describe('the fixture copies', () => {
  it.each([DEBIT_FILE, RETURN_FILE])('%s is byte for byte the original', (name) => {
    expect(createHash('sha256').update(readFixtureBytes(name)).digest('hex')).toBe(ORIGINAL_SHA256[name]);
  });
});

describe('buildAbaFile rebuilds the fixture', () => {
  const fixture = readFixture(DEBIT_FILE);

  it('byte for byte, from the settings in the fixtures README', () => {
    expect(buildAbaFile(fixtureBatch())).toBe(fixture);
  });

  it('the fixture is 5 records of 120 characters, each followed by CRLF, the last one too', () => {
    expect(fixture.length).toBe(5 * 122);
    expect(fixture.endsWith(`000003${' '.repeat(40)}\r\n`)).toBe(true);
    expect(fixture.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(recordsOf(fixture).map((r) => r.length)).toEqual([120, 120, 120, 120, 120]);
  });

  it('exactly, record by record', () => {
    const records = recordsOf(buildAbaFile(fixtureBatch()));
    expect(records).toEqual([
      '0                 01CBA       HARBOUR PT PTY LTD        301500PT DEBITS   160916                                        ',
      '1062-000 12345678 130000022000B OBRIEN                        HPT-BEN           032-000   123456HARBOUR PT      00000000',
      '1082-001987654321 130000016000C SMITH                         HPT-CARA          032-000   123456HARBOUR PT      00000000',
      '1032-000   123456 500000038000HARBOUR PT PTY LTD              PT DEBITS 160916  032-000   123456HARBOUR PT      00000000',
      '7999-999            000000000000000380000000038000                        000003                                        ',
    ]);
  });

  it('normalises what settings and clients hold: 6-digit BSBs, short user IDs, lower-case bank, spaces', () => {
    const batch = fixtureBatch();
    batch.header.bank = 'cba';
    batch.header.userId = ' 301500 ';
    batch.header.userName = '  HARBOUR PT PTY LTD ';
    batch.trace.bsb = '032000';
    batch.debits[0] = { ...batch.debits[0]!, bsb: ' 062000', accountTitle: ' B OBRIEN  ' };
    expect(buildAbaFile(batch)).toBe(fixture);
  });

  it('zero-fills a short user ID to six digits', () => {
    const batch = fixtureBatch();
    batch.header.userId = '1500';
    expect(recordsOf(buildAbaFile(batch))[0]!.slice(56, 62)).toBe('001500');
  });

  it('without balancing: no code 50 record, credit total 0, net is the debit total', () => {
    const batch = fixtureBatch();
    batch.balancing = null;
    const records = recordsOf(buildAbaFile(batch));
    expect(records).toHaveLength(4);
    expect(records[3]).toBe(
      '7999-999            000003800000000000000000038000                        000002                                        ',
    );
    delete batch.balancing;
    expect(recordsOf(buildAbaFile(batch))).toEqual(records);
  });

  it('keeps lower case, leading zeros and hyphens as given', () => {
    const batch = fixtureBatch();
    batch.debits = [{ ...caraDebit, accountTitle: 'Cara Smith-Jones', accountNumber: '0012-345' }];
    const record = recordsOf(buildAbaFile(batch))[1]!;
    expect(record.slice(8, 17)).toBe(' 0012-345');
    expect(record.slice(30, 62)).toBe('Cara Smith-Jones'.padEnd(32));
  });

  it('allows duplicate lodgement references', () => {
    const batch = fixtureBatch();
    batch.debits[1] = { ...caraDebit, lodgementReference: 'HPT-BEN' };
    const parsed = parseAbaFile(buildAbaFile(batch));
    expect(parsed.records.map((r) => r.lodgementReference)).toEqual([
      'HPT-BEN',
      'HPT-BEN',
      'PT DEBITS 160916',
    ]);
  });

  it('does not change the batch it is given', () => {
    const batch = fixtureBatch();
    batch.trace.bsb = '032000';
    const before = JSON.stringify(batch);
    buildAbaFile(batch);
    expect(JSON.stringify(batch)).toBe(before);
  });
});
