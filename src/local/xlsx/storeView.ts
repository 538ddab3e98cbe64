// The emulation's tab store (../gas/store) seen a block of rows at a time, so a big tab never has to
// exist as one whole SheetModel (about 90 bytes a cell: 300 MB for a 200,000-row Invoices tab). It
// relies on the store keeping its cells in the row-array layers below, which it checks.
import type { SheetModel } from '../gas/model';
import { storeToModel } from '../gas/sheetModel';
import type { SheetStore } from '../gas/store';
import type { SheetSource } from './write';

/** The store's layers of cells, by row. */
const LAYERS = ['values', 'formats', 'validations', 'bold'] as const;
export type Layers = Pick<SheetStore, (typeof LAYERS)[number]>;

/** A layer not listed would be left out of a view, so its cells would land on the wrong rows. */
function checkLayers(store: SheetStore): void {
  for (const [key, v] of Object.entries(store)) {
    if (Array.isArray(v) && !(LAYERS as readonly string[]).includes(key)) {
      throw new Error(`internal: the sheet store has a layer (${key}) the xlsx file code does not know`);
    }
  }
}

/** The store with other layers (everything else is the store's own, through the prototype). */
function view(store: SheetStore, layers: Layers): SheetStore {
  return Object.assign(Object.create(store) as SheetStore, layers);
}

/** A tab's rows as models a block at a time: storeToModel on a view holding only rows [from, to). */
export function storeSource(store: SheetStore): SheetSource {
  checkLayers(store);
  let bound = 0;
  for (const k of LAYERS) bound = Math.max(bound, store[k].length);
  return {
    tab: storeToModel(view(store, { values: [], formats: [], validations: [], bold: [] })),
    rowBound: bound,
    rows(from, to) {
      const slice = (k: (typeof LAYERS)[number]): never => store[k].slice(from, to) as never;
      return storeToModel(
        view(store, {
          values: slice('values'),
          formats: slice('formats'),
          validations: slice('validations'),
          bold: slice('bold'),
        }),
      ).rows;
    },
  };
}

/** A tab's cells as read (./tabCells), to be put into the emulation's tab once the whole file has read. */
export interface StoredCells {
  /** The tab without its rows (its size already covers them). */
  tab: SheetModel;
  layers: Layers;
}

/** Moves the cells into a tab the emulation made from `cells.tab`. */
export function putCells(store: SheetStore, cells: StoredCells): void {
  checkLayers(store);
  Object.assign(store, cells.layers);
}
