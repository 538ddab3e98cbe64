// Record payment and Record sessions read Invoices, Payments, Allocations and Attendance by the columns
// they use (PAYMENT_COLUMNS, SESSIONS_COLUMNS), never whole: below each tab's head, one read per run of
// those columns. What they write is what a whole read of the same workbook writes, and a cell in a column
// they did not read (a hand-typed note) is never touched.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inProcess, workbook } from './columnDiff';
import { recordPayment } from '../../src/addon/deskMoney';
import { recordSessions } from '../../src/addon/sessions';
import { SESSIONS_COLUMNS } from '../../src/sheets/actions/attendance';
import { PAYMENT_COLUMNS } from '../../src/sheets/actions/recordPayment';
import type { TxColumns } from '../../src/sheets/ledgerTx';
import { HEAD_ROWS } from '../../src/sheets/port';
import { TABS } from '../../src/sheets/schema';
import { loadAddin, records, type Addin } from './harness';
import { billingStudio } from './lifecycleStudio';
import { ok, typeRows } from './studio';

const TODAY = '2016-09-20';
const HISTORY = ['invoices', 'payments', 'allocations', 'attendance'] as const;

/** Midnight in Sydney (summer time) of a day in 2015. */
const day2015 = (i: number) => new Date(Date.UTC(2015, 0, 1 + (i % 300), -11));

/** A user's own column at the end of a tab's header row. */
function addColumn(addin: Addin, tab: string, header: string): number {
  const sheet = addin.sheet(tab);
  const at = sheet.getLastColumn() + 1;
  if (at > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
  sheet.getRange(1, at).setValue(header);
  return at;
}

/**
 * The seed's studio with Jane's $500 PT10 invoice open, `history` old paid invoices of Sam's (each with its
 * Payments, Allocations and Attendance row), a Desk note column on Invoices with a note on Jane's invoice,
 * and today's reports on their tabs.
 */
function studio(history: number): Addin {
  const addin = loadAddin();
  billingStudio(addin);
  ok(addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10', today: '2016-09-13' }));
  const n = Array.from({ length: history }, (_, i) => i + 1);
  const id = (prefix: string, i: number) => `${prefix}${String(500_000 + i)}`;
  typeRows(
    addin,
    'Invoices',
    n.map((i) => ({
      'Invoice ID': id('INV-', i),
      'Client ID': 'C-0002',
      Description: `Old charge ${i}`,
      Instalment: 1,
      'Due Date': day2015(i),
      Amount: 10,
      Paid: 10,
      Status: 'Paid',
      Balance: 0,
      Created: day2015(i),
    })),
  );
  typeRows(
    addin,
    'Payments',
    n.map((i) => ({
      'Payment ID': id('P-', i),
      Date: day2015(i),
      'Client ID': 'C-0002',
      'Invoice ID': id('INV-', i),
      Amount: 10,
      Method: 'Cash',
      Reference: `till ${i}`,
      'Receipt ID': id('R-', i),
    })),
  );
  typeRows(
    addin,
    'Allocations',
    n.map((i) => ({
      'Allocation ID': id('A-', i),
      'Client ID': 'C-0002',
      Date: day2015(i),
      Sessions: 1,
      Cycle: i,
    })),
  );
  addColumn(addin, 'Attendance', 'Trainer');
  typeRows(
    addin,
    'Attendance',
    n.map((i) => ({ Date: day2015(i), 'Client ID': 'C-0002', Sessions: 1, Trainer: 'Kim' })),
  );
  const note = addColumn(addin, 'Invoices', 'Desk note');
  addin.sheet('Invoices').getRange(janesInvoiceRow(addin), note).setValue('Paying in two parts, rang 14/9');
  ok(addin.run('refreshOutstanding', { today: TODAY }));
  return addin;
}

/** The sheet row of Jane's PT10 invoice ($500). */
function janesInvoiceRow(addin: Addin): number {
  const rows = addin.tab('Invoices');
  const i = rows.findIndex((r) => r[2] === 'C-0001' && r[6] === 500);
  if (i < 1) throw new Error("no $500 invoice of Jane's");
  return i + 1;
}

/** The 1-based sheet columns of the named headers of a tab. */
function columnsOf(addin: Addin, tab: string, headers: readonly string[]): number[] {
  const header = addin.tab(tab)[0]!.map(String);
  return headers.map((h) => header.indexOf(h) + 1).filter((c) => c > 0);
}

/** The columns the reads below each history tab's head covered, per tab; throws on a full-width one. */
function deepColumns(addin: Addin): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const key of HISTORY) {
    const name = TABS[key].name;
    const width = addin.sheet(name).getLastColumn();
    const deep = addin.emu.calls.valueReads().filter((r) => r.sheet === name && r.numRows > HEAD_ROWS);
    for (const r of deep)
      expect(r.numColumns, `${name} read ${r.numColumns} columns at row ${r.row}`).toBeLessThan(width);
    const cols = deep.flatMap((r) => Array.from({ length: r.numColumns }, (_, j) => r.column + j));
    out[name] = [...new Set(cols)].sort((a, b) => a - b);
  }
  return out;
}

