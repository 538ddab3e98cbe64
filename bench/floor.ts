// The floor of an action: the least work any add-in must do with the cells it read. For each values
// read the action made, the same cells are taken from the emulation (untimed), then one timed loop
// decodes every cell by its column's kind (money to cents, dates to ISO memoised by instant, integers,
// trimmed text) into a checksum. An add-in within a small multiple of this is doing little else.
import type { RangeRead } from '../src/local/gas';
import type { AppsScriptEmulation } from '../src/local/gas';
import { TABS, type TabSpec } from '../src/sheets/schema';

type Kind = 'money' | 'date' | 'integer' | 'text';

interface Block {
  values: unknown[][];
  /** Per column of the block: how its cells below the header row decode. */
  kinds: Kind[];
  /** How many of the block's rows are at or above the tab's header row (decoded as text). */
  headRows: number;
}

const SPECS: ReadonlyMap<string, TabSpec> = new Map(
  (Object.values(TABS) as TabSpec[]).map((t) => [t.name, t]),
);

function kindOf(format: { kind: string } | undefined): Kind {
  const k = format?.kind;
  if (k === 'money' || k === 'integer') return k;
  if (k === 'date' || k === 'datetime') return 'date';
  return 'text';
}

/** The tab's header row (first of rows 1-10 with every required header) and each column's kind. */
function layoutOf(emu: AppsScriptEmulation, name: string): { header: number; kinds: Map<number, Kind> } {
  const spec = SPECS.get(name);
  const sheet = emu.spreadsheet.getSheetByName(name);
  const kinds = new Map<number, Kind>();
  if (!spec || !sheet || !spec.columns.length) return { header: 0, kinds };
  const width = Math.max(1, sheet.getLastColumn());
  const top = sheet.getRange(1, 1, Math.min(10, sheet.getMaxRows()), width).getValues();
  const required = spec.columns.filter((c) => c.required).map((c) => c.header);
  const at = top.findIndex((row) => {
    const cells = new Set(row.map((v) => String(v).trim()));
    return required.every((h) => cells.has(h));
  });
  if (at < 0) return { header: 0, kinds };
  top[at]!.forEach((v, j) => {
    const col = spec.columns.find((c) => c.header === String(v).trim());
    if (col) kinds.set(j + 1, kindOf(col.format));
  });
  return { header: at + 1, kinds };
}

/** The cells of each read, fetched from the emulation (the caller resets the meter afterwards). */
export function blocksOf(emu: AppsScriptEmulation, reads: readonly RangeRead[]): Block[] {
  const layouts = new Map<string, ReturnType<typeof layoutOf>>();
  return reads.map((r) => {
    let layout = layouts.get(r.sheet);
    if (!layout) layouts.set(r.sheet, (layout = layoutOf(emu, r.sheet)));
    const sheet = emu.spreadsheet.getSheetByName(r.sheet)!;
    const values = sheet.getRange(r.row, r.column, r.numRows, r.numColumns).getValues();
    const kinds = Array.from({ length: r.numColumns }, (_, j) => layout.kinds.get(r.column + j) ?? 'text');
    return { values, kinds, headRows: Math.max(0, Math.min(r.numRows, layout.header - r.row + 1)) };
  });
}

/**
 * Times the decoding of every cell of `blocks`: the median of three runs, as one run's time swings with
 * the collector and the compiler's warm-up. The checksum keeps the loop from being optimised away.
 */
export function timeFloor(blocks: readonly Block[], zone: string): { ms: number; checksum: number } {
  const runs = [0, 1, 2].map(() => decodeOnce(blocks, zone));
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[1]!;
  return { ms, checksum: runs[0]!.checksum };
}

function decodeOnce(blocks: readonly Block[], zone: string): { ms: number; checksum: number } {
  const iso = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const t0 = performance.now();
  const dates = new Map<number, string>();
  let sum = 0;
  for (const b of blocks) {
    const { values, kinds, headRows } = b;
    for (let i = 0; i < values.length; i++) {
      const row = values[i]!;
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        const kind = i < headRows ? 'text' : kinds[j];
        if (kind === 'money') sum += typeof v === 'number' ? Math.round(v * 100) : 0;
        else if (kind === 'integer') sum += typeof v === 'number' ? v : 0;
        else if (kind === 'date') {
          if (v instanceof Date) {
            const t = v.getTime();
            let d = dates.get(t);
            if (d === undefined) dates.set(t, (d = iso.format(v)));
            sum += d.length;
          }
        } else sum += String(v).trim().length;
      }
    }
  }
  return { ms: performance.now() - t0, checksum: sum };
}
