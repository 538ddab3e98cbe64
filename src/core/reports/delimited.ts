// Pasted report text -> a table of cells, with each row's line number. Papaparse does the quoting.
import Papa from 'papaparse';
import { firstLine } from './detect';
import { ReportFormatError } from './types';
import type { Table, TableRow } from './table';

export type Delimiter = ',' | '\t' | '|' | ';';

/** In order of preference when two appear equally often in the header line. */
const DELIMITERS: Delimiter[] = ['\t', '|', ',', ';'];

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** CRLF and lone CR become LF, so line numbers count the same whatever system wrote the file. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The delimiter that appears most often outside quotes in the header line; comma if none does. */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const n = counts.get(d) ?? 0;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes: 'a quoted value is never closed (a " is missing)',
  InvalidQuotes: 'a quoted value has text after its closing "',
};

/** How many line breaks a cell holds (a quoted value may span lines); most hold none. */
function lineBreaks(cell: string): number {
  let n = 0;
  for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) n++;
  return n;
}

/**
 * Splits text into rows and cells. The first non-blank line is the header; blank lines after it stay
 * in (the caller skips them), so every row keeps its 1-based line number in the pasted text.
 */
export function parseDelimited(text: string): Table {
  const clean = normaliseNewlines(stripBom(text)).replace(/\n$/, '');
  const headerLine = firstLine(clean);
  if (headerLine === undefined) throw new ReportFormatError('The report is empty');
  const parsed = Papa.parse<string[]>(clean, {
    delimiter: detectDelimiter(headerLine),
    newline: '\n',
    quoteChar: '"',
    skipEmptyLines: false,
  });
  const problems = new Map<number, string>();
  for (const e of parsed.errors) {
    const msg = QUOTE_PROBLEMS[e.code];
    if (msg !== undefined && e.row !== undefined && !problems.has(e.row)) problems.set(e.row, msg);
  }
  const rows: TableRow[] = [];
  let line = 1;
  parsed.data.forEach((cells, i) => {
    const span = cells.reduce((n, c) => n + lineBreaks(c), 0);
    let problem = problems.get(i);
    if (problem !== undefined && span > 0) {
      // A stray quote swallows the line breaks after it: say which lines ran together.
      problem = `a quote is not closed, so lines ${line} to ${line + span} run together and cannot be read`;
    }
    rows.push(problem === undefined ? { rowNumber: line, cells } : { rowNumber: line, cells, problem });
    line += 1 + span;
  });
  const headerIndex = rows.findIndex((r) => r.cells.some((c) => typeof c === 'string' && c.trim() !== ''));
  const header = rows[headerIndex];
  if (header === undefined) throw new ReportFormatError('The report is empty');
  if (header.problem !== undefined) {
    throw new ReportFormatError(
      `The header line (line ${header.rowNumber}) cannot be read: ${header.problem}`,
    );
  }
  return {
    source: 'text',
    headerRowNumber: header.rowNumber,
    headers: trimHeaders(header.cells.map((c) => (typeof c === 'string' ? c : String(c)))),
    rows: rows.slice(headerIndex + 1),
  };
}

/** Header cells trimmed; trailing blank header cells (a trailing delimiter) dropped. */
export function trimHeaders(cells: string[]): string[] {
  const headers = cells.map((c) => stripBom(c).replace(/\s+/g, ' ').trim());
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  return headers;
}
