// Records read from a tab's rows, remembered by the row itself: within one action a tab's rows are read
// more than once (the plan, its integrity checks, the overdue summary kept after the commit), and a row's
// cells array is the same object each time until the action writes that row (the summary port copies a
// row it writes). So each row is decoded once per action. Rows read by another action are other arrays:
// nothing is remembered across actions. Records are treated as read-only by every planner.
import type { Table, TableRow } from './table';

interface Remembered<T> {
  readonly rowNumber: number;
  readonly record: T;
}

/** `read` for every row of a table, each row decoded at most once while its cells stay the same. */
export function rowRecords<T>(read: (t: Table, r: TableRow) => T): (t: Table) => T[] {
  const seen = new WeakMap<readonly unknown[], Remembered<T>>();
  return (t) =>
    t.rows.map((r) => {
      const hit = seen.get(r.cells);
      if (hit && hit.rowNumber === r.rowNumber) return hit.record;
      const record = read(t, r);
      seen.set(r.cells, { rowNumber: r.rowNumber, record });
      return record;
    });
}
