// rewriteTab looks up each cell's number format in its own column's formats (formatsByColumn): the
// block's formats must be those the content gives each cell, the last given winning where formats
// overlap, lists and checkboxes (validations) giving none, text as plain text, formulas automatic.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NUMBER_FORMATS, SpreadsheetPort } from '../../src/addon/spreadsheetPort';
import { createAppsScript } from '../../src/local/gas';
import type { CellWrite, ColumnFormat, TabContent } from '../../src/sheets/port';

const AUTOMATIC = '0.###############';
const KINDS: ColumnFormat[] = [
  { kind: 'date' },
  { kind: 'datetime' },
  { kind: 'money' },
  { kind: 'integer' },
  { kind: 'text' },
  { kind: 'list', values: ['Yes', 'No'] },
  { kind: 'checkbox' },
];

/** The format of a cell as the content says it, read straight from the whole list (the last given wins). */
function asked(v: CellWrite, content: TabContent, row: number, column: number): string {
  if (typeof v === 'object' && v !== null && 'formula' in v) return AUTOMATIC;
  if (typeof v === 'string' && v !== '') return NUMBER_FORMATS.text;
  for (let k = content.formats.length - 1; k >= 0; k--) {
    const f = content.formats[k]!;
    if (f.column !== column || row < f.row || row >= f.row + f.numRows) continue;
    if (f.format.kind === 'list' || f.format.kind === 'checkbox') continue;
    return NUMBER_FORMATS[f.format.kind];
  }
  return AUTOMATIC;
}

let emu: ReturnType<typeof createAppsScript>;
const g = globalThis as { SpreadsheetApp?: unknown };
beforeAll(() => {
  emu = createAppsScript({ timeZone: 'Australia/Sydney' });
  g.SpreadsheetApp = emu.globals.SpreadsheetApp;
});
afterAll(() => delete g.SpreadsheetApp);

function written(content: TabContent): string[][] {
  const port = new SpreadsheetPort(emu.spreadsheet as never);
  port.rewriteTab('Review', content);
  const sheet = emu.spreadsheet.getSheetByName('Review')!;
  const width = Math.max(1, ...content.values.map((r) => r.length));
  return sheet.getRange(1, 1, content.values.length, width).getNumberFormats() as string[][];
}
const expectedOf = (content: TabContent): string[][] => {
  const width = Math.max(1, ...content.values.map((r) => r.length));
  return content.values.map((row, i) =>
    Array.from({ length: width }, (_, j) => asked(j < row.length ? row[j]! : '', content, i + 1, j + 1)),
  );
};

describe('rewriteTab number formats', () => {
  it('overlapping formats: the last given wins; a list over a money column leaves it money', () => {
    const content: TabContent = {
      values: [
        ['Date', 'Amount', 'Done', 'Note'],
        [12, 10, true, ''],
        [13, 20, false, 'x'],
        [14, { formula: '=B2+B3' }, '', 5],
      ],
      formats: [
        { row: 2, column: 1, numRows: 3, format: { kind: 'date' } },
        { row: 2, column: 2, numRows: 3, format: { kind: 'money' } },
        { row: 3, column: 1, numRows: 1, format: { kind: 'integer' } },
        { row: 2, column: 2, numRows: 3, format: { kind: 'list', values: ['a'] } },
        { row: 2, column: 3, numRows: 3, format: { kind: 'checkbox' } },
        { row: 4, column: 4, numRows: 1, format: { kind: 'datetime' } },
        { row: 2, column: 9, numRows: 3, format: { kind: 'money' } },
      ],
      boldRows: [1],
      frozenRows: 1,
    };
    const A = AUTOMATIC;
    expect(written(content)).toEqual([
      ['@', '@', '@', '@'],
      ['dd/mm/yyyy', '$#,##0.00', A, A],
      ['0', '$#,##0.00', A, '@'],
      ['dd/mm/yyyy', A, A, 'dd/mm/yyyy hh:mm:ss'],
    ]);
  });

  it('random contents: every cell of the block gets the format the content gives it', () => {
    const cell = fc.oneof(
      fc.constantFrom<CellWrite>('', 'text', 0, 12.5, true, { formula: '=1+1' }, { date: '2016-09-16' }),
    );
    const format = fc.record({
      row: fc.integer({ min: 1, max: 7 }),
      column: fc.integer({ min: 1, max: 7 }),
      numRows: fc.integer({ min: 0, max: 6 }),
      format: fc.constantFrom(...KINDS),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 6 }), { minLength: 1, maxLength: 6 }),
        fc.array(format, { maxLength: 12 }),
        (values, formats) => {
          const content: TabContent = { values, formats, boldRows: [], frozenRows: 0 };
          expect(written(content)).toEqual(expectedOf(content));
        },
      ),
      { numRuns: 300 },
    );
  });
});
