// The write layer on its own: which cells toBlocks writes, and the order LedgerTx.commit writes in,
// against a small in-memory WorkbookPort.
import { describe, expect, it } from 'vitest';
import { clusterRows, toBlocks, MAX_CLUSTERS } from '../../src/sheets/changes';
import { LedgerTx } from '../../src/sheets/ledgerTx';
import type {
  CellBlock,
  CellValue,
  CellWrite,
  ColumnPick,
  TabContent,
  TabLayout,
  TabHead,
  TabSnapshot,
  WorkbookPort,
} from '../../src/sheets/port';
import { columnSnapshot, HEAD_ROWS, isSheetDateTime, isSheetFormula } from '../../src/sheets/port';
import { TABS } from '../../src/sheets/schema';
import { readTable, type Table } from '../../src/sheets/table';
import { readInvoices, invoiceCells } from '../../src/sheets/tabs/invoices';
import { formulasFrom, noFormulas } from './formulasIn';

const INVOICE_HEADER = TABS.invoices.columns.map((c) => c.header);
const col = (h: string) => INVOICE_HEADER.indexOf(h);

/** An invoice row as the sheet holds it: Open, nothing paid. */
function invoiceRow(i: number): CellValue[] {
  const cells: Record<string, CellValue> = {
    'Invoice ID': `INV-${String(i).padStart(6, '0')}`,
    'Sale ID': 'S-000001',
    'Client ID': 'C-0001',
    Description: `PT ${i}`,
    Instalment: 1,
    'Due Date': { date: '2016-09-16' },
    Amount: 220,
    Paid: 0,
    Status: 'Open',
    'Batch ID': '',
    Balance: 220,
    Created: { date: '2016-09-13' },
    'Sent Amount': '',
    'Decline Reason': '',
  };
  return INVOICE_HEADER.map((h) => cells[h]!);
}

