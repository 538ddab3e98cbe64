import { describe, expect, it } from 'vitest';
import { ByProviderRef, refsLookedUp } from '../../src/sheets/actions/reconcileMatch';
import { pay, row } from '../core/reconcile/rows';

describe('the Provider Refs a reconcile indexes', () => {
  const rows = [
    row({ rowNumber: 2, providerRef: 'P-PAID' }),
    row({ rowNumber: 3, providerRef: 'P-DECLINED', outcome: 'declined' }),
    row({ rowNumber: 4, providerRef: 'P-RETURN', negative: true }),
    row({ rowNumber: 5, providerRef: 'P-SETTLED' }),
    row({ rowNumber: 6, providerRef: 'P-PENDING', outcome: 'pending' }),
    row({ rowNumber: 7 }),
  ];

  it("a decline's, a late return's and a row settled by hand; not a plain payment's", () => {
    const refs = refsLookedUp('ezidebit', rows, new Map([[5, 'reversal']]));
    expect([...refs!].sort()).toEqual(['P-DECLINED', 'P-PENDING', 'P-RETURN', 'P-SETTLED']);
    // An ABA return's refs are its batch and lodgement reference: every ref is indexed.
    expect(refsLookedUp('aba-return', rows, new Map())).toBeNull();
  });

  it('keeps only those refs, with the rows added since, and refuses to answer for any other', () => {
    const payments = [
      pay({ id: 'P-000001', providerRef: 'P-DECLINED' }),
      pay({ id: 'P-000002', providerRef: 'P-PAID' }),
    ];
    const byRef = new ByProviderRef(payments, new Set(['P-DECLINED', 'P-RETURN']));
    expect(byRef.get('P-DECLINED').map((p) => p.id)).toEqual(['P-000001']);
    byRef.add([
      pay({ id: 'P-000003', providerRef: 'P-RETURN' }),
      pay({ id: 'P-000004', providerRef: 'P-PAID' }),
    ]);
    expect(byRef.get('P-RETURN').map((p) => p.id)).toEqual(['P-000003']);
    expect(() => byRef.get('P-PAID')).toThrow(/P-PAID was not indexed/);
    // Unrestricted, every ref is found.
    expect(new ByProviderRef(payments, null).get('P-PAID').map((p) => p.id)).toEqual(['P-000002']);
  });
});
