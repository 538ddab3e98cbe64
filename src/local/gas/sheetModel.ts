// The model boundary: a tab's SheetStore as a plain SheetModel (what the xlsx save writes) and back.
import { DEFAULT_NUMBER_FORMAT, Formula, type Stored } from './cells';
import { CHECKBOX_SPEC } from './dataValidation';
import { isDateValue } from './env';
import type { CellModel, SheetModel, ValidationModel } from './model';
import { SheetStore, type Layer, type ValidationSpec } from './store';

const modelOfSpec = new WeakMap<ValidationSpec, ValidationModel | null>();

/** The model of a rule (one shared object per rule: treat it as read-only). */
function validationToModel(spec: ValidationSpec | undefined): ValidationModel | undefined {
  if (!spec) return undefined;
  let m = modelOfSpec.get(spec);
  if (m === undefined) {
    m = specToModel(spec) ?? null;
    modelOfSpec.set(spec, m);
  }
  return m ?? undefined;
}

function specToModel(spec: ValidationSpec): ValidationModel | undefined {
  if (spec.criteria === 'CHECKBOX') return { kind: 'checkbox' };
  if (spec.criteria === 'VALUE_IN_LIST') {
    const values = spec.args[0];
    return {
      kind: 'list',
      values: Array.isArray(values) ? values.map((v) => String(v)) : [],
      allowInvalid: spec.allowInvalid,
    };
  }
  return undefined;
}

function validationFromModel(model: ValidationModel | undefined): ValidationSpec | undefined {
  if (!model) return undefined;
  if (model.kind === 'checkbox') return CHECKBOX_SPEC;
  return Object.freeze({
    criteria: 'VALUE_IN_LIST',
    args: Object.freeze([Object.freeze(model.values.slice()), true]),
    allowInvalid: model.allowInvalid,
    helpText: '',
  });
}

export function storeToModel(s: SheetStore): SheetModel {
  const layers: Layer<unknown>[] = [s.values, s.formats, s.validations, s.bold];
  let lastRow = 0;
  for (const layer of layers) {
    for (let r = layer.length - 1; r >= lastRow; r--) {
      const row = layer[r];
      if (row && row.some((v) => v !== undefined && v !== '')) {
        lastRow = r + 1;
        break;
      }
    }
  }
  const rows: CellModel[][] = new Array<CellModel[]>(lastRow);
  for (let r = 0; r < lastRow; r++) {
    const vals = s.values[r];
    const fmts = s.formats[r];
    const vals2 = s.validations[r];
    const bold = s.bold[r];
    let width = 0;
    for (const row of [vals, fmts, vals2, bold] as (unknown[] | undefined)[]) {
      if (!row) continue;
      for (let c = row.length - 1; c >= width; c--) {
        if (row[c] !== undefined && row[c] !== '') {
          width = c + 1;
          break;
        }
      }
    }
    const cells: CellModel[] = new Array<CellModel>(width);
    for (let c = 0; c < width; c++) {
      const v = vals ? vals[c] : undefined;
      const cell: CellModel = { value: '' };
      if (v instanceof Formula) {
        cell.formula = v.text;
        cell.value = v.result instanceof Date ? new Date(v.result.getTime()) : v.result;
      } else if (v instanceof Date) cell.value = new Date(v.getTime());
      else if (v !== undefined) cell.value = v;
      const f = fmts ? fmts[c] : undefined;
      if (f !== undefined) cell.numberFormat = f;
      const validation = validationToModel(vals2 ? vals2[c] : undefined);
      if (validation) cell.validation = validation;
      if (bold && bold[c]) cell.fontWeight = 'bold';
      cells[c] = cell;
    }
    rows[r] = cells;
  }
  const model: SheetModel = {
    name: s.name,
    rows,
    maxRows: s.maxRows,
    maxColumns: s.maxColumns,
    frozenRows: s.frozenRows,
    hidden: s.hidden,
    sheetId: s.id,
  };
  if (s.columnWidths.size) model.columnWidths = Object.fromEntries(s.columnWidths);
  return model;
}

/** One rule per distinct validation model while loading (cheap when neighbours repeat a rule). */
class SpecInterner {
  private last: ValidationModel | undefined;
  private lastSpec: ValidationSpec | undefined;
  private byKey = new Map<string, ValidationSpec | undefined>();

  private static same(a: ValidationModel, b: ValidationModel): boolean {
    if (a.kind === 'checkbox' || b.kind === 'checkbox') return a.kind === b.kind;
    if (a.allowInvalid !== b.allowInvalid || a.values.length !== b.values.length) return false;
    for (let i = 0; i < a.values.length; i++) if (a.values[i] !== b.values[i]) return false;
    return true;
  }

  of(model: ValidationModel): ValidationSpec | undefined {
    if (this.last && (this.last === model || SpecInterner.same(this.last, model))) return this.lastSpec;
    const key =
      model.kind === 'checkbox'
        ? 'checkbox'
        : `${model.allowInvalid ? 1 : 0}\u0000${model.values.join('\u0000')}`;
    if (!this.byKey.has(key)) this.byKey.set(key, validationFromModel(model));
    this.last = model;
    this.lastSpec = this.byKey.get(key);
    return this.lastSpec;
  }
}

export function modelToStore(m: SheetModel, id: number): SheetStore {
  let width = 0;
  for (const row of m.rows) if (row && row.length > width) width = row.length;
  const s = new SheetStore(
    m.name,
    id,
    Math.max(1, m.maxRows, m.rows.length),
    Math.max(1, m.maxColumns, width),
  );
  s.frozenRows = m.frozenRows;
  s.hidden = m.hidden;
  if (m.columnWidths) for (const [c, w] of Object.entries(m.columnWidths)) s.columnWidths.set(Number(c), w);
  const specs = new SpecInterner();
  const rows = m.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    const n = row.length;
    let vals: Stored[] | undefined;
    let fmts: string[] | undefined;
    let rules: ValidationSpec[] | undefined;
    let bold: boolean[] | undefined;
    for (let c = 0; c < n; c++) {
      const cell = row[c];
      if (!cell) continue;
      const raw = cell.value;
      let v: Stored;
      if (typeof raw === 'object' && raw !== null)
        v = isDateValue(raw) ? new Date(raw.getTime()) : String(raw);
      else v = raw === null || raw === '' ? undefined : raw;
      if (cell.formula) {
        const text = cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`;
        v = new Formula(text, v ?? '');
      }
      if (v !== undefined) (vals ??= new Array<Stored>(n))[c] = v;
      const f = cell.numberFormat;
      if (f !== undefined && f !== DEFAULT_NUMBER_FORMAT) (fmts ??= new Array<string>(n))[c] = f;
      if (cell.validation) {
        const spec = specs.of(cell.validation);
        if (spec) (rules ??= new Array<ValidationSpec>(n))[c] = spec;
      }
      if (cell.fontWeight === 'bold') (bold ??= new Array<boolean>(n))[c] = true;
    }
    if (vals) s.values[r] = vals;
    if (fmts) s.formats[r] = fmts;
    if (rules) s.validations[r] = rules;
    if (bold) s.bold[r] = bold;
  }
  return s;
}
