// Rows decoded once per action: the same row read twice gives the same record; a row replaced (written)
// or moved is decoded again.
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/sheets/port';
import { TABS } from '../../src/sheets/schema';
import { readTable } from '../../src/sheets/table';
import { readPayments } from '../../src/sheets/tabs/payments';

const header = TABS.payments.columns.slice(0, 7).map((c) => c.header);
const row = (id: string, amount: number): CellValue[] => [
  id,
  { date: '2016-09-16' },
  'C-0001',
  'INV-000001',
  amount,
  'Cash',
  '',
];

describe('rowRecords', () => {
  it('decodes an unchanged row once, and a written or moved row again', () => {
    const values = [header, row('P-000001', 220), row('P-000002', 49.95)];
    const first = readPayments(readTable(TABS.payments, { name: 'Payments', values }));
    const again = readPayments(readTable(TABS.payments, { name: 'Payments', values: [...values] }));
    expect(again[0]).toBe(first[0]);
    expect(again[1]).toBe(first[1]);
    // The summary port copies a row it writes: the copy is read afresh.
    const written = [header, values[1]!, row('P-000002', 10)];
    const after = readPayments(readTable(TABS.payments, { name: 'Payments', values: written }));
    expect(after[0]).toBe(first[0]);
    expect(after[1]).toMatchObject({ id: 'P-000002', amount: 1000 });
    // The same cells on another sheet row are another record (its row number differs).
    const moved = readPayments(
      readTable(TABS.payments, { name: 'Payments', values: [header, [], values[1]!] }),
    );
    expect(moved[0]).toMatchObject({ id: 'P-000001', row: 3 });
  });
});
