// readTable: a row of checkbox values and blanks is no record, though appends still go below it.
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/sheets/port';
import { TABS } from '../../src/sheets/schema';
import { readTable } from '../../src/sheets/table';

const HEADER = TABS.packages.columns.map((c) => c.header);
const row = (cells: Record<string, CellValue>): CellValue[] => HEADER.map((h) => cells[h] ?? '');

describe('stray ticks', () => {
  it('skips rows holding only TRUE/FALSE and blanks, and appends after the last of them', () => {
    const values = [
      HEADER,
      row({
        'Package Code': 'PT10',
        Name: 'PT',
        Kind: 'Paid in full',
        Sessions: 10,
        Price: 500,
        Active: true,
      }),
      row({ Active: true }),
      row({}),
      row({ Active: false, Instalments: '  ' }),
    ];
    const t = readTable(TABS.packages, {
      name: 'Packages',
      values,
    });
    expect(t.rows.map((r) => r.rowNumber)).toEqual([2]);
    expect(t.lastRow).toBe(5);
  });
});