/** What a cell reads back as: quoted text without its quote, a date and time as its date. */
function readBack(v: Exclude<CellWrite, { formula: string }>): CellValue {
  if (isSheetDateTime(v)) return { date: v.dateTime.slice(0, 10) };
  return typeof v === 'string' ? v.replace(/^'/, '') : v;
}

/** A sheet as a grid of cells: values, formulas beside them. */
class Grid {
  values: CellValue[][] = [];
  formulas: string[][] = [];
  constructor(rows: CellValue[][]) {
    rows.forEach((r, i) => r.forEach((v, j) => this.set(i + 1, j + 1, v)));
  }
  set(row: number, column: number, v: CellWrite): void {
    const r = (this.values[row - 1] ??= []);
    const f = (this.formulas[row - 1] ??= []);
    if (isSheetFormula(v)) {
      f[column - 1] = v.formula;
      r[column - 1] = '';
    } else {
      f[column - 1] = '';
      r[column - 1] = readBack(v);
    }
  }
  get(row: number, column: number): CellValue {
    return this.values[row - 1]?.[column - 1] ?? '';
  }
  formula(row: number, column: number): string {
    return this.formulas[row - 1]?.[column - 1] ?? '';
  }
  snapshot(name: string): TabSnapshot {
    const height = this.values.length;
    const width = Math.max(1, ...this.values.map((r) => r?.length ?? 0));
    const grid = <T>(src: T[][], blank: T) =>
      Array.from({ length: height }, (_, i) => Array.from({ length: width }, (_, j) => src[i]?.[j] ?? blank));
    return { name, values: grid(this.values, '') };
  }
}

/** A WorkbookPort over grids, recording every write in order. */
class FakePort implements WorkbookPort {
  readonly tabs = new Map<string, Grid>();
  readonly properties = new Map<string, string>();
  readonly calls: string[] = [];
  failWritesTo: string | null = null;

  timeZone(): string {
    return 'Australia/Sydney';
  }
  readTabs(names: readonly string[]): Record<string, TabSnapshot | null> {
    return Object.fromEntries(names.map((n) => [n, this.tabs.get(n)?.snapshot(n) ?? null]));
  }
  readHeads(names: readonly string[]): Record<string, TabHead | null> {
    return Object.fromEntries(
      names.map((n) => {
        const snap = this.tabs.get(n)?.snapshot(n);
        return [
          n,
          snap ? { name: n, values: snap.values.slice(0, HEAD_ROWS), lastRow: snap.values.length } : null,
        ];
      }),
    );
  }
  readColumns(name: string, pick: (head: TabHead) => ColumnPick): TabSnapshot | null {
    const head = this.readHeads([name])[name];
    if (!head) return null;
    this.calls.push(`readColumns ${name}`);
    const grid = this.tabs.get(name)!;
    return columnSnapshot(head, pick(head), (row, column, numRows, numColumns) =>
      Array.from({ length: numRows }, (_, i) =>
        Array.from({ length: numColumns }, (_, j) => grid.get(row + i, column + j)),
      ),
    );
  }
  readColumn(tab: string, column: number, row: number, numRows: number): CellValue[] {
    this.calls.push(`readColumn ${tab}`);
    const grid = this.tabs.get(tab)!;
    return Array.from({ length: numRows }, (_, i) => grid.get(row + i, column));
  }
  readFormulas(tab: string, row: number, column: number, numRows: number, numColumns: number): string[][] {
    this.calls.push(`readFormulas ${tab}`);
    return formulasFrom(this.tabs.get(tab)!.formulas)(row, column, numRows, numColumns);
  }
  writeBlocks(tab: string, blocks: readonly CellBlock[]): void {
    if (tab === this.failWritesTo) throw new Error(`writing ${tab} failed`);
    this.calls.push(`writeBlocks ${tab}`);
    const grid = this.tabs.get(tab)!;
    for (const b of blocks)
      b.values.forEach((row, i) => row.forEach((v, j) => grid.set(b.row + i, b.column + j, v)));
  }
  applyLayout(layout: TabLayout): void {
    this.calls.push(`applyLayout ${layout.name}`);
  }
  rewriteTab(name: string, content: TabContent): void {
    this.calls.push(`rewriteTab ${name}`);
    this.tabs.set(
      name,
      new Grid(content.values.map((r) => r.map((v) => (isSheetFormula(v) ? '' : readBack(v))))),
    );
  }
  getProperty(key: string): string | null {
    return this.properties.get(key) ?? null;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.properties);
  }
  setProperties(values: Record<string, string>): void {
    this.calls.push(`setProperties ${Object.keys(values).sort().join(', ')}`);
    for (const [k, v] of Object.entries(values)) this.properties.set(k, v);
  }
}

/** A port holding an Invoices tab of `n` open invoices (rows 2..n+1) and an empty Log. */
function portWithInvoices(n: number): FakePort {
  const port = new FakePort();
  const rows: CellValue[][] = [INVOICE_HEADER];
  for (let i = 1; i <= n; i++) rows.push(invoiceRow(i));
  port.tabs.set('Invoices', new Grid(rows));
  port.tabs.set('Log', new Grid([TABS.log.columns.map((c) => c.header)]));
  port.tabs.set('Process Billing', new Grid([['Client ID']]));
  return port;
}

/** The updates marking invoices paid in full: every column, as the actions plan them. */
function paidUpdates(table: Table, rowNumbers: readonly number[]) {
  const invoices = readInvoices(table);
  return rowNumbers.map((rowNumber) => {
    const inv = invoices.find((i) => i.row === rowNumber)!;
    return { rowNumber, cells: invoiceCells({ ...inv, paid: inv.amount, status: 'Paid' }) };
  });
}

