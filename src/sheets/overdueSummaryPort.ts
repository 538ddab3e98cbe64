// The one place every money action passes through: the port. This wrapper forwards every call and keeps
// the overdue summary (./overdueSummaryStore) up to date as a side effect of the action's own commit.
// It remembers the Invoices and Payments tabs as the action read them, applies the action's writes to
// that copy, and when the Log row is written (a commit writes its Log row after every other tab: see
// LedgerTx.commit) it stores the summary of the ledger as it now stands, as of the action's today.
// - Both tabs known (read, and written through here): the whole summary, from them.
// - Invoices only appended to, read by its head (a sale, an ad-hoc invoice): the new rows' dues are added
//   to the stored summary, nothing else read; only when there is no usable stored summary are Invoices
//   and Payments read whole.
// - Only Invoices known (a debit file, a release): only the clients whose rows were written are worked
//   out again, their credit kept from the stored summary; Payments is read only when there is no usable
//   stored summary.
// - Neither written: when both were read (the upkeep, Outstanding), the summary is refreshed; else the
//   stored one stands, as nothing it counts changed.
// A summary that cannot be made (a cell the reader refuses) is stored as unavailable, never thrown:
// the action's own writes are what matter.
import type { IsoDate } from '../core/calendar';
import {
  creditsByClient,
  duesByClient,
  summaryOf,
  updatedSummary,
  withAddedDues,
  type OverdueSummary,
} from '../core/lifecycle/overdueSummary';
import {
  readStoredSummary,
  storedChunks,
  summaryProperties,
  unavailableProperties,
} from './overdueSummaryStore';
import {
  isSheetDate,
  type CellBlock,
  type CellValue,
  type CellWrite,
  type ColumnPick,
  type TabContent,
  type TabHead,
  type TabLayout,
  type TabSnapshot,
  type WorkbookPort,
} from './port';
import { TABS } from './schema';
import { HEAD_ROWS } from './port';
import { readTable, type Table } from './table';
import { readInvoices } from './tabs/invoices';
import { readPayments } from './tabs/payments';

const INVOICES = TABS.invoices.name;
const PAYMENTS = TABS.payments.name;
const LOG = TABS.log.name;
const TRACKED: readonly string[] = [INVOICES, PAYMENTS];

/**
 * A written cell as it reads back: text unquoted; a date as a date; a formula's value (or any other
 * kind of write) unknown here, so the old value is kept.
 */
function readBack(v: CellWrite, textColumn: boolean, old: CellValue | undefined): CellValue {
  if (typeof v === 'string') return !textColumn && v.startsWith("'") ? v.slice(1) : v;
  if (typeof v === 'number' || typeof v === 'boolean' || isSheetDate(v)) return v;
  return old ?? '';
}

interface Known {
  values: CellValue[][];
  /** 0-based index of the Client ID column, or -1. */
  clientColumn: number;
  /**
   * 0-based columns that show a row cannot count toward the summary, or -1: Invoices' Amount and Paid
   * (paid in full owes nothing), Payments' Invoice ID (only a row without one is credit).
   */
  amountColumn: number;
  paidColumn: number;
  invoiceColumn: number;
}

/** Invoices as an action that only appends to it knows them: its head and the rows it added below. */
interface Appended {
  head: CellValue[][];
  /** 1-based header row (0 when the head has no header: then nothing is added from it). */
  headerRow: number;
  lastRow: number;
  rows: Map<number, CellValue[]>;
  /** A row above the last was written (or the tab re-laid out): the appended rows alone do not tell. */
  broken: boolean;
}

export class OverdueSummaryPort implements WorkbookPort {
  private readonly known = new Map<string, Known>();
  private invoiceHead: Appended | null = null;
  /** Written, or re-laid out, after (or without) being read: read again before use. */
  private readonly stale = new Set<string>();
  private readonly written = new Set<string>();
  private readonly touched = new Set<string>();

