// The Balances tab: per client and package, sessions allocated, used and left, and money invoiced, paid,
// owed now, not yet due and written off; each client's unspent credit on their other-charges row, and at the top the
// total owed, the credit and the owed net of it. Rewritten whole whenever sessions are recorded, a package is cancelled or
// paused, the Outstanding tab is refreshed, or the daily upkeep runs.
import type { IsoDate } from '../../core/calendar';
import { balanceTotals, type Balance } from '../../core/lifecycle/balances';
import { encode } from '../cells';
import type { CellValue, CellWrite, TabContent } from '../port';
import { TABS } from '../schema';
import { readBack } from './outstanding';

export interface BalanceRow extends Balance {
  name: string;
  /** The package's name, or "Other charges" for the client's charges outside any package. */
  packageName: string;
  /** The sale's Status; '' for the other-charges row. */
  status: string;
}

/** Credit and Written Off come after the required ones: a tab set up earlier gains them on its next rewrite. */
const HEADERS = [...TABS.balances.columns.map((c) => c.header), 'Credit', 'Written Off'];
const HEADER_ROW = 3;

export function renderBalances(asOf: IsoDate, rows: readonly BalanceRow[], refreshed: string): TabContent {
  const totals = balanceTotals(rows);
  const values: CellWrite[][] = [
    [
      'As Of',
      encode.date(asOf),
      'Refreshed',
      encode.dateTime(refreshed),
      'Owed',
      encode.money(totals.owed),
      'Credit',
      encode.money(totals.credit),
      'Net Owed',
      encode.money(totals.net),
    ],
    [
      'Sessions allocated by the As Of date; sessions recorded without a package come from the oldest package with sessions left. Owed: due by the As Of date. Credit: money received and not yet spent on an invoice; Net Owed is Owed less it. Written Off: balances the studio gave up collecting, no longer owed.',
    ],
    [...HEADERS],
  ];
  for (const r of rows)
    values.push([
      encode.text(r.clientId),
      encode.text(r.name),
      encode.text(r.saleId),
      encode.text(r.packageName),
      encode.text(r.status),
      r.allocated,
      r.used,
      r.left,
      encode.money(r.invoiced),
      encode.money(r.paid),
      encode.money(r.owed),
      encode.money(r.notYetDue),
      encode.money(r.credit || null),
      encode.money(r.writtenOff || null),
    ]);
  const n = rows.length;
  const first = HEADER_ROW + 1;
  return {
    values,
    formats: [
      { row: 1, column: 2, numRows: 1, format: { kind: 'date' } },
      { row: 1, column: 4, numRows: 1, format: { kind: 'datetime' } },
      ...[6, 8, 10].map((column) => ({ row: 1, column, numRows: 1, format: { kind: 'money' as const } })),
      ...[9, 10, 11, 12, 13, 14].map((column) => ({
        row: first,
        column,
        numRows: n,
        format: { kind: 'money' as const },
      })),
    ],
    boldRows: [1, HEADER_ROW],
    frozenRows: HEADER_ROW,
  };
}

/**
 * The Balances tab read back as renderBalances wrote it, or null when it is not exactly that (a missing
 * tab, an older layout, a cell someone changed): the caller then rebuilds it from the ledger.
 */
export function readBalancesTab(
  values: readonly (readonly CellValue[])[] | null,
): { asOf: IsoDate; rows: BalanceRow[] } | null {
  if (!values) return null;
  try {
    const top = values[0] ?? [];
    const asOf = readBack.date(top[1]);
    if (top[0] !== 'As Of' || !asOf || !readBack.headers(values[HEADER_ROW - 1], HEADERS)) return null;
    const rows = values.slice(HEADER_ROW).map((c): BalanceRow => ({
      clientId: readBack.text(c[0]),
      name: readBack.text(c[1]),
      saleId: readBack.text(c[2]),
      packageName: readBack.text(c[3]),
      status: readBack.text(c[4]),
      allocated: readBack.int(c[5]),
      used: readBack.int(c[6]),
      left: readBack.int(c[7]),
      invoiced: readBack.money(c[8]) ?? NaN,
      paid: readBack.money(c[9]) ?? NaN,
      owed: readBack.money(c[10]) ?? NaN,
      notYetDue: readBack.money(c[11]) ?? NaN,
      credit: readBack.money(c[12]) ?? 0,
      writtenOff: readBack.money(c[13]) ?? 0,
    }));
    if (rows.some((r) => [r.invoiced, r.paid, r.owed, r.notYetDue].some(Number.isNaN))) return null;
    const totals = balanceTotals(rows);
    const said = [top[5], top[7], top[9]].map((v) => readBack.money(v));
    if (said[0] !== totals.owed || said[1] !== totals.credit || said[2] !== totals.net) return null;
    return { asOf, rows };
  } catch {
    return null;
  }
}
