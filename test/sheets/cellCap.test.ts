// checkCellCap: growth is what counts; a workbook already over the cap may still be written in place.
import { describe, expect, it } from 'vitest';
import { checkCellCap, gridsAfter } from '../../src/sheets/cellCap';
import { UserError } from '../../src/sheets/errors';

describe('checkCellCap', () => {
  const grids = [
    { name: 'Invoices', rows: 300_000, columns: 20 },
    { name: 'Payments', rows: 200_000, columns: 10 },
  ];

  it('grows a tab only as far as it must, and a tab it does not have as a new 1,000 x 26 one', () => {
    expect(
      gridsAfter(grids, [
        { name: 'Invoices', rows: 300_010, columns: 5 },
        { name: 'Outstanding', rows: 12, columns: 30 },
      ]),
    ).toEqual([
      { name: 'Invoices', rows: 300_010, columns: 20 },
      { name: 'Payments', rows: 200_000, columns: 10 },
      { name: 'Outstanding', rows: 1000, columns: 30 },
    ]);
  });

  it('lets growth under the cap through and refuses past it with how full and the largest tabs', () => {
    expect(() => checkCellCap(grids, [{ name: 'Invoices', rows: 400_000, columns: 20 }])).not.toThrow();
    let error: unknown;
    try {
      checkCellCap(grids, [{ name: 'Invoices', rows: 400_001, columns: 20 }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      'Nothing was saved: Google Sheets allows 10,000,000 cells in a spreadsheet, this one has 8,000,000 ' +
        '(80% full) and saving needs 2,000,020 more (Invoices 2,000,020). Largest tabs: Invoices 6,000,000 ' +
        '(300,000 rows x 20 columns), Payments 2,000,000 (200,000 rows x 10 columns). Delete empty rows and ' +
        'columns, or move old rows to another spreadsheet.',
    );
  });

  it('a workbook already past the cap is written where nothing grows', () => {
    const full = [{ name: 'Invoices', rows: 600_000, columns: 20 }];
    expect(() => checkCellCap(full, [{ name: 'Invoices', rows: 10, columns: 20 }])).not.toThrow();
  });
});
