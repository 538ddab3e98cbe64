// A tab's contents, kept fast for large sheets: values in row arrays (ragged, a missing row or cell is
// empty) and per-cell number formats, validations and bold in sparse parallel row arrays.
import { isEmpty, type Stored } from './cells';

/** A data validation rule, immutable once built. `criteria` is a DataValidationCriteria name. */
export interface ValidationSpec {
  readonly criteria: string;
  readonly args: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string;
}

/** Rows (0-based) of cells (0-based); undefined = nothing there. */
export type Layer<T> = (T[] | undefined)[];

/** Moves arr[index..] up by count, leaving arr[index..index+count) undefined. No-op past the end. */
function openGap<T>(arr: (T | undefined)[], index: number, count: number): void {
  const old = arr.length;
  if (index >= old) return;
  arr.length = old + count;
  arr.copyWithin(index + count, index, old);
  arr.fill(undefined, index, index + count);
}

export class SheetStore {
  values: Layer<Stored> = [];
  formats: Layer<string> = [];
  validations: Layer<ValidationSpec> = [];
  bold: Layer<boolean> = [];
  frozenRows = 0;
  hidden = false;
  columnWidths = new Map<number, number>();

  constructor(
    public name: string,
    readonly id: number,
    public maxRows = 1000,
    public maxColumns = 26,
  ) {}

  private layers(): Layer<unknown>[] {
    return [this.values, this.formats, this.validations, this.bold];
  }

  /** Layers that new rows and columns copy from their neighbour (formatting, not content). */
  private inherited(): Layer<unknown>[] {
    return [this.formats, this.validations, this.bold];
  }

  static get<T>(layer: Layer<T>, r: number, c: number): T | undefined {
    const row = layer[r];
    return row === undefined ? undefined : row[c];
  }

  static set<T>(layer: Layer<T>, r: number, c: number, v: T | undefined): void {
    let row = layer[r];
    if (row === undefined) {
      if (v === undefined) return;
      row = [];
      layer[r] = row;
    }
    row[c] = v as T;
  }

  /** Sets every cell of the block (0-based) to v. */
  static fill<T>(layer: Layer<T>, r0: number, c0: number, nr: number, nc: number, v: T | undefined): void {
    for (let r = r0; r < r0 + nr; r++) {
      let row = layer[r];
      if (row === undefined) {
        if (v === undefined) continue;
        row = [];
        layer[r] = row;
      }
      for (let c = c0; c < c0 + nc; c++) row[c] = v as T;
    }
  }

  /** 1-based position of the last row with content (value or formula), 0 if none. */
  lastRow(): number {
    const values = this.values;
    for (let r = values.length - 1; r >= 0; r--) {
      const row = values[r];
      if (row === undefined) continue;
      for (let c = row.length - 1; c >= 0; c--) if (!isEmpty(row[c])) return r + 1;
    }
    return 0;
  }

  /** 1-based position of the last column with content, 0 if none. */
  lastColumn(): number {
    let last = 0;
    for (const row of this.values) {
      if (row === undefined || row.length <= last) continue;
      for (let c = row.length - 1; c >= last; c--) {
        if (!isEmpty(row[c])) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  /** insertRowsAfter(after, n): new rows take the formatting of row `after` (1-based). */
  insertRowsAfter(after: number, count: number): void {
    for (const layer of this.layers()) openGap(layer, after, count);
    for (const layer of this.inherited()) {
      const src = layer[after - 1];
      if (src === undefined) continue;
      for (let k = 0; k < count; k++) layer[after + k] = src.slice();
    }
    this.maxRows += count;
  }

  /** insertRowsBefore(before, n): new rows take the formatting of the row that was at `before`. */
  insertRowsBefore(before: number, count: number): void {
    for (const layer of this.layers()) openGap(layer, before - 1, count);
    for (const layer of this.inherited()) {
      const src = layer[before - 1 + count];
      if (src === undefined) continue;
      for (let k = 0; k < count; k++) layer[before - 1 + k] = src.slice();
    }
    this.maxRows += count;
  }

  deleteRows(position: number, count: number): void {
    for (const layer of this.layers()) if (layer.length >= position) layer.splice(position - 1, count);
    this.maxRows -= count;
    if (this.frozenRows > this.maxRows) this.frozenRows = this.maxRows;
  }

  insertColumnsAfter(after: number, count: number): void {
    for (const layer of this.layers()) {
      for (const row of layer) if (row !== undefined) openGap(row, after, count);
    }
    for (const layer of this.inherited()) {
      for (const row of layer) {
        if (row === undefined || after < 1) continue;
        const src = row[after - 1];
        if (src === undefined) continue;
        for (let k = 0; k < count; k++) row[after + k] = src;
      }
    }
    const widths = [...this.columnWidths].map(([c, w]): [number, number] => [c > after ? c + count : c, w]);
    this.columnWidths = new Map(widths);
    this.maxColumns += count;
  }

  deleteColumns(position: number, count: number): void {
    for (const layer of this.layers()) {
      for (const row of layer)
        if (row !== undefined && row.length >= position) row.splice(position - 1, count);
    }
    const widths: [number, number][] = [];
    for (const [c, w] of this.columnWidths) {
      if (c < position) widths.push([c, w]);
      else if (c >= position + count) widths.push([c - count, w]);
    }
    this.columnWidths = new Map(widths);
    this.maxColumns -= count;
  }

  clear(what: { contents: boolean; formats: boolean; validations: boolean }): void {
    if (what.contents) this.values = [];
    if (what.formats) {
      this.formats = [];
      this.bold = [];
    }
    if (what.validations) this.validations = [];
  }
}