  constructor(
    private readonly inner: WorkbookPort,
    private readonly asOf: IsoDate,
    private readonly note: (line: string) => void = () => undefined,
  ) {
    // An optional method of the port (the grid sizes the cell cap is checked with) passes through.
    const grid = (inner as { gridSizes?: () => unknown }).gridSizes;
    if (grid) Object.assign(this, { gridSizes: () => grid.call(inner) });
  }

  timeZone(): string {
    return this.inner.timeZone();
  }

  readTabs(names: readonly string[]): Record<string, TabSnapshot | null> {
    const out = this.inner.readTabs(names);
    for (const n of TRACKED) if (names.includes(n)) this.remember(n, out[n] ?? null);
    return out;
  }

  readHeads(names: readonly string[]): Record<string, TabHead | null> {
    const out = this.inner.readHeads(names);
    const head = out[INVOICES];
    if (names.includes(INVOICES) && !this.known.has(INVOICES))
      this.invoiceHead = head ? appendedFrom(head) : null;
    return out;
  }

  readColumn(tab: string, column: number, row: number, numRows: number): CellValue[] {
    return this.inner.readColumn(tab, column, row, numRows);
  }

  readColumns(name: string, pick: (head: TabHead) => ColumnPick): TabSnapshot | null {
    const out = this.inner.readColumns(name, pick);
    // Known only when it holds what the summary is made of; else it counts as not read (read again).
    if (TRACKED.includes(name) && (!out || holdsSummaryColumns(name, out))) this.remember(name, out);
    return out;
  }

  private remember(name: string, snap: TabSnapshot | null): void {
    this.stale.delete(name);
    if (name === INVOICES) this.invoiceHead = null;
    if (!snap) {
      this.known.delete(name);
      return;
    }
    let columns: ReadonlyMap<string, number> = new Map();
    try {
      const spec = name === INVOICES ? TABS.invoices : TABS.payments;
      // The header is in the first rows: no need to walk the whole tab for its columns.
      const head = { name: snap.name, values: snap.values.slice(0, HEAD_ROWS) };
      columns = readTable(spec, head).columns;
    } catch {
      // A tab without its headers: the action refuses it, and the summary is not made from it.
    }
    const at = (header: string): number => columns.get(header) ?? -1;
    // The rows are the snapshot's own (the action's tables share them): copied row by row when written.
    this.known.set(name, {
      // slice, not a spread: a spread of 155k rows steps an iterator object per row.
      values: snap.values.slice(),
      clientColumn: at('Client ID'),
      amountColumn: name === INVOICES ? at('Amount') : -1,
      paidColumn: name === INVOICES ? at('Paid') : -1,
      invoiceColumn: name === PAYMENTS ? at('Invoice ID') : -1,
    });
  }

  readFormulas(tab: string, row: number, column: number, numRows: number, numColumns: number): string[][] {
    return this.inner.readFormulas(tab, row, column, numRows, numColumns);
  }

  writeBlocks(tab: string, blocks: readonly CellBlock[]): void {
    this.inner.writeBlocks(tab, blocks);
    if (TRACKED.includes(tab)) {
      this.written.add(tab);
      const k = this.known.get(tab);
      if (k) for (const b of blocks) this.apply(k, b);
      else this.stale.add(tab);
      if (!k && tab === INVOICES && this.invoiceHead) for (const b of blocks) addRows(this.invoiceHead, b);
    }
    if (tab === LOG) this.store();
  }

  /** The block's cells as the tab will hand them back; each row written is a copy (the action's own stay). */
  private apply(k: Known, b: CellBlock): void {
    const width = b.values[0]?.length ?? 0;
    const text = Array.from({ length: width }, (_, j) => b.textColumns.includes(j));
    const touch = (id: CellValue | undefined): void => {
      if (typeof id === 'string' && id.trim()) this.touched.add(id.trim());
    };
    for (let i = 0; i < b.values.length; i++) {
      const cells = b.values[i]!;
      const r = b.row - 1 + i;
      while (k.values.length <= r) k.values.push([]);
      const row = (k.values[r] ?? []).slice();
      if (k.clientColumn >= 0) touch(row[k.clientColumn]);
      for (let j = 0; j < cells.length; j++) {
        const c = b.column - 1 + j;
        while (row.length < c) row.push('');
        row[c] = readBack(cells[j]!, text[j] ?? b.textColumns.includes(j), row[c]);
      }
      k.values[r] = row;
      if (k.clientColumn >= 0) touch(row[k.clientColumn]);
    }
  }

