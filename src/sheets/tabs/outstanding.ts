// The Outstanding tab: who owes what on a date. A summary line, a note, then one row per client with
// overdue invoices, largest debt first; Amount Owed and the total are net of the client's unspent credit
// (its own column, after the schema's). Rewritten whole by Outstanding invoices and the daily upkeep.
import type { IsoDate } from '../../core/calendar';
import type { ClientOverdue } from '../../core/lifecycle/outstanding';
import type { Cents } from '../../core/money';
import { encode } from '../cells';
import type { CellWrite, TabContent } from '../port';
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
