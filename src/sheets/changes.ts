// Turns a tab's planned changes (updates in place, appends) into as few rectangular writes as there are
// runs of adjacent owned columns: the number of writes never grows with the number of rows.
import { safeText } from './cellSafety';
import type { CellBlock, CellValue, CellWrite } from './port';
import type { Table } from './table';

export type RowCells = Readonly<Record<string, CellWrite>>;

export interface TabChanges {
  readonly table: Table;
  readonly updates: readonly { rowNumber: number; cells: RowCells }[];
  readonly appends: readonly RowCells[];
}

/** A cell as read, written back unchanged: formulas as formulas. */
function rewrite(value: CellValue, formula: string): CellWrite {
  return formula ? { formula } : value;
}

/** Text lands as text: quoted unless its column is formatted as plain text, which keeps it literal. */
export function safeCell(v: CellWrite, plainTextColumn = false): CellWrite {
  return typeof v === 'string' && !plainTextColumn ? safeText(v) : v;
}

export function hasChanges(c: TabChanges): boolean {
  return c.updates.length > 0 || c.appends.length > 0;
}

export function toBlocks(changes: TabChanges): CellBlock[] {
  const { table, updates, appends } = changes;
  if (!hasChanges(changes)) return [];
  const touched = new Set<string>();
  for (const u of updates) Object.keys(u.cells).forEach((h) => touched.add(h));
  for (const a of appends) Object.keys(a).forEach((h) => touched.add(h));
  const cols: { header: string; index: number; plain: boolean }[] = [];
  for (const header of touched) {
    const index = table.columns.get(header);
    // Optional columns (Balance, Created…) a user removed are simply not written.
    if (index === undefined) {
      if (table.spec.columns.some((c) => c.header === header && c.required))
        throw new Error(`${table.spec.name} has no "${header}" column`);
      continue;
    }
    const plain = table.spec.columns.some((c) => c.header === header && c.format?.kind === 'text');
    cols.push({ header, index, plain });
  }
  cols.sort((a, b) => a.index - b.index);
  const runs: { header: string; index: number; plain: boolean }[][] = [];
  for (const c of cols) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    if (run && prev && prev.index + 1 === c.index) run.push(c);
    else runs.push([c]);
  }

  const byRow = new Map<number, RowCells>();
  for (const u of updates) byRow.set(u.rowNumber, { ...byRow.get(u.rowNumber), ...u.cells });
  let appendAt = table.lastRow + 1;
  for (const a of appends) byRow.set(appendAt++, a);
  const rowNumbers = [...byRow.keys()];
  const first = Math.min(...rowNumbers);
  const last = Math.max(...rowNumbers);

  const { values, formulas } = table.snapshot;
  return runs.map((run) => {
    const block: CellWrite[][] = [];
    for (let r = first; r <= last; r++) {
      const change = byRow.get(r);
      block.push(
        run.map(({ header, index, plain }) => {
          const planned = change?.[header];
          const cell =
            planned !== undefined
              ? planned
              : rewrite(values[r - 1]?.[index] ?? '', formulas[r - 1]?.[index] ?? '');
          return safeCell(cell, plain);
        }),
      );
    }
    return { row: first, column: run[0]!.index + 1, values: block };
  });
}
