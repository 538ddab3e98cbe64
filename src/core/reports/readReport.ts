// Entry points: a pasted report, or a sheet range, read into normalised rows with row-and-column errors.
import { Columns } from './columns';
import { parseDelimited } from './delimited';
import { detectShape, sniffText, type TextKind } from './detect';
import { looksLikeValue } from './reportValues';
import { adaptAbaReturn, abaDescriptiveDate } from './shapes/abaReturn';
import { readDebitsuccess } from './shapes/debitsuccess';
import { readEzidebit } from './shapes/ezidebit';
import { readMapped } from './shapes/mapped';
import { tableFromCells, unsplitText } from './sheetCells';
import { isBlankRow, type Table } from './table';
import type { TableResult } from './tableRows';
import {
  ReportFormatError,
  type ReadReport,
  type ReadReportOptions,
  type ReportShape,
  type SheetCell,
} from './types';

const NOT_A_REPORT: Partial<Record<TextKind, string>> = {
  empty: 'The report is empty',
  binary: 'This is not a text report (it contains binary data): export the report as CSV',
  html: 'This is a web page (HTML), not a report: export the report as CSV and paste that',
  xml: 'This is XML, not a report: export the report as CSV and paste that',
  json: 'This is JSON, not a report: export the report as CSV and paste that',
  'aba-debit':
    "This is an ABA debit file (the debits sent to the bank), not a report of what happened to them: paste the bank's return file or the DD company's report",
};

function unrecognised(table: Table): string {
  const { headers } = table;
  if (headers.length === 1) {
    return `The report has only one column ("${headers[0] ?? ''}"): its columns should be separated by commas, tabs, pipes or semicolons`;
  }
  const filled = headers.filter((h) => h !== '');
  if (filled.filter((h) => looksLikeValue(h)).length * 2 >= filled.length) {
    return `The report has no header row: ${table.source === 'text' ? 'line' : 'row'} ${table.headerRowNumber} holds values, not column names`;
  }
  const shown = filled.slice(0, 8).join(', ') + (filled.length > 8 ? ', …' : '');
  return `Not a recognised payment report (columns: ${shown}): map its columns to read it`;
}

/**
 * Reads a report already split into a table (reportTable's): what readReportText or readReportCells
 * returns for the input the table came from, without splitting it again.
 */
export function readReportTable(table: Table, opts: ReadReportOptions = {}): ReadReport {
  return readTable(table, opts);
}

function readTable(table: Table, opts: ReadReportOptions): ReadReport {
  const reading = { dayFirst: opts.dayFirst ?? true, toStudioDate: opts.toStudioDate };
  const columns = new Columns(table.headers);
  const { mapping } = opts;
  const detected = mapping ? null : detectShape(table.headers);
  if (!mapping && detected === null) throw new ReportFormatError(unrecognised(table));
  if (table.rows.every((r) => isBlankRow(r.cells))) {
    throw new ReportFormatError('The report has a header row but no payment rows');
  }
  let shape: ReportShape;
  let result: TableResult;
  if (mapping) [shape, result] = ['mapped', readMapped(table, columns, mapping, reading)];
  else if (detected === 'ezidebit') [shape, result] = [detected, readEzidebit(table, columns, reading)];
  else [shape, result] = ['debitsuccess', readDebitsuccess(table, columns, reading)];
  return { shape, headers: table.headers, ...result };
}

function readAbaReturnText(text: string, opts: ReadReportOptions): ReadReport {
  if (!opts.parseAbaReturn) {
    throw new ReportFormatError('This is an ABA return file, and no ABA return reader was supplied');
  }
  let records;
  try {
    records = opts.parseAbaReturn(text);
  } catch (e) {
    const why = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
    throw new ReportFormatError(`The ABA return file cannot be read: ${why}`);
  }
  return adaptAbaReturn(records, opts.abaProcessed ?? abaDescriptiveDate(text) ?? undefined);
}

/**
 * Reads a pasted report: Ezidebit or Debitsuccess (recognised by their headers), a bank's ABA return
 * file (by its fixed-width records), or any delimited report through opts.mapping. Throws
 * ReportFormatError when the text as a whole is not a readable report; a row that does not read goes
 * to errors, and the other rows are still read.
 */
export function readReportText(text: string, opts: ReadReportOptions = {}): ReadReport {
  const kind = sniffText(text);
  const notReport = NOT_A_REPORT[kind];
  if (notReport !== undefined) throw new ReportFormatError(notReport);
  if (kind === 'aba-return') return readAbaReturnText(text, opts);
  return readTable(parseDelimited(text), opts);
}

/**
 * The same for rows pasted into a sheet tab: the first non-empty row is the header, rowNumber is the
 * 1-based index into `cells`. A report pasted whole into column A is read as text.
 */
export function readReportCells(cells: SheetCell[][], opts: ReadReportOptions = {}): ReadReport {
  const text = unsplitText(cells);
  if (text !== null) return readReportText(text, opts);
  return readTable(tableFromCells(cells), opts);
}

/** A pasted report as a table of cells, for mapping its columns; null for ABA files and non-reports. */
export function reportTable(input: string | SheetCell[][]): Table | null {
  try {
    if (typeof input === 'string') {
      const kind = sniffText(input);
      if (NOT_A_REPORT[kind] !== undefined || kind === 'aba-return') return null;
      return parseDelimited(input);
    }
    const text = unsplitText(input);
    if (text !== null) return reportTable(text);
    return tableFromCells(input);
  } catch {
    return null;
  }
}

/** The header row of a pasted report, for asking the user to map an unrecognised layout; null if none. */
export function reportHeaders(input: string | SheetCell[][]): string[] | null {
  return reportTable(input)?.headers ?? null;
}
