// The formulas a test tab holds, as toBlocks asks for them (one rectangle at a time).
import type { FormulasIn } from '../../src/sheets/changes';

/** A tab holding no formulas. */
export const noFormulas: FormulasIn = (_row, _column, numRows, numColumns) =>
  Array.from({ length: numRows }, () => Array<string>(numColumns).fill(''));

/** A tab's formulas from a grid of sheet rows (row 0 is sheet row 1); '' where a cell holds none. */
export function formulasFrom(grid: readonly (readonly string[])[]): FormulasIn {
  return (row, column, numRows, numColumns) =>
    Array.from({ length: numRows }, (_, i) =>
      Array.from({ length: numColumns }, (_, j) => grid[row - 1 + i]?.[column - 1 + j] ?? ''),
    );
}
