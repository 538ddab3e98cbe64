// Plan, then write: an action reads each tab it needs once, plans every change in memory, and only
// then writes each tab once (and a Log row). Nothing is written until commit().
// A tab the action only adds rows to (a sale's Sales, Invoices and Allocations; every action's Log) is
// read by its head alone: its header and last row, so what the action costs does not grow with history.
// A history tab an action needs only some columns of (a desk payment's Invoices) is read by those columns.
import { checkCellCap, fitsAsIs, type GridNeed } from './cellCap';
import { toBlocks, type RowCells, type TabChanges } from './changes';
import { highestNumber, IdAllocator, idNumber, ID_KINDS, type IdKind } from './ids';
import type { CellBlock, GridSize, TabContent, WorkbookPort } from './port';
import { TABS, type TabKey, type TabSpec } from './schema';
import { readHead, readTable, type Table } from './table';
import { logCells } from './tabs/log';

const ID_COLUMN: Record<IdKind, [TabKey, string]> = {
  client: ['clients', 'Client ID'],
  sale: ['sales', 'Sale ID'],
  invoice: ['invoices', 'Invoice ID'],
  allocation: ['allocations', 'Allocation ID'],
  payment: ['payments', 'Payment ID'],
  batch: ['invoices', 'Batch ID'],
  receipt: ['payments', 'Receipt ID'],
};

/** The kinds of ID each tab holds. */
const ID_KINDS_BY_TAB: ReadonlyMap<TabKey, IdKind[]> = (() => {
  const out = new Map<TabKey, IdKind[]>();
  for (const kind of Object.keys(ID_COLUMN) as IdKind[]) {
    const key = ID_COLUMN[kind][0];
    out.set(key, [...(out.get(key) ?? []), kind]);
  }
  return out;
})();

interface PendingTab {
  updates: { rowNumber: number; cells: RowCells }[];
  appends: RowCells[];
}

export interface TxOptions {
  /**
   * Tabs the action only appends to, read by their head (header, last row): their rows are never
   * read, and planning from them or updating them throws. The Log always is, unless read whole.
   */
  readonly appendOnly?: readonly TabKey[];
  /**
   * Tabs read whole but only these columns of them (by header): the history tabs of an action that needs
   * a few of their columns. Every other cell reads as blank, and no write may change it (toBlocks refuses);
   * the rows the action appends are its own, written whole.
   */
  readonly columns?: TxColumns;
}

/** Per tab, the columns (by header) an action reads of it. */
export type TxColumns = Partial<Readonly<Record<TabKey, readonly string[]>>>;

/**
 * IDs of one kind indexed from the records an action read of their tab (core's IdIndex is one): the IDs
 * of its learned spelling by number, the highest of them with its record, and every other by its text.
 */
export interface KnownIds {
  numbered(): { prefix: string; width: number; highest: number; value: { readonly row?: number } } | null;
  texts(): Iterable<[string, { readonly row?: number }]>;
}

/** Document property: the stamp of the last commit (see LedgerTx.ledgerStamp). */
export const LEDGER_STAMP_KEY = 'studioLedger.ledgerStamp';

export class LedgerTx {
  private readonly tables = new Map<TabKey, Table>();
  private readonly highestRead = new Map<IdKind, number>();
  private readonly known = new Map<IdKind, KnownIds>();
  private readonly pending = new Map<TabKey, PendingTab>();
  private readonly rewrites = new Map<TabKey, TabContent>();
  private readonly properties: Record<string, string> = {};
  private stored: Readonly<Record<string, string>> | null = null;
  readonly ids: IdAllocator;

  constructor(
    readonly port: WorkbookPort,
    keys: readonly TabKey[],
    opts: TxOptions = {},
  ) {
    const keyed = [...new Set<TabKey>(keys)];
    const heads = [...new Set<TabKey>([...(opts.appendOnly ?? []), 'log'])].filter((k) => !keyed.includes(k));
    const whole = keyed.filter((k) => !opts.columns?.[k]);
    const snapshots = whole.length ? port.readTabs(whole.map((k) => TABS[k].name)) : {};
    for (const k of keyed) {
      const headers = opts.columns?.[k];
      const t = headers
        ? readColumns(port, TABS[k], headers)
        : readTable(TABS[k], snapshots[TABS[k].name] ?? null);
      this.tables.set(k, t);
    }
    const tops = port.readHeads(heads.map((k) => TABS[k].name));
    for (const k of heads) this.tables.set(k, readHead(TABS[k], tops[TABS[k].name] ?? null));
    this.ids = new IdAllocator(
      () => this.storedProperties(),
      (kind, counted) => this.highest(kind, counted),
    );
  }

