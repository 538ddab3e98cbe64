import { describe, expect, it, vi } from 'vitest';
import { EmulatedRange } from '../../src/local/gas/range';
import { loadAddin, records, type Addin } from './harness';
import { billingStudio, ok, setUpStudio } from './studio';

function studioWithInvoices(n: number) {
  const addin = loadAddin();
  setUpStudio(addin);
  const sheet = addin.sheet('Invoices');
  const rows: unknown[][] = [];
  for (let i = 1; i <= n; i++) {
    const due = new Date(Date.UTC(2015, 0, 1 + (i % 600), -11));
    rows.push([
      `INV-${String(i).padStart(6, '0')}`,
      'S-000001',
      'C-0001',
      'history',
      1,
      due,
      10,
      10,
      'Paid',
      '',
      0,
      '',
    ]);
  }
  sheet.insertRowsAfter(sheet.getMaxRows(), n + 10);
  sheet.getRange(2, 1, n, 12).setValues(rows as never);
  return addin;
}

describe('service calls per action do not grow with rows', () => {
  it('selling costs the same number of calls with 10 and with 10,000 invoice rows', () => {
    const counts = [10, 10_000].map((n) => {
      const addin = studioWithInvoices(n);
      addin.emu.calls.reset();
      const r = ok<{ invoices: { id: string }[] }>(
        addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10-5F', today: '2016-09-13' }),
      );
      expect(r.invoices[0]!.id).toBe(`INV-${String(n + 1).padStart(6, '0')}`);
      // Zone lookups follow the distinct Log timestamps read (the clock's seconds), not the rows: apart.
      const byMethod = { ...addin.emu.calls.byMethod() };
      const zone = byMethod['Utilities.formatDate'] ?? 0;
      delete byMethod['Utilities.formatDate'];
      expect(zone).toBeLessThanOrEqual(30);
      const first = { total: addin.emu.calls.total() - zone, byMethod };
      addin.emu.calls.reset();
      ok(addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10', today: '2016-09-13' }));
      return { first, again: addin.emu.calls.byMethod() };
    });
    expect(counts[1]!.first).toEqual(counts[0]!.first);
    // One write each for Sales, Invoices, Allocations and Log. The reads: Settings, Clients and Packages
    // whole, the heads of Sales, Invoices, Allocations and Log, and the last rows of Invoices (longer than
    // its head: where it ends). The first sale also reads the Invoice ID column once (no invoice counter
    // was stored for the rows put on the tab by hand), and Invoices and Payments whole, as no overdue
    // summary was stored yet.
    expect(counts[0]!.first.byMethod['Range.setValues']).toBe(4);
    expect(counts[0]!.first.byMethod['Range.getValues']).toBe(11);
    expect(counts[0]!.again['Range.getValues']).toBe(8);
    expect(counts[1]!.again['Range.getValues']).toBe(8);
  });
});

/** The seed's studio billing on Fridays (as billing.test.ts). */
const fridayStudio = (): Addin => billingStudio(loadAddin());

/**
 * Rebuilds Invoices with `n` paid history rows and the studio's own invoices spread evenly among them;
 * returns the sheet row of each of the studio's invoices by ID.
 */
function spreadInvoices(addin: Addin, n: number): Map<string, number> {
  const sheet = addin.sheet('Invoices');
  const [header, ...ours] = sheet.getDataRange().getValues();
  const h = header!.map(String);
  const total = n + ours.length;
  const at = new Set(ours.map((_, k) => Math.floor(((k + 1) * total) / (ours.length + 1))));
  expect(at.size).toBe(ours.length);
  const body: unknown[][] = [];
  const rows = new Map<string, number>();
  let next = 0;
  for (let i = 0; i < total; i++) {
    if (at.has(i)) {
      const row = ours[next++]!;
      rows.set(String(row[h.indexOf('Invoice ID')]), i + 2);
      body.push(row);
      continue;
    }
    const cells: Record<string, unknown> = {
      'Invoice ID': `H-${String(i).padStart(6, '0')}`,
      'Client ID': 'C-0002',
      Description: 'history',
      // Midnight in Sydney as a date cell holds it: summer days (UTC+11), so each is a real date cell.
      'Due Date': new Date(Date.UTC(2015, 0, 1 + (i % 60), -11)),
      Amount: 10,
      Paid: 10,
      Status: 'Paid',
      Balance: 0,
    };
    body.push(h.map((c) => cells[c] ?? ''));
  }
  if (total + 1 > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), total + 10 - sheet.getMaxRows());
  sheet.getRange(2, 1, total, h.length).setValues(body as never);
  return rows;
}

/** Records the A1 range of every setValues on `tab`; `before` runs once, before the first of them. */
function recordWrites(tab: string, before: () => void = () => {}) {
  const written: string[] = [];
  const original = EmulatedRange.prototype.setValues;
  let first = true;
  const spy = vi.spyOn(EmulatedRange.prototype, 'setValues').mockImplementation(function (
    this: EmulatedRange,
    values: unknown[][],
  ) {
    if (this.sheet.getName() === tab) {
      if (first) {
        first = false;
        before();
      }
      written.push(this.getA1Notation());
    }
    return original.call(this, values);
  });
  return { written, restore: () => spy.mockRestore() };
}

