import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { zonedMidnight, type CellModel, type SheetModel } from '../../../src/local/gas';
import {
  CHECKBOX_MARKER,
  META_SHEET,
  readWorkbook,
  readWorkbookBytes,
  workbookBytes,
  writeWorkbook,
  type WorkbookFile,
} from '../../../src/local/xlsx';
import { sheet, tempFile, useTempDir } from './helpers';

const SYDNEY = 'Australia/Sydney';
const NEW_YORK = 'America/New_York';

async function roundTrip(wb: WorkbookFile): Promise<WorkbookFile> {
  return readWorkbookBytes(await workbookBytes(wb));
}

function book(sheets: SheetModel[], extra: Partial<WorkbookFile> = {}): WorkbookFile {
  return { timeZone: SYDNEY, sheets, documentProperties: {}, ...extra };
}

async function rawBook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const b = new ExcelJS.Workbook();
  await b.xlsx.load(bytes as unknown as ArrayBuffer);
  return b;
}

async function bytesOf(b: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await b.xlsx.writeBuffer()) as ArrayBuffer);
}

type Validations = Record<string, ExcelJS.DataValidation | undefined>;
function validationsOf(ws: ExcelJS.Worksheet): Validations {
  return (ws as unknown as { dataValidations: { model: Validations } }).dataValidations.model;
}