  table(key: TabKey): Table {
    const t = this.tables.get(key);
    if (!t) throw new Error(`${TABS[key].name} was not read for this action`);
    return t;
  }

  /**
   * The IDs of `kind` as indexed from `records` records read of their tab (the integrity check's index):
   * when those are every row of the tab as read, its highest ID is taken from the index (checked against
   * the row's cell) instead of another pass over 155k rows. Given before the first need of that kind.
   */
  knowIds(kind: IdKind, ids: KnownIds, records: number): void {
    const t = this.tables.get(ID_COLUMN[kind][0]);
    if (t && !t.appendOnly && t.rows.length === records) this.known.set(kind, ids);
  }

  /** The highest number of `kind` this action knows of: its tab's rows (read whole) and the rest. */
  private highest(kind: IdKind, counted: boolean): number {
    return Math.max(this.highestInRows(kind), highestNumber(kind, this.idsInTab(kind, counted)));
  }

  /**
   * The highest number in the ID column of a tab read whole, found once per action: for every kind whose
   * IDs live on that tab in one pass (Invoice ID and Batch ID, Payment ID and Receipt ID), as a pass over
   * 155k rows costs mostly its reads of each row; a kind given by knowIds is taken from its index, and
   * when every kind of the tab is, the rows are not read at all.
   */
  private highestInRows(kind: IdKind): number {
    const known = this.highestRead.get(kind);
    if (known !== undefined) return known;
    const key = ID_COLUMN[kind][0];
    const t = this.tables.get(key);
    const kinds = ID_KINDS_BY_TAB.get(key)!;
    const columns = kinds.map((k) => {
      const header = ID_COLUMN[k][1];
      const idx = t?.columns.get(header);
      return t && holdsColumn(t, header) && idx !== undefined ? idx : -1;
    });
    const max = kinds.map((k, j) => {
      const ids = this.known.get(k);
      const n = ids && columns[j]! >= 0 ? highestKnown(t!, k, columns[j]!, ids) : null;
      // Taken from the index: the rows need not be read for it.
      if (n !== null) columns[j] = -1;
      return n ?? 0;
    });
    // A repeat of the row above is skipped; and a Batch ID seen on any row above (a few hundred batches
    // over 155k invoices, their rows interleaved: reading each again costs more than the look-up).
    const last = kinds.map(() => '');
    const seen = kinds.map((k) => (k === 'batch' ? new Set<string>() : null));
    // A tab read by its head has no rows to give (holdsColumn says so): only then are they asked for.
    const rows = t && columns.some((c) => c >= 0) ? t.rows : [];
    for (let i = 0; i < rows.length; i++) {
      const cells = rows[i]!.cells;
      for (let j = 0; j < kinds.length; j++) {
        const c = columns[j]!;
        const v = c >= 0 ? cells[c] : undefined;
        if (typeof v !== 'string' || v === last[j]) continue;
        last[j] = v;
        const s = seen[j];
        if (s) {
          if (s.has(v)) continue;
          s.add(v);
        }
        const n = idNumber(kinds[j]!, v);
        if (n > max[j]!) max[j] = n;
      }
    }
    kinds.forEach((k, j) => this.highestRead.set(k, max[j]!));
    return max[kinds.indexOf(kind)]!;
  }

