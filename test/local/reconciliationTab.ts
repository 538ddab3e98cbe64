// The Reconciliation tab of a saved workbook, read back as the CLI view's rows. The view leaves out the
// rows that change nothing; the tab keeps every report row, so the tests assert those rows here.
import { expect } from 'vitest';
import { QUIET } from '../addon/reconciliationTab';
import { tab } from './cliRun';

export interface TabRow {
  reportRow: number;
  outcome: string;
  clientId: string;
  invoiceIds: string[];
  note: string;
}

/** Every report row on the tab (its rows after the two of totals and the header), as displayed. */
export async function tabRows(W: string): Promise<TabRow[]> {
  return (await tab(W, 'Reconciliation')).slice(3).map((r) => ({
    reportRow: Number(r[0]),
    outcome: r[6] ?? '',
    clientId: r[7] ?? '',
    invoiceIds: (r[8] ?? '').split(' ').filter(Boolean),
    note: r[9] ?? '',
  }));
}

interface ViewRows {
  rows: readonly TabRow[];
  quiet: number;
}

/**
 * Every report row, read from the tab, after checking the view against it: the view lists exactly the
 * rows that are not quiet, as the tab has them, and counts the others in `quiet`.
 */
export async function allRows(W: string, view: ViewRows): Promise<TabRow[]> {
  const rows = await tabRows(W);
  const shown = rows.filter((r) => !QUIET.includes(r.outcome));
  const pick = (r: TabRow) => [r.reportRow, r.outcome, r.clientId, r.invoiceIds, r.note];
  expect(view.rows.map(pick)).toEqual(shown.map(pick));
  expect(view.quiet).toBe(rows.length - shown.length);
  return rows;
}
