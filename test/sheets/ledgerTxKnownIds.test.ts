// The highest ID of a tab taken from the integrity check's index (LedgerTx.knowIds) instead of a pass over
// its rows: every counter raised and every ID handed out must be what the pass gives, whatever the cells
// hold (a pasted higher ID, another spelling, a space the reader trims, a typed number), over a tab read
// whole or by columns; and a repeated ID is refused with the same message.
import { describe, expect, it } from 'vitest';
import { assertLedgerSound, soundLedgerFor } from '../../src/sheets/integrity';
import { LedgerTx, type TxOptions } from '../../src/sheets/ledgerTx';
import { columnSnapshot, HEAD_ROWS, type CellValue, type WorkbookPort } from '../../src/sheets/port';
import { TABS, type TabKey } from '../../src/sheets/schema';
import { readInvoices } from '../../src/sheets/tabs/invoices';
import { readPayments } from '../../src/sheets/tabs/payments';

const header = (key: TabKey) => TABS[key].columns.map((c) => c.header);

function row(key: TabKey, cells: Record<string, CellValue>): CellValue[] {
  return header(key).map((h) => cells[h] ?? '');
}

function invoice(id: CellValue, batchId = ''): CellValue[] {
  return row('invoices', {
    'Invoice ID': id,
    'Client ID': 'C-0001',
    'Due Date': { date: '2016-09-16' },
    Amount: 220,
    Paid: 0,
    Status: batchId ? 'Sent' : 'Open',
    'Batch ID': batchId,
  });
}

function payment(id: CellValue, receiptId: CellValue = ''): CellValue[] {
  return row('payments', {
    'Payment ID': id,
    Date: { date: '2016-09-16' },
    'Client ID': 'C-0001',
    Amount: 10,
    Method: 'Cash',
    'Receipt ID': receiptId,
  });
}

const ids = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, k) => `${prefix}${String(k + 1).padStart(6, '0')}`);

/** A workbook of the tabs given (plus an empty Log): what a commit writes lands in `written`. */
function portOf(tabs: Partial<Record<TabKey, CellValue[][]>>, props: Record<string, string>) {
  const sheets = new Map<string, CellValue[][]>(
    (Object.keys(tabs) as TabKey[]).map((k) => [TABS[k].name, [header(k), ...tabs[k]!]]),
  );
  sheets.set('Log', [header('log')]);
  const head = (name: string) => {
    const v = sheets.get(name);
    return v ? { name, values: v.slice(0, HEAD_ROWS), lastRow: v.length } : null;
  };
  const written: Record<string, string> = {};
  const port: WorkbookPort = {
    timeZone: () => 'Australia/Sydney',
    readTabs: (names) =>
      Object.fromEntries(names.map((n) => [n, sheets.has(n) ? { name: n, values: sheets.get(n)! } : null])),
    readHeads: (names) => Object.fromEntries(names.map((n) => [n, head(n)])),
    readColumn: (tab, column, first, numRows) =>
      sheets
        .get(tab)!
        .slice(first - 1, first - 1 + numRows)
        .map((r) => r[column - 1] ?? ''),
    readColumns: (name, pick) => {
      const h = head(name);
      if (!h) return null;
      return columnSnapshot(h, pick(h), (first, column, numRows, numColumns) =>
        sheets
          .get(name)!
          .slice(first - 1, first - 1 + numRows)
          .map((r) => r.slice(column - 1, column - 1 + numColumns)),
      );
    },
    readFormulas: (_tab, _row, _column, numRows, numColumns) =>
      Array.from({ length: numRows }, () => Array<string>(numColumns).fill('')),
    writeBlocks: () => undefined,
    applyLayout: () => undefined,
    rewriteTab: () => undefined,
    getProperty: (key) => props[key] ?? null,
    getProperties: () => ({ ...props }),
    setProperties: (values) => Object.assign(written, values),
  };
  return { port, written };
}

type Tabs = { invoices?: CellValue[][]; payments?: CellValue[][] };

/**
 * What one action over these tabs gives: with `known` the check's indexes go to the IDs, else the rows
 * are scanned. `next` IDs are asked for after the check (the first need), then the commit raises the rest.
 */
