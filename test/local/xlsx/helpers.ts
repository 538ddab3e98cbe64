import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { SheetModel } from '../../../src/local/gas';

/** A fresh folder under os.tmpdir() per test, removed afterwards. */
export function useTempDir(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(join(tmpdir(), 'studio-ledger-xlsx-'));
    dirs.push(d);
    return d;
  };
}

export function tempFile(dir: string, name = 'book.xlsx'): string {
  return join(dir, name);
}

/** A blank tab model, 1000 x 26 like a new Google sheet. */
export function sheet(name: string, extra: Partial<SheetModel> = {}): SheetModel {
  return { name, rows: [], maxRows: 1000, maxColumns: 26, frozenRows: 0, hidden: false, ...extra };
}

/** The model without the emulation's sheet ids (a file does not keep them). */
export function withoutIds(models: SheetModel[]): SheetModel[] {
  return models.map((m) => {
    const copy = { ...m };
    delete copy.sheetId;
    return copy;
  });
}
