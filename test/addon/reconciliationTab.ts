// The Reconciliation tab read back as the view's rows. The sidebar's view leaves out the rows that change
// nothing; the tab keeps every report row, so the tests assert those rows here.
import { expect } from 'vitest';
import type { Addin } from './harness';

export interface TabRow {
  reportRow: number;
  outcome: string;
  clientId: string;
  invoiceIds: string[];
  note: string;
  /** In cents, as the view gives it; null for a row with no amount. */
  amount: number | null;
}

/** Outcomes the view leaves out: they change nothing and ask nothing of a person. */
export const QUIET = ['Already applied', 'Already paid', 'Pending: no change', 'Ignored'];

/** Every report row on the Reconciliation tab (its rows after the two of totals and the header). */
export function tabRows(addin: Addin): TabRow[] {
  return addin
    .tab('Reconciliation')
    .slice(3)
    .map((r) => ({
      reportRow: Number(r[0]),
      outcome: String(r[6]),
      clientId: String(r[7]),
      invoiceIds: String(r[8]).split(' ').filter(Boolean),
      note: String(r[9]),
      amount: r[4] === '' ? null : Math.round(Number(r[4]) * 100),
    }));
}

interface ViewRows {
  rows: readonly {
    reportRow: number;
    outcome: string;
    clientId: string;
    invoiceIds: string[];
    note: string;
  }[];
  quiet: number;
}

/**
 * Every report row, read from the tab, after checking the view against it: the view lists exactly the
 * rows that are not quiet, as the tab has them, and counts the others in `quiet`.
 */
export function allRows(addin: Addin, view: ViewRows): TabRow[] {
  const rows = tabRows(addin);
  const shown = rows.filter((r) => !QUIET.includes(r.outcome));
  const pick = (r: ViewRows['rows'][number]) => [r.reportRow, r.outcome, r.clientId, r.invoiceIds, r.note];
  expect(view.rows.map(pick)).toEqual(shown.map(pick));
  expect(view.quiet).toBe(rows.length - shown.length);
  return rows;
}
