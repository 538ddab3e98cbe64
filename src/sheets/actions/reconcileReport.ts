// Reading the DD report to reconcile: pasted text, or the DD Report tab's cells, through a saved column
// mapping when the layout is not one we know. A report none of whose rows reads is refused with its first
// error; one we cannot read as a whole asks for a mapping.
import {
  errorsByRow,
  headerSignature,
  mappingForm,
  readAbaReturnRecords,
  readReportCells,
  readReportTable,
  readReportText,
  reportTable,
  ReportFormatError,
  type ColumnMapping,
  type MappingForm,
  type ReadReport,
  type SheetCell,
} from '../../core/reports';
import { UserError } from '../errors';
import type { IsoDate } from '../../core/calendar';
import type { LedgerTx } from '../ledgerTx';
import { isSheetDate, type CellValue } from '../port';

export interface ReconcileRequest {
  /** Pasted report text; when absent the DD Report tab is read. */
  text?: string;
  mapping?: ColumnMapping;
  /** Report rows a person confirmed: report row number -> client ID. */
  confirm?: Record<string, string>;
  /** To check rows a person settled: report row number -> paid, reversal or ignore. */
  resolve?: Record<string, string>;
}

/** A report we cannot read as a whole, with its columns (and a mapping to start from) when one would help. */
export class NeedsMapping extends UserError {
  constructor(
    message: string,
    readonly form: MappingForm,
  ) {
    super(message, 'mapping');
  }
}

export function mappingKey(signature: string): string {
  return `studioLedger.mapping.${signature}`;
}

function toSheetCells(values: CellValue[][]): SheetCell[][] {
  return values.map((row) => row.map((v) => (isSheetDate(v) ? { date: v.date } : v)));
}

/** The saved mapping for reports with these headers, if any. */
export function savedMapping(tx: LedgerTx, headers: string[] | null): ColumnMapping | undefined {
  const saved = headers ? tx.port.getProperty(mappingKey(headerSignature(headers))) : null;
  return saved ? (JSON.parse(saved) as ColumnMapping) : undefined;
}

/** The report as given: pasted text, or else the DD Report tab's cells. */
export function reportInput(
  req: ReconcileRequest,
  ddReportCells: CellValue[][] | null,
): string | SheetCell[][] {
  const input: string | SheetCell[][] =
    typeof req.text === 'string' && req.text.trim() ? req.text : toSheetCells(ddReportCells ?? []);
  if (typeof input !== 'string' && !input.some((r) => r.some((c) => c !== '' && c !== null)))
    throw new UserError(
      req.text !== undefined
        ? 'The report is empty: paste the DD report first.'
        : 'The DD Report tab is empty: paste the report there, or into the text box.',
      'text',
    );
  return input;
}

/**
 * Reads the report: date-times with a zone are the studio's dates through toStudioDate; a saved mapping for its columns is used when the layout is not one we know. A report
 * with rows of which none could be read is refused with its first error: there is nothing to reconcile.
 */
export function readReport(
  tx: LedgerTx,
  req: ReconcileRequest,
  dayFirst: boolean,
  ddReportCells: CellValue[][] | null,
  toStudioDate?: (epochMs: number) => IsoDate,
): { report: ReadReport; mapping: MappingForm | null } {
  const input = reportInput(req, ddReportCells);
  const table = reportTable(input);
  const mapping = req.mapping ?? savedMapping(tx, table?.headers ?? null);
  const form = table && mapping ? mappingForm(table, mapping) : null;
  const opts = { mapping, dayFirst, toStudioDate, parseAbaReturn: readAbaReturnRecords };
  let report: ReadReport;
  try {
    // The table read for the mapping is the report's own: split once (an ABA return has none).
    report = table
      ? readReportTable(table, opts)
      : typeof input === 'string'
        ? readReportText(input, opts)
        : readReportCells(input, opts);
  } catch (e) {
    if (e instanceof ReportFormatError) {
      const message = `${e.message}.`.replace(/\.\.$/, '.');
      if (table && table.headers.length > 1 && (form || /map its columns/.test(e.message)))
        throw new NeedsMapping(message, form ?? mappingForm(table));
      throw new UserError(message, 'text');
    }
    throw e;
  }
  if (!report.rows.length && report.errors.length) {
    const rows = errorsByRow(report.errors);
    const source = typeof req.text === 'string' && req.text.trim() ? 'the report' : 'the DD Report tab';
    const message = `No row of ${source} could be read (${rows.length} row${rows.length === 1 ? '' : 's'} with errors). ${rows[0]!.message}.`;
    if (report.shape === 'mapped' && form) throw new NeedsMapping(message, form);
    throw new UserError(message, 'text');
  }
  return { report, mapping: report.shape === 'mapped' ? form : null };
}