describe('tabs', () => {
  const tmp = useTempDir();

  it('keeps every tab in order with its name, hidden state, frozen rows, widths and size', async () => {
    const wb = book([
      sheet('Settings', { columnWidths: { 1: 200, 2: 68, 3: 3 } }),
      sheet('Clients', { frozenRows: 1, maxRows: 5000, maxColumns: 30, rows: [[{ value: 'Client ID' }]] }),
      sheet('Log', { hidden: true, frozenRows: 2 }),
      sheet('Small', {
        maxRows: 3,
        maxColumns: 2,
        rows: [[], [], [], [], [{ value: 'x' }, { value: 'y' }, { value: 'z' }]],
      }),
    ]);
    const path = tempFile(tmp());
    await writeWorkbook(path, wb);
    const back = await readWorkbook(path);
    expect(back.sheets.map((s) => [s.name, s.hidden, s.frozenRows, s.maxRows, s.maxColumns])).toEqual([
      ['Settings', false, 0, 1000, 26],
      ['Clients', false, 1, 5000, 30],
      ['Log', true, 2, 1000, 26],
      // never smaller than the used area
      ['Small', false, 0, 5, 3],
    ]);
    // 3 px is below what Excel can show without hiding the column: it comes back as 6 px.
    expect(back.sheets[0]!.columnWidths).toEqual({ 1: 200, 2: 68, 3: 6 });
    expect(back.sheets[1]!.columnWidths).toBeUndefined();
    expect(back.sheets.map((s) => s.name)).not.toContain(META_SHEET);
  });

  it('keeps names Excel cannot hold (Sheets allows them) under a legal xlsx name', async () => {
    const names = [
      'Q1: Sales/Returns [draft]',
      'A tab name that is much longer than thirty-one characters',
      'A tab name that is much longer than thirty-one characters, too',
      'History',
      META_SHEET,
      "'quoted'",
    ];
    const bytes = await workbookBytes(book(names.map((n) => sheet(n))));
    const raw = await rawBook(bytes);
    for (const ws of raw.worksheets) {
      expect(ws.name.length).toBeLessThanOrEqual(31);
      expect(ws.name).not.toMatch(/[[\]:*?/\\]|^'|'$/);
    }
    expect(raw.worksheets.filter((w) => w.name.toLowerCase() === META_SHEET)).toHaveLength(1);
    const back = await readWorkbookBytes(bytes);
    expect(back.sheets.map((s) => s.name)).toEqual(names);
  });

  it('refuses duplicate names and an unknown time zone (nothing is written)', async () => {
    await expect(workbookBytes(book([sheet('A'), sheet('a')]))).rejects.toThrow(/Duplicate sheet name/);
    await expect(workbookBytes(book([sheet('A')], { timeZone: 'Mars/Olympus' }))).rejects.toThrow(
      /time zone/,
    );
  });

  it('keeps the time zone and document properties; the metadata tab is veryHidden and not a tab', async () => {
    const props = {
      nextInvoiceId: '000123',
      empty: '',
      unicode: 'Café — ✓',
      json: '{"a":[1,2]}',
      eq: '=1+1',
    };
    const bytes = await workbookBytes(
      book([sheet('Only')], { timeZone: NEW_YORK, documentProperties: props }),
    );
    const back = await readWorkbookBytes(bytes, { timeZone: SYDNEY });
    expect(back.timeZone).toBe(NEW_YORK);
    expect(back.documentProperties).toEqual(props);
    expect(back.sheets.map((s) => s.name)).toEqual(['Only']);
    const raw = await rawBook(bytes);
    expect(raw.getWorksheet(META_SHEET)!.state).toBe('veryHidden');
    // A formula-looking property is stored as text, not as a formula.
    const cells: ExcelJS.CellValue[] = [];
    raw.getWorksheet(META_SHEET)!.eachRow((row) => row.eachCell((c) => cells.push(c.value)));
    expect(cells).toContain('=1+1');
    expect(cells.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
  });
});

describe('values', () => {
  it('text (formula-looking too), numbers, booleans, empty cells and formulas with their result', async () => {
    const texts = [
      '=HYPERLINK("x")',
      '=1+1',
      "'quoted",
      '  padded  ',
      'two\nlines',
      '#N/A',
      '0012',
      'TRUE',
      '1e3',
    ];
    const numbers = [0, -1.5, 1e-7, 123456789.123, 2 ** 53, 0.1 + 0.2];
    const rows: CellModel[][] = [
      texts.map((value) => ({ value })),
      numbers.map((value) => ({ value })),
      [{ value: true }, { value: false }, { value: '' }, { value: 'after a gap' }],
      [
        { value: 440, formula: '=C2*2' },
        { value: 'Paid', formula: '=IF(A1="x","Open","Paid")' },
        { value: true, formula: '=ISBLANK(Z1)' },
        { value: '', formula: '=NOW()' },
        {
          value: zonedMidnight(2016, 9, 13, SYDNEY),
          formula: '=DATE(2016,9,13)',
          numberFormat: 'dd/mm/yyyy',
        },
      ],
    ];
    const back = await roundTrip(book([sheet('Values', { rows })]));
    expect(back.sheets[0]!.rows).toEqual(rows);
  });

  it('writes text that looks like a formula as text and formulas as formulas (raw file)', async () => {
    const bytes = await workbookBytes(
      book([sheet('S', { rows: [[{ value: '=HYPERLINK("x")' }, { value: 2, formula: '=1+1' }]] })]),
    );
    const ws = (await rawBook(bytes)).getWorksheet('S')!;
    expect(ws.getCell('A1').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A1').formula).toBeUndefined();
    expect(ws.getCell('B1').value).toEqual({ formula: '1+1', result: 2 });
  });

  it('a number Excel cannot hold becomes #NUM!', async () => {
    const back = await roundTrip(
      book([sheet('S', { rows: [[{ value: Number.NaN }, { value: Infinity }]] })]),
    );
    expect(back.sheets[0]!.rows[0]).toEqual([{ value: '#NUM!' }, { value: '#NUM!' }]);
  });

  it('columns a user added keep their headers and values', async () => {
    const rows: CellModel[][] = [
      ['Client ID', 'Name', 'Email', 'Favourite Trainer', 'Notes'].map((value) => ({
        value,
        fontWeight: 'bold' as const,
      })),
      [{ value: 'C-1' }, { value: 'Ann' }, { value: 'ann@example.com' }, { value: 'Sam' }, { value: 'knee' }],
      [{ value: 'C-2' }, { value: 'Bob' }, { value: '' }, { value: '' }, { value: 'back' }],
    ];
    const back = await roundTrip(book([sheet('Clients', { rows })]));
    expect(back.sheets[0]!.rows).toEqual(rows);
  });
});

describe('dates', () => {
  const sydneyDays: [number, number, number][] = [
    [2016, 9, 13],
    [2016, 10, 1],
    [2016, 10, 2], // DST starts in Sydney
    [2016, 10, 3],
    [2017, 4, 1],
    [2017, 4, 2], // DST ends
    [2017, 4, 3],
    [2016, 2, 29],
    [1999, 12, 31],
  ];

  async function check(zone: string, days: [number, number, number][]): Promise<void> {
    const rows: CellModel[][] = days.map(([y, m, d]) => [
      { value: zonedMidnight(y, m, d, zone), numberFormat: 'dd/mm/yyyy' },
    ]);
    const bytes = await workbookBytes(book([sheet('Dates', { rows })], { timeZone: zone }));
    // In the file: the calendar date at UTC midnight (what Excel, LibreOffice and Sheets show).
    const ws = (await rawBook(bytes)).getWorksheet('Dates')!;
    days.forEach(([y, m, d], i) => {
      expect(ws.getCell(i + 1, 1).value).toEqual(new Date(Date.UTC(y, m - 1, d)));
    });
    // And back: the same model instants.
    const back = await readWorkbookBytes(bytes);
    expect(back.timeZone).toBe(zone);
    expect(back.sheets[0]!.rows).toEqual(rows);
  }

  it('13/09/2016 in Sydney (2016-09-12T14:00Z) is stored as 2016-09-13T00:00Z and reads back the same', async () => {
    const rows = [[{ value: new Date('2016-09-12T14:00:00Z'), numberFormat: 'dd/mm/yyyy' }]];
    const bytes = await workbookBytes(book([sheet('D', { rows })]));
    expect((await rawBook(bytes)).getWorksheet('D')!.getCell('A1').value).toEqual(
      new Date('2016-09-13T00:00:00Z'),
    );
    expect((await readWorkbookBytes(bytes)).sheets[0]!.rows[0]![0]!.value).toEqual(
      new Date('2016-09-12T14:00:00Z'),
    );
  });

  it('Sydney dates across both daylight-saving changes', async () => {
    await check(SYDNEY, sydneyDays);
  });

  it('New York dates across its changes', async () => {
    await check(NEW_YORK, [
      [2016, 3, 12],
      [2016, 3, 13],
      [2016, 3, 14],
      [2016, 11, 5],
      [2016, 11, 6],
      [2016, 11, 7],
    ]);
  });

  it('a timestamp keeps its time of day; a date without a format stays unformatted', async () => {
    const stamp = new Date('2016-10-02T03:30:15.250Z'); // 14:30:15.250 in Sydney, after the change
    const rows: CellModel[][] = [
      [
        { value: stamp, numberFormat: 'dd/mm/yyyy hh:mm:ss' },
        { value: zonedMidnight(2016, 9, 13, SYDNEY) },
        { value: stamp },
      ],
    ];
    const bytes = await workbookBytes(book([sheet('T', { rows })]));
    const ws = (await rawBook(bytes)).getWorksheet('T')!;
    expect(ws.getCell('A1').value).toEqual(new Date('2016-10-02T14:30:15.250Z'));
    expect(ws.getCell('B1').numFmt).toBe('mm-dd-yy'); // Excel's short date (format 14)
    expect(ws.getCell('C1').numFmt).toBe('m/d/yy "h":mm'); // Excel's date and time (format 22)
    expect((await readWorkbookBytes(bytes)).sheets[0]!.rows).toEqual(rows);
  });

  it('a number in a date-formatted cell reads back as that date (xlsx has no difference)', async () => {
    const rows = [[{ value: 42626, numberFormat: 'dd/mm/yyyy' }]];
    const back = await roundTrip(book([sheet('N', { rows })]));
    expect(back.sheets[0]!.rows[0]).toEqual([
      { value: zonedMidnight(2016, 9, 13, SYDNEY), numberFormat: 'dd/mm/yyyy' },
    ]);
  });
});

describe('formats and validations', () => {
  it('number formats and bold', async () => {
    const rows: CellModel[][] = [
      [
        { value: 'Amount', fontWeight: 'bold' },
        { value: 'Due', fontWeight: 'bold' },
        { value: 'Ref', fontWeight: 'bold' },
        { value: 'Count', fontWeight: 'bold' },
      ],
      [
        { value: 1234.5, numberFormat: '$#,##0.00' },
        { value: zonedMidnight(2016, 9, 13, SYDNEY), numberFormat: 'dd/mm/yyyy' },
        { value: '0012', numberFormat: '@' },
        { value: 7, numberFormat: '0' },
      ],
      [
        { value: '', numberFormat: '$#,##0.00', fontWeight: 'bold' },
        { value: '', numberFormat: 'dd/mm/yyyy' },
        { value: '', numberFormat: '@' },
        { value: 8, numberFormat: '0', fontWeight: 'bold' },
      ],
    ];
    const bytes = await workbookBytes(book([sheet('F', { rows })]));
    const ws = (await rawBook(bytes)).getWorksheet('F')!;
    expect(['A2', 'B2', 'C2', 'D2'].map((a) => ws.getCell(a).numFmt)).toEqual([
      '$#,##0.00',
      'dd/mm/yyyy',
      '@',
      '0',
    ]);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').font?.bold).toBeFalsy();
    expect((await readWorkbookBytes(bytes)).sheets[0]!.rows).toEqual(rows);
  });

  it('dropdown lists (reject or allow invalid) and checkboxes, also on empty cells', async () => {
    const strict = { kind: 'list' as const, values: ['Open', 'Part paid', 'Paid'], allowInvalid: false };
    const loose = { kind: 'list' as const, values: ['Manual', 'DD Full Integration'], allowInvalid: true };
    const box = { kind: 'checkbox' as const };
    const rows: CellModel[][] = [[{ value: 'Status' }, { value: 'Method' }, { value: 'Include' }]];
    for (let r = 1; r < 50; r++) {
      rows.push([
        { value: r < 5 ? 'Open' : '', validation: strict },
        { value: r < 5 ? 'Manual' : '', validation: loose },
        { value: r % 2 === 0, validation: box },
      ]);
    }
    const bytes = await workbookBytes(book([sheet('V', { rows })]));
    const dvs = validationsOf((await rawBook(bytes)).getWorksheet('V')!);
    expect(dvs['A2']).toMatchObject({
      type: 'list',
      formulae: ['"Open,Part paid,Paid"'],
      allowBlank: true,
      showErrorMessage: true,
    });
    expect(dvs['B50']).toMatchObject({ type: 'list', formulae: ['"Manual,DD Full Integration"'] });
    expect(dvs['B50']!.showErrorMessage).toBeFalsy();
    expect(dvs['C2']).toMatchObject({
      type: 'list',
      formulae: ['"TRUE,FALSE"'],
      promptTitle: CHECKBOX_MARKER,
    });
    expect(dvs['A1']).toBeUndefined();
    expect((await readWorkbookBytes(bytes)).sheets[0]!.rows).toEqual(rows);
  });

  it('lists with commas, quotes, edge spaces or over 255 characters go through the hidden sheet', async () => {
    const awkward = [
      { kind: 'list' as const, values: ['Smith, John', 'Doe, Jane'], allowInvalid: false },
      { kind: 'list' as const, values: ['say "hi"', 'x'], allowInvalid: true },
      { kind: 'list' as const, values: [' lead', 'trail ', ''], allowInvalid: false },
      {
        kind: 'list' as const,
        values: Array.from({ length: 60 }, (_, i) => `Package number ${i}`),
        allowInvalid: false,
      },
    ];
    const rows: CellModel[][] = [awkward.map((validation) => ({ value: '', validation }))];
    const bytes = await workbookBytes(book([sheet('L', { rows })]));
    const dvs = validationsOf((await rawBook(bytes)).getWorksheet('L')!);
    expect(String(dvs['A1']!.formulae[0])).toMatch(/^'_studio_ledger'!\$C\$\d+:\$[A-Z]+\$\d+$/);
    const back = await readWorkbookBytes(bytes);
    expect(back.sheets[0]!.rows).toEqual(rows);
    expect(back.sheets.map((s) => s.name)).toEqual(['L']);
  });

  it('a 10-column x 1,000-row formatted sheet: column styles for whole columns, exact round trip', async () => {
    const header: CellModel[] = Array.from({ length: 10 }, (_, c) => ({
      value: `H${c}`,
      fontWeight: 'bold',
    }));
    const fmts = ['@', 'dd/mm/yyyy', '$#,##0.00', '0', '@', '$#,##0.00', 'dd/mm/yyyy', '0', '@', '@'];
    const list = { kind: 'list' as const, values: ['Open', 'Paid'], allowInvalid: false };
    const rows: CellModel[][] = [header];
    for (let r = 1; r < 1000; r++) {
      rows.push(
        fmts.map((numberFormat, c) => {
          const cell: CellModel = { value: '', numberFormat };
          if (r < 20) cell.value = numberFormat === '@' ? `t${r}` : r;
          if (numberFormat === 'dd/mm/yyyy' && r < 20) cell.value = zonedMidnight(2017, 1, r, SYDNEY);
          if (c === 9) cell.validation = list;
          return cell;
        }),
      );
    }
    const model = sheet('Formatted', { rows, frozenRows: 1 });
    const bytes = await workbookBytes(book([model]));
    const raw = await rawBook(bytes);
    const ws = raw.getWorksheet('Formatted')!;
    expect(ws.getColumn(3).numFmt).toBe('$#,##0.00');
    expect(ws.getCell('C1').numFmt).toBeUndefined(); // the header is not money
    // One validation range, not 999 single cells.
    const dvs = validationsOf(ws);
    expect(dvs['J2']).toBe(dvs['J1000']);
    expect((await readWorkbookBytes(bytes)).sheets[0]).toEqual(model);

    // A row a user types in Excel below the formatted area takes the column's format.
    ws.getCell('C1500').value = 12.5;
    const edited = await readWorkbookBytes(await bytesOf(raw));
    expect(edited.sheets[0]!.rows[1499]![2]).toEqual({ value: 12.5, numberFormat: '$#,##0.00' });
    expect(edited.sheets[0]!.maxRows).toBe(1500);
  });
});

describe('a workbook made elsewhere (Excel, LibreOffice, Sheets)', () => {
  it('reads values, formulas, formats and validations; without metadata it uses the given zone', async () => {
    const b = new ExcelJS.Workbook();
    const ws = b.addWorksheet('Invoices', { views: [{ state: 'frozen', ySplit: 1 }] });
    const lists = b.addWorksheet('Lists', { state: 'hidden' });
    lists.getCell('A1').value = 'Open';
    lists.getCell('A2').value = 'Paid';
    ws.getRow(1).values = ['Date', 'Amount', 'Double', 'Status', 'Note', 'Link', 'Err'];
    ws.getCell('A2').value = new Date('2016-09-13T00:00:00Z'); // no format: Excel's short date
    ws.getCell('B2').value = 10;
    ws.getCell('B2').numFmt = 'General';
    ws.getCell('B3').value = 20;
    ws.getCell('D2').value = 'Open';
    ws.getCell('C2').value = {
      formula: 'B2*2',
      result: 20,
      shareType: 'shared',
      ref: 'C2:C3',
    } as ExcelJS.CellValue;
    ws.getCell('C3').value = { sharedFormula: 'C2', result: 40 } as ExcelJS.CellValue;
    ws.getCell('E2').value = { richText: [{ text: 'rich ' }, { text: 'text', font: { bold: true } }] };
    ws.getCell('F2').value = { text: 'site', hyperlink: 'https://example.com' };
    ws.getCell('G2').value = { error: '#DIV/0!' };
    ws.mergeCells('E4:F4');
    ws.getCell('E4').value = 'merged';
    (
      ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add('D2:D3', {
      type: 'list',
      formulae: ['Lists!$A$1:$A$2'],
      showErrorMessage: true,
      errorStyle: 'warning',
    });
    (
      ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add('B2:B3', { type: 'whole', operator: 'between', formulae: [0, 100] });
    const back = await readWorkbookBytes(await bytesOf(b), { timeZone: NEW_YORK });
    expect(back.timeZone).toBe(NEW_YORK);
    expect(back.documentProperties).toEqual({});
    expect(back.sheets.map((s) => [s.name, s.hidden, s.frozenRows, s.maxRows, s.maxColumns])).toEqual([
      ['Invoices', false, 1, 1000, 26],
      ['Lists', true, 0, 1000, 26],
    ]);
    const rows = back.sheets[0]!.rows;
    expect(rows[1]).toEqual([
      { value: zonedMidnight(2016, 9, 13, NEW_YORK) },
      { value: 10 },
      { value: 20, formula: '=B2*2' },
      { value: 'Open', validation: { kind: 'list', values: ['Open', 'Paid'], allowInvalid: true } },
      { value: 'rich text' },
      { value: 'site' },
      { value: '#DIV/0!' },
    ]);
    expect(rows[2]![2]).toEqual({ value: 40, formula: '=B3*2' });
    expect(rows[3]!.slice(4)).toEqual([{ value: 'merged' }]); // F4 is part of E4's merge: empty
  });

  it('a whole-column validation stops at the last row instead of a million cells', async () => {
    const b = new ExcelJS.Workbook();
    const ws = b.addWorksheet('S');
    ws.getCell('A1').value = 'Status';
    (
      ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add('A2:A1048576', { type: 'list', formulae: ['"Open,Paid"'], showErrorMessage: true });
    (
      ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add('B2:B1500', { type: 'list', formulae: ['"x,y"'], showErrorMessage: true });
    const back = await readWorkbookBytes(await bytesOf(b));
    const s = back.sheets[0]!;
    expect(s.maxRows).toBe(1500);
    expect(s.rows).toHaveLength(1500);
    expect(s.rows[1499]![0]!.validation).toEqual({
      kind: 'list',
      values: ['Open', 'Paid'],
      allowInvalid: false,
    });
  });
});
