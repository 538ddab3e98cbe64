// Turns a tab's planned changes (updates in place, appends) into a few rectangular writes.
// - An update writes only the cells whose value changes: a cell already holding the planned value (a
//   formula showing it included) is left alone.
// - The written rows fall into clusters of nearby rows (a gap of more than CLUSTER_GAP untouched rows
//   starts a new one; past MAX_CLUSTERS the closest clusters are merged), and each cluster is one block
//   per run of adjacent written columns. Cells inside a block that the plan does not change are written
//   back as they were read, so only rows near a change are ever rewritten. Their formulas are read then,
//   for that block only (`FormulasIn`): a tab's formulas are never read whole.
// So the number of writes is bounded by a constant and never grows with the number of rows.
// - Of a tab read by some of its columns (TabSnapshot.columns), only those columns are ever rewritten: an
//   update planning another column's cell is refused unless it leaves the cell blank as read, and the rows
//   appended (the action's own, written whole) are blocks apart from the updated rows.
import { safeText } from './cellSafety';
import type { CellBlock, CellValue, CellWrite } from './port';
import { isSheetDate, isSheetDateTime, isSheetFormula } from './port';
import type { Table } from './table';

export type RowCells = Readonly<Record<string, CellWrite>>;

/**
 * The formulas of one rectangle of the tab (1-based top-left), read just before it is written: a block's
 * cells the plan leaves alone are written back as they were, formulas as formulas.
 */
export type FormulasIn = (row: number, column: number, numRows: number, numColumns: number) => string[][];

export interface TabChanges {
  readonly table: Table;
  readonly updates: readonly { rowNumber: number; cells: RowCells }[];
  readonly appends: readonly RowCells[];
}

/** More untouched rows than this between two written rows start a new block. */
export const CLUSTER_GAP = 20;
/** At most this many row clusters per tab: the closest are merged beyond it. */
export const MAX_CLUSTERS = 8;

/** A cell as read, written back unchanged: formulas as formulas. */
function rewrite(value: CellValue, formula: string): CellWrite {
  return formula ? { formula } : value;
}

/**
 * Text lands as text: quoted unless its column is plain text, whose cells the port formats as '@'
 * right before writing them (so the text stays literal even where a user removed the format).
 */
export function safeCell(v: CellWrite, plainTextColumn = false): CellWrite {
  return typeof v === 'string' && !plainTextColumn ? safeText(v) : v;
}

export function hasChanges(c: TabChanges): boolean {
  return c.updates.length > 0 || c.appends.length > 0;
}

/**
 * True when writing `planned` would not change what the cell shows (a formula showing it is kept). A
 * planned formula is always written: the cell's own formula is not known before the write.
 */
export function unchanged(planned: CellWrite, value: CellValue): boolean {
  if (isSheetFormula(planned)) return false;
  // A date and time is read back as its date only: always written.
  if (isSheetDateTime(planned)) return false;
  if (isSheetDate(planned)) return isSheetDate(value) && value.date === planned.date;
  return typeof planned === typeof value && planned === value;
}

/**
 * Splits sorted row numbers into clusters of nearby rows: a gap of more than `gap` rows splits, and only
 * the `cap - 1` widest gaps split (the same as merging the closest clusters until at most `cap` remain).
 */
export function clusterRows(rows: readonly number[], gap = CLUSTER_GAP, cap = MAX_CLUSTERS): number[][] {
  if (!rows.length) return [];
  const splits: { at: number; width: number }[] = [];
  for (let i = 1; i < rows.length; i++) {
    const width = rows[i]! - rows[i - 1]! - 1;
    if (width > gap) splits.push({ at: i, width });
  }
  const kept =
    splits.length < cap
      ? splits
      : [...splits].sort((a, b) => b.width - a.width || a.at - b.at).slice(0, Math.max(0, cap - 1));
  const cuts = kept.map((s) => s.at).sort((a, b) => a - b);
  const out: number[][] = [];
  let start = 0;
  for (const cut of [...cuts, rows.length]) {
    out.push(rows.slice(start, cut));
    start = cut;
  }
  return out;
}

/** True when some cell of the block is not planned, so it is written back as read (formula included). */
function keepsCells(
  written: ReadonlyMap<number, ReadonlyMap<number, CellWrite>>,
  first: number,
  last: number,
  run: readonly number[],
): boolean {
  for (let r = first; r <= last; r++) {
    const change = written.get(r);
    if (!change || run.some((i) => !change.has(i))) return true;
  }
  return false;
}

interface Column {
  readonly header: string;
  readonly index: number;
  readonly text: boolean;
}

