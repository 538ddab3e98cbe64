// Header-mapped tables: columns are found by header text, so users may reorder columns, add their own,
// sort rows and leave blank rows. Row numbers are the sheet's (1-based) so errors can name them.
import { UserError } from './errors';
import { HEAD_ROWS, type CellValue, type TabHead, type TabSnapshot } from './port';
import type { TabSpec } from './schema';

export function normaliseHeader(h: unknown): string {
  return String(h ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

export interface TableRow {
  /** 1-based sheet row. */
  readonly rowNumber: number;
  readonly cells: readonly CellValue[];
}

export interface Table {
  readonly spec: TabSpec;
  /** 1-based sheet row of the header row. */
  readonly headerRow: number;
  /** 0-based column index of each header that exists, keyed by the spec's header text. */
  readonly columns: ReadonlyMap<string, number>;
  /** Every row below the header holding more than blanks and checkbox values. */
  readonly rows: readonly TableRow[];
  /** Number of columns in the sheet's data range (user columns included). */
  readonly width: number;
  /** Last sheet row holding anything (the header row when empty). */
  readonly lastRow: number;
  readonly snapshot: TabSnapshot;
  /** True for a tab read by its head only (appended to, never planned from): its rows are not known. */
  readonly appendOnly?: boolean;
}

const HEADER_SEARCH_ROWS = HEAD_ROWS;

function isBlank(v: CellValue): boolean {
  return v === '' || (typeof v === 'string' && v.trim() === '');
}

/**
 * A row with nothing but blanks and checkbox values (TRUE/FALSE) is not a record: one click on an
 * empty Include or Active cell must not make a row the readers then refuse.
 */
function isBlankRow(cells: readonly CellValue[]): boolean {
  return cells.every((v) => typeof v === 'boolean' || isBlank(v));
}

/** A cell that makes its row a record at once: text not blank, a number or a date (the usual first cell). */
function isFilled(v: CellValue | undefined): boolean {
  if (typeof v === 'string') return v !== '' && v.charCodeAt(0) > 32 && v.charCodeAt(0) < 127;
  return typeof v === 'number' || (typeof v === 'object' && v !== null);
}

/** Maps a tab's headers onto its spec. A missing required header is an error naming tab and header. */
/**
 * `keep`, when given, is asked of every row below the header first: a row it refuses is not in the table
 * (the overdue summary reads only the rows that can count, in the same pass). Such a table's lastRow is
 * that of the rows kept: it is never appended to.
 */
export function readTable(
  spec: TabSpec,
  snapshot: TabSnapshot | null,
  keep?: (cells: readonly CellValue[]) => boolean,
): Table {
  if (!snapshot) throw new UserError(`The ${spec.name} tab is missing. Run Studio Ledger > Set up workbook.`);
  const required = spec.columns.filter((c) => c.required).map((c) => normaliseHeader(c.header));
  let headerIndex = -1;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, snapshot.values.length); r++) {
    const row = new Set((snapshot.values[r] ?? []).map(normaliseHeader));
    if (required.every((h) => row.has(h))) {
      headerIndex = r;
      break;
    }
  }
  if (headerIndex < 0) {
    const first = new Set((snapshot.values[0] ?? []).map(normaliseHeader));
    const missing = spec.columns.filter((c) => c.required && !first.has(normaliseHeader(c.header)));
    const names = missing.map((c) => `"${c.header}"`).join(', ');
    throw new UserError(
      `The ${spec.name} tab has no ${names} column${missing.length > 1 ? 's' : ''} in its header row.`,
    );
  }
  const headerCells = snapshot.values[headerIndex] ?? [];
  const columns = new Map<string, number>();
  for (const col of spec.columns) {
    const idx = headerCells.findIndex((h) => normaliseHeader(h) === normaliseHeader(col.header));
    if (idx >= 0) columns.set(col.header, idx);
  }
  const rows: TableRow[] = [];
  let lastRow = headerIndex + 1;
  for (let r = headerIndex + 1; r < snapshot.values.length; r++) {
    const cells = snapshot.values[r] ?? [];
    if (keep && !keep(cells)) continue;
    if (isFilled(cells[0])) {
      lastRow = r + 1;
      rows.push({ rowNumber: r + 1, cells });
      continue;
    }
    if (cells.every(isBlank)) continue;
    // Appends still go below a stray tick, so they never land on (and inherit) it.
    lastRow = r + 1;
    if (!isBlankRow(cells)) rows.push({ rowNumber: r + 1, cells });
  }
  return {
    spec,
    headerRow: headerIndex + 1,
    columns,
    rows,
    width: headerCells.length,
    lastRow,
    snapshot,
  };
}

/** The cell under a header, '' when the column is absent (an optional column the user removed). */
export function cellOf(table: Table, row: TableRow, header: string): CellValue {
  const idx = table.columns.get(header);
  return idx === undefined ? '' : (row.cells[idx] ?? '');
}

/**
 * A tab an action only appends to, from its head: headers and columns as readTable finds them, the last
 * row from the sheet's own (so appends go below blank rows and stray ticks), and no rows. Reading its
 * rows throws: an action never plans from a tab it did not read.
 */
export function readHead(spec: TabSpec, head: TabHead | null): Table {
  if (!head) return readTable(spec, null);
  const snapshot: TabSnapshot = { name: head.name, values: head.values, grid: head.grid };
  const top = readTable(spec, snapshot);
  const table: Table = {
    spec,
    headerRow: top.headerRow,
    columns: top.columns,
    width: top.width,
    lastRow: Math.max(top.headerRow, head.lastRow),
    snapshot,
    appendOnly: true,
    get rows(): readonly TableRow[] {
      throw new Error(`${spec.name} was read for appending only: its rows are not known to this action`);
    },
  };
  return table;
}
