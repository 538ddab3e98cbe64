// What the column-mapping form needs for one report: its headers, a mapping to start from (the saved one
// or a guess) and the values each column holds (to pick status values from).
import { cellText, type Table } from './table';
import { tidy } from './reportValues';
import { draftOf, guessMapping, type MappingDraft } from './mappingGuess';
import type { ColumnMapping } from './types';

export interface MappingForm {
  headers: string[];
  mapping: MappingDraft;
  /** Up to a dozen distinct values of each column, by header. */
  values: Record<string, string[]>;
  /** True when `mapping` is the one saved for this layout, false for a guess. */
  saved: boolean;
}

const MAX_VALUES = 12;

export function columnValues(table: Table): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  table.headers.forEach((h, i) => {
    if (h === '' || h in out) return;
    const seen = new Set<string>();
    for (const r of table.rows) {
      const v = tidy(cellText(r.cells[i]));
      if (v !== '') seen.add(v);
      if (seen.size >= MAX_VALUES) break;
    }
    out[h] = [...seen];
  });
  return out;
}

export function mappingForm(table: Table, saved?: ColumnMapping): MappingForm {
  const values = columnValues(table);
  return {
    headers: table.headers,
    mapping: saved ? draftOf(saved) : guessMapping(table.headers, values),
    values,
    saved: saved !== undefined,
  };
}
