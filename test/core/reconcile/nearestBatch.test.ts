import { describe, expect, it } from 'vitest';
import { LedgerIndex, type LedgerInvoice } from '../../../src/core/reconcile';

const invoice = (
  clientId: string,
  batchId: string,
  dueDate: string,
  id = `${clientId}-${batchId}`,
): LedgerInvoice => ({
  id,
  clientId,
  dueDate,
  amount: 9000,
  paid: 0,
  status: 'Sent',
  batchId,
});

describe("the batch nearest a report row's date", () => {
  it("picks the client's batch nearest the date within 10 days, the later ID on a tie, by the batch's record first", () => {
    const index = new LedgerIndex({
      invoices: [
        invoice('C-1', 'B-000001', '2016-09-02'),
        invoice('C-1', 'B-000002', '2016-09-16'),
        invoice('C-2', 'B-000002', '2016-09-16'),
        invoice('C-2', 'B-000003', '2016-09-30'),
        // Billed with B-000004's record date, whatever the due date says.
        invoice('C-2', 'B-000004', '2016-08-01'),
        invoice('C-3', 'B-000005', '2016-09-09'),
        invoice('C-3', 'B-000006', '2016-09-11'),
      ],
      clients: ['C-1', 'C-2', 'C-3'].map((id) => ({ id, name: id, ddReference: '' })),
      batchDates: new Map([['B-000004', '2016-09-23']]),
      // A debit the Payments tab remembers: the same pair again for C-1, and a batch only it knows of.
      debits: [
        { clientId: 'C-1', batchId: 'B-000002', date: '2016-09-16' },
        { clientId: 'C-3', batchId: 'B-000007', date: '2016-09-25' },
      ],
    });
    expect(index.nearestBatch('C-1', '2016-09-15')).toBe('B-000002');
    expect(index.nearestBatch('C-1', '2016-09-08')).toBe('B-000001');
    expect(index.nearestBatch('C-1', '2016-09-09')).toBe('B-000002');
    expect(index.nearestBatch('C-1', '2016-10-30')).toBeNull();
    // C-2 shares B-000002's pair with C-1, and has B-000004 on its record's date.
    expect(index.nearestBatch('C-2', '2016-09-17')).toBe('B-000002');
    expect(index.nearestBatch('C-2', '2016-09-24')).toBe('B-000004');
    expect(index.nearestBatch('C-2', '2016-08-02')).toBeNull();
    expect(index.nearestBatch('C-3', '2016-09-10')).toBe('B-000006');
    expect(index.nearestBatch('C-3', '2016-09-26')).toBe('B-000007');
    expect(index.nearestBatch('C-9', '2016-09-16')).toBeNull();
  });
});