/** The named columns of each history tab (sorted sheet columns). */
function namedColumns(addin: Addin, columns: TxColumns): Record<string, number[]> {
  return Object.fromEntries(
    HISTORY.map((key) => [
      TABS[key].name,
      columnsOf(addin, TABS[key].name, columns[key] ?? []).sort((a, b) => a - b),
    ]),
  );
}

describe('Record payment and Record sessions read only the columns they need', () => {
  it('read no history tab whole: below the heads, only the named columns', () => {
    const addin = studio(40);
    addin.emu.calls.reset();
    ok(addin.run('recordPayment', { clientId: 'C-0001', amount: '120', today: TODAY }));
    expect(deepColumns(addin)).toEqual(namedColumns(addin, PAYMENT_COLUMNS));
    // Invoices: not Instalment, Decline Count, Write-off Reason, nor the Desk note.
    expect(namedColumns(addin, PAYMENT_COLUMNS).Invoices).toHaveLength(14);

    addin.emu.calls.reset();
    ok(addin.run('recordSessions', { clientId: 'C-0001', sessions: 2, date: TODAY, today: TODAY }));
    expect(deepColumns(addin)).toEqual(namedColumns(addin, SESSIONS_COLUMNS));
    expect(namedColumns(addin, SESSIONS_COLUMNS).Invoices).toHaveLength(9);
    expect(namedColumns(addin, SESSIONS_COLUMNS).Payments).toHaveLength(6);
  });

  it('cost the same service calls with twice the history rows', () => {
    const calls = [200, 400].map((history) => {
      const addin = studio(history);
      const counted = (run: () => unknown) => {
        addin.emu.calls.reset();
        ok(run());
        // Zone lookups follow the distinct dates read, not the rows: left out.
        const byMethod = { ...addin.emu.calls.byMethod() };
        delete byMethod['Utilities.formatDate'];
        return byMethod;
      };
      return {
        pay: counted(() => addin.run('recordPayment', { clientId: 'C-0001', amount: '120', today: TODAY })),
        sessions: counted(() =>
          addin.run('recordSessions', { clientId: 'C-0001', sessions: 1, date: TODAY, today: TODAY }),
        ),
        // After a sale to another client the reports are rebuilt from the whole ledger.
        sale: counted(() =>
          addin.run('sellPackage', { clientId: 'C-0003', packageCode: 'PT10', today: TODAY }),
        ),
        payAgain: counted(() =>
          addin.run('recordPayment', { clientId: 'C-0001', amount: '50', today: TODAY }),
        ),
      };
    });
    expect(calls[1]).toEqual(calls[0]);
    expect(calls[0]!.pay['Range.getValues']).toBeGreaterThan(0);
  });

  it('append below a row holding only a cell of a column not read', () => {
    const addin = studio(12);
    const trainer = columnsOf(addin, 'Attendance', ['Trainer'])[0]!;
    const sheet = addin.sheet('Attendance');
    const below = sheet.getLastRow() + 1;
    sheet.getRange(below, trainer).setValue('Kim');
    ok(addin.run('recordSessions', { clientId: 'C-0001', sessions: 1, date: TODAY, today: TODAY }));
    const rows = addin.tab('Attendance');
    expect(rows[below - 1]!.slice(0, 4)).toEqual(['', '', '', '']);
    expect(rows[below - 1]![trainer - 1]).toBe('Kim');
    expect(rows[below]!.slice(0, 3)).toEqual([TODAY, 'C-0001', 1]);
  });
});