/** The cells each getFormulas call read, by tab, while `fn` runs. */
function formulaReads(fn: () => void): Record<string, number> {
  const read: Record<string, number> = {};
  const original = EmulatedRange.prototype.getFormulas;
  const spy = vi.spyOn(EmulatedRange.prototype, 'getFormulas').mockImplementation(function (
    this: EmulatedRange,
  ) {
    const tab = this.sheet.getName();
    read[tab] = (read[tab] ?? 0) + this.getNumRows() * this.getNumColumns();
    return original.call(this);
  });
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return read;
}

describe('formulas are read only for the cells about to be rewritten', () => {
  it('selling and billing read no tab’s formulas whole: a sale none, a batch only its blocks', () => {
    const addin = fridayStudio();
    spreadInvoices(addin, 10_000);
    const sell = formulaReads(() =>
      ok(addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10', today: '2016-09-13' })),
    );
    expect(sell).toEqual({});
    const run = formulaReads(() =>
      ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' })),
    );
    expect(run).toEqual({});
    // Sending marks invoices spread over 10,000 rows: the formulas of their few rows, not of the tab.
    const send = formulaReads(() => ok(addin.run('createDebitFile', { format: 'aba', today: '2016-09-16' })));
    expect(send['Invoices'] ?? 0).toBeLessThan(100);
    expect(Object.keys(send).filter((t) => t !== 'Invoices')).toEqual([]);
  });
});

describe('updates on a long Invoices tab', () => {
  it('sending a batch costs the same calls with 1,000 and 10,000 invoice rows (no more with 10)', () => {
    const counts = [10, 1_000, 10_000].map((n) => {
      const addin = fridayStudio();
      spreadInvoices(addin, n);
      ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
      addin.emu.calls.reset();
      const file = ok<{ total: number }>(
        addin.run('createDebitFile', { format: 'aba', today: '2016-09-16' }),
      );
      expect(file.total).toBe(26995 + 16000);
      const sent = records(addin.tab('Invoices')).filter((i) => i.Status === 'Sent');
      expect(sent.map((i) => i['Invoice ID'])).toEqual(['INV-000001', 'INV-000008', 'INV-000009']);
      // Zone lookups (Utilities.formatDate) depend on the moments formatted (the Log's timestamp is now),
      // not on the rows: counted apart, and bounded.
      const byMethod = { ...addin.emu.calls.byMethod() };
      const zone = byMethod['Utilities.formatDate'] ?? 0;
      delete byMethod['Utilities.formatDate'];
      return { total: addin.emu.calls.total() - zone, byMethod, zone };
    });
    // Spread out, the three sent invoices are three blocks of rows (each two runs of columns: Status and
    // Batch ID, Sent Amount), plus the Log row and the Process Billing tab; with 10 rows they are one.
    for (const c of counts) expect(c.zone).toBeLessThanOrEqual(4);
    expect({ ...counts[2], zone: 0 }).toEqual({ ...counts[1], zone: 0 });
    expect(counts[1]!.byMethod['Range.setValues']).toBe(3 * 2 + 1 + 1);
    expect(counts[0]!.byMethod['Range.setValues']).toBe(2 + 1 + 1);
    expect(counts[0]!.total).toBeLessThan(counts[1]!.total);
  });

  it('writes only the changed cells of the sent invoices: an edit between them and a formula in them survive', () => {
    const addin = fridayStudio();
    const rows = spreadInvoices(addin, 10_000);
    ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    const sheet = addin.sheet('Invoices');
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
    const col = (h: string) => header.indexOf(h) + 1;
    // A user formula in an owned column of a row the action updates without changing that cell.
    const inv1 = rows.get('INV-000001')!;
    sheet.getRange(inv1, col('Decline Reason')).setFormula('=IF(FALSE,"declined","")');
    // A person edits a row between two sent invoices while the action runs (after its read).
    const between = Math.floor((inv1 + rows.get('INV-000008')!) / 2);
    expect(sheet.getRange(between, 1).getValue()).toMatch(/^H-/);
    const rec = recordWrites('Invoices', () =>
      sheet.getRange(between, col('Description')).setValue('edited meanwhile'),
    );
    try {
      ok(addin.run('createDebitFile', { format: 'aba', today: '2016-09-16' }));
    } finally {
      rec.restore();
    }
    const [status, batch, sentAmount] = [col('Status'), col('Batch ID'), col('Sent Amount')];
    const expected = ['INV-000001', 'INV-000008', 'INV-000009']
      .map((id) => rows.get(id)!)
      .sort((a, b) => a - b)
      .flatMap((r) => [
        sheet.getRange(r, status, 1, batch - status + 1).getA1Notation(),
        sheet.getRange(r, sentAmount).getA1Notation(),
      ]);
    expect(rec.written).toEqual(expected);
    expect(sheet.getRange(between, col('Description')).getValue()).toBe('edited meanwhile');
    expect(sheet.getRange(inv1, col('Decline Reason')).getFormula()).toBe('=IF(FALSE,"declined","")');
    expect(sheet.getRange(inv1, status).getValue()).toBe('Sent');
  });
});
