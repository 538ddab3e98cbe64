// Desk actions whose cost does not grow with history: a sale, an ad-hoc invoice and a new client read
// Settings, Clients and Packages whole and only the heads (first rows) of Sales, Invoices, Allocations,
// Payments, Attendance and Log; IDs come from the counters; rows go below each tab's last row.
import { describe, expect, it } from 'vitest';
import { loadAddin, records, type Addin } from './harness';
import { clockedAddin, billingStudio as fridayStudio } from './lifecycleStudio';
import { billingStudio, ok, typeRows } from './studio';

const HISTORY = ['Sales', 'Invoices', 'Allocations', 'Payments', 'Attendance', 'Log'];
const TODAY = '2016-09-13';
const HEAD_ROWS = 10;

/** A Sydney-midnight date cell, `i` days into 2015. */
const day = (i: number) => new Date(Date.UTC(2015, 0, 1 + (i % 300), -11));

/** The seed's studio with `n` settled rows of history on every history tab (IDs outside the counters'). */
function historyStudio(n: number): Addin {
  const addin = billingStudio(loadAddin());
  const rows = <T>(f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
  typeRows(
    addin,
    'Sales',
    rows((i) => ({
      'Sale ID': `HS-${i}`,
      'Sale Date': day(i),
      'Client ID': 'C-0002',
      'Package Code': 'PT10',
      Kind: 'Paid in full',
      'Start Date': day(i),
      'Due Date': day(i),
      Total: 10,
      Instalments: 1,
      Sessions: 1,
      Status: 'Completed',
    })),
  );
  typeRows(
    addin,
    'Invoices',
    rows((i) => ({
      'Invoice ID': `H-${i}`,
      'Sale ID': `HS-${i}`,
      'Client ID': 'C-0002',
      Description: 'history',
      Instalment: 1,
      'Due Date': day(i),
      Amount: 10,
      Paid: 10,
      Status: 'Paid',
      Balance: 0,
    })),
  );
  typeRows(
    addin,
    'Allocations',
    rows((i) => ({
      'Allocation ID': `HA-${i}`,
      'Sale ID': `HS-${i}`,
      'Client ID': 'C-0002',
      Date: day(i),
      Sessions: 1,
    })),
  );
  typeRows(
    addin,
    'Payments',
    rows((i) => ({
      'Payment ID': `HP-${i}`,
      Date: day(i),
      'Client ID': 'C-0002',
      'Invoice ID': `H-${i}`,
      Amount: 10,
      Method: 'Cash',
    })),
  );
  typeRows(
    addin,
    'Attendance',
    rows((i) => ({ Date: day(i), 'Client ID': 'C-0002', Sessions: 1, 'Sale ID': `HS-${i}` })),
  );
  typeRows(
    addin,
    'Log',
    rows((i) => ({ Timestamp: day(i), Action: 'History', Details: `row ${i}` })),
  );
  // Below the Invoices data: two blank rows, then a stray tick (a clicked checkbox cell) in Balance.
  const inv = addin.sheet('Invoices');
  const header = inv.getRange(1, 1, 1, inv.getLastColumn()).getValues()[0]!.map(String);
  const tickRow = inv.getLastRow() + 3;
  if (tickRow > inv.getMaxRows()) inv.insertRowsAfter(inv.getMaxRows(), tickRow - inv.getMaxRows());
  inv.getRange(tickRow, header.indexOf('Balance') + 1).setValue(false);
  return addin;
}

interface Measured<T> {
  value: T;
  /** Cells each tab's values reads handed out. */
  cells: Record<string, number>;
  /** The most rows one values read of a history tab took. */
  widest: Record<string, number>;
  lastRows: Record<string, number>;
}

function measure<T>(addin: Addin, run: () => T): Measured<T> {
  const lastRows = Object.fromEntries(HISTORY.map((t) => [t, addin.sheet(t).getLastRow()]));
  addin.emu.calls.reset();
  const value = run();
  const cells: Record<string, number> = {};
  const widest: Record<string, number> = {};
  for (const r of addin.emu.calls.valueReads()) {
    cells[r.sheet] = (cells[r.sheet] ?? 0) + r.numRows * r.numColumns;
    if (HISTORY.includes(r.sheet)) widest[r.sheet] = Math.max(widest[r.sheet] ?? 0, r.numRows);
  }
  return { value, cells, widest, lastRows };
}

/** The rows of `tab` from sheet row `from` on, as records keyed by header. */
function rowsFrom(addin: Addin, tab: string, from: number): Record<string, unknown>[] {
  const all = addin.tab(tab);
  return records([all[0]!, ...all.slice(from - 1)]);
}

const counter = (addin: Addin, kind: string) =>
  Number(addin.emu.properties.document.get(`studioLedger.lastId.${kind}`));

describe('desk actions read no history', () => {
  it('a sale with 30 or 10,000 rows of history reads the same cells, only heads of the history tabs, and appends below the last row', () => {
    const runs = [30, 10_000].map((n) => {
      const addin = historyStudio(n);
      const next = { invoice: counter(addin, 'invoice'), sale: counter(addin, 'sale') };
      const form = measure(addin, () => ok(addin.run('getSellForm', { today: TODAY })));
      const preview = measure(addin, () =>
        ok<{ saleId: string }>(
          addin.run('previewSale', { clientId: 'C-0002', packageCode: 'PT10-5F', today: TODAY }),
        ),
      );
      const sale = measure(addin, () =>
        ok<{ saleId: string; invoices: { id: string }[]; allocations: { id: string }[] }>(
          addin.run('sellPackage', { clientId: 'C-0002', packageCode: 'PT10-5F', today: TODAY }),
        ),
      );
      return { addin, n, next, form, preview, sale };
    });
    for (const { addin, next, form, preview, sale } of runs) {
      // Heads and tails only: a history tab's first rows (its header) and last rows (where it ends).
      for (const m of [form, preview, sale])
        for (const [tab, rows] of Object.entries(m.widest)) expect(rows, tab).toBeLessThanOrEqual(HEAD_ROWS);
      // The next IDs from the counters; the preview reserved none.
      const inv = (k: number) => `INV-${String(next.invoice + k).padStart(6, '0')}`;
      expect(preview.value.saleId).toBe(`S-${String(next.sale + 1).padStart(6, '0')}`);
      expect(sale.value.saleId).toBe(preview.value.saleId);
      expect(sale.value.invoices.map((i) => i.id)).toEqual([1, 2, 3, 4, 5].map(inv));
      expect(counter(addin, 'invoice')).toBe(next.invoice + 5);
      // Below the last row: after the stray tick on Invoices, right after the data elsewhere.
      const at = sale.lastRows;
      expect(rowsFrom(addin, 'Invoices', at.Invoices! + 1).map((r) => r['Invoice ID'])).toEqual(
        [1, 2, 3, 4, 5].map(inv),
      );
      expect(rowsFrom(addin, 'Sales', at.Sales! + 1).map((r) => r['Sale ID'])).toEqual([sale.value.saleId]);
      expect(rowsFrom(addin, 'Allocations', at.Allocations! + 1).map((r) => r['Allocation ID'])).toEqual(
        sale.value.allocations.map((a) => a.id),
      );
      expect(rowsFrom(addin, 'Log', at.Log! + 1).map((r) => r.Action)).toEqual(['Sell package']);
      // Right below: the tabs grew by exactly the rows written.
      const grew = { Invoices: 5, Sales: 1, Allocations: sale.value.allocations.length, Log: 1 };
      for (const [tab, n] of Object.entries(grew))
        expect(addin.sheet(tab).getLastRow(), tab).toBe(at[tab]! + n);
      const written = rowsFrom(addin, 'Invoices', at.Invoices! + 1)[0]!;
      expect([written['Client ID'], written.Amount, written.Status]).toEqual(['C-0002', 220, 'Open']);
    }
    const [small, large] = runs;
    expect(large!.sale.cells).toEqual(small!.sale.cells);
    expect(large!.preview.cells).toEqual(small!.preview.cells);
    expect(large!.form.cells).toEqual(small!.form.cells);
    // Nothing of Payments or Attendance at all.
    expect(Object.keys(large!.sale.cells).sort()).toEqual(
      ['Allocations', 'Clients', 'Invoices', 'Log', 'Packages', 'Sales', 'Settings'].sort(),
    );
  });

  it('an ad-hoc invoice and a new client with 30 or 10,000 rows of history read the same cells, heads only', () => {
    const runs = [30, 10_000].map((n) => {
      const addin = historyStudio(n);
      const before = { invoice: counter(addin, 'invoice'), client: counter(addin, 'client') };
      const adHoc = measure(addin, () =>
        ok<{ id: string }>(
          addin.run('addAdHocInvoice', {
            clientId: 'C-0003',
            description: 'Towel',
            amount: '5.50',
            today: TODAY,
          }),
        ),
      );
      const client = measure(addin, () =>
        ok<{ id: string }>(
          addin.run('addClient', { name: 'Pat New', billingMethod: 'Manual', today: TODAY }),
        ),
      );
      return { addin, before, adHoc, client };
    });
    for (const { addin, before, adHoc, client } of runs) {
      for (const m of [adHoc, client])
        for (const [tab, rows] of Object.entries(m.widest)) expect(rows, tab).toBeLessThanOrEqual(HEAD_ROWS);
      expect(adHoc.value.id).toBe(`INV-${String(before.invoice + 1).padStart(6, '0')}`);
      expect(client.value.id).toBe(`C-${String(before.client + 1).padStart(4, '0')}`);
      const [row] = rowsFrom(addin, 'Invoices', adHoc.lastRows.Invoices! + 1);
      expect([row!['Invoice ID'], row!['Client ID'], row!.Amount, row!.Description]).toEqual([
        adHoc.value.id,
        'C-0003',
        5.5,
        'Towel',
      ]);
      expect(rowsFrom(addin, 'Log', client.lastRows.Log! + 1).map((r) => r.Action)).toEqual(['Add client']);
    }
    expect(runs[1]!.adHoc.cells).toEqual(runs[0]!.adHoc.cells);
    expect(runs[1]!.client.cells).toEqual(runs[0]!.client.cells);
    expect(Object.keys(runs[1]!.adHoc.cells).sort()).toEqual(['Clients', 'Invoices', 'Log']);
    expect(Object.keys(runs[1]!.client.cells).sort()).toEqual(['Clients', 'Log']);
  });

  it('appends right after the data when a formula column showing "" is filled down below it', () => {
    const addin = historyStudio(100);
    const sheet = addin.sheet('Invoices');
    const dataEnd = sheet.getLastRow();
    // A user's helper column, filled down 300 rows past the data: each cell a formula showing "".
    const col = sheet.getLastColumn() + 1;
    sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
    sheet.insertRowsAfter(sheet.getMaxRows(), 300);
    for (let r = 2; r <= dataEnd + 300; r++) sheet.getRange(r, col).setFormula(`=IF(A${r}="","",A${r})`);
    expect(sheet.getLastRow()).toBe(dataEnd + 300);
    const m = measure(addin, () =>
      ok<{ id: string }>(
        addin.run('addAdHocInvoice', { clientId: 'C-0001', description: 'Towel', amount: '5', today: TODAY }),
      ),
    );
    const values = addin.tab('Invoices');
    expect(values[dataEnd]![values[0]!.indexOf('Invoice ID')]).toBe(m.value.id);
    // The rows above the formulas' end were read a few at a time (10, 20, 40 …), never the whole tab.
    expect(m.cells.Invoices! / col).toBeLessThan(HEAD_ROWS + 700);
  });

  it('reads the ID column alone, once, when no counter is stored (a workbook from before counters)', () => {
    const addin = historyStudio(50);
    addin.emu.properties.document.delete('studioLedger.lastId.invoice');
    const highest = Math.max(
      ...records(addin.tab('Invoices'))
        .map((r) => String(r['Invoice ID']))
        .filter((id) => id.startsWith('INV-'))
        .map((id) => Number(id.slice(4))),
    );
    const m = measure(addin, () =>
      ok<{ id: string }>(
        addin.run('addAdHocInvoice', { clientId: 'C-0001', description: 'Towel', amount: '5', today: TODAY }),
      ),
    );
    expect(m.value.id).toBe(`INV-${String(highest + 1).padStart(6, '0')}`);
    const idColumn = addin.emu.calls
      .valueReads()
      .filter((r) => r.sheet === 'Invoices' && r.row > 1 && r.numColumns === 1);
    expect(idColumn).toHaveLength(1);
    expect(counter(addin, 'invoice')).toBe(highest + 1);
  });
});

describe('the counters stay ahead of the tabs', () => {
  it('a whole-ledger action raises a stale counter, so a later sale gets the next free ID', () => {
    const addin = billingStudio(loadAddin());
    // A counter left behind (restored from an old copy of the document's properties, say).
    addin.emu.properties.document.set('studioLedger.lastId.invoice', '2');
    ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    const highest = Math.max(
      ...records(addin.tab('Invoices')).map((r) => Number(String(r['Invoice ID']).slice(4))),
    );
    expect(highest).toBeGreaterThan(2);
    expect(counter(addin, 'invoice')).toBe(highest);
    const sale = ok<{ invoices: { id: string }[] }>(
      addin.run('sellPackage', { clientId: 'C-0002', packageCode: 'PT10', today: '2016-09-16' }),
    );
    expect(sale.invoices.map((i) => i.id)).toEqual([`INV-${String(highest + 1).padStart(6, '0')}`]);
    const ids = records(addin.tab('Invoices')).map((r) => r['Invoice ID']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a duplicate ID from a hand-pasted row is refused by the next whole-ledger action', () => {
    const addin = billingStudio(loadAddin());
    const sheet = addin.sheet('Invoices');
    const copied = sheet.getRange(2, 1, 1, sheet.getLastColumn()).getValues();
    const pastedRow = sheet.getLastRow() + 1;
    if (pastedRow > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), 1);
    sheet.getRange(pastedRow, 1, 1, copied[0]!.length).setValues(copied);
    const first = { 'Invoice ID': copied[0]![0] };
    const r = addin.run<{ ok: boolean; error?: string }>('runBilling', {
      billingDate: '2016-09-16',
      today: '2016-09-16',
    });
    expect(r.ok).toBe(false);
    expect(r.error).toContain(
      `Invoices row ${pastedRow}, column Invoice ID: ${String(first!['Invoice ID'])} is also on row 2`,
    );
  });
});

describe('the overdue summary after a sale', () => {
  it('counts a backdated sale and an overdue ad-hoc invoice without reading Invoices', () => {
    const { addin, at } = clockedAddin(TODAY);
    fridayStudio(addin);
    // The first sale stores a summary (reading Invoices and Payments whole, as none was stored yet).
    ok(addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10-5F', today: TODAY }));
    // Settled history, so Invoices is longer than its head.
    typeRows(
      addin,
      'Invoices',
      Array.from({ length: 30 }, (_, i) => ({
        'Invoice ID': `H-${i}`,
        'Client ID': 'C-0002',
        Description: 'history',
        'Due Date': day(i),
        Amount: 10,
        Paid: 10,
        Status: 'Paid',
        Balance: 0,
      })),
    );
    const sale = measure(addin, () =>
      ok(
        addin.run('sellPackage', {
          clientId: 'C-0002',
          packageCode: 'PT10',
          saleDate: '2016-09-05',
          dueDate: '2016-09-05',
          today: TODAY,
        }),
      ),
    );
    const adHoc = measure(addin, () =>
      ok(
        addin.run('addAdHocInvoice', {
          clientId: 'C-0003',
          description: 'Late fee',
          amount: '12.50',
          dueDate: '2016-09-01',
          today: TODAY,
        }),
      ),
    );
    for (const m of [sale, adHoc]) {
      expect(m.lastRows.Invoices).toBeGreaterThan(HEAD_ROWS);
      expect(m.widest.Invoices).toBeLessThanOrEqual(HEAD_ROWS);
      expect(m.cells.Payments).toBeUndefined();
    }
    for (const d of [TODAY, '2016-09-20']) {
      at(d);
      addin.run('onOpen', { authMode: 'LIMITED' });
      const truth = ok<{ reminder: string | null; clients: unknown[] }>(
        addin.run('getOutstanding', { date: d, today: d }),
      );
      expect(truth.reminder).not.toBeNull();
      expect(addin.emu.ui.toasts.at(-1)?.message).toBe(`${truth.reminder}; ledger as of ${TODAY}`);
    }
  });
});
