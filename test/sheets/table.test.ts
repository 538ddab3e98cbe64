import { describe, expect, it } from 'vitest';
import { readTable, cellOf } from '../../src/sheets/table';
import { TABS } from '../../src/sheets/schema';
import { toBlocks } from '../../src/sheets/changes';
import { needsQuoting, safeText } from '../../src/sheets/cellSafety';
import { IdAllocator, formatId, highestNumber } from '../../src/sheets/ids';
import type { CellValue, TabSnapshot } from '../../src/sheets/port';
import { UserError } from '../../src/sheets/errors';
import { readInvoices } from '../../src/sheets/tabs/invoices';
import { formulasFrom } from './formulasIn';

function snap(name: string, values: CellValue[][]): TabSnapshot {
  const width = Math.max(...values.map((r) => r.length));
  const rect = values.map((r) => [...r, ...Array<CellValue>(width - r.length).fill('')]);
  return { name, values: rect };
}

const ATT = TABS.attendance;

describe('header-mapped tables', () => {
  it('finds columns by header text, ignoring case, spaces and order, and skips blank rows', () => {
    const t = readTable(
      ATT,
      snap('Attendance', [
        ['  sessions ', 'My notes', 'CLIENT id', 'Date'],
        [2, 'note', 'C-0001', { date: '2016-09-13' }],
        ['', '', '', ''],
        [1, '', 'C-0002', { date: '2016-09-14' }],
      ]),
    );
    expect(t.columns.get('Client ID')).toBe(2);
    expect(t.columns.get('Sessions')).toBe(0);
    expect(t.rows.map((r) => r.rowNumber)).toEqual([2, 4]);
    expect(cellOf(t, t.rows[1]!, 'Client ID')).toBe('C-0002');
    expect(t.lastRow).toBe(4);
  });

  it('names the tab and the missing header', () => {
    expect(() => readTable(ATT, snap('Attendance', [['Date', 'Sessions']]))).toThrow(
      'The Attendance tab has no "Client ID" column in its header row.',
    );
    expect(() => readTable(ATT, null)).toThrow(/Attendance tab is missing/);
  });

  it('reports a bad cell with tab, row and column', () => {
    const inv = TABS.invoices;
    const headers = inv.columns.filter((c) => c.required).map((c) => c.header);
    const row = headers.map((h) =>
      h === 'Due Date'
        ? '31/02/2016'
        : h === 'Amount'
          ? 220
          : h === 'Invoice ID'
            ? 'INV-000001'
            : h === 'Client ID'
              ? 'C-0001'
              : '',
    );
    const t = readTable(inv, snap('Invoices', [headers, row]));
    expect(() => readInvoices(t)).toThrow(
      new UserError('Invoices row 2, column Due Date: "31/02/2016" is not a date'),
    );
  });

  it('reads amounts as cents the way amountToCents does, on the quick path too', () => {
    const headers = TABS.invoices.columns.filter((c) => c.required).map((c) => c.header);
    const read = (amount: CellValue, paid: CellValue) => {
      const row = headers.map((h) =>
        h === 'Due Date'
          ? { date: '2016-09-16' }
          : h === 'Amount'
            ? amount
            : h === 'Paid'
              ? paid
              : h === 'Invoice ID'
                ? 'INV-000001'
                : h === 'Client ID'
                  ? 'C-0001'
                  : '',
      );
      return readInvoices(readTable(TABS.invoices, snap('Invoices', [headers, row])))[0]!;
    };
    expect(read(49.95, 0.1 + 0.2)).toMatchObject({ amount: 4995, paid: 30 });
    expect(read(-2.5, -0)).toMatchObject({ amount: -250, paid: 0 });
    expect(Object.is(read(220, -0).paid, 0)).toBe(true);
    expect(read('$1,100.00', '')).toMatchObject({ amount: 110000, paid: 0 });
    expect(() => read(12.345, 0)).toThrow(
      new UserError('Invoices row 2, column Amount: 12.345 has more than 2 decimal places'),
    );
    expect(() => read(-0.005, 0)).toThrow(/Invoices row 2, column Amount: .*more than 2 decimal places/);
  });
});

