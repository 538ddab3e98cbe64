// Records read from a tab's rows, remembered by the row itself: within one action a tab's rows are read
// more than once (the plan, its integrity checks, the overdue summary kept after the commit), and a row's
// cells array is the same object each time until the action writes that row (the summary port copies a
// row it writes). So each row is decoded once per action. Only the latest read of each tab is kept, by
// sheet row: a row at another place, or whose cells are another array, is decoded again, and rows read
// by another action are other arrays. Records are treated as read-only by every planner.
import type { Table, TableRow } from './table';

/**
 * Every row of a table as a record, each row decoded at most once while its cells stay the same.
 * `prepare` runs once per read of the table (finding its columns) and gives the row decoder.
 */
export function rowRecords<T>(prepare: (t: Table) => (r: TableRow) => T): (t: Table) => T[] {
  // By sheet row: the cells last decoded there, and their record.
  let cells: (readonly unknown[] | undefined)[] = [];
  let records: (T | undefined)[] = [];
  return (t) => {
    let read: ((r: TableRow) => T) | null = null;
    // Sized once (rows come in sheet order, the last is the highest): filled by row number, they would
    // otherwise grow a step at a time, copying themselves over 155k rows.
    const size = (t.rows[t.rows.length - 1]?.rowNumber ?? 0) + 1;
    const nextCells = new Array<readonly unknown[] | undefined>(size);
    const nextRecords = new Array<T | undefined>(size);
    const out = new Array<T>(t.rows.length);
    for (let k = 0; k < t.rows.length; k++) {
      const r = t.rows[k]!;
      const n = r.rowNumber;
      const record = cells[n] === r.cells ? records[n]! : (read ??= prepare(t))(r);
      nextCells[n] = r.cells;
      nextRecords[n] = record;
      out[k] = record;
    }
    cells = nextCells;
    records = nextRecords;
    return out;
  };
}
