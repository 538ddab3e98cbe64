import { describe, expect, it } from 'vitest';
import { becsCode, codeForWords, declineRule, reasonText, retriesAllowed } from '../../../src/core/ledger';

describe('declines by the bank reason', () => {
  it.each([
    ['1', 'fix-details', true, true],
    ['2', 'stop', true, true],
    ['3', 'stop', true, true],
    ['4', 'stop', true, true],
    ['5', 'fix-details', true, true],
    ['6', 'retry', true, true],
    ['7', 'retry-once', false, true],
    ['8', 'studio-setup', false, false],
    ['9', 'fix-details', true, true],
  ])('code %s: %s, fee %s, counts %s', (code, action, fee, counts) => {
    const r = declineRule({ code });
    expect(r).toMatchObject({ code, action, fee, counts });
    expect(declineRule({ code: `0${code}` }).code).toBe(code);
  });

  it('the code decides over the provider status; the status decides only without a code', () => {
    expect(declineRule({ code: '3', providerStatus: 'D' }).action).toBe('stop');
    expect(declineRule({ providerStatus: 'D' }).action).toBe('retry');
    expect(declineRule({ providerStatus: 'F' }).action).toBe('fix-details');
  });

  it('a card debit, or a code not in the table: retry once, shown with the provider words', () => {
    expect(declineRule({ card: true, code: '05', words: 'Do not honour' })).toMatchObject({
      action: 'retry-once',
      code: null,
      words: 'Do not honour',
    });
    expect(declineRule({ code: '42', words: 'Odd' })).toMatchObject({ action: 'retry-once', words: 'Odd' });
    expect(retriesAllowed('retry-once', 2)).toBe(1);
    expect(retriesAllowed('retry', 2)).toBe(2);
    expect(retriesAllowed('stop', 2)).toBe(0);
  });

  it('a hand decline: the table words name a code, free text is a note and means retry', () => {
    expect(codeForWords('account closed')).toBe('3');
    expect(codeForWords('Insufficient funds')).toBe('6');
    expect(declineRule({ words: 'Account closed' }).action).toBe('stop');
    expect(declineRule({ words: 'client says bank error' })).toMatchObject({
      action: 'retry',
      code: null,
      words: 'client says bank error',
    });
    expect(declineRule({})).toMatchObject({ action: 'retry', words: 'Declined' });
    expect(reasonText(declineRule({ code: '3' }))).toBe('Account closed (code 3)');
    expect(becsCode('x')).toBeNull();
    expect(becsCode('10')).toBeNull();
  });
});
