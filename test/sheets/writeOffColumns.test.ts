// Invoices' Write-off Reason and Write-off Date: read when present, blank or missing reads as unset, and
// written only when set (or cleared by an undo), so an older workbook gains the columns when first needed.
import { describe, expect, it } from 'vitest';
import { toBlocks } from '../../src/sheets/changes';
import type { CellValue } from '../../src/sheets/port';
import type { Invoice } from '../../src/sheets/records';
import { TABS } from '../../src/sheets/schema';
import { readTable } from '../../src/sheets/table';
import { invoiceCells, readInvoices } from '../../src/sheets/tabs/invoices';
import { noFormulas } from './formulasIn';

const OLD_HEADER = ['Invoice ID', 'Sale ID', 'Client ID', 'Description', 'Instalment', 'Due Date', 'Amount'];
const HEADER = [...OLD_HEADER, 'Paid', 'Status', 'Batch ID'];
const row = (extra: CellValue[] = []): CellValue[] => [
  'INV-000001',
  '',
  'C-0001',
  'Protein powder',
  '',
  { date: '2016-09-16' },
  45,
  0,
  'Open',
  '',
  ...extra,
];
const tableOf = (header: string[], rows: CellValue[][]) =>
  readTable(TABS.invoices, { name: 'Invoices', values: [header, ...rows] });

const writtenOff: Invoice = {
  id: 'INV-000001',
  saleId: '',
  clientId: 'C-0001',
  description: 'Protein powder',
  instalment: null,
  dueDate: '2016-09-16',
  amount: 4500,
  paid: 0,
  status: 'Written off',
  batchId: '',
  writeOffReason: 'Moved interstate',
  writeOffDate: '2016-10-10',
};

describe('Invoices: write-off columns', () => {
  it('a workbook without the columns reads them as unset and writes no header for an ordinary update', () => {
    const table = tableOf(HEADER, [row()]);
    const inv = readInvoices(table)[0]!;
    expect(inv.writeOffReason).toBeUndefined();
    expect(inv.writeOffDate).toBeUndefined();
    const blocks = toBlocks(
      { table, updates: [{ rowNumber: 2, cells: invoiceCells(inv) }], appends: [] },
      noFormulas,
    );
    expect(blocks.some((b) => b.row === 1)).toBe(false);
  });

  it('a write-off adds both headers after the last column, then its reason and date', () => {
    const table = tableOf(HEADER, [row()]);
    const blocks = toBlocks(
      {
        table,
        updates: [{ rowNumber: 2, cells: invoiceCells(writtenOff) }],
        appends: [],
      },
      noFormulas,
    );
    const header = blocks.find((b) => b.row === 1)!;
    expect(header.values[0]).toEqual(expect.arrayContaining(['Write-off Reason', 'Write-off Date']));
    const cells = Object.fromEntries(
      blocks
        .filter((b) => b.row === 2)
        .flatMap((b) => b.values[0]!.map((v, j) => [b.column + j, v] as const)),
    );
    const reasonCol = header.column + header.values[0]!.indexOf('Write-off Reason');
    const dateCol = header.column + header.values[0]!.indexOf('Write-off Date');
    expect(cells[reasonCol]).toBe('Moved interstate');
    expect(cells[dateCol]).toEqual({ date: '2016-10-10' });
    expect(cells[9]).toBe('Written off');
  });

  it('reads the reason and date back, and blank cells as unset', () => {
    const header = [...HEADER, 'Write-off Reason', 'Write-off Date'];
    const table = tableOf(header, [
      row(['Moved interstate', { date: '2016-10-10' }]),
      row(['', '']).map((v, i) => (i === 0 ? 'INV-000002' : v)),
    ]);
    const [a, b] = readInvoices(table);
    expect(a).toMatchObject({ writeOffReason: 'Moved interstate', writeOffDate: '2016-10-10' });
    expect(b!.writeOffReason).toBeUndefined();
    expect(b!.writeOffDate).toBeUndefined();
  });

  it('an undo writes the cells blank', () => {
    const cells = invoiceCells({ ...writtenOff, status: 'Open', writeOffReason: '', writeOffDate: null });
    expect(cells['Write-off Reason']).toBe('');
    expect(cells['Write-off Date']).toBe('');
  });
});