  applyLayout(layout: TabLayout): void {
    this.inner.applyLayout(layout);
    if (layout.name === INVOICES && this.invoiceHead) this.invoiceHead.broken = true;
    if (TRACKED.includes(layout.name) && this.known.has(layout.name)) this.stale.add(layout.name);
  }

  rewriteTab(name: string, content: TabContent): void {
    this.inner.rewriteTab(name, content);
  }

  getProperty(key: string): string | null {
    return this.inner.getProperty(key);
  }

  getProperties(): Record<string, string> {
    return this.inner.getProperties();
  }

  setProperties(values: Record<string, string>): void {
    this.inner.setProperties(values);
  }

  private snapshot(name: string): TabSnapshot | null {
    const k = this.known.get(name);
    return k ? { name, values: k.values } : null;
  }

  /**
   * The tab's rows that can count toward the summary, as a table: an invoice whose Amount and Paid are
   * numbers with nothing left to pay owes nothing, and a payment naming an invoice is no credit. Most of
   * a ledger's rows are such history, left out in the pass that finds the table's rows; anything else is
   * kept for the readers to decide. Rows keep their numbers.
   */
  private counting(name: string): Table | null {
    const k = this.known.get(name);
    if (!k) return null;
    const { amountColumn: a, paidColumn: p, invoiceColumn: i } = k;
    const counts = (row: readonly CellValue[]): boolean => {
      if (a >= 0 && p >= 0) {
        const amount = row[a];
        const paid = row[p];
        if (typeof amount === 'number' && typeof paid === 'number' && amount - paid <= 0) return false;
      }
      if (i >= 0) {
        const invoice = row[i];
        if (typeof invoice === 'string' && invoice.trim() !== '') return false;
      }
      return true;
    };
    return readTable(name === INVOICES ? TABS.invoices : TABS.payments, { name, values: k.values }, counts);
  }

  /** Reads the tabs not known as they stand now (once, together). */
  private refresh(names: string[]): void {
    const wanted = names.filter((n) => this.stale.has(n) || !this.known.has(n));
    if (!wanted.length) return;
    const snaps = this.inner.readTabs(wanted);
    for (const n of wanted) this.remember(n, snaps[n] ?? null);
  }

  private store(): void {
    const changed = this.written.size > 0;
    const bothRead = TRACKED.every((n) => this.known.has(n) && !this.stale.has(n));
    if (!changed && !bothRead) return;
    const get = (key: string): string | null => this.inner.getProperty(key);
    const previousChunks = storedChunks(get);
    let props: Record<string, string>;
    try {
      props = summaryProperties(this.summary(get), previousChunks);
    } catch (e) {
      const why = (e as Error).message.split('\n')[0] ?? '';
      this.note(`Studio Ledger: the overdue summary was not kept (${why})`);
      props = unavailableProperties(this.asOf, why, previousChunks);
    }
    this.inner.setProperties(props);
    this.written.clear();
    this.touched.clear();
    const a = this.invoiceHead;
    if (a) {
      // The rows added are now part of the tab: a later append goes below them.
      for (const r of a.rows.keys()) a.lastRow = Math.max(a.lastRow, r);
      a.rows.clear();
    }
  }

  /**
   * Invoices as a sale or an ad-hoc invoice leaves them, when that action only appended rows to a tab it
   * read by its head (and wrote no Payments): the header rows and the new rows, nothing else.
   */
  private appendedInvoices(): TabSnapshot | null {
    const a = this.invoiceHead;
    if (!a || a.broken || !a.headerRow || this.known.has(INVOICES)) return null;
    if (!this.written.has(INVOICES) || this.written.has(PAYMENTS)) return null;
    const rows = [...a.rows].sort((x, y) => x[0] - y[0]).map(([, cells]) => cells);
    return { name: INVOICES, values: [...a.head.slice(0, a.headerRow), ...rows] };
  }

