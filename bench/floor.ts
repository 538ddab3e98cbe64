// The floor of an action: the least work any add-in must do with the cells it read. For each values
// read the action made, the same cells are taken from the emulation (untimed), then one timed loop
// decodes every cell by its column's kind (money to cents, dates to ISO memoised by instant, integers,
// trimmed text) into a checksum. An add-in within a small multiple of this is doing little else.
import type { RangeRead } from '../src/local/gas';
import type { AppsScriptEmulation } from '../src/local/gas';
import { TABS, type TabSpec } from '../src/sheets/schema';
import { settledCollection } from './gcMeter';

type Kind = 'money' | 'date' | 'integer' | 'text';

interface Block {
  /** The cells as read; or, for a report pasted as text, the text itself (split into cells in the loop). */
  values: unknown[][];
  text?: string;
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
 * A report pasted as text (Reconcile reads it as cells, not through a sheet): its lines are split into
 * cells inside the timed loop, the least any reader must do, and each cell decodes by its header's kind
 * (an amount column to cents, a date column to ISO, memoised, anything else trimmed text).
 */
export function textBlock(text: string): Block {
  const header = text.slice(0, text.search(/\r?\n/)).split(',');
  const kinds = header.map((h): Kind => (/amount/i.test(h) ? 'money' : /date/i.test(h) ? 'date' : 'text'));
  return { values: [], text, kinds, headRows: 1 };
}

/** 'dd/mm/yyyy' to 'yyyy-mm-dd'. */
const isoOfDmy = (t: string): string => `${t.slice(6, 10)}-${t.slice(3, 5)}-${t.slice(0, 2)}`;

function decodeText(b: Block, dates: Map<string, string>): number {
  let sum = 0;
  const lines = b.text!.split(/\r?\n/);
  for (let i = b.headRows; i < lines.length; i++) {
    const cells = lines[i]!.split(',');
    for (let j = 0; j < cells.length; j++) {
      const v = cells[j]!.trim();
      const kind = b.kinds[j];
      if (kind === 'money') sum += v ? Math.round(Number(v) * 100) : 0;
      else if (kind === 'date') {
        if (v) {
          let d = dates.get(v);
          if (d === undefined) dates.set(v, (d = isoOfDmy(v)));
          sum += d.length;
        }
      } else sum += v.length;
    }
  }
  return sum;
}

/**
 * Times the decoding of every cell of `blocks`: the median of three runs, after one settled full
 * collection. Without it the floor swung 2x between runs (a scavenge inside a timed run copied the
 * just-fetched blocks); a collection straight before each run made every run slower instead (its
 * sweeping). The checksum keeps the loop from being optimised away.
 */
export function timeFloor(blocks: readonly Block[], zone: string): { ms: number; checksum: number } {
  settledCollection();
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
  const textDates = new Map<string, string>();
  for (const b of blocks) {
    if (b.text !== undefined) {
      sum += decodeText(b, textDates);
      continue;
    }
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
