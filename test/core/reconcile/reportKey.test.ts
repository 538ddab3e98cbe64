import { describe, expect, it } from 'vitest';
import { appliedKeys, keyRows, rowKind } from '../../../src/core/reconcile';
import { row } from './rows';

describe('report row keys', () => {
  it('are the payment ID and what the row says: paid, then dishonoured, are two rows to apply', () => {
    const paid = row();
    const dishonoured = row({ outcome: 'declined', reason: 'Refer to customer', returnCode: '06' });
    const late = row({ negative: true });
    expect(keyRows('ezidebit', [paid, dishonoured, late]).map((k) => k.key)).toEqual([
      'ezidebit:P1:paid',
      'ezidebit:P1:declined',
      'ezidebit:P1:reversal',
    ]);
    expect(rowKind(late)).toBe('reversal');
  });

  it('keep the reference of the payment without what it says; repeats without an ID are numbered', () => {
    const noId = row({ paymentId: null });
    const keyed = keyRows('mapped', [row(), noId, noId]);
    expect(keyed[0]).toEqual({ key: 'mapped:P1:paid', reference: 'mapped:P1' });
    expect(keyed[2]!.key).toBe(`${keyed[1]!.key}#2`);
    expect(keyed[1]!.key).toMatch(/^mapped:#[0-9A-Z]+$/);
    // A negative row hashes differently; a positive one as it always did.
    expect(keyRows('mapped', [row({ paymentId: null, negative: true })])[0]!.key).not.toBe(keyed[1]!.key);
  });

  it('an older workbook’s key (no status) still counts for the rows its Outcome says', () => {
    const applied = appliedKeys([
      { key: 'ezidebit:P1', outcome: 'Paid' },
      { key: 'ezidebit:P2', outcome: 'Declined' },
      { key: 'mapped:#ABC', outcome: 'Paid' },
      { key: 'ezidebit:P3:declined', outcome: 'Declined' },
    ]);
    expect(applied.has('ezidebit:P1:paid')).toBe(true);
    expect(applied.has('ezidebit:P1:declined')).toBe(false);
    expect(applied.has('ezidebit:P2:declined')).toBe(true);
    expect(applied.has('mapped:#ABC')).toBe(true);
    expect(applied.has('mapped:#ABC:paid')).toBe(false);
    expect(applied.has('ezidebit:P3:declined:declined')).toBe(false);
  });
});