function act(
  tabs: Tabs,
  known: boolean,
  next: readonly ('invoice' | 'batch' | 'payment' | 'receipt')[],
  opts: TxOptions = {},
  props: Record<string, string> = {},
) {
  const { port, written } = portOf(tabs, props);
  const keys = Object.keys(tabs) as TabKey[];
  const tx = new LedgerTx(port, keys, opts);
  const records = {
    invoices: tabs.invoices ? readInvoices(tx.table('invoices')) : undefined,
    payments: tabs.payments ? readPayments(tx.table('payments')) : undefined,
  };
  if (known) soundLedgerFor(tx, records);
  else assertLedgerSound(records);
  const handed = next.map((k) => tx.ids.next(k));
  tx.commit('Test', '', '2016-09-16 09:00');
  const { 'studioLedger.ledgerStamp': _stamp, ...counters } = written;
  return { handed, counters };
}

/** The action with the index and without it agree; gives what they agree on. */
function same(
  tabs: Tabs,
  next: Parameters<typeof act>[2] = [],
  opts?: TxOptions,
  props?: Record<string, string>,
) {
  const scanned = act(tabs, false, next, opts, props);
  expect(act(tabs, true, next, opts, props)).toEqual(scanned);
  return scanned;
}

const standard = () => ids('INV-', 30).map((id, k) => invoice(id, k < 10 ? `B-00000${1 + (k % 3)}` : ''));

