import { describe, expect, it } from 'vitest';
import { declineDateOf, declineRuleOf, providerRefOf } from '../../../src/core/reconcile';
import { row } from './rows';

const declined = (over: Parameters<typeof row>[0] = {}) => row({ outcome: 'declined', ...over });

describe('what a declined row says', () => {
  it('a bank-account debit: the BECS code decides whenever there is one, else the provider status', () => {
    const ezi = (over: Parameters<typeof row>[0]) => declineRuleOf('ezidebit', declined(over));
    expect(ezi({ returnCode: '03', providerStatus: 'D', reason: 'Account closed' })).toMatchObject({
      code: '3',
      action: 'stop',
    });
    expect(ezi({ providerStatus: 'D', reason: 'Insufficient funds' })).toMatchObject({
      code: null,
      action: 'retry',
    });
    expect(ezi({ providerStatus: 'F' })).toMatchObject({ action: 'fix-details' });
    expect(declineRuleOf('aba-return', declined({ returnCode: '1' }))).toMatchObject({
      code: '1',
      action: 'fix-details',
    });
  });

  it('a card debit: retry once, the provider words shown', () => {
    const r = declineRuleOf(
      'ezidebit',
      declined({ method: 'card', returnCode: '05', providerStatus: 'D', reason: 'Do not honour' }),
    );
    expect(r).toMatchObject({ code: null, words: 'Do not honour', action: 'retry-once' });
  });

  it('Debitsuccess words are matched to the table; a code of its own is an unknown code', () => {
    const ds = (reason: string, returnCode: string) =>
      declineRuleOf('debitsuccess', declined({ reason, returnCode }));
    expect(ds('Insufficient Funds', 'Insufficient Funds')).toMatchObject({ code: '6', action: 'retry' });
    expect(ds('Reversal code R04', 'R04')).toMatchObject({ code: null, action: 'retry-once' });
    // Its own code, even when it looks like a bank's "03" (account closed): not read through the bank table.
    expect(ds('Reversal code 03', '03')).toMatchObject({
      code: null,
      words: 'Reversal code 03',
      action: 'retry-once',
    });
  });

  it('a card debit’s code is shown as given, never as the bank’s meaning of the same number', () => {
    const r = declineRuleOf(
      'ezidebit',
      declined({
        method: 'card',
        returnCode: '05',
        providerStatus: 'F',
        reason: 'Do not honour (card code 05)',
      }),
    );
    expect(r).toMatchObject({ code: null, words: 'Do not honour (card code 05)', action: 'retry-once' });
  });

  it('is dated the day it was reported, never the debit date it is about, and never before it', () => {
    const d = declined({ date: '2016-09-16' });
    expect(declineDateOf('ezidebit', { ...d, settlementDate: '2016-09-21' }, '2016-09-30')).toBe(
      '2016-09-21',
    );
    expect(declineDateOf('ezidebit', d, '2016-09-30')).toBe('2016-09-30');
    expect(declineDateOf('aba-return', { ...d, settlementDate: '2016-09-20' }, '2016-09-30')).toBe(
      '2016-09-20',
    );
    expect(declineDateOf('debitsuccess', { ...d, date: '2016-09-19' }, '2016-09-30')).toBe('2016-09-19');
    expect(declineDateOf('ezidebit', d, '2016-09-01')).toBe('2016-09-16');
  });

  it('Provider Ref: the provider’s ID; an ABA return’s batch and lodgement reference', () => {
    expect(providerRefOf('ezidebit', row({ providerRef: 'P1' }), 'B-000001')).toBe('P1');
    expect(providerRefOf('debitsuccess', row({ providerRef: 'D-40002' }), null)).toBe('D-40002');
    expect(providerRefOf('mapped', row({ providerRef: undefined }), null)).toBe('');
    expect(providerRefOf('aba-return', row({ references: ['HPT-BEN'] }), 'B-000001')).toBe(
      'B-000001 HPT-BEN',
    );
    expect(providerRefOf('aba-return', row({ references: ['HPT-BEN'] }), null)).toBe('');
  });
});
