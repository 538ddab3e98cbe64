// Random values for the ABA property tests.
import fc from 'fast-check';
import { addDays } from '../../../src/core/calendar';
import type { AbaBatch, AbaDebit } from '../../../src/core/aba';

/** Every character of the BECS set: letters, digits, space and & * , . / - ' ( ) + ^ _ [ ] ; : = # % ! $ @ ? */
export const BECS_CHARACTERS = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ',
  ..."&*,./-'()+^_[];:=#%!$@?",
];

/** 1..max characters of the set with no blanks at the ends, not starting with = + - @ (a formula). */
export const becsText = (max: number): fc.Arbitrary<string> =>
  fc
    .string({ unit: fc.constantFrom(...BECS_CHARACTERS), minLength: 1, maxLength: max })
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !/^[=+\-@]/.test(s));

/** A lodgement reference: as text, and not starting with a zero or hyphen either. */
export const reference = (max: number) => becsText(max).filter((s) => !/^[0-]/.test(s));

const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: n, maxLength: n });

/** As typed: with or without the hyphen. */
export const bsb = fc
  .tuple(digits(6), fc.boolean())
  .map(([d, hyphen]) => (hyphen ? `${d.slice(0, 3)}-${d.slice(3)}` : d));
export const written = (b: string) => (b.includes('-') ? b : `${b.slice(0, 3)}-${b.slice(3)}`);

/** Up to 9 characters of digits, blanks and hyphens (blanks only inside), not all zeros. */
export const account = fc
  .string({ unit: fc.constantFrom(...'0123456789- '.split('')), minLength: 1, maxLength: 9 })
  .map((s) => s.trim())
  .filter((s) => /[1-9]/.test(s));

export const debit = (maxCents: number): fc.Arbitrary<AbaDebit> =>
  fc.record({
    clientId: fc.string({ maxLength: 8 }),
    clientName: fc.string({ maxLength: 20 }),
    bsb,
    accountNumber: account,
    accountTitle: becsText(32),
    amount: fc.integer({ min: 1, max: maxCents }),
    lodgementReference: reference(18),
  });

export const batch = (maxDebits: number): fc.Arbitrary<AbaBatch> =>
  fc.record({
    header: fc.record({
      bank: fc.string({
        unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('')),
        minLength: 3,
        maxLength: 3,
      }),
      userName: becsText(26),
      userId: fc.integer({ min: 1, max: 999_999 }).map(String),
      description: becsText(12),
      // Every day a DDMMYY date can hold: 2000-01-01 .. 2099-12-31.
      processingDate: fc.integer({ min: 0, max: 36_524 }).map((n) => addDays('2000-01-01', n)),
    }),
    trace: fc.record({ bsb, accountNumber: account, remitter: becsText(16) }),
    debits: fc.array(debit(1_000_000_000), { minLength: 1, maxLength: maxDebits }),
    balancing: fc.option(fc.record({ accountTitle: becsText(32), lodgementReference: reference(18) }), {
      nil: null,
    }),
  });
