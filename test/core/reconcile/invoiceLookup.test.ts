// A report reference names an invoice when it is the invoice's ID, spaces and case aside: the index
// skips the lookup for references of no invoice ID's length and first letter, worked out per ID without
// normalising IDs that need none. Any ID, however typed, must still be found.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LedgerIndex, type LedgerInvoice } from '../../../src/core/reconcile';

const invoice = (id: string, n: number): LedgerInvoice => ({
  id,
  clientId: `C-${n}`,
  dueDate: '2026-01-01',
  amount: 100,
  paid: 0,
  status: 'Sent',
  batchId: '',
});

const norm = (s: string) => s.trim().toUpperCase();

describe('invoices named by a report reference', () => {
  it('finds IDs typed with spaces, lower case and letters whose upper case is longer', () => {
    const ids = [
      'INV-000001',
      ' inv-000002 ',
      'inv-000003',
      'straße-1',
      '\u00a0INV-4',
      'ﬀ-5',
      'Inv-000006\t',
    ];
    const index = new LedgerIndex({ invoices: ids.map(invoice), clients: [], batchDates: new Map() });
    for (const id of ids) expect(index.invoice(norm(id))?.id).toBe(id);
    expect(index.invoice('INV-000007')).toBeUndefined();
    expect(index.invoice('STRASSE-2')).toBeUndefined();
  });

  it('finds every ID of any spelling by its normalised text', () => {
    const id = fc.oneof(
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.stringMatching(/^\s?[iI][nN][vV]-\d{1,7}\s?$/),
      fc.constantFrom('ß-1', 'ﬁ-2', 'İ-3', 'ǆ-4', '\u2003INV-5'),
    );
    fc.assert(
      fc.property(fc.array(id, { minLength: 1, maxLength: 20 }), (ids) => {
        const index = new LedgerIndex({ invoices: ids.map(invoice), clients: [], batchDates: new Map() });
        for (const i of ids) if (norm(i)) expect(norm(index.invoice(norm(i))!.id)).toBe(norm(i));
      }),
    );
  });
});
