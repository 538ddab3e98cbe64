// Google Sheets refuses to grow a spreadsheet past 10,000,000 cells, counting every tab's whole grid
// (max rows x max columns, used or not). A commit checks its growth first, so a refusal writes nothing
// instead of stopping after the first tabs.
import { UserError } from './errors';
import type { GridSize } from './port';

export const CELL_LIMIT = 10_000_000;

/** A new tab starts as Sheets makes it: 1,000 rows of 26 columns. */
const NEW_TAB: GridSize = { rows: 1000, columns: 26 };

export interface NamedGrid extends GridSize {
  readonly name: string;
}

/** The rows and columns a tab must have once the commit has written it. */
export type GridNeed = NamedGrid;

function cells(g: GridSize): number {
  return g.rows * g.columns;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function plural(n: number, word: string): string {
  return `${count(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** True when every need fits in its tab's grid as it is (nothing grows). */
export function fitsAsIs(grids: ReadonlyMap<string, GridSize>, needs: readonly GridNeed[]): boolean {
  return needs.every((n) => {
    const g = grids.get(n.name);
    return g !== undefined && n.rows <= g.rows && n.columns <= g.columns;
  });
}

/** Every tab's grid once the needs are met: a tab grows only as far as it must. */
export function gridsAfter(grids: readonly NamedGrid[], needs: readonly GridNeed[]): NamedGrid[] {
  const after = grids.map((g) => ({ ...g }));
  for (const n of needs) {
    let g = after.find((x) => x.name === n.name);
    if (!g) after.push((g = { name: n.name, ...NEW_TAB }));
    g.rows = Math.max(g.rows, n.rows);
    g.columns = Math.max(g.columns, n.columns);
  }
  return after;
}

/**
 * Refuses, naming how full the workbook is and its largest tabs, when meeting the needs would take it
 * past the cap. A workbook already over it may still be written where nothing grows.
 */
export function checkCellCap(grids: readonly NamedGrid[], needs: readonly GridNeed[]): void {
  const before = grids.reduce((sum, g) => sum + cells(g), 0);
  const after = gridsAfter(grids, needs);
  const total = after.reduce((sum, g) => sum + cells(g), 0);
  if (total <= CELL_LIMIT || total <= before) return;
  const growing = after
    .map((g) => ({
      g,
      more: cells(g) - cells(grids.find((x) => x.name === g.name) ?? { rows: 0, columns: 0 }),
    }))
    .filter((x) => x.more > 0)
    .map((x) => `${x.g.name} ${count(x.more)}`);
  const largest = [...grids]
    .sort((a, b) => cells(b) - cells(a))
    .slice(0, 3)
    .map((g) => `${g.name} ${count(cells(g))} (${plural(g.rows, 'row')} x ${plural(g.columns, 'column')})`);
  const percent = Math.floor((before / CELL_LIMIT) * 1000) / 10;
  throw new UserError(
    `Nothing was saved: Google Sheets allows ${count(CELL_LIMIT)} cells in a spreadsheet, this one has ` +
      `${count(before)} (${percent}% full) and saving needs ${count(total - before)} more (${growing.join(', ')}). ` +
      `Largest tabs: ${largest.join(', ')}. Delete empty rows and columns, or move old rows to another spreadsheet.`,
  );
}
