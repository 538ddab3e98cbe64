// One worksheet part, streamed: each cell goes to a callback as it is parsed (nothing per cell is
// kept here), and the few things around the cells are collected: frozen rows (<sheetViews>), column
// widths and styles (<cols>), merged ranges and data validations.
import { columnLetters, decodeAddress } from './layout';
import { parsePart, type Attributes } from './xml';
import type { Zip } from './zip';

/** One <c>. The object is reused for the next cell: copy what you keep. */
export interface RawCell {
  /** 1-based */
  row: number;
  col: number;
  /** index into the workbook's cell styles */
  style: number;
  /** the t attribute: 's' shared string, 'str', 'inlineStr', 'b', 'e', 'd' or 'n' */
  type: string;
  /** <v> (or the inline string's text); undefined when the cell has none */
  value: string | undefined;
  /** <f> text, a shared formula worked out for this cell; undefined without a formula */
  formula: string | undefined;
}

export interface ColumnDef {
  min: number;
  max: number;
  width?: number;
  style: number;
}

export interface RawValidation {
  attrs: Attributes;
  formula1: string;
  /** the cells it covers: 1-based inclusive ranges */
  ranges: CellRange[];
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetExtras {
  frozenRows: number;
  columns: ColumnDef[];
  merges: CellRange[];
  validations: RawValidation[];
}

export function parseRange(ref: string): CellRange | undefined {
  const [a, b = a] = ref.split(':');
  const p = decodeAddress(a ?? '');
  const q = decodeAddress(b ?? '');
  if (!p || !q) return undefined;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

// ---- shared formulas: a dependent cell's text is the master's with relative references moved ----

const REF_CANDIDATE = /((?:[A-Za-z_\-0-9.]+|'(?:[^']|'')+')!)?([A-Za-z0-9_$]{2,})(\()?/g;
const CELL_REF = /^(\$)?([A-Za-z]{1,3})(\$)?([1-9][0-9]*)$/;

function letterNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function slideFormula(formula: string, dRow: number, dCol: number): string {
  // Text in double quotes is left alone (odd pieces of the split are string literals).
  return formula
    .split('"')
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece.replace(REF_CANDIDATE, (whole, sheet: string | undefined, ref: string, paren?: string) => {
            if (paren) return whole; // a function name such as LOG10(
            const m = CELL_REF.exec(ref);
            if (!m) return whole;
            let col = letterNumber(m[2] as string);
            let row = Number(m[4]);
            if (col > 16_384) return whole;
            if (!m[1]) col += dCol;
            if (!m[3]) row += dRow;
            if (col < 1 || row < 1) return '#REF!';
            return `${sheet ?? ''}${m[1] ?? ''}${columnLetters(col)}${m[3] ?? ''}${row}`;
          }),
    )
    .join('"');
}

// ---- the parser ----------------------------------------------------------------------------------

export async function parseSheet(
  zip: Zip,
  part: string,
  onCell: (cell: RawCell) => void,
): Promise<SheetExtras> {
  const extras: SheetExtras = { frozenRows: 0, columns: [], merges: [], validations: [] };
  const cell: RawCell = { row: 0, col: 0, style: 0, type: 'n', value: undefined, formula: undefined };
  const masters = new Map<string, { text: string; row: number; col: number }>();
  let sharedIndex: string | undefined;
  let inCell = false;
  let row = 0;
  let col = 0;
  /** what the text events are collected into */
  let collecting: 'v' | 'f' | 'is' | 'formula1' | undefined;
  let inPhonetic = false;
  let inText = false; // inside <t> of an inline string
  let buffer = '';
  let frozenSeen = false;
  let validation: RawValidation | undefined;

  await parsePart(zip, part, {
    open(name, a) {
      switch (name) {
        case 'row':
          row = a.r !== undefined ? Number(a.r) : row + 1;
          col = 0;
          break;
        case 'c': {
          const at = a.r !== undefined ? decodeAddress(a.r) : undefined;
          col = at ? at.col : col + 1;
          if (at) row = at.row;
          inCell = true;
          cell.row = row;
          cell.col = col;
          cell.style = a.s !== undefined ? Number(a.s) || 0 : 0;
          cell.type = a.t ?? 'n';
          cell.value = undefined;
          cell.formula = undefined;
          sharedIndex = undefined;
          break;
        }
        case 'v':
          if (inCell) {
            collecting = 'v';
            buffer = '';
          }
          break;
        case 'f':
          if (inCell) {
            collecting = 'f';
            buffer = '';
            if (a.t === 'shared' && a.si !== undefined) sharedIndex = a.si;
          }
          break;
        case 'is':
          if (inCell) {
            collecting = 'is';
            buffer = '';
          }
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 't':
          inText = true;
          break;
        case 'pane':
          if (!frozenSeen && (a.state === 'frozen' || a.state === 'frozenSplit')) {
            frozenSeen = true;
            extras.frozenRows = Math.max(0, Number(a.ySplit) || 0);
          }
          break;
        case 'col': {
          const def: ColumnDef = {
            min: Number(a.min) || 0,
            max: Number(a.max) || 0,
            style: Number(a.style) || 0,
          };
          if (a.width !== undefined) def.width = Number(a.width);
          if (def.min >= 1 && def.max >= def.min) extras.columns.push(def);
          break;
        }
        case 'mergeCell': {
          const r = parseRange(a.ref ?? '');
          if (r) extras.merges.push(r);
          break;
        }
        case 'dataValidation': {
          const ranges: CellRange[] = [];
          for (const ref of (a.sqref ?? '').split(/\s+/)) {
            const r = ref === '' ? undefined : parseRange(ref);
            if (r) ranges.push(r);
          }
          validation = { attrs: a, formula1: '', ranges };
          break;
        }
        case 'formula1':
          if (validation) {
            collecting = 'formula1';
            buffer = '';
          }
          break;
        default:
          break;
      }
    },
    text(t) {
      if (collecting === undefined || inPhonetic || (collecting === 'is' && !inText)) return;
      buffer += t;
    },
    close(name) {
      switch (name) {
        case 'v':
          if (collecting === 'v') cell.value = buffer;
          collecting = undefined;
          break;
        case 'is':
          if (collecting === 'is') cell.value = buffer;
          collecting = undefined;
          break;
        case 'f':
          if (collecting === 'f') cell.formula = buffer;
          collecting = undefined;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 't':
          inText = false;
          break;
        case 'c':
          if (!inCell) break;
          inCell = false;
          if (sharedIndex !== undefined) {
            const master = masters.get(sharedIndex);
            if (cell.formula !== undefined && cell.formula !== '') {
              masters.set(sharedIndex, { text: cell.formula, row: cell.row, col: cell.col });
            } else if (master) {
              cell.formula = slideFormula(master.text, cell.row - master.row, cell.col - master.col);
            }
          }
          onCell(cell);
          break;
        case 'formula1':
          if (validation && collecting === 'formula1') validation.formula1 = buffer;
          collecting = undefined;
          break;
        case 'dataValidation':
          if (validation) extras.validations.push(validation);
          validation = undefined;
          break;
        default:
          break;
      }
    },
  });
  return extras;
}
