// npm run bench: the add-in's actions on three synthetic studios, through the emulation of Apps Script
// and the real bundle. Per action: total and add-in milliseconds (total less the emulated services' own
// time), service calls, cells read and written, the data cells of the tabs read, and the floor (the time
// to merely decode the cells read) with the add-in's time as a multiple of it. Then the targets of issue
// 15 with PASS/FAIL, and the .xlsx round trip of the main studio in a fresh process.
//   --quick  small studios, for a fast look
//   --json   one JSON array of the rows on stdout (the human text goes to stderr)
import { startAddin, type AddinRuntime } from '../src/local/runtime';
import type { RangeRead } from '../src/local/gas';
import { buildStudio, type Studio, type StudioSize } from './studio';
import { ddReport } from './ddReport';
import { blocksOf, textBlock, timeFloor } from './floor';
import { xlsxRoundTrip } from './xlsxRoundTrip';
import { printTargets, type BenchRow } from './targets';
import { gcDuring, settledCollection } from './gcMeter';

const quick = process.argv.includes('--quick');
const json = process.argv.includes('--json');
/** Human text: stdout, or stderr when stdout carries the JSON. */
const say = (line: string): void => {
  if (json) process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
};

/** A read of more rows than this is more than a tab's head (header search) or its last rows. */
const HEAD_ROWS = 40;

type Result = { ok: boolean; error?: string; value?: unknown };
interface Action {
  name: string;
  /** Untimed set-up (e.g. finding the invoice a desk payment pays); its result is run's argument. */
  prepare?: () => unknown;
  run: (prepared: never) => Result;
  /** The result line, from the action's value (each action knows its own value's shape). */
  note: (value: never) => string;
  /**
   * Runs timed, the median kept: a desk action takes a few milliseconds, where one run's time is
   * mostly the collector's and the machine's noise.
   */
  repeat?: number;
  /** A report the action reads as pasted text: its cells count toward the floor too. */
  text?: string;
}

