import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { amountToCents, centsToAmount, formatMoney, MoneyError, parseMoney } from '../../src/core/money';

describe('parseMoney accepts what people type and reports contain', () => {
  it.each([
    ['500', 50000],
    ['$1,100.00', 110000],
    ['1100.5', 110050],
    [' 220 ', 22000],
    ['1,100', 110000],
    ['$0.05', 5],
    ['0', 0],
    ['$1,234,567.89', 123456789],
    ['.5', 50],
    ['12.', 1200],
    ['+220', 22000],
    ['\u00a0220.00\u00a0', 22000],
  ])('%j -> %i cents', (input, cents) => {
    expect(parseMoney(input)).toBe(cents);
  });

  it.each([
    ['-220', -22000],
    ['(220.00)', -22000],
    ['-$220.00', -22000],
    ['$-220', -22000],
    ['($1,100.50)', -110050],
    ['- $ 220', -22000],
    ['-0.00', 0],
  ])('%j -> %i cents when negatives are allowed', (input, cents) => {
    expect(parseMoney(input, { allowNegative: true })).toBe(cents);
  });

  it.each([
    [1100.5, 110050],
    [500, 50000],
    [0.1 + 0.2, 30],
    [0.07, 7],
    [1.15, 115],
    [4.35, 435],
    [19999999.99, 1999999999],
    [-0, 0],
  ])('number %d -> %i cents', (input, cents) => {
    expect(parseMoney(input)).toBe(cents);
    expect(Object.is(parseMoney(input), -0)).toBe(false);
  });

  it('reads negative numbers only when allowed', () => {
    expect(parseMoney(-220.5, { allowNegative: true })).toBe(-22050);
    expect(() => parseMoney(-220.5)).toThrow(/negative/);
  });

  it.each([
    ['abc', /Not an amount of money: "abc"/],
    ['1.234', /more than 2 decimal places/],
    ['1.100', /more than 2 decimal places/],
    ['1,00', /misplaced thousands separators/],
    ['1,0000', /misplaced thousands separators/],
    [',100', /misplaced thousands separators/],
    ['', /An amount is required/],
    ['   ', /An amount is required/],
    ['-220', /negative/],
    ['(220.00)', /negative/],
    ['$', /Not an amount of money/],
    ['-', /Not an amount of money/],
    ['1e3', /Not an amount of money/],
    ['--220', /Not an amount of money/],
    ['(-220)', /Not an amount of money/],
    ['12.3.4', /Not an amount of money/],
    ['220 AUD', /Not an amount of money/],
    ['99999999999999999', /too large/],
  ])('rejects %j', (input, message) => {
    expect(() => parseMoney(input)).toThrow(MoneyError);
    expect(() => parseMoney(input)).toThrow(message);
  });

  it.each([
    [NaN, /not an amount/],
    [Infinity, /not an amount/],
    [-Infinity, /not an amount/],
    [1.005, /more than 2 decimal places/],
    [0.001, /more than 2 decimal places/],
    [1e300, /too large/],
  ])('rejects number %d', (input, message) => {
    expect(() => parseMoney(input, { allowNegative: true })).toThrow(MoneyError);
    expect(() => parseMoney(input, { allowNegative: true })).toThrow(message);
  });

  it('reads blank as 0 when not required', () => {
    expect(parseMoney('', { required: false })).toBe(0);
    expect(parseMoney('  ', { required: false })).toBe(0);
  });
});

describe('formatMoney', () => {
  it.each([
    [110000, '$1,100.00'],
    [-22000, '-$220.00'],
    [5, '$0.05'],
    [0, '$0.00'],
    [110050, '$1,100.50'],
    [123456789, '$1,234,567.89'],
    [99, '$0.99'],
    [-5, '-$0.05'],
  ])('%i -> %s', (cents, text) => {
    expect(formatMoney(cents)).toBe(text);
  });

  it('refuses fractional cents', () => {
    expect(() => formatMoney(1.5)).toThrow(MoneyError);
  });

  it('round-trips through parseMoney', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (cents) => {
        expect(parseMoney(formatMoney(cents), { allowNegative: true })).toBe(cents);
      }),
    );
  });
});

describe('cents and spreadsheet amounts', () => {
  it('converts both ways', () => {
    expect(centsToAmount(110050)).toBe(1100.5);
    expect(centsToAmount(-22000)).toBe(-220);
    expect(amountToCents(1100.5)).toBe(110050);
    expect(amountToCents(-220)).toBe(-22000);
    expect(amountToCents(0.1 + 0.2)).toBe(30);
    expect(() => amountToCents(1 / 3)).toThrow(MoneyError);
    expect(() => centsToAmount(0.5)).toThrow(MoneyError);
  });

  it('round-trips every cent amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (cents) => {
        expect(amountToCents(centsToAmount(cents))).toBe(cents);
      }),
    );
  });
});
