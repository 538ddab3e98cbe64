// The WorkbookPort over SpreadsheetApp: one getValues per tab read (per run of columns, for a tab read by
// its columns), one setValues per block.
// Date cells go through the zone's calendar (Utilities.formatDate, see ./zonedDate); text is written into
// plain-text cells; grids grow only as far as the writes reach (Sheets caps a spreadsheet's cells).
import { calendarFor, type ZoneCalendar } from './zonedDate';
import { toCells } from './toCells';
import { SheetValues } from './toSheet';
import type {
  CellBlock,
  CellValue,
  CellWrite,
  ColumnFormat,
  ColumnPick,
  TabContent,
  TabHead,
  TabLayout,
  TabSnapshot,
  WorkbookPort,
} from '../sheets/port';
import { columnSnapshot, HEAD_ROWS, isSheetFormula } from '../sheets/port';
import { widest } from '../sheets/ledgerTx';

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

  private calendar(): ZoneCalendar {
    return calendarFor(this.timeZone());
  }

  private sheet(name: string): Sheet | null {
    if (!this.sheets.has(name)) this.sheets.set(name, this.ss.getSheetByName(name));
    return this.sheets.get(name) ?? null;
  }

  readTabs(names: readonly string[]): Record<string, TabSnapshot | null> {
    const cal = this.calendar();
    const out: Record<string, TabSnapshot | null> = {};
    for (const name of names) {
      const sheet = this.sheet(name);
      if (!sheet) {
        out[name] = null;
        continue;
      }
      const values = toCells(sheet.getDataRange().getValues() as unknown[][], cal);
      const grid = { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() };
      out[name] = { name, values, grid };
    }
    return out;
  }

  readHeads(names: readonly string[]): Record<string, TabHead | null> {
    const cal = this.calendar();
    const out: Record<string, TabHead | null> = {};
    for (const name of names) {
      const sheet = this.sheet(name);
      if (!sheet) {
        out[name] = null;
        continue;
      }
      const lastRow = sheet.getLastRow();
      const lastColumn = sheet.getLastColumn();
      const rows = Math.min(HEAD_ROWS, lastRow);
      const values =
        rows > 0 && lastColumn > 0
          ? toCells(sheet.getRange(1, 1, rows, lastColumn).getValues() as unknown[][], cal)
          : [];
      const below = lastRow > rows ? lastFilledBelow(sheet, rows, lastRow, lastColumn) : 0;
      out[name] = {
        name,
        values,
        lastRow: below || lastFilled(values, 1),
        grid: { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() },
      };
    }
    return out;
  }

  readColumn(tab: string, column: number, row: number, numRows: number): CellValue[] {
    const sheet = this.sheet(tab);
    if (!sheet || numRows < 1) return [];
    const raw = sheet.getRange(row, column, numRows, 1).getValues() as unknown[][];
    return toCells(raw, this.calendar()).map((r) => r[0] ?? '');
  }

  readColumns(name: string, pick: (head: TabHead) => ColumnPick): TabSnapshot | null {
    const head = this.readHeads([name])[name];
    const sheet = this.sheet(name);
    if (!head || !sheet) return null;
    const cal = this.calendar();
    return columnSnapshot(head, pick(head), (row, column, numRows, numColumns) =>
      toCells(sheet.getRange(row, column, numRows, numColumns).getValues() as unknown[][], cal),
    );
  }

  readFormulas(tab: string, row: number, column: number, numRows: number, numColumns: number): string[][] {
    const sheet = this.sheet(tab);
    const blank = (): string[][] => Array.from({ length: numRows }, () => Array<string>(numColumns).fill(''));
    if (!sheet) return blank();
    // A block may reach past the grid (rows it appends): those cells hold nothing yet.
    const rows = Math.min(numRows, sheet.getMaxRows() - row + 1);
    const cols = Math.min(numColumns, sheet.getMaxColumns() - column + 1);
    if (rows < 1 || cols < 1) return blank();
    const read = sheet.getRange(row, column, rows, cols).getFormulas();
    if (rows === numRows && cols === numColumns) return read;
    const out = blank();
    read.forEach((r, i) => r.forEach((f, j) => (out[i]![j] = f)));
    return out;
  }

  writeBlocks(tab: string, blocks: readonly CellBlock[]): void {
    const sheet = this.sheet(tab);
    if (!sheet) throw new Error(`The ${tab} tab is missing. Run Studio Ledger > Set up workbook.`);
    const cal = this.calendar();
    // Grow the grid exactly as far as the blocks reach: every spare cell counts toward Sheets' cap.
    const lastRow = Math.max(...blocks.map((b) => b.row + b.values.length - 1));
    const lastColumn = Math.max(...blocks.map((b) => b.column + (b.values[0]?.length ?? 1) - 1));
    const maxRows = sheet.getMaxRows();
    if (lastRow > maxRows) sheet.insertRowsAfter(maxRows, lastRow - maxRows);
    const maxCols = sheet.getMaxColumns();
    if (lastColumn > maxCols) sheet.insertColumnsAfter(maxCols, lastColumn - maxCols);
    for (const b of blocks) {
      if (!b.values.length) continue;
      const width = b.values[0]!.length;
      for (const [start, count] of textRuns(b.textColumns)) {
        setPlainText(sheet.getRange(b.row, b.column + start, b.values.length, count), b.values, start, count);
      }
      const values = new SheetValues(cal).rows(b.values, width);
      sheet.getRange(b.row, b.column, values.length, width).setValues(values);
    }
  }

  applyLayout(layout: TabLayout): void {
    let sheet = this.sheet(layout.name);
    if (!sheet) {
      sheet = this.ss.insertSheet(layout.name);
      this.sheets.set(layout.name, sheet);
      if (layout.hidden) sheet.hideSheet();
      // A new tab gets its own columns, not Sheets' 26: every cell counts toward the cap.
      const want = layout.addHeaders.length;
      const have = sheet.getMaxColumns();
      if (want > 0 && have > want) sheet.deleteColumns(want + 1, have - want);
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
    const cal = this.calendar();
    const width = widest(content.values, 1);
    const height = Math.max(1, content.values.length);
    sheet.clearContents();
    const maxRows = sheet.getMaxRows();
    const maxCols = sheet.getMaxColumns();
    sheet.getRange(1, 1, maxRows, maxCols).clearDataValidations().setFontWeight('normal');
    if (height > maxRows) sheet.insertRowsAfter(maxRows, height - maxRows);
    if (width > maxCols) sheet.insertColumnsAfter(maxCols, width - maxCols);
    for (const f of content.formats) {
      if (f.numRows > 0) applyFormat(sheet.getRange(f.row, f.column, f.numRows, 1), f.format);
    }
    const rows = content.values;
    if (rows.length) {
      // Every text cell is plain text before its text goes in, so Sheets parses none of it; the other
      // cells keep the number format the content gives them. Rows shorter than the widest get ''.
      const byColumn = formatsByColumn(content, width);
      const formats = rows.map((row, i) => {
        const out = new Array<string>(width);
        for (let j = 0; j < width; j++)
          out[j] = cellFormat(j < row.length ? row[j]! : '', byColumn[j]!, i + 1);
        return out;
      });
      const block = sheet.getRange(1, 1, rows.length, width);
      block.setNumberFormats(formats);
      block.setValues(new SheetValues(cal).rows(rows, width));
    }
    for (const r of content.boldRows) sheet.getRange(r, 1, 1, width).setFontWeight('bold');
    sheet.setFrozenRows(content.frozenRows);
  }

  gridSizes(): { name: string; rows: number; columns: number }[] {
    return this.ss
      .getSheets()
      .map((s) => ({ name: s.getName(), rows: s.getMaxRows(), columns: s.getMaxColumns() }));
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

/** Blank as readTable counts it: empty, or only spaces. */
function isBlankCell(v: unknown): boolean {
  return v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** The sheet row (rows[0] being sheet row `top`) of the last row holding more than blanks, or 0. */
function lastFilled(rows: readonly (readonly unknown[])[], top: number): number {
  for (let i = rows.length - 1; i >= 0; i--) if (!rows[i]!.every(isBlankCell)) return top + i;
  return 0;
}

/**
 * The last row below `head` holding more than blanks (0 when none), where a whole read would find it:
 * getLastRow also counts a formula showing "" (a user's column filled down past the data), so the rows
 * above it are read, twice as many each time, until one holds something. Without such rows that is one
 * read of the last few rows.
 */
function lastFilledBelow(sheet: Sheet, head: number, lastRow: number, lastColumn: number): number {
  let bottom = lastRow;
  for (let step = HEAD_ROWS; bottom > head; step *= 2) {
    const top = Math.max(head + 1, bottom - step + 1);
    const found = lastFilled(sheet.getRange(top, 1, bottom - top + 1, lastColumn).getValues(), top);
    if (found) return found;
    bottom = top - 1;
  }
  return 0;
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

/** A number format the content gives some rows of a column. */
interface RowsFormat {
  row: number;
  numRows: number;
  numberFormat: string;
}

/**
 * Each column's number formats of the content, the last given first (the one that wins), without the
 * lists and checkboxes (validations, not number formats): a cell looks at its own column's only.
 */
function formatsByColumn(content: TabContent, width: number): RowsFormat[][] {
  const out: RowsFormat[][] = Array.from({ length: width }, () => []);
  for (let k = content.formats.length - 1; k >= 0; k--) {
    const { row, column, numRows, format } = content.formats[k]!;
    const kind = format.kind;
    if (kind === 'list' || kind === 'checkbox' || column < 1 || column > width) continue;
    out[column - 1]!.push({ row, numRows, numberFormat: NUMBER_FORMATS[kind] });
  }
  return out;
}

/** The number format a regenerated cell gets before it is written: text as plain text. */
function cellFormat(v: CellWrite, formats: readonly RowsFormat[], row: number): string {
  if (isSheetFormula(v)) return AUTOMATIC_FORMAT;
  if (typeof v === 'string' && v !== '') return NUMBER_FORMATS.text;
  for (let k = 0; k < formats.length; k++) {
    const f = formats[k]!;
    if (row >= f.row && row < f.row + f.numRows) return f.numberFormat;
  }
  return AUTOMATIC_FORMAT;
}