const ZONE = 'Australia/Sydney';

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The spreadsheet's grid: every tab's rows x columns, what Sheets counts toward its 10,000,000-cell cap. */
function gridCells(addin: AddinRuntime): number {
  return addin.emu.spreadsheet
    .getSheets()
    .reduce((n, sheet) => n + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
}

function tabRows(addin: AddinRuntime): string {
  return addin.emu.spreadsheet
    .getSheets()
    .filter((s) => s.getLastRow() > 1)
    .map((s) => `${s.getName()} ${(s.getLastRow() - 1).toLocaleString()}`)
    .join(', ');
}

function dataCellsOf(addin: AddinRuntime, tabs: readonly string[]): number {
  let n = 0;
  for (const name of tabs) {
    const sheet = addin.emu.spreadsheet.getSheetByName(name);
    if (sheet) n += sheet.getLastRow() * sheet.getLastColumn();
  }
  return n;
}

function actionsFor(addin: AddinRuntime, studio: Studio, reportRows: number): Action[] {
  const today = studio.billingDate;
  const report = ddReport(studio, reportRows);
  const call = (fn: string, req: object) => (): Result => addin.call<Result>(fn, { ...req, today });
  let added = 0;
  const actions: Action[] = [
    {
      name: 'Process Billing (run)',
      run: call('runBilling', { billingDate: studio.billingDate }),
      note: (v: { rows: unknown[]; invoicesCreated: number }) =>
        `${v.rows.length} debits, ${v.invoicesCreated} invoices created`,
    },
    {
      name: 'Process Billing (again, same date)',
      run: call('runBilling', { billingDate: studio.billingDate }),
      note: (v: { invoicesCreated: number }) => `${v.invoicesCreated} created`,
    },
    {
      name: 'Create debit file (ABA)',
      run: call('createDebitFile', { format: 'aba' }),
      note: (v: { debits: number; content: string }) =>
        `${v.debits} debits, ${v.content.length.toLocaleString()} bytes`,
    },
    {
      name: 'Mark batch processed',
      run: call('markBatchProcessed', {}),
      note: (v: { payments: unknown[] }) => `${v.payments.length} payments`,
    },
    {
      name: 'Reconcile preview',
      run: call('previewReconcile', { text: report }),
      text: report,
      note: (v: { rows: unknown[]; quiet: number; totals: { paid: { count: number } } }) =>
        `${v.rows.length + v.quiet} report rows (${v.rows.length} shown), ${v.totals.paid.count} paid`,
    },
    {
      name: 'Reconcile apply',
      run: call('applyReconcile', { text: report }),
      text: report,
      note: (v: { payments: number; fees: number }) => `${v.payments} payment rows, ${v.fees} fees`,
    },
    {
      name: 'Sell package',
      repeat: 5,
      run: call('sellPackage', { clientId: studio.activeClient, packageCode: 'PT2W' }),
      note: (v: { saleId: string }) => v.saleId,
    },
    {
      name: 'Add client',
      repeat: 5,
      // Each run adds another client (a repeated name or email would be a different story).
      run: () => {
        added++;
        return call('addClient', {
          name: `Bench New Client ${added}`,
          email: `new${added}@example.com`,
          billingMethod: 'Manual',
        })();
      },
      note: (v: { id: string }) => v.id,
    },
    {
      name: 'Ad-hoc invoice',
      repeat: 5,
      run: call('addAdHocInvoice', {
        clientId: studio.activeClient,
        description: 'Towel hire',
        amount: '15.00',
        dueDate: today,
      }),
      note: (v: { id: string }) => v.id,
    },
    {
      name: 'Record payment',
      // The desk pays one open invoice of a Manual client in full: found before the timing starts.
      prepare: () => {
        const desk = addin.call<Result>('getDeskClient', { clientId: studio.manualClient, today });
        if (!desk.ok) throw new Error(`getDeskClient: ${desk.error}`);
        const open = (desk.value as { invoices: { id: string; payable: number }[] }).invoices.find(
          (i) => i.payable > 0,
        );
        if (!open) throw new Error(`${studio.manualClient} has no open invoice`);
        return open;
      },
      run: (open: { id: string; payable: number }) =>
        addin.call<Result>('recordPayment', {
          clientId: studio.manualClient,
          amount: (open.payable / 100).toFixed(2),
          method: 'Cash',
          invoiceId: open.id,
          today,
        }),
      note: (v: { receiptId: string; paymentIds: string[] }) =>
        `${v.receiptId}: ${v.paymentIds.length} payment rows`,
    },
    {
      name: 'Record sessions',
      run: call('recordSessions', { clientId: studio.activeClient, sessions: 1, date: today }),
      note: (v: { sessions: number; balance: string }) => `${v.sessions} session, ${v.balance}`,
    },
  ];
  return actions;
}

interface StudioInfo {
  label: string;
  size: StudioSize;
  invoices: number;
  gridCells: number;
}

function measure(addin: AddinRuntime, info: StudioInfo, action: Action): BenchRow {
  const calls = addin.emu.calls;
  const base: BenchRow = {
    studio: info.label,
    clients: info.size.clients,
    years: info.size.years,
    invoices: info.invoices,
    gridCells: info.gridCells,
    action: action.name,
    ms: null,
    addinMs: null,
    gcMs: null,
    floorMs: null,
    calls: 0,
    cellsRead: 0,
    cellsWritten: 0,
    dataCells: 0,
    tabsRead: [],
    deepReads: [],
    note: '',
  };
  try {
    const runs: { ms: number; serviceMs: number; gcMs: number }[] = [];
    let r: Result = { ok: false };
    for (let k = 0; k < (action.repeat ?? 1); k++) {
      const prepared = action.prepare?.();
      if (!action.repeat) collectGarbage();
      calls.reset();
      const t0 = performance.now();
      const { value, gcMs } = gcDuring(() => action.run(prepared as never));
      r = value;
      runs.push({ ms: performance.now() - t0, serviceMs: calls.ms(), gcMs });
      if (!r.ok) break;
    }
    const { ms, serviceMs, gcMs } = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
    const counted = {
      calls: calls.total(),
      cellsRead: calls.cellsRead(),
      cellsWritten: calls.cellsWritten(),
    };
    const values = [...calls.valueReads()];
    const tabsRead = [...new Set([...values, ...calls.formulaReads()].map((x) => x.sheet))].sort();
    // History read beyond a tab's head and last rows: the reads of more than a few dozen rows.
    const deepReads = [...new Set(values.filter((x) => x.numRows > HEAD_ROWS).map((x) => x.sheet))].sort();
    if (!r.ok) throw new Error(r.error ?? 'ok: false');
    // After the action, not timed with it: the same cells again, then the decode loop alone is timed.
    const floor = floorOf(addin, values, action);
    const dataCells = dataCellsOf(addin, tabsRead);
    calls.reset();
    return {
      ...base,
      ms,
      addinMs: ms - serviceMs,
      gcMs,
      floorMs: floor.ms,
      ...counted,
      dataCells,
      tabsRead,
      deepReads,
      checksum: floor.checksum,
      note: action.note(r.value as never),
    };
  } catch (e) {
    calls.reset();
    return { ...base, note: `FAILED: ${(e as Error).message.split('\n')[0]}` };
  }
}

/**
 * Fetches of the cells a whole-ledger action read, each decoded by timeFloor: the floor is the median.
 * The same 4.6 million cells decoded in 120 ms after one fetch and 280 ms after another (where the
 * collector put the fetched rows), far more than between the timed runs of one fetch.
 */
const FLOOR_FETCHES = 3;

function floorOf(
  addin: AddinRuntime,
  values: readonly RangeRead[],
  action: Action,
): { ms: number; checksum: number } {
  const fetches = action.repeat ? 1 : FLOOR_FETCHES;
  const runs: { ms: number; checksum: number }[] = [];
  for (let k = 0; k < fetches; k++) {
    const blocks = [...blocksOf(addin.emu, values), ...(action.text ? [textBlock(action.text)] : [])];
    runs.push(timeFloor(blocks, ZONE));
  }
  return { ms: median(runs.map((r) => r.ms)), checksum: runs[0]!.checksum };
}

/**
 * A full collection before each whole-ledger action (untimed; `npm run bench` passes --expose-gc): else
 * the first action pays for collecting what building the studio, or the action before, left behind. Not
 * before a desk action: for some runs after a full collection the collector's own tidying (sweeping)
 * doubles the 10 ms a desk action takes.
 */
function collectGarbage(): void {
  settledCollection();
}

const fmt = (n: number | null, digits = 0): string => (n === null ? '-' : n.toFixed(digits));

function printRows(rows: readonly BenchRow[]): void {
  say(
    '  action                              total   add-in     gc  calls  cells read  written  data cells  read/data  floor  x floor  result',
  );
  for (const r of rows) {
    const ratio = r.dataCells ? (r.cellsRead / r.dataCells).toFixed(2) : '-';
    const times = r.addinMs !== null && r.floorMs ? (r.addinMs / r.floorMs).toFixed(1) : '-';
    say(
      `  ${r.action.padEnd(34)} ${fmt(r.ms).padStart(6)} ${fmt(r.addinMs).padStart(8)} ${fmt(r.gcMs).padStart(6)} ${String(r.calls).padStart(6)} ${r.cellsRead.toLocaleString().padStart(11)} ${r.cellsWritten.toLocaleString().padStart(8)} ${r.dataCells.toLocaleString().padStart(11)} ${ratio.padStart(10)} ${fmt(r.floorMs, 1).padStart(6)} ${times.padStart(8)}  ${r.note}`,
    );
  }
}

/**
 * Fresh copies of each studio the actions run on, each figure the median over them: one run of an action
 * that takes a second swung by a quarter between runs on this 2-core machine, the floor by as much.
 */
const COPIES = quick ? 1 : 3;

/** One row per action: each time the median over the copies (counts are the same in each); a failure wins. */
function medianRows(copies: readonly BenchRow[][]): BenchRow[] {
  return copies[0]!.map((first, i) => {
    const runs = copies.map((rows) => rows[i]!);
    const failed = runs.find((r) => r.ms === null || r.addinMs === null);
    if (failed) return failed;
    const of = (pick: (r: BenchRow) => number | null): number => median(runs.map((r) => pick(r)!));
    const floors = runs.map((r) => r.floorMs).filter((f): f is number => f !== null);
    return {
      ...first,
      ms: of((r) => r.ms),
      addinMs: of((r) => r.addinMs),
      gcMs: of((r) => r.gcMs),
      floorMs: floors.length ? median(floors) : null,
      checksum: runs.reduce((sum, r) => sum + (r.checksum ?? 0), 0),
    };
  });
}

/** The actions on one fresh copy of the studio (the first copy prints what the studio holds). */
function onCopy(label: string, size: StudioSize, first: boolean): { rows: BenchRow[]; addin: AddinRuntime } {
  const addin = startAddin();
  const t0 = performance.now();
  const studio = buildStudio(addin, size);
  const buildMs = performance.now() - t0;
  const info: StudioInfo = { label, size, invoices: studio.invoices, gridCells: gridCells(addin) };
  if (first) {
    say(
      `\n${label}: ${size.clients.toLocaleString()} clients, ${size.years} years fortnightly, ${info.gridCells.toLocaleString()} grid cells of 10,000,000 (built in ${(buildMs / 1000).toFixed(1)} s)`,
    );
    say(`  rows: ${tabRows(addin)}`);
  }
  if (info.gridCells > 10_000_000)
    throw new Error(`${label} is over the 10,000,000-cell cap: fix bench/studio.ts`);
  const reportRows = quick ? 2_000 : 20_000;
  return { rows: actionsFor(addin, studio, reportRows).map((a) => measure(addin, info, a)), addin };
}

async function bench(label: string, size: StudioSize, main: boolean): Promise<BenchRow[]> {
  const copies: BenchRow[][] = [];
  // Only the last copy is kept (for the grid count and the .xlsx round trip): one studio in memory at a time.
  let last: AddinRuntime | null = null;
  for (let copy = 0; copy < COPIES; copy++) {
    const run = onCopy(label, size, copy === 0);
    copies.push(run.rows);
    if (copy === COPIES - 1) last = run.addin;
  }
  const rows = medianRows(copies);
  if (COPIES > 1) say(`  each figure the median over ${COPIES} fresh copies of the studio`);
  printRows(rows);
  if (COPIES > 1)
    say(
      `  add-in ms per copy: ${rows
        .map((r, i) => ({ r, each: copies.map((c) => c[i]!.addinMs) }))
        .filter(({ r }) => !r.action.startsWith('Process Billing (again'))
        .map(({ r, each }) => `${r.action} ${each.map((x) => fmt(x)).join('/')}`)
        .join('; ')}`,
    );
  say(
    `  after the actions: ${gridCells(last!).toLocaleString()} grid cells; floor checksum ${rows.reduce((s, r) => s + (r.checksum ?? 0), 0)}`,
  );
  if (main) await xlsxRoundTrip(last!, say);
  return rows;
}

async function runAll(): Promise<void> {
  const rows: BenchRow[] = [];
  // The main studio (4 years of history), the same clients with 1 year (growth with history), and five
  // times the clients with 9 months (growth with clients): each must fit under the 10M-cell cap.
  rows.push(...(await bench('Studio', { clients: quick ? 200 : 2_000, years: 4 }, true)));
  rows.push(...(await bench('Studio, 1 year', { clients: quick ? 200 : 2_000, years: 1 }, false)));
  rows.push(...(await bench('Studio x5, 9 months', { clients: quick ? 1_000 : 10_000, years: 0.75 }, false)));
  printTargets(rows, { main: 'Studio', long: 'Studio', short: 'Studio, 1 year' }, say);
  if (json) {
    const out = rows.map(({ checksum: _c, ...r }) => r);
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
}

await runAll();
