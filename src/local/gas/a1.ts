// A1 notation: 'A1', 'A2:C10', 'A:A', 'A2:A' (to the last row), '1:3', with optional $ and a sheet
// prefix ("'Process Billing'!A1:C3", "Settings!B2").

interface A1Range {
  sheetName?: string;
  /** 1-based; undefined = unbounded on that side (whole column/row). */
  startRow?: number;
  startColumn?: number;
  endRow?: number;
  endColumn?: number;
}

function columnToLetters(column: number): string {
  let s = '';
  let n = column;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/;

interface Ref {
  row?: number;
  column?: number;
}

function parseRef(text: string): Ref | undefined {
  const m = CELL.exec(text.trim());
  if (!m) return undefined;
  const letters = m[1] ?? '';
  const digits = m[2] ?? '';
  if (!letters && !digits) return undefined;
  const ref: Ref = {};
  if (letters) ref.column = lettersToColumn(letters);
  if (digits) {
    ref.row = Number(digits);
    if (ref.row < 1) return undefined;
  }
  return ref;
}

/** Splits "'Sheet ''x'''!A1" into the sheet name and the range part. */
function splitSheet(a1: string): { sheetName?: string; rest: string } | undefined {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { rest: a1 };
  let name = a1.slice(0, bang).trim();
  if (name.startsWith("'")) {
    if (!name.endsWith("'") || name.length < 2) return undefined;
    name = name.slice(1, -1).replace(/''/g, "'");
  }
  if (!name) return undefined;
  return { sheetName: name, rest: a1.slice(bang + 1) };
}

/** Parses A1 notation, or returns undefined when it is not valid. */
export function parseA1(a1: string): A1Range | undefined {
  if (typeof a1 !== 'string') return undefined;
  const split = splitSheet(a1.trim());
  if (!split) return undefined;
  const parts = split.rest.split(':');
  if (parts.length > 2) return undefined;
  const a = parseRef(parts[0] ?? '');
  if (!a) return undefined;
  const out: A1Range = {};
  if (split.sheetName !== undefined) out.sheetName = split.sheetName;
  if (parts.length === 1) {
    // A single reference must be a cell.
    if (a.row === undefined || a.column === undefined) return undefined;
    return { ...out, startRow: a.row, startColumn: a.column, endRow: a.row, endColumn: a.column };
  }
  const b = parseRef(parts[1] ?? '');
  if (!b) return undefined;
  // 'A:A' / 'A2:A' / 'A:B5' (columns); '1:3' (rows); a mix like '1:B' is invalid.
  if ((a.column === undefined) !== (b.column === undefined)) return undefined;
  const rows = [a.row, b.row].filter((r): r is number => r !== undefined);
  const cols = [a.column, b.column].filter((c): c is number => c !== undefined);
  if (cols.length === 2) {
    out.startColumn = Math.min(cols[0] as number, cols[1] as number);
    out.endColumn = Math.max(cols[0] as number, cols[1] as number);
  }
  if (rows.length === 2) {
    out.startRow = Math.min(rows[0] as number, rows[1] as number);
    out.endRow = Math.max(rows[0] as number, rows[1] as number);
  } else if (rows.length === 1) {
    out.startRow = rows[0] as number; // 'A2:A' runs from row 2 to the last row
  }
  return out;
}

function cellA1(row: number, column: number): string {
  return `${columnToLetters(column)}${row}`;
}

export function rangeA1(row: number, column: number, numRows: number, numColumns: number): string {
  const start = cellA1(row, column);
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${cellA1(row + numRows - 1, column + numColumns - 1)}`;
}
