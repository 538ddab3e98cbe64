import { describe, expect, it } from 'vitest';
import { readResolutions, resolutionsFor, settledKind } from '../../../src/core/reconcile';
import { row } from './rows';

describe('settling a To check row', () => {
  it('a row saying money went back is never settled as paid', () => {
    expect(resolutionsFor(row({ outcome: 'paid' }))).toEqual(['paid', 'reversal', 'ignore']);
    expect(resolutionsFor(row({ outcome: 'ignored', negative: true }))).toEqual(['reversal', 'ignore']);
    expect(resolutionsFor(row({ outcome: 'declined' }))).toEqual(['reversal', 'ignore']);
  });

  it('a reversal joins its debit’s story as a decline does; ignore is not applied', () => {
    expect(['paid', 'reversal', 'ignore'].map((r) => settledKind(r as 'paid'))).toEqual([
      'paid',
      'declined',
      'ignored',
    ]);
  });

  it('reads what a request sends, and names the first thing wrong', () => {
    expect(readResolutions(undefined)).toEqual(new Map());
    expect(readResolutions({ '5': 'ignore', '7': 'paid' })).toEqual(
      new Map([
        [5, 'ignore'],
        [7, 'paid'],
      ]),
    );
    expect(readResolutions({ five: 'ignore' })).toBe('"five" is not a report row number.');
    expect(readResolutions({ '5': 'refund' })).toBe(
      'Report row 5: "refund" is not a way to settle it (paid, reversal or ignore).',
    );
    expect(readResolutions(['5=ignore'])).toBe(
      'Say how each To check row is settled: ROW=paid, reversal or ignore.',
    );
  });
});
