// Ledger columns newer than a workbook (Payments' Batch ID and Provider Ref, Invoices' Decline Count) are
// added by the first action that writes them; old rows keep working and ordinary optional columns a user
// removed stay removed.
import { describe, expect, it } from 'vitest';
import { toBlocks } from '../../src/sheets/changes';
import type { CellValue } from '../../src/sheets/port';
import { TABS } from '../../src/sheets/schema';
import { readTable } from '../../src/sheets/table';
import { paymentCells, readPayments } from '../../src/sheets/tabs/payments';
import { noFormulas } from './formulasIn';

// A Payments tab as the first release made it: seven columns, no Batch ID or Provider Ref.
const OLD_HEADER = ['Payment ID', 'Date', 'Client ID', 'Invoice ID', 'Amount', 'Method', 'Reference'];
const oldRow: CellValue[] = [
  'P-000001',
  { date: '2016-09-16' },
  'C-0001',
  'INV-000001',
  220,
  'Direct debit',
  'B-000001',
];
const table = readTable(TABS.payments, {
  name: 'Payments',
  values: [OLD_HEADER, oldRow],
});

describe('columns added when first needed', () => {
  it('an old row reads with blank new fields', () => {
    expect(readPayments(table)[0]).toMatchObject({
      id: 'P-000001',
      reference: 'B-000001',
      batchId: '',
      providerRef: '',
    });
  });

  it('an append naming Batch ID and Provider Ref writes their headers after the last column, then the row', () => {
    const cells = paymentCells({
      id: 'P-000002',
      date: '2016-09-21',
      clientId: 'C-0001',
      invoiceId: 'INV-000001',
      amount: -22000,
      method: 'Decline',
      reference: 'B-000001 declined',
      batchId: 'B-000001',
      providerRef: 'EZ-1',
    });
    const blocks = toBlocks({ table, updates: [], appends: [cells] }, noFormulas);
    expect(blocks[0]).toEqual({ row: 1, column: 8, values: [['Batch ID', 'Provider Ref']], textColumns: [] });
    const row = blocks.slice(1).flatMap((b) => b.values[0]!.map((v, j) => [b.column + j, v] as const));
    expect(Object.fromEntries(row)).toMatchObject({
      1: 'P-000002',
      5: -220,
      7: 'B-000001 declined',
      8: 'B-000001',
      9: 'EZ-1',
    });
    expect(blocks.slice(1).every((b) => b.row === 3)).toBe(true);
  });

  it('an append with blank new fields adds no header', () => {
    const cells = paymentCells({
      id: 'P-000003',
      date: '2016-09-21',
      clientId: 'C-0001',
      invoiceId: '',
      amount: 100,
      method: 'Cash',
      reference: '',
    });
    expect(toBlocks({ table, updates: [], appends: [cells] }, noFormulas).some((b) => b.row === 1)).toBe(
      false,
    );
  });
});