describe('highest Invoice ID from the integrity index', () => {
  it('the add-in spelling: the highest row, wherever it is, raises the counter and is handed out after', () => {
    expect(same({ invoices: standard() }).counters).toEqual({
      'studioLedger.lastId.invoice': '30',
      'studioLedger.lastId.batch': '3',
    });
    const pasted = standard();
    pasted.splice(4, 0, invoice('INV-000900'));
    expect(same({ invoices: pasted }, ['invoice', 'batch']).handed).toEqual(['INV-000901', 'B-000004']);
    // A stored counter above every row is kept.
    expect(
      same({ invoices: pasted }, ['invoice'], {}, { 'studioLedger.lastId.invoice': '5000' }).handed,
    ).toEqual(['INV-005001']);
  });

  it('Batch IDs over interleaved rows: each value counted once, whatever its spelling', () => {
    const batches = [
      'B-000002',
      'B-000009',
      'B-000002',
      ' B-000050',
      'B-12 ',
      'B-000009',
      'b-000077',
      'B-1e1',
    ];
    const rows = batches.map((b, k) => invoice(`INV-00000${k + 1}`, b));
    expect(same({ invoices: rows }, ['batch']).handed).toEqual(['B-000013']);
    expect(same({ invoices: rows.slice(0, 3) }).counters['studioLedger.lastId.batch']).toBe('9');
  });

  it('a space before the highest ID: the reader trims it, the cell has no number, and the next one down wins', () => {
    const rows = [...standard(), invoice(' INV-000950'), invoice('INV-000940')];
    expect(same({ invoices: rows }, ['invoice']).handed).toEqual(['INV-000941']);
    expect(same({ invoices: [...standard(), invoice('\u00a0INV-000950')] }).counters).toMatchObject({
      'studioLedger.lastId.invoice': '30',
    });
  });

  it('a space after the highest ID counts it, as the pass does', () => {
    expect(same({ invoices: [...standard(), invoice('INV-000960 ')] }, ['invoice']).handed).toEqual([
      'INV-000961',
    ]);
  });

  it('other spellings: another width, a space inside, an exponent, lower case, a typed number, a huge number', () => {
    const cases: [CellValue, string][] = [
      ['INV-1000', 'INV-001001'],
      ['INV-123456789', 'INV-123456790'],
      ['INV- 970', 'INV-000971'],
      ['INV-1e3', 'INV-001001'],
      ['inv-000999', 'INV-000031'],
      ['INV-0x99', 'INV-000154'],
      [99999, 'INV-000031'],
      ['INV-12', 'INV-000031'],
    ];
    for (const [id, next] of cases)
      expect(same({ invoices: [...standard(), invoice(id)] }, ['invoice']).handed, String(id)).toEqual([
        next,
      ]);
    // Past 2^53 digit strings round: read digit by digit, '0' + s gives less than s with a space after
    // it (read by Number), so the index's highest is not the pass's, and the pass decides.
    const s20 = '14440423634456520015';
    const { handed } = same({ invoices: [...standard(), invoice(`INV-0${s20}`), invoice(`INV-${s20} `)] }, [
      'invoice',
    ]);
    expect(handed).toEqual([`INV-${Number(s20) + 1}`]);
  });

  it('a first row of another spelling (the index learns it): the pass decides', () => {
    for (const first of ['INV- 5', 'INV-0x1', 'X-000001'])
      same({ invoices: [invoice(first), ...standard(), invoice('INV- 99')] }, ['invoice']);
    // Learned from 'INV-0x01', 'INV-0x99' is kept by number (99) though idNumber reads it as hex (153).
    const hex = [invoice('INV-0x01'), ...standard(), invoice('INV-0x99'), invoice('INV-100')];
    expect(same({ invoices: hex }, ['invoice']).handed).toEqual(['INV-000154']);
  });

  it('a repeated ID is refused with the same message either way, nothing handed out', () => {
    const rows = [...standard(), invoice('INV-000007')];
    const message =
      /^Invoices row 32, column Invoice ID: INV-000007 is also on row 8: an ID may appear once \(a pasted copy\?\)$/;
    expect(() => act({ invoices: rows }, true, ['invoice'])).toThrow(message);
    expect(() => act({ invoices: rows }, false, ['invoice'])).toThrow(message);
  });

  it('a tab read by its ID column and a few others agrees too', () => {
    const rows = [...standard(), invoice(' INV-000950'), invoice('INV-000940')];
    const base = ['Client ID', 'Due Date', 'Amount', 'Status'];
    const withIds = { columns: { invoices: ['Invoice ID', ...base] } };
    expect(same({ invoices: rows }, ['invoice', 'batch'], withIds).handed).toEqual([
      'INV-000941',
      // The Batch ID column was not read, and no counter is stored: it is read alone to seed one.
      'B-000004',
    ]);
    // The Batch ID column was not read: with a stored counter, that counter is the record.
    expect(same({ invoices: rows }, ['batch'], withIds, { 'studioLedger.lastId.batch': '7' }).handed).toEqual(
      ['B-000008'],
    );
  });

  it('takes the highest from the index, reading no Invoice ID or Batch ID cell but the one holding it', () => {
    const batch = String(header('invoices').indexOf('Batch ID'));
    const reads = { on: false, ids: 0, batches: 0 };
    const counted = (cells: CellValue[]) =>
      new Proxy(cells, {
        get(target, key, receiver) {
          if (reads.on && key === '0') reads.ids++;
          if (reads.on && key === batch) reads.batches++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    const rows = standard().map(counted);
    for (const known of [true, false]) {
      const { port, written } = portOf({ invoices: rows }, {});
      const tx = new LedgerTx(port, ['invoices']);
      const invoices = readInvoices(tx.table('invoices'));
      if (known) soundLedgerFor(tx, { invoices });
      Object.assign(reads, { on: true, ids: 0, batches: 0 });
      tx.commit('Test', '', '2016-09-16 09:00');
      reads.on = false;
      expect(written).toMatchObject({
        'studioLedger.lastId.invoice': '30',
        'studioLedger.lastId.batch': '3',
      });
      expect([reads.ids, reads.batches]).toEqual(known ? [1, 1] : [30, 30]);
    }
  });
});

describe('highest Payment ID and Receipt ID from the integrity index', () => {
  const payments = () => [
    ...ids('P-', 20).map((id, k) => payment(id, k < 6 ? `R-00000${1 + (k >> 1)}` : '')),
  ];

  it('both kinds of the tab: a pasted higher one, a receipt spelled with a space before it', () => {
    expect(same({ payments: payments() }).counters).toEqual({
      'studioLedger.lastId.payment': '20',
      'studioLedger.lastId.receipt': '3',
    });
    const rows = [...payments(), payment('P-000500', ' R-000050'), payment('P-000400', 'R-000040')];
    expect(same({ payments: rows }, ['payment', 'receipt']).handed).toEqual(['P-000501', 'R-000041']);
    expect(
      same({ payments: [...payments(), payment('P-21', 'R-77 ')] }, ['payment', 'receipt']).handed,
    ).toEqual(['P-000022', 'R-000078']);
  });

  it('with the Invoices tab in the same action (as marking a batch processed reads them)', () => {
    const rows = [...payments(), payment('P-000300')];
    expect(same({ invoices: standard(), payments: rows }, ['payment']).handed).toEqual(['P-000301']);
  });
});
