// parse(build(batch)) gives back every field and the totals, for random valid batches.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AbaError, buildAbaFile, MAX_ABA_CENTS, parseAbaFile, type AbaBatch } from '../../../src/core/aba';
import { batch, written } from './abaArbitraries';

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