describe('updates write only the cells that change', () => {
  it('two updates 100,000 rows apart write two small blocks of the changed columns', () => {
    const port = portWithInvoices(100_000);
    const table = readTable(TABS.invoices, port.tabs.get('Invoices')!.snapshot('Invoices'));
    const blocks = toBlocks(
      {
        table,
        updates: paidUpdates(table, [2, 100_001]),
        appends: [],
      },
      noFormulas,
    );
    // Paid and Status are adjacent; Batch ID between Status and Balance is unchanged.
    expect(blocks).toEqual([
      { row: 2, column: col('Paid') + 1, values: [[220, 'Paid']], textColumns: [] },
      { row: 2, column: col('Balance') + 1, values: [[0]], textColumns: [] },
      { row: 100_001, column: col('Paid') + 1, values: [[220, 'Paid']], textColumns: [] },
      { row: 100_001, column: col('Balance') + 1, values: [[0]], textColumns: [] },
    ]);
  });

  it('an update that changes nothing writes nothing; a same-date date cell counts as unchanged', () => {
    const port = portWithInvoices(3);
    const table = readTable(TABS.invoices, port.tabs.get('Invoices')!.snapshot('Invoices'));
    const inv = readInvoices(table)[1]!;
    expect(
      toBlocks({ table, updates: [{ rowNumber: 3, cells: invoiceCells(inv) }], appends: [] }, noFormulas),
    ).toEqual([]);
    expect(
      toBlocks(
        {
          table,
          updates: [{ rowNumber: 3, cells: { 'Due Date': { date: '2016-09-30' } } }],
          appends: [],
        },
        noFormulas,
      ),
    ).toEqual([{ row: 3, column: col('Due Date') + 1, values: [[{ date: '2016-09-30' }]], textColumns: [] }]);
    // A number where the cell holds the same digits as text is a change (the cell's type is wrong).
    expect(
      toBlocks({ table, updates: [{ rowNumber: 3, cells: { Amount: '220' } }], appends: [] }, noFormulas),
    ).toHaveLength(1);
  });

  it('a formula already showing the planned value is kept; one showing another value is replaced', () => {
    const port = portWithInvoices(3);
    const grid = port.tabs.get('Invoices')!;
    grid.set(2, col('Decline Reason') + 1, { formula: '=IF(H2>0,"","")' }); // shows ''
    grid.set(3, col('Description') + 1, { formula: '=CONCAT("PT ",E3)' });
    grid.values[2]![col('Description')] = 'PT 1'; // shows "PT 1"; the plan says "PT 2"
    const table = readTable(TABS.invoices, grid.snapshot('Invoices'));
    const blocks = toBlocks(
      {
        table,
        updates: paidUpdates(table, [2, 3]).map((u) =>
          u.rowNumber === 3 ? { ...u, cells: { ...u.cells, Description: 'PT 2' } } : u,
        ),
        appends: [],
      },
      formulasFrom(grid.formulas),
    );
    expect(blocks.map((b) => [b.row, b.column, b.values])).toEqual([
      // Row 3's formula shows "PT 1": replaced; row 2 is inside the block and written back as read.
      [2, col('Description') + 1, [['PT 1'], ['PT 2']]],
      [
        2,
        col('Paid') + 1,
        [
          [220, 'Paid'],
          [220, 'Paid'],
        ],
      ],
      [2, col('Balance') + 1, [[0], [0]]],
    ]);
    expect(blocks.some((b) => b.column === col('Decline Reason') + 1)).toBe(false);
  });

  it('rows close together share a block, cells between written back as read; far rows get their own', () => {
    const port = portWithInvoices(200);
    const grid = port.tabs.get('Invoices')!;
    grid.set(5, col('Status') + 1, { formula: '=IF(TRUE,"Open")' });
    grid.values[4]![col('Status')] = 'Open';
    const table = readTable(TABS.invoices, grid.snapshot('Invoices'));
    const status = (rowNumber: number) => ({ rowNumber, cells: { Status: 'Sent' } });
    const updates = [status(2), status(10), status(31), status(53), status(150)];
    const blocks = toBlocks({ table, updates, appends: [] }, formulasFrom(grid.formulas));
    expect(blocks.map((b) => [b.row, b.values.length])).toEqual([
      [2, 30], // 7 rows between 2 and 10, 20 between 10 and 31: one block
      [53, 1], // 21 rows after 31: a new block
      [150, 1],
    ]);
    expect(blocks[0]!.values.slice(0, 9).map((r) => r[0])).toEqual([
      'Sent',
      'Open',
      'Open',
      { formula: '=IF(TRUE,"Open")' },
      'Open',
      'Open',
      'Open',
      'Open',
      'Sent',
    ]);
    expect(blocks[0]!.values.at(-1)).toEqual(['Sent']);
  });

  it('past the cap, the closest clusters merge: the number of blocks never grows with the rows', () => {
    expect(clusterRows([2, 50, 100, 200, 400, 800, 1600, 3200, 6400, 12800])).toEqual([
      [2, 50, 100],
      [200],
      [400],
      [800],
      [1600],
      [3200],
      [6400],
      [12800],
    ]);
    expect(clusterRows([5, 6, 27, 49])).toEqual([[5, 6, 27], [49]]);
    expect(clusterRows([])).toEqual([]);
    const port = portWithInvoices(10_000);
    const table = readTable(TABS.invoices, port.tabs.get('Invoices')!.snapshot('Invoices'));
    const updates = Array.from({ length: 1000 }, (_, i) => ({
      rowNumber: 2 + i * 10,
      cells: { Status: 'Sent' },
    }));
    updates.push(
      ...Array.from({ length: 30 }, (_, i) => ({ rowNumber: 9000 + i * 30, cells: { Status: 'Sent' } })),
    );
    const blocks = toBlocks({ table, updates, appends: [] }, noFormulas);
    expect(blocks.length).toBeLessThanOrEqual(MAX_CLUSTERS);
    // Every planned cell is in some block.
    for (const u of updates) {
      const b = blocks.find((b) => b.row <= u.rowNumber && u.rowNumber < b.row + b.values.length)!;
      expect(b.values[u.rowNumber - b.row]![0]).toBe('Sent');
    }
  });

  it('names the plain-text columns of each block; other columns get formula- and number-like text quoted', () => {
    const port = portWithInvoices(1);
    const table = readTable(TABS.invoices, port.tabs.get('Invoices')!.snapshot('Invoices'));
    const [block] = toBlocks(
      {
        table,
        updates: [],
        appends: [
          {
            'Invoice ID': 'INV-000002',
            'Sale ID': '',
            'Client ID': '=1+1',
            Description: 'March 2024',
            Instalment: '=1+1',
          },
        ],
      },
      noFormulas,
    );
    // Free text (Description) is a plain-text column too; Instalment is a number column.
    expect(block).toEqual({
      row: 3,
      column: 1,
      values: [['INV-000002', '', '=1+1', 'March 2024', "'=1+1"]],
      textColumns: [0, 1, 2, 3],
    });
  });
});

