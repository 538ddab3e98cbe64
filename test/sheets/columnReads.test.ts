// A tab read by some of its columns: what the snapshot holds (columnSnapshot), and that a write to it
// never covers a column it did not read (toBlocks).
import { describe, expect, it } from 'vitest';
import { toBlocks } from '../../src/sheets/changes';
import { columnSnapshot, type CellValue, type TabHead } from '../../src/sheets/port';
import { HEAD_ROWS } from '../../src/sheets/port';
import { TABS } from '../../src/sheets/schema';
import { readTable } from '../../src/sheets/table';
import { noFormulas } from './formulasIn';

const HEADER = TABS.attendance.columns.map((c) => c.header);

/** Attendance with a user's Trainer column: 40 rows, then a row holding only a Trainer (row 42). */
function grid(): CellValue[][] {
  const rows: CellValue[][] = [[...HEADER, 'Trainer']];
  for (let i = 1; i <= 40; i++) rows.push([{ date: '2016-09-13' }, `C-${i}`, 1, 'S-000001', `T${i}`]);
  rows.push(['', '', '', '', 'Kim']);
  return rows;
}

function read(values: CellValue[][], columns: number[]) {
  const head: TabHead = { name: 'Attendance', values: values.slice(0, HEAD_ROWS), lastRow: values.length };
  const reads: string[] = [];
  const snapshot = columnSnapshot(head, { headerRow: 1, columns }, (row, column, numRows, numColumns) => {
    reads.push(`${row},${column} ${numRows}x${numColumns}`);
    return values.slice(row - 1, row - 1 + numRows).map((r) => r.slice(column - 1, column - 1 + numColumns));
  });
  return { snapshot, reads };
}

describe('a tab read by columns', () => {
  it('holds the header row whole and the chosen columns of every row, one read per run below the head', () => {
    const values = grid();
    const { snapshot, reads } = read(values, [3, 0, 1]);
    expect(reads).toEqual(['11,1 32x2', '11,4 32x1']);
    expect(snapshot.columns).toEqual([0, 1, 3]);
    expect(snapshot.lastRow).toBe(42);
    expect(snapshot.values).toHaveLength(42);
    expect(snapshot.values[0]).toEqual(values[0]);
    // The head's rows below the header are cut to the columns too: every data row alike.
    expect(snapshot.values[4]).toEqual([{ date: '2016-09-13' }, 'C-4', '', 'S-000001', '']);
    expect(snapshot.values[30]).toEqual([{ date: '2016-09-13' }, 'C-30', '', 'S-000001', '']);
    expect(snapshot.values[41]).toEqual(['', '', '', '', '']);
  });

  it('is written only in the columns read: another column is refused unless left blank', () => {
    const { snapshot } = read(grid(), [0, 1, 3]);
    const table = readTable(TABS.attendance, snapshot);
    expect(table.rows).toHaveLength(40);
    const update = (cells: Record<string, CellValue>) => ({
      table: { ...table, lastRow: 42 },
      updates: [{ rowNumber: 5, cells }],
      appends: [],
    });
    expect(() => toBlocks(update({ Sessions: 2 }), noFormulas)).toThrow(
      'Attendance row 5: the Sessions column was not read, so it cannot be written',
    );
    // Blank as read: nothing to write (the cell keeps whatever it holds).
    expect(toBlocks(update({ Sessions: '' }), noFormulas)).toEqual([]);
    expect(toBlocks(update({ 'Sale ID': 'S-000002' }), noFormulas)).toEqual([
      { row: 5, column: 4, values: [['S-000002']], textColumns: [0] },
    ]);
  });

  it('writes appended rows whole, in blocks apart from the rows updated near them', () => {
    const { snapshot } = read(grid(), [0, 1, 3]);
    const table = { ...readTable(TABS.attendance, snapshot), lastRow: 42 };
    const blocks = toBlocks(
      {
        table,
        updates: [{ rowNumber: 41, cells: { 'Sale ID': 'S-000009' } }],
        appends: [{ Date: { date: '2016-09-20' }, 'Client ID': 'C-1', Sessions: 1, 'Sale ID': 'S-000001' }],
      },
      noFormulas,
    );
    expect(blocks.map((b) => [b.row, b.column, b.values.length, b.values[0]!.length])).toEqual([
      [41, 4, 1, 1],
      [43, 1, 1, 4],
    ]);
  });
});