  /**
   * The other IDs of `kind` this action knows of (those of a tab read whole: highestInRows); a tab read by its head
   * gives nothing while a counter is stored (the counter is the record), and else its ID column alone,
   * once, to seed the counter (a workbook from before counters, or a lost property).
   */
  private *idsInTab(kind: IdKind, counted: boolean): Iterable<string> {
    const [key, header] = ID_COLUMN[kind];
    const t = this.tables.get(key);
    if (!t) return;
    const idx = t.columns.get(header);
    if (idx === undefined) return;
    // A tab read whole gives its highest number through highestInRows (one quick pass, kept); of one
    // read without its ID column, the column alone is read, as of a tab read by its head.
    if (!holdsColumn(t, header) && !counted && t.lastRow > t.headerRow)
      for (const v of this.port.readColumn(t.spec.name, idx + 1, t.headerRow + 1, t.lastRow - t.headerRow))
        yield String(v);
    for (const a of this.pending.get(key)?.appends ?? []) {
      const v = a[header];
      if (typeof v === 'string') yield v.replace(/^'/, '');
    }
  }

  private tab(key: TabKey): PendingTab {
    let p = this.pending.get(key);
    if (!p) this.pending.set(key, (p = { updates: [], appends: [] }));
    return p;
  }

  append(key: TabKey, cells: RowCells): void {
    this.table(key);
    this.tab(key).appends.push(cells);
  }

  update(key: TabKey, rowNumber: number, cells: RowCells): void {
    if (this.table(key).appendOnly) throw new Error(`${TABS[key].name} was read for appending only`);
    this.tab(key).updates.push({ rowNumber, cells });
  }

  /** Replaces a regenerated tab's whole content (Process Billing). */
  rewrite(key: TabKey, content: TabContent): void {
    this.rewrites.set(key, content);
  }

  /** A document property to save with the action (batch records). */
  setProperty(key: string, value: string): void {
    this.properties[key] = value;
  }

  /** Every document property as the action began, read once (one call), shared with the ID counters. */
  storedProperties(): Readonly<Record<string, string>> {
    return (this.stored ??= this.port.getProperties());
  }

  /**
   * The stamp of the last commit to this spreadsheet: every commit writes the next one, so an action
   * can tell whether anything was committed since something it relies on was written (the reports).
   */
  ledgerStamp(): number {
    const n = Number(this.storedProperties()[LEDGER_STAMP_KEY] ?? 0);
    return Number.isSafeInteger(n) && n >= 0 ? n : 0;
  }

  /** The stamp this action's commit writes. */
  commitStamp(): number {
    return this.ledgerStamp() + 1;
  }

  /** Rows planned so far, per tab: what a preview shows and tests assert. */
  planned(key: TabKey): Readonly<PendingTab> {
    return this.pending.get(key) ?? { updates: [], appends: [] };
  }

  /**
   * Writes every tab once (the Log row last), then the regenerated tabs, then the document properties
   * (batch records, ID counters). Everything is encoded first, and the growth checked against the
   * spreadsheet's cell cap, so a bad plan or a full workbook fails before the first write; and a
   * property such as a batch's status is only saved once the rows it describes are.
   */
  commit(action: string, details: string, timestamp: string): void {
    this.append('log', logCells({ timestamp, action, details }));
    const order = [...this.pending.keys()].sort((a, b) => (a === 'log' ? 1 : b === 'log' ? -1 : 0));
    const writes: { name: string; changes: TabChanges }[] = order.map((key) => {
      const p = this.pending.get(key)!;
      return {
        name: TABS[key].name,
        changes: { table: this.table(key), updates: p.updates, appends: p.appends },
      };
    });
    const blocks = writes.map((w) => ({
      name: w.name,
      blocks: toBlocks(w.changes, (row, column, numRows, numColumns) =>
        this.port.readFormulas(w.name, row, column, numRows, numColumns),
      ),
    }));
    // Regenerated text is written as is: the port makes those cells plain text.
    const rewrites = [...this.rewrites].map(([key, content]) => ({ name: TABS[key].name, content }));
    this.raiseCounters();
    const props = {
      ...this.properties,
      ...this.ids.properties(),
      [LEDGER_STAMP_KEY]: String(this.commitStamp()),
    };
    this.checkGrowth([
      ...blocks.map((b) => blocksNeed(b.name, b.blocks)),
      ...rewrites.map((r) => contentNeed(r.name, r.content)),
    ]);

    for (const b of blocks) if (b.blocks.length) this.port.writeBlocks(b.name, b.blocks);
    writes.forEach((w, i) => this.formatAddedColumns(w.changes.table, blocks[i]!.blocks));
    for (const r of rewrites) this.port.rewriteTab(r.name, r.content);
    if (Object.keys(props).length) this.port.setProperties(props);
  }

  /**
   * A tab read whole holding a higher ID than the counter (a row pasted in by hand, a workbook from before
   * counters) raises the counter with this commit, so a later action that only appends does not repeat it.
   */
  private raiseCounters(): void {
    for (const kind of Object.keys(ID_KINDS) as IdKind[]) {
      const t = this.tables.get(ID_COLUMN[kind][0]);
      if (t && holdsColumn(t, ID_COLUMN[kind][1]) && t.columns.has(ID_COLUMN[kind][1]))
        this.ids.raise(kind, this.highest(kind, true));
    }
  }

  /**
   * A ledger column this commit added to an older tab (see toBlocks) gets its column's format, so a date
   * shows as a date and money as money, as set-up would have made it.
   */
  private formatAddedColumns(table: Table, blocks: readonly CellBlock[]): void {
    const head = blocks[0];
    if (!head || head.row !== table.headerRow || head.column !== table.width + 1) return;
    const added = table.spec.columns
      .filter((c) => c.added && c.format && c.format.kind !== 'text' && !table.columns.has(c.header))
      .map((c) => {
        const j = head.values[0]!.indexOf(c.header);
        return { spec: c, at: j < 0 ? null : head.column + j };
      })
      .filter((c): c is { spec: (typeof c)['spec']; at: number } => c.at !== null);
    if (!added.length) return;
    this.port.applyLayout({
      name: table.spec.name,
      headerRow: table.headerRow,
      addHeaders: [],
      columnFormats: added.map((c) => ({ column: c.at, format: c.spec.format! })),
      cellFormats: [],
      columnWidths: [],
      create: false,
      frozenRows: 0,
      boldHeader: false,
    });
  }

  /** Refuses (writing nothing) when the tabs this commit grows would take the workbook past the cap. */
  private checkGrowth(needs: readonly GridNeed[]): void {
    const known = new Map<string, GridSize>();
    for (const t of this.tables.values()) if (t.snapshot.grid) known.set(t.spec.name, t.snapshot.grid);
    if (fitsAsIs(known, needs) || !this.port.gridSizes) return;
    checkCellCap(this.port.gridSizes(), needs);
  }
}

/**
 * A tab read by the columns named (the rest blank): its header found in its head as readTable finds it
 * (a tab without its headers is refused the same way), and its last row the sheet's, any column counted.
 */
function readColumns(port: WorkbookPort, spec: TabSpec, headers: readonly string[]): Table {
  const snapshot = port.readColumns(spec.name, (head) => {
    const top = readHead(spec, head);
    const columns = headers.flatMap((h) => {
      const i = top.columns.get(h);
      return i === undefined ? [] : [i];
    });
    return { headerRow: top.headerRow, columns };
  });
  const t = readTable(spec, snapshot);
  const lastRow = snapshot?.lastRow ?? 0;
  return lastRow > t.lastRow ? { ...t, lastRow } : t;
}

/**
 * The highest number of `kind` in column `column` of the table's rows, from an index of every record read
 * of them: what a pass over the cells with idNumber gives, or null when the index cannot tell. A record's
 * ID is its cell trimmed, and a cell's number is never above its trimmed text's (a leading space makes it
 * 0 as every prefix starts with a letter, a trailing one changes nothing, a number or date cell is 0 both
 * ways), so the highest of the index is the cells' once one row holding it is found with no space to
 * trim. Past 2^53 digit strings round, and the IDs of another learned spelling are not looked at one by
 * one though idNumber may read them as numbers ('INV- 12', 'INV-0x1F'): those go back to the pass.
 */
function highestKnown(t: Table, kind: IdKind, column: number, ids: KnownIds): number | null {
  const { prefix } = ID_KINDS[kind];
  const top = ids.numbered();
  let best = 0;
  const holders: { text: string; row?: number }[] = [];
  if (top) {
    if (top.prefix !== prefix) return null;
    best = top.highest;
    holders.push({ text: prefix + String(top.highest).padStart(top.width, '0'), row: top.value.row });
  }
  for (const [text, v] of ids.texts()) {
    const n = idNumber(kind, text);
    if (n < best || n === 0) continue;
    if (n > best) holders.length = 0;
    best = n;
    holders.push({ text, row: v.row });
  }
  if (best === 0) return 0;
  if (!(best < 2 ** 53)) return null;
  return holders.some((h) => h.row !== undefined && cellAt(t, h.row, column) === h.text) ? best : null;
}

/** The cell in `column` of the table's row at sheet row `rowNumber` (rows are in sheet order). */
function cellAt(t: Table, rowNumber: number, column: number): unknown {
  const rows = t.rows;
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const n = rows[mid]!.rowNumber;
    if (n === rowNumber) return rows[mid]!.cells[column];
    if (n < rowNumber) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** True when the table's rows hold the column's cells as the sheet does (read whole, or that column read). */
function holdsColumn(t: Table, header: string): boolean {
  if (t.appendOnly) return false;
  const held = t.snapshot.columns;
  const idx = t.columns.get(header);
  return !held || (idx !== undefined && held.includes(idx));
}

/** How far a tab's blocks reach (1-based last row and column). */
function blocksNeed(name: string, blocks: readonly CellBlock[]): GridNeed {
  let rows = 0;
  let columns = 0;
  for (const b of blocks) {
    rows = Math.max(rows, b.row + b.values.length - 1);
    columns = Math.max(columns, b.column + widest(b.values, 0) - 1);
  }
  return { name, rows, columns };
}

function contentNeed(name: string, content: TabContent): GridNeed {
  return {
    name,
    rows: Math.max(1, content.values.length),
    columns: widest(content.values, 1),
  };
}

/** The longest row's length (at least `min`), without spreading rows into arguments (a big block would overflow the stack). */
export function widest(rows: readonly (readonly unknown[])[], min: number): number {
  let n = min;
  for (const r of rows) if (r.length > n) n = r.length;
  return n;
}