describe('commit writes rows, then regenerated tabs, then properties', () => {
  function plannedTx(port: FakePort) {
    const tx = new LedgerTx(port, ['invoices']);
    tx.update('invoices', 2, { Status: 'Sent', 'Batch ID': 'B-000001' });
    tx.update('invoices', 5000, { Status: 'Sent', 'Batch ID': 'B-000001' });
    tx.rewrite('processBilling', { values: [['Status', 'Sent']], formats: [], boldRows: [], frozenRows: 0 });
    tx.setProperty('studioLedger.batch.B-000001', '{"status":"Sent"}');
    tx.ids.next('batch');
    return tx;
  }

  it('in that order', () => {
    const port = portWithInvoices(5000);
    plannedTx(port).commit('Create ABA file', 'B-000001', '2016-09-16 09:00');
    expect(port.calls).toEqual([
      'writeBlocks Invoices',
      'writeBlocks Log',
      'rewriteTab Process Billing',
      // The Invoices read whole hold INV-005000 and no invoice counter was stored: it is raised too.
      'setProperties studioLedger.batch.B-000001, studioLedger.lastId.batch, studioLedger.lastId.invoice, studioLedger.ledgerStamp',
    ]);
    expect(port.tabs.get('Process Billing')!.get(1, 2)).toBe('Sent');
    expect(port.getProperty('studioLedger.lastId.batch')).toBe('1');
    expect(port.getProperty('studioLedger.lastId.invoice')).toBe('5000');
  });

  it('an edit made between the read and the write, in a row between two updated rows, is kept', () => {
    const port = portWithInvoices(5000);
    const tx = plannedTx(port);
    port.tabs.get('Invoices')!.set(2500, col('Description') + 1, 'edited meanwhile');
    tx.commit('Create ABA file', 'B-000001', '2016-09-16 09:00');
    const grid = port.tabs.get('Invoices')!;
    expect(grid.get(2500, col('Description') + 1)).toBe('edited meanwhile');
    expect([grid.get(2, col('Status') + 1), grid.get(5000, col('Batch ID') + 1)]).toEqual([
      'Sent',
      'B-000001',
    ]);
    expect(grid.get(3, col('Status') + 1)).toBe('Open');
  });

  it('when writing the rows fails, no property is saved and no tab is regenerated', () => {
    const port = portWithInvoices(5000);
    port.failWritesTo = 'Invoices';
    const tx = plannedTx(port);
    expect(() => tx.commit('Create ABA file', 'B-000001', '2016-09-16 09:00')).toThrow(
      'writing Invoices failed',
    );
    expect(port.calls).toEqual([]);
    expect(port.getProperties()).toEqual({});
    expect(port.tabs.get('Process Billing')!.get(1, 1)).toBe('Client ID');
  });
});

