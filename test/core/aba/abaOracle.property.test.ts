// Our ABA writer against aba-generator, a separate implementation of the same published layout: for
// the fixture's batch and for random valid batches the two files are byte for byte the same. It takes
// amounts as Numbers in dollars and the date as DDMMYY, and writes no CRLF after the last record (ours
// does, as the fixture and the layout's "CRLF, 120 characters a record" do), so one is added to its file.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ABA from 'aba-generator';
import { buildAbaFile, type AbaBatch } from '../../../src/core/aba';
import { batch, debit } from './abaArbitraries';
import { DEBIT_FILE, fixtureBatch, readFixture } from './abaTestData';

const ddmmyy = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}`;

/** The same batch written by aba-generator, from values already as the bank will get them. */
function oracleFile(b: AbaBatch): string {
  const aba = new ABA({
    header: {
      bank: b.header.bank,
      user: b.header.userName,
      userNumber: Number(b.header.userId),
      description: b.header.description,
      date: ddmmyy(b.header.processingDate),
    },
  });
  const trace = {
    traceBsb: b.trace.bsb,
    traceAccount: b.trace.accountNumber,
    remitter: b.trace.remitter,
  };
  const debits = b.debits.map((d) => ({
    ...trace,
    bsb: d.bsb,
    account: d.accountNumber,
    transactionCode: 13, // the layout's debit code
    amount: d.amount / 100,
    accountTitle: d.accountTitle,
    reference: d.lodgementReference,
  }));
  const total = b.debits.reduce((s, d) => s + d.amount, 0);
  const balancing = b.balancing
    ? [
        {
          ...trace,
          bsb: b.trace.bsb,
          account: b.trace.accountNumber,
          transactionCode: 50, // the layout's usual credit code
          amount: total / 100,
          accountTitle: b.balancing.accountTitle,
          reference: b.balancing.lodgementReference,
        },
      ]
    : [];
  return aba.generate([...debits, ...balancing]) + '\r\n';
}

describe('aba-generator writes what we write', () => {
  it("the shared fixture's batch, and the fixture itself", () => {
    expect(oracleFile(fixtureBatch())).toBe(buildAbaFile(fixtureBatch()));
    expect(oracleFile(fixtureBatch())).toBe(readFixture(DEBIT_FILE));
  });

  it('names with accents and curly quotes, given to it as the bank gets them', () => {
    const ours = fixtureBatch();
    ours.debits[0] = { ...ours.debits[0]!, accountTitle: 'José O’Neil', lodgementReference: 'Zoë–1' };
    const plain = fixtureBatch();
    plain.debits[0] = { ...plain.debits[0]!, accountTitle: "Jose O'Neil", lodgementReference: 'Zoe-1' };
    expect(buildAbaFile(ours)).toBe(oracleFile(plain));
  });

  it('a long account number written with hyphens, given to it without them', () => {
    const ours = fixtureBatch();
    ours.debits[0] = { ...ours.debits[0]!, accountNumber: '12-345-6789' };
    const plain = fixtureBatch();
    plain.debits[0] = { ...plain.debits[0]!, accountNumber: '123456789' };
    expect(buildAbaFile(ours)).toBe(oracleFile(plain));
  });

  it('random valid batches: 1..9 debits (the total fits), with and without balancing', () => {
    fc.assert(
      fc.property(batch(9), (b) => {
        expect(buildAbaFile(b)).toBe(oracleFile(b));
      }),
      { numRuns: 300 },
    );
  });

  it('random valid batches of up to 60 small debits', () => {
    const small = batch(1).chain((b) =>
      fc
        .array(debit(100_000_000), { minLength: 1, maxLength: 60 })
        .map((debits): AbaBatch => ({ ...b, debits })),
    );
    fc.assert(
      fc.property(small, (b) => {
        expect(buildAbaFile(b)).toBe(oracleFile(b));
      }),
      { numRuns: 100 },
    );
  });
});