describe('batched writes', () => {
  const header = ['Date', 'Client ID', 'Mine', 'Sessions'];
  const t = readTable(ATT, {
    name: 'Attendance',
    values: [header, [{ date: '2016-09-13' }, 'C-0001', 'x', 2], [{ date: '2016-09-14' }, '=C-1', 'y', 1]],
  });
  // A user's formula in their own column: never read, never written.
  const formulas = formulasFrom([
    ['', '', '', ''],
    ['', '', '', ''],
    ['', '', '=A1', ''],
  ]);

  it('appends below the last row, one block per run of owned columns, user columns untouched', () => {
    const blocks = toBlocks(
      {
        table: t,
        updates: [],
        appends: [{ Date: { date: '2016-09-20' }, 'Client ID': 'C-0003', Sessions: 3 }],
      },
      formulas,
    );
    expect(blocks).toEqual([
      { row: 4, column: 1, values: [[{ date: '2016-09-20' }, 'C-0003']], textColumns: [1] },
      { row: 4, column: 4, values: [[3]], textColumns: [] },
    ]);
  });

  it('updates in place and rewrites nearby rows between as they were (a plain-text column needs no quoting)', () => {
    const blocks = toBlocks(
      {
        table: t,
        updates: [{ rowNumber: 2, cells: { 'Client ID': 'C-0009' } }],
        appends: [{ 'Client ID': 'C-0010' }],
      },
      formulas,
    );
    expect(blocks).toEqual([
      { row: 2, column: 2, values: [['C-0009'], ['=C-1'], ['C-0010']], textColumns: [0] },
    ]);
  });
});

describe('cell safety', () => {
  it.each([
    '=HYPERLINK("x")',
    '+61 400',
    '-5',
    '@home',
    '0012',
    '1/2',
    '12:30',
    'TRUE',
    "'quoted",
    '$5',
    'March 2024',
    '1 Feb',
    'Feb 1, 2024',
    '10am',
    '6:15 pm',
  ])('quotes %s', (s) => {
    expect(needsQuoting(s)).toBe(true);
    expect(safeText(s)).toBe(`'${s}`);
  });
  it.each([
    'Jane Citizen',
    'PT fortnightly — 2 of 5',
    'C-0001',
    'INV-000001',
    '062-000',
    'May Lee',
    'March on',
  ])('leaves %s alone', (s) => {
    expect(safeText(s)).toBe(s);
  });
});

describe('IDs', () => {
  it('never reuses a number: the larger of the stored counter and the highest in the tab', () => {
    expect(
      highestNumber('invoice', ['INV-000007', 'INV-000003', 'X', 'INV-abc', 'INV- 12 ', 'INV-1e1']),
    ).toBe(12);
    const ids = new IdAllocator(
      () => ({ 'studioLedger.lastId.invoice': '12' }),
      (kind) => (kind === 'invoice' ? 7 : 0),
    );
    expect([ids.next('invoice'), ids.next('invoice')]).toEqual(['INV-000013', 'INV-000014']);
    expect(ids.next('client')).toBe('C-0001');
    expect(ids.properties()).toEqual({
      'studioLedger.lastId.invoice': '14',
      'studioLedger.lastId.client': '1',
    });
    expect(formatId('sale', 42)).toBe('S-000042');
  });

  it('raises a counter below the highest ID a tab read whole holds, and never lowers one', () => {
    const ids = new IdAllocator(
      () => ({ 'studioLedger.lastId.sale': '5', 'studioLedger.lastId.invoice': '9' }),
      () => 0,
    );
    ids.raise('sale', 8);
    ids.raise('invoice', 4);
    expect(ids.properties()).toEqual({ 'studioLedger.lastId.sale': '8' });
    expect(ids.next('sale')).toBe('S-000009');
  });

  it('tells the tab whether a counter is stored, so a tab read by its head seeds only a missing one', () => {
    const asked: [string, boolean][] = [];
    const ids = new IdAllocator(
      () => ({ 'studioLedger.lastId.sale': '5', 'studioLedger.lastId.invoice': 'x' }),
      (kind, counted) => {
        asked.push([kind, counted]);
        return kind === 'invoice' ? 20 : 0;
      },
    );
    expect([ids.next('sale'), ids.next('invoice'), ids.next('allocation')]).toEqual([
      'S-000006',
      'INV-000021',
      'A-000001',
    ]);
    expect(asked).toEqual([
      ['sale', true],
      ['invoice', false],
      ['allocation', false],
    ]);
  });
});