describe('a commit of very many rows', () => {
  it('writes 200,000 appended rows as one block (no argument list as long as the rows)', () => {
    const port = portWithInvoices(1);
    const tx = new LedgerTx(port, ['invoices']);
    const row = invoiceRow(2);
    const cells = Object.fromEntries(INVOICE_HEADER.map((h, i) => [h, row[i]!]));
    for (let i = 0; i < 200_000; i++) tx.append('invoices', cells);
    tx.commit('Bulk', '200,000 rows', '2016-09-16 09:00');
    const grid = port.tabs.get('Invoices')!;
    expect(grid.values.length).toBe(200_002);
    expect(grid.get(200_002, col('Invoice ID') + 1)).toBe('INV-000002');
  });
});

describe('a tab the action only appends to', () => {
  it('is read by its head: rows go below its last row, IDs come from the counter, its rows are refused', () => {
    const port = portWithInvoices(50);
    port.properties.set('studioLedger.lastId.invoice', '60');
    const tx = new LedgerTx(port, [], { appendOnly: ['invoices'] });
    expect(() => tx.table('invoices').rows).toThrow(/appending only/);
    expect(() => tx.update('invoices', 2, { Status: 'Paid' })).toThrow(/appending only/);
    const id = tx.ids.next('invoice');
    expect(id).toBe('INV-000061');
    tx.append(
      'invoices',
      invoiceCells({
        ...readInvoices(readTable(TABS.invoices, port.tabs.get('Invoices')!.snapshot('Invoices')))[0]!,
        id,
      }),
    );
    tx.commit('Add ad-hoc invoice', id, '2016-09-13 09:00:00');
    const grid = port.tabs.get('Invoices')!;
    expect(grid.get(52, 1)).toBe('INV-000061');
    expect(grid.get(53, 1)).toBe('');
    // No ID column was read: the counter is the record.
    expect(port.calls.filter((c) => c.startsWith('readColumn'))).toEqual([]);
    expect(port.getProperty('studioLedger.lastId.invoice')).toBe('61');
  });

  it('without a stored counter, reads its ID column alone to seed one', () => {
    const port = portWithInvoices(50);
    const tx = new LedgerTx(port, [], { appendOnly: ['invoices'] });
    expect(tx.ids.next('invoice')).toBe('INV-000051');
    expect(port.calls).toEqual(['readColumn Invoices']);
  });
});
