import { describe, expect, it } from 'vitest';
import { ClientBatches, KeyNumbers } from '../../../src/core/reconcile';
import { inv, pay } from './rows';

describe("a client's lists by batch", () => {
  it('gives each batch its records in list order, shares numbering between clients, and knows no other batch', () => {
    const keys = new KeyNumbers();
    // Another client's book numbers B-000003 first: this client's lookups must not depend on that.
    const other = new ClientBatches([inv({ id: 'INV-000009', batchId: 'B-000003' })], [], keys);
    const invoices = [
      inv({ id: 'INV-000001', batchId: 'B-000002' }),
      inv({ id: 'INV-000002', batchId: 'B-000001' }),
      inv({ id: 'INV-000003' }),
      inv({ id: 'INV-000004', batchId: 'B-000002' }),
      inv({ id: 'INV-000005', batchId: 'B-000001' }),
    ];
    const payments = [
      pay({ id: 'P-000001', batchId: 'B-000001' }),
      pay({ id: 'P-000002', reference: 'B-000002 late' }),
      pay({ id: 'P-000003', reference: 'not a batch' }),
      pay({ id: 'P-000004', batchId: 'B-000002' }),
    ];
    const book = new ClientBatches(invoices, payments, keys);
    const ids = (rs: readonly { id: string }[]) => rs.map((r) => r.id);
    expect(ids(book.invoicesOf('B-000001'))).toEqual(['INV-000002', 'INV-000005']);
    expect(ids(book.invoicesOf('B-000002'))).toEqual(['INV-000001', 'INV-000004']);
    expect(ids(book.paymentsOf('B-000002'))).toEqual(['P-000002', 'P-000004']);
    expect(ids(book.paymentsOf('B-000001'))).toEqual(['P-000001']);
    expect(book.invoicesOf('B-000003')).toEqual([]);
    expect(book.invoicesOf('B-000004')).toEqual([]);
    expect(book.invoicesOf('')).toEqual([]);
    expect(ids(other.invoicesOf('B-000003'))).toEqual(['INV-000009']);
    expect(other.invoicesOf('B-000001')).toEqual([]);
    expect(new ClientBatches([], []).paymentsOf('B-000001')).toEqual([]);
  });
});
