// The Outstanding tab: who owes what on a date. A summary line, a note, then one row per client with
// overdue invoices, largest debt first; Amount Owed and the total are net of the client's unspent credit
// (its own column, after the schema's). Rewritten whole by Outstanding invoices and the daily upkeep.
import type { IsoDate } from '../../core/calendar';
import type { ClientOverdue } from '../../core/lifecycle/outstanding';
import { amountToCents, type Cents } from '../../core/money';
import { encode } from '../cells';
import { isSheetDate, type CellValue, type CellWrite, type TabContent } from '../port';
import { TABS } from '../schema';

export interface OutstandingRow extends ClientOverdue {
  name: string;
  billingMethod: string;
}

export interface OutstandingReport {
  asOf: IsoDate;
  clients: OutstandingRow[];
  total: Cents;
}

/** The credit column comes after the required ones: a tab set up earlier gains it on its next rewrite. */
const HEADERS = [...TABS.outstanding.columns.map((c) => c.header), 'Credit'];
const HEADER_ROW = 3;

export function renderOutstanding(r: OutstandingReport, refreshed: string): TabContent {
  const values: CellWrite[][] = [
    [
      'As Of',
      encode.date(r.asOf),
      'Clients',
      r.clients.length,
      'Total Owed',
      encode.money(r.total),
      'Refreshed',
      encode.dateTime(refreshed),
    ],
    [
      r.clients.length
        ? 'Overdue: due before the As Of date, not paid, not in a debit being processed. Amount Owed is net of the Credit column (money received, not yet spent on an invoice). A reminder: what to do is up to the studio.'
        : 'Nobody has an overdue invoice on the As Of date.',
    ],
    [...HEADERS],
  ];
  for (const c of r.clients)
    values.push([
      encode.text(c.clientId),
      encode.text(c.name),
      encode.text(c.billingMethod),
      c.invoiceIds.length,
      encode.text(c.invoiceIds.join(' ')),
      encode.money(c.owed),
      encode.date(c.oldestDue),
      c.daysOverdue,
      encode.date(c.lastPayment?.date),
      encode.money(c.lastPayment?.amount),
      encode.text(c.lastDeclineReason),
      encode.money(c.credit || null),
    ]);
  const first = HEADER_ROW + 1;
  const n = r.clients.length;
  return {
    values,
    formats: [
      { row: 1, column: 2, numRows: 1, format: { kind: 'date' } },
      { row: 1, column: 6, numRows: 1, format: { kind: 'money' } },
      { row: 1, column: 8, numRows: 1, format: { kind: 'datetime' } },
      { row: first, column: 6, numRows: n, format: { kind: 'money' } },
      { row: first, column: 7, numRows: n, format: { kind: 'date' } },
      { row: first, column: 9, numRows: n, format: { kind: 'date' } },
      { row: first, column: 10, numRows: n, format: { kind: 'money' } },
      { row: first, column: 12, numRows: n, format: { kind: 'money' } },
    ],
    boldRows: [1, HEADER_ROW],
    frozenRows: HEADER_ROW,
  };
}

/** Read-back helpers shared with the Balances tab: each throws on a cell renderOutstanding would not write. */
export const readBack = {
  text(v: CellValue | undefined): string {
    if (typeof v !== 'string') throw new Error('not text');
    return v;
  },
  int(v: CellValue | undefined): number {
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new Error('not a whole number');
    return v;
  },
  money(v: CellValue | undefined): Cents | null {
    if (v === '') return null;
    if (typeof v !== 'number') throw new Error('not an amount');
    return amountToCents(v);
  },
  date(v: CellValue | undefined): IsoDate | null {
    if (v === '') return null;
    if (!isSheetDate(v)) throw new Error('not a date');
    return v.date;
  },
  /** The header row is exactly the one rendered (a tab from before a column was added is rebuilt). */
  headers(row: readonly CellValue[] | undefined, headers: readonly string[]): boolean {
    return !!row && headers.every((h, i) => row[i] === h) && row.slice(headers.length).every((v) => v === '');
  },
};

/**
 * The Outstanding tab read back as renderOutstanding wrote it, or null when it is not exactly that (a
 * missing tab, an older layout, a cell someone changed): the caller then rebuilds it from the ledger.
 */
export function readOutstandingTab(
  values: readonly (readonly CellValue[])[] | null,
): OutstandingReport | null {
  if (!values) return null;
  try {
    const top = values[0] ?? [];
    const asOf = readBack.date(top[1]);
    if (top[0] !== 'As Of' || !asOf || !readBack.headers(values[HEADER_ROW - 1], HEADERS)) return null;
    const clients: OutstandingRow[] = values.slice(HEADER_ROW).map((c) => {
      const ids = readBack.text(c[4]).split(' ').filter(Boolean);
      const payDate = readBack.date(c[8]);
      const payAmount = readBack.money(c[9]);
      if (ids.length !== readBack.int(c[3]) || (payDate === null) !== (payAmount === null))
        throw new Error('inconsistent row');
      return {
        clientId: readBack.text(c[0]),
        name: readBack.text(c[1]),
        billingMethod: readBack.text(c[2]),
        invoiceIds: ids,
        owed: readBack.money(c[5]) ?? NaN,
        oldestDue: readBack.date(c[6]) ?? '',
        daysOverdue: readBack.int(c[7]),
        lastPayment: payDate === null ? null : { date: payDate, amount: payAmount! },
        lastDeclineReason: readBack.text(c[10]),
        credit: readBack.money(c[11]) ?? 0,
      };
    });
    const total = clients.reduce((s, c) => s + c.owed, 0);
    if (clients.some((c) => !c.oldestDue || !(c.owed > 0))) return null;
    if (top[3] !== clients.length || readBack.money(top[5]) !== total) return null;
    return { asOf, clients, total };
  } catch {
    return null;
  }
}