export function toBlocks(changes: TabChanges, formulasIn: FormulasIn): CellBlock[] {
  const { table, updates, appends } = changes;
  if (!hasChanges(changes)) return [];
  const byHeader = new Map<string, Column | null>();
  const addedHeaders: string[] = [];
  const byIndex = new Map<number, Column>();
  const column = (header: string): Column | null => {
    let c = byHeader.get(header);
    if (c !== undefined) return c;
    const index = table.columns.get(header);
    const spec = table.spec.columns.find((s) => s.header === header);
    if (index === undefined && spec?.added) {
      // A ledger column newer than this workbook: its header goes at the end of the header row.
      const at = table.width + addedHeaders.length;
      addedHeaders.push(header);
      c = { header, index: at, text: spec.format?.kind === 'text' };
      byIndex.set(at, c);
    } else if (index === undefined) {
      // Optional columns (Balance, Created…) a user removed are simply not written.
      if (spec?.required) throw new Error(`${table.spec.name} has no "${header}" column`);
      c = null;
    } else {
      c = { header, index, text: spec?.format?.kind === 'text' };
      byIndex.set(index, c);
    }
    byHeader.set(header, c);
    return c;
  };

  const { values } = table.snapshot;
  const valueAt = (row: number, index: number): CellValue => values[row - 1]?.[index] ?? '';
  // A column past the tab's width (one this commit adds) is blank: known without a read.
  const read = table.snapshot.columns ? new Set(table.snapshot.columns) : null;
  const unread = (index: number): boolean => !!read && index < table.width && !read.has(index);

  // Sheet row -> column index -> the value to write there.
  const written = new Map<number, Map<number, CellWrite>>();
  const merged = new Map<number, Record<string, CellWrite>>();
  for (const u of updates) merged.set(u.rowNumber, { ...merged.get(u.rowNumber), ...u.cells });
  for (const [row, cells] of merged) {
    const out = new Map<number, CellWrite>();
    for (const [header, v] of Object.entries(cells)) {
      const c = column(header);
      if (!c || unchanged(v, valueAt(row, c.index))) continue;
      // What the sheet holds there is not known: writing it could blank or overwrite a cell nobody read.
      if (unread(c.index))
        throw new Error(
          `${table.spec.name} row ${row}: the ${header} column was not read, so it cannot be written`,
        );
      out.set(c.index, v);
    }
    if (out.size) written.set(row, out);
  }
  let appendAt = table.lastRow + 1;
  for (const a of appends) {
    const out = new Map<number, CellWrite>();
    for (const [header, v] of Object.entries(a)) {
      const c = column(header);
      if (c) out.set(c.index, v);
    }
    if (out.size) written.set(appendAt, out);
    appendAt++;
  }

  const blocks: CellBlock[] = addedHeaders.length
    ? [{ row: table.headerRow, column: table.width + 1, values: [addedHeaders], textColumns: [] }]
    : [];
  const rows = [...written.keys()].sort((a, b) => a - b);
  // Of a tab read by columns, a block over updated rows holds only columns read; appended rows apart.
  const groups = read
    ? [rows.filter((r) => r <= table.lastRow), rows.filter((r) => r > table.lastRow)]
    : [rows];
  for (const cluster of groups.flatMap((g) => clusterRows(g))) {
    const first = cluster[0]!;
    const last = cluster[cluster.length - 1]!;
    const indexes = new Set<number>();
    for (const r of cluster) for (const i of written.get(r)!.keys()) indexes.add(i);
    const runs: number[][] = [];
    for (const i of [...indexes].sort((a, b) => a - b)) {
      const run = runs[runs.length - 1];
      if (run && run[run.length - 1]! + 1 === i) run.push(i);
      else runs.push([i]);
    }
    for (const run of runs) {
      const cols = run.map((i) => byIndex.get(i)!);
      const formulas = keepsCells(written, first, last, run)
        ? formulasIn(first, run[0]! + 1, last - first + 1, run.length)
        : [];
      const block: CellWrite[][] = [];
      for (let r = first; r <= last; r++) {
        const change = written.get(r);
        block.push(
          cols.map(({ index, text }, j) => {
            const planned = change?.get(index);
            const cell =
              planned !== undefined ? planned : rewrite(valueAt(r, index), formulas[r - first]?.[j] ?? '');
            return safeCell(cell, text);
          }),
        );
      }
      const textColumns = cols.flatMap((c, j) => (c.text ? [j] : []));
      blocks.push({ row: first, column: run[0]! + 1, values: block, textColumns });
    }
  }
  return blocks;
}