// The same actions run in this process over the emulation, once as built and once with every tab read
// whole (readColumns answered by a whole read, as before the columns were chosen), on two copies of one
// workbook: every tab and property comes out the same.
describe('what they write is what a whole read writes', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('payments and sessions, with the reports current and after a sale, as a whole read', () => {
    const [cols, whole] = [studio(30), studio(30)];
    const invoiceId = invoiceOf(cols);
    const desk =
      (run: () => unknown) =>
      (a: Addin, asBefore: boolean): unknown =>
        inProcess(a, asBefore, run);
    const steps: [string, (a: Addin, asBefore: boolean) => unknown][] = [
      [
        'pay part of the named invoice',
        desk(() => recordPayment({ clientId: 'C-0001', amount: '120', invoiceId, today: TODAY })),
      ],
      [
        'sessions',
        desk(() => recordSessions({ clientId: 'C-0001', sessions: 3, date: TODAY, today: TODAY })),
      ],
      // A sale (not a desk action) leaves the reports behind: the next ones rebuild them whole.
      [
        'sale to Alex',
        (a) => a.run('sellPackage', { clientId: 'C-0003', packageCode: 'PT10', today: TODAY }),
      ],
      ['pay more than owed', desk(() => recordPayment({ clientId: 'C-0001', amount: '900', today: TODAY }))],
      [
        'sessions of Alex',
        desk(() => recordSessions({ clientId: 'C-0003', sessions: 1, date: TODAY, today: TODAY })),
      ],
      ['Sam pays, all credit', desk(() => recordPayment({ clientId: 'C-0002', amount: '25', today: TODAY }))],
    ];
    for (const [what, step] of steps) {
      const [a, b] = [cols, whole].map((addin, i) => {
        addin.emu.calls.reset();
        return step(addin, i === 1);
      });
      // The run as before read the history tabs whole (full width, every row), the other never did.
      const wide = (addin: Addin) =>
        addin.emu.calls
          .valueReads()
          .some((r) => r.sheet === 'Invoices' && r.numRows > HEAD_ROWS && r.numColumns > 14);
      if (what !== 'sale to Alex') expect([wide(cols), wide(whole)], what).toEqual([false, true]);
      expect(ok(a), what).toEqual(ok(b));
      expect(workbook(cols), what).toEqual(workbook(whole));
      expect(Object.fromEntries(cols.emu.properties.document), what).toEqual(
        Object.fromEntries(whole.emu.properties.document),
      );
    }
    // The note typed on Jane's invoice survived the payments that rewrote its Paid, Status and Balance.
    const jane = records(cols.tab('Invoices')).find((r) => r['Invoice ID'] === invoiceOf(cols))!;
    expect(jane).toMatchObject({
      Paid: 500,
      Status: 'Paid',
      Balance: 0,
      'Desk note': 'Paying in two parts, rang 14/9',
    });
  });
});

/** Jane's PT10 invoice ID. */
function invoiceOf(addin: Addin): string {
  return String(addin.tab('Invoices')[janesInvoiceRow(addin) - 1]![0]);
}
