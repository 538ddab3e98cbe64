// The WorkbookPort over SpreadsheetApp: one getValues + getFormulas per tab read, one setValues per block.
import { isoDateInZone, midnightInZone } from './zonedDate';
import type {
  CellBlock,
  CellValue,
  CellWrite,
  ColumnFormat,
  TabContent,
  TabLayout,
  TabSnapshot,
  WorkbookPort,
} from '../sheets/port';
import { isSheetDate, isSheetFormula } from '../sheets/port';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const NUMBER_FORMATS = {
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm:ss',
  money: '$#,##0.00',
  integer: '0',
  text: '@',
} as const;

/** The width Sheets gives a column nobody sized. */
const DEFAULT_COLUMN_WIDTH = 100;

/** The number format of a cell nobody formatted. */
const AUTOMATIC_FORMAT = '0.###############';

export class SpreadsheetPort implements WorkbookPort {
  private zone: string | null = null;
  private readonly sheets = new Map<string, Sheet | null>();

  constructor(private readonly ss: Spreadsheet) {}

  timeZone(): string {
    if (!this.zone) this.zone = this.ss.getSpreadsheetTimeZone();
    return this.zone;
  }

  private sheet(name: string): Sheet | null {
    if (!this.sheets.has(name)) this.sheets.set(name, this.ss.getSheetByName(name));
    return this.sheets.get(name) ?? null;
  }

  readTabs(names: readonly string[]): Record<string, TabSnapshot | null> {
    const zone = this.timeZone();
    const out: Record<string, TabSnapshot | null> = {};
    for (const name of names) {
      const sheet = this.sheet(name);
      if (!sheet) {
        out[name] = null;
        continue;
      }
      const range = sheet.getDataRange();
      const raw = range.getValues() as unknown[][];
      const formulas = range.getFormulas();
      const values = raw.map((row) => row.map((v): CellValue => fromSheet(v, zone)));
      out[name] = { name, values, formulas };
    }
    return out;
  }

  writeBlocks(tab: string, blocks: readonly CellBlock[]): void {
    const sheet = this.sheet(tab);
    if (!sheet) throw new Error(`The ${tab} tab is missing. Run Studio Ledger > Set up workbook.`);
    const zone = this.timeZone();
    const lastNeeded = Math.max(...blocks.map((b) => b.row + b.values.length - 1));
    const maxRows = sheet.getMaxRows();
    if (lastNeeded > maxRows) sheet.insertRowsAfter(maxRows, lastNeeded - maxRows + 100);
    for (const b of blocks) {
      if (!b.values.length) continue;
      const width = b.values[0]!.length;
      for (const [start, count] of textRuns(b.textColumns)) {
        setPlainText(sheet.getRange(b.row, b.column + start, b.values.length, count), b.values, start, count);
      }
      const values = b.values.map((row) =>
        row.map((v) => (isSheetDate(v) ? midnightInZone(v.date, zone) : isSheetFormula(v) ? v.formula : v)),
      );
      sheet.getRange(b.row, b.column, values.length, width).setValues(values);
    }
  }

  applyLayout(layout: TabLayout): void {
    let sheet = this.sheet(layout.name);
    if (!sheet) {
      sheet = this.ss.insertSheet(layout.name);
      this.sheets.set(layout.name, sheet);
    }
    const headerRow = layout.headerRow;
    if (layout.addHeaders.length) {
      const lastCol = layout.create ? 0 : sheet.getLastColumn();
      const start = layout.create ? 1 : lastColumnOfHeader(sheet, headerRow, lastCol) + 1;
      const needed = start + layout.addHeaders.length - 1;
      const maxCols = sheet.getMaxColumns();
      if (needed > maxCols) sheet.insertColumnsAfter(maxCols, needed - maxCols);
      sheet.getRange(headerRow, start, 1, layout.addHeaders.length).setValues([[...layout.addHeaders]]);
    }
    if (layout.boldHeader)
      sheet.getRange(headerRow, 1, 1, Math.max(1, sheet.getLastColumn())).setFontWeight('bold');
    if (layout.frozenRows) sheet.setFrozenRows(layout.frozenRows);
    for (const { column, width } of layout.columnWidths) {
      // A column the user sized keeps its width; only a new tab's columns are known to be unsized.
      if (width === DEFAULT_COLUMN_WIDTH) continue;
      if (layout.create || sheet.getColumnWidth(column) === DEFAULT_COLUMN_WIDTH)
        sheet.setColumnWidth(column, width);
    }
    for (const { row, column, format } of layout.cellFormats)
      applyFormat(sheet.getRange(row, column), format);
    const rows = sheet.getMaxRows() - headerRow;
    if (rows < 1) return;
    for (const { column, format } of layout.columnFormats) {
      applyFormat(sheet.getRange(headerRow + 1, column, rows, 1), format);
    }
  }