  private summary(get: (key: string) => string | null): OverdueSummary {
    const added = this.appendedInvoices();
    if (added) {
      const stored = readStoredSummary(get);
      if (stored?.form === 'clients')
        return withAddedDues(
          stored.summary,
          this.asOf,
          duesByClient(readInvoices(readTable(TABS.invoices, added))),
        );
    }
    // A tab written without a read: which clients changed is unknown, so everything is worked out again.
    const blind = [...this.written].some((n) => this.stale.has(n) || !this.known.has(n));
    this.refresh(this.stale.has(PAYMENTS) ? [INVOICES, PAYMENTS] : [INVOICES]);
    const invoices = this.counting(INVOICES);
    if (!invoices) throw new Error(`the ${INVOICES} tab is missing`);
    const inv = readInvoices(invoices);
    const payKnown = this.snapshot(PAYMENTS);
    if (!payKnown && !blind) {
      const stored = readStoredSummary(get);
      if (stored?.form === 'clients')
        return updatedSummary(stored.summary, this.asOf, this.touched, duesByClient(inv, this.touched), null);
    }
    this.refresh([PAYMENTS]);
    const payments = this.counting(PAYMENTS);
    const pay = payments ? readPayments(payments) : [];
    return summaryOf(this.asOf, duesByClient(inv), creditsByClient(pay));
  }
}

/** The columns the summary decodes (the readers' required ones, and what it counts). */
const SUMMARY_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  [INVOICES]: ['Invoice ID', 'Client ID', 'Due Date', 'Amount', 'Paid', 'Status'],
  [PAYMENTS]: ['Payment ID', 'Date', 'Client ID', 'Invoice ID', 'Amount'],
};

/** True when a tab read by columns holds every column the summary needs of it (one it lacks is blank). */
function holdsSummaryColumns(name: string, snap: TabSnapshot): boolean {
  if (!snap.columns) return true;
  try {
    const spec = name === INVOICES ? TABS.invoices : TABS.payments;
    const t = readTable(spec, { name, values: snap.values.slice(0, HEAD_ROWS) });
    return (SUMMARY_COLUMNS[name] ?? []).every((h) => {
      const i = t.columns.get(h);
      return i === undefined || snap.columns!.includes(i);
    });
  } catch {
    return false;
  }
}

function appendedFrom(head: TabHead): Appended {
  let headerRow = 0;
  try {
    headerRow = readTable(TABS.invoices, { name: head.name, values: head.values }).headerRow;
  } catch {
    // No header: the action refuses the tab, and no summary is made from it.
  }
  return { head: [...head.values], headerRow, lastRow: head.lastRow, rows: new Map(), broken: false };
}

/** Notes a block written to Invoices below its last row (a header cell added counts too). */
function addRows(a: Appended, b: CellBlock): void {
  b.values.forEach((cells, i) => {
    const r = b.row + i;
    let row: CellValue[];
    if (r > a.lastRow) {
      row = a.rows.get(r) ?? [];
      a.rows.set(r, row);
    } else if (r === a.headerRow) {
      row = [...(a.head[r - 1] ?? [])];
      a.head[r - 1] = row;
    } else {
      a.broken = true;
      return;
    }
    cells.forEach((v, j) => {
      const c = b.column - 1 + j;
      while (row.length < c) row.push('');
      row[c] = readBack(v, b.textColumns.includes(j), row[c]);
    });
  });
}

/** The port an action works through, keeping the overdue summary as of `today`. */
export function keepingOverdueSummary(
  port: WorkbookPort,
  today: IsoDate,
  note?: (line: string) => void,
): WorkbookPort {
  return new OverdueSummaryPort(port, today, note);
}
