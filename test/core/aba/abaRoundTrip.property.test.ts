// parse(build(batch)) gives back every field and the totals, for random valid batches.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../../src/core/calendar';
import {
  AbaError,
  buildAbaFile,
  MAX_ABA_CENTS,
  parseAbaFile,
  type AbaBatch,
  type AbaDebit,
} from '../../../src/core/aba';

const BANK_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 &'()*+,-./".split('');

/** Text banks accept, 1..max characters, with no blanks at the ends (the file cannot keep those). */
const bankText = (max: number) =>
  fc
    .string({ unit: fc.constantFrom(...BANK_CHARS), minLength: 1, maxLength: max })
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: n, maxLength: n });

/** As typed: with or without the hyphen. */
const bsb = fc
  .tuple(digits(6), fc.boolean())
  .map(([d, hyphen]) => (hyphen ? `${d.slice(0, 3)}-${d.slice(3)}` : d));
const written = (b: string) => (b.includes('-') ? b : `${b.slice(0, 3)}-${b.slice(3)}`);

const account = fc
  .string({ unit: fc.constantFrom(...'0123456789-'.split('')), minLength: 1, maxLength: 9 })
  .filter((s) => /[1-9]/.test(s));

const debit = (maxCents: number): fc.Arbitrary<AbaDebit> =>
  fc.record({
    clientId: fc.string({ maxLength: 8 }),
    clientName: fc.string({ maxLength: 20 }),
    bsb,
    accountNumber: account,
    accountTitle: bankText(32),
    amount: fc.integer({ min: 1, max: maxCents }),
    lodgementReference: bankText(18),
  });

const batch = (maxDebits: number): fc.Arbitrary<AbaBatch> =>
  fc.record({
    header: fc.record({
      bank: fc.string({
        unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('')),
        minLength: 3,
        maxLength: 3,
      }),
      userName: bankText(26),
      userId: fc.integer({ min: 1, max: 999_999 }).map(String),
      description: bankText(12),
      // Every day a DDMMYY date can hold: 2000-01-01 .. 2099-12-31.
      processingDate: fc.integer({ min: 0, max: 36_524 }).map((n) => addDays('2000-01-01', n)),
    }),
    trace: fc.record({ bsb, accountNumber: account, remitter: bankText(16) }),
    debits: fc.array(debit(1_000_000_000), { minLength: 1, maxLength: maxDebits }),
    balancing: fc.option(fc.record({ accountTitle: bankText(32), lodgementReference: bankText(18) }), {
      nil: null,
    }),
  });

function checkRoundTrip(b: AbaBatch): void {
  const file = buildAbaFile(b);

  // Every record 120 characters with CRLF after it, the last one too, like the fixture.
  expect(file.endsWith('\r\n')).toBe(true);
  const records = file.split('\r\n').slice(0, -1);
  expect(records.every((r) => r.length === 120 && !/[\r\n]/.test(r))).toBe(true);

  const parsed = parseAbaFile(file);
  expect(parsed.header).toEqual({
    reel: '01',
    bank: b.header.bank,
    userName: b.header.userName,
    userId: b.header.userId.padStart(6, '0'),
    description: b.header.description,
    processingDate: b.header.processingDate,
  });

  const trace = {
    indicator: ' ',
    traceBsb: written(b.trace.bsb),
    traceAccount: b.trace.accountNumber,
    remitter: b.trace.remitter,
    withholdingTax: 0,
  };
  const debitTotal = b.debits.reduce((s, d) => s + d.amount, 0);
  const expected = b.debits.map((d, i) => ({
    ...trace,
    line: i + 2,
    bsb: written(d.bsb),
    accountNumber: d.accountNumber,
    transactionCode: 13,
    kind: 'debit',
    amount: d.amount,
    accountTitle: d.accountTitle,
    lodgementReference: d.lodgementReference,
  }));
  if (b.balancing) {
    expected.push({
      ...trace,
      line: b.debits.length + 2,
      bsb: written(b.trace.bsb),
      accountNumber: b.trace.accountNumber,
      transactionCode: 50,
      kind: 'credit',
      amount: debitTotal,
      accountTitle: b.balancing.accountTitle,
      lodgementReference: b.balancing.lodgementReference,
    });
  }
  expect(parsed.records).toEqual(expected);

  const credit = b.balancing ? debitTotal : 0;
  expect(parsed.total).toEqual({
    net: debitTotal - credit,
    credit,
    debit: debitTotal,
    count: expected.length,
  });
  expect(records).toHaveLength(expected.length + 2);
}

describe('ABA round trip', () => {
  it('1..50 debits of 1..10^9 cents: round trips, or is refused when the total overflows', () => {
    fc.assert(
      fc.property(batch(50), (b) => {
        const total = b.debits.reduce((s, d) => s + d.amount, 0);
        if (total <= MAX_ABA_CENTS) {
          checkRoundTrip(b);
          return;
        }
        let error: unknown;
        try {
          buildAbaFile(b);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(AbaError);
        expect((error as AbaError).problems.map((p) => p.field)).toEqual(['Total']);
      }),
      { numRuns: 300 },
    );
  });

  it('1..9 debits (a total that always fits) always round trip', () => {
    fc.assert(fc.property(batch(9), checkRoundTrip), { numRuns: 300 });
  });
});