  rewriteTab(name: string, content: TabContent): void {
    let sheet = this.sheet(name);
    if (!sheet) {
      sheet = this.ss.insertSheet(name);
      this.sheets.set(name, sheet);
    }
    const zone = this.timeZone();
    const width = Math.max(1, ...content.values.map((r) => r.length));
    const height = Math.max(1, content.values.length);
    sheet.clearContents();
    const maxRows = sheet.getMaxRows();
    const maxCols = sheet.getMaxColumns();
    sheet.getRange(1, 1, maxRows, maxCols).clearDataValidations().setFontWeight('normal');
    if (height > maxRows) sheet.insertRowsAfter(maxRows, height - maxRows + 100);
    if (width > maxCols) sheet.insertColumnsAfter(maxCols, width - maxCols);
    const values = content.values.map((row) => {
      const out = row.map((v) =>
        isSheetDate(v) ? midnightInZone(v.date, zone) : isSheetFormula(v) ? v.formula : v,
      );
      while (out.length < width) out.push('');
      return out;
    });
    if (values.length) sheet.getRange(1, 1, values.length, width).setValues(values);
    for (const f of content.formats) {
      if (f.numRows > 0) applyFormat(sheet.getRange(f.row, f.column, f.numRows, 1), f.format);
    }
    for (const r of content.boldRows) sheet.getRange(r, 1, 1, width).setFontWeight('bold');
    sheet.setFrozenRows(content.frozenRows);
  }

  getProperty(key: string): string | null {
    return PropertiesService.getDocumentProperties().getProperty(key);
  }

  getProperties(): Record<string, string> {
    return PropertiesService.getDocumentProperties().getProperties();
  }

  setProperties(values: Record<string, string>): void {
    PropertiesService.getDocumentProperties().setProperties(values);
  }
}

/** The last column of the header row that holds a header (user columns after ours count too). */
function lastColumnOfHeader(sheet: Sheet, headerRow: number, lastCol: number): number {
  if (lastCol < 1) return 0;
  const header = sheet.getRange(headerRow, 1, 1, lastCol).getValues()[0] ?? [];
  for (let i = header.length - 1; i >= 0; i--) if (String(header[i]).trim() !== '') return i + 1;
  return 0;
}

/** Contiguous runs [start, count] of sorted column offsets. */
function textRuns(offsets: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const o of [...offsets].sort((a, b) => a - b)) {
    const run = runs[runs.length - 1];
    if (run && run[0] + run[1] === o) run[1]++;
    else runs.push([o, 1]);
  }
  return runs;
}

/**
 * Gives a block's plain-text cells the '@' format before their (unquoted) text is written, so it lands
 * as text even where a user removed the column's format. One call per run: a cell the block writes a
 * formula back into gets the automatic format instead, since '@' would turn the formula into text.
 */
function setPlainText(
  range: GoogleAppsScript.Spreadsheet.Range,
  values: readonly (readonly CellWrite[])[],
  start: number,
  count: number,
): void {
  const hasFormula = values.some((row) => row.slice(start, start + count).some(isSheetFormula));
  if (!hasFormula) {
    range.setNumberFormat(NUMBER_FORMATS.text);
    return;
  }
  range.setNumberFormats(
    values.map((row) =>
      row
        .slice(start, start + count)
        .map((v) => (isSheetFormula(v) ? AUTOMATIC_FORMAT : NUMBER_FORMATS.text)),
    ),
  );
}

function applyFormat(range: GoogleAppsScript.Spreadsheet.Range, format: ColumnFormat): void {
  switch (format.kind) {
    case 'date':
    case 'datetime':
    case 'money':
    case 'integer':
    case 'text':
      range.setNumberFormat(NUMBER_FORMATS[format.kind]);
      return;
    case 'list':
      range.setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInList([...format.values], true)
          .setAllowInvalid(false)
          .build(),
      );
      return;
    case 'checkbox':
      range.setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
      return;
  }
}

function fromSheet(v: unknown, zone: string): CellValue {
  if (v instanceof Date) return { date: isoDateInZone(v, zone) };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v === null || v === undefined) return '';
  // A Date from another realm (the vm context in tests) is still a date.
  if (Object.prototype.toString.call(v) === '[object Date]') return { date: isoDateInZone(v as Date, zone) };
  return String(v);
}
