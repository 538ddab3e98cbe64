// The Statement tab: one client's statement, rewritten whole for the client chosen. Row 1 says whose and
// the balance, row 2 the parts that add up to it, row 3 how to read it; then the lines with their running
// balance (an opening line before From, a closing one at To) and, below them, the sessions per package.
// Every text cell goes through the formula guard when written (LedgerTx.commit).
import type { Statement } from '../../core/ledger/statement';
import { formatMoney } from '../../core/money';
import { encode } from '../cells';
import type { CellWrite, ColumnFormat, TabContent } from '../port';
import { TABS } from '../schema';

export interface StatementReport {
  client: { id: string; name: string; billingMethod: string };
  /** The studio's Business Name from Settings ('' when none). */
  business: string;
  statement: Statement;
}

const HEADERS = TABS.statement.columns.map((c) => c.header);
const HEADER_ROW = 4;
const MONEY: ColumnFormat = { kind: 'money' };
const DATE: ColumnFormat = { kind: 'date' };
const TEXT: ColumnFormat = { kind: 'text' };
const INT: ColumnFormat = { kind: 'integer' };

function note(r: StatementReport): string {
  const s = r.statement;
  const netted = s.creditNetted
    ? ` Overdue Now is net of ${formatMoney(s.creditNetted)} of the client's credit, as on the Outstanding tab.`
    : '';
  const period =
    s.from || s.to
      ? ` Lines ${s.from ? `from ${s.from}` : ''}${s.from && s.to ? ' ' : ''}${s.to ? `to ${s.to}` : ''}.`
      : '';
  return `Balance: invoices not Cancelled, less write-offs, less the client's Payments rows dated by the As Of date; the parts beside it add up to it.${netted}${period}`;
}

export function renderStatement(r: StatementReport, refreshed: string): TabContent {
  const s = r.statement;
  const values: CellWrite[][] = [
    [
      'Client',
      encode.text(r.client.id),
      'Name',
      encode.text(r.client.name),
      'As Of',
      encode.date(s.asOf),
      'Balance',
      encode.money(s.balance),
      'Refreshed',
      encode.text(refreshed),
    ],
    s.parts.flatMap((p) => [encode.text(p.label), encode.money(p.amount)]),
    [note(r)],
    [...HEADERS],
  ];
  if (s.from && s.opening !== null)
    values.push([encode.date(s.from), 'Opening balance', '', '', '', '', encode.money(s.opening)]);
  for (const l of s.lines)
    values.push([
      encode.date(l.date),
      encode.text(l.kind),
      encode.text(l.ref),
      encode.text(l.description),
      encode.date(l.dueDate),
      encode.money(l.amount),
      encode.money(l.balance),
    ]);
  if (s.to) values.push([encode.date(s.to), 'Closing balance', '', '', '', '', encode.money(s.closing)]);
  const lineRows = values.length - HEADER_ROW;
  const bold = [1, 2, HEADER_ROW];
  // Rows below the lines get their own formats: a longer statement before left date cells there.
  const below: { row: number; column: number; numRows: number; format: ColumnFormat }[] = [];
  const cell = (column: number, format: ColumnFormat) =>
    below.push({ row: values.length, column, numRows: 1, format });
  if (s.writtenOff) {
    values.push([], ['Written off (not owed)', encode.money(s.writtenOff)]);
    cell(1, TEXT);
    cell(2, MONEY);
  }
  if (s.packages.length) {
    values.push([], ['Sessions', 'Sale ID', 'Allocated', 'Used', 'Left']);
    bold.push(values.length);
    [1, 2, 3, 4, 5].forEach((c) => cell(c, TEXT));
    for (const p of s.packages) {
      values.push([encode.text(p.packageName), encode.text(p.saleId), p.allocated, p.used, p.left]);
      [TEXT, TEXT, INT, INT, INT].forEach((f, i) => cell(i + 1, f));
    }
  }
  const first = HEADER_ROW + 1;
  return {
    values,
    formats: [
      { row: 1, column: 6, numRows: 1, format: DATE },
      { row: 1, column: 8, numRows: 1, format: MONEY },
      { row: 1, column: 10, numRows: 1, format: { kind: 'datetime' } },
      ...s.parts.map((_, i) => ({ row: 2, column: 2 * i + 2, numRows: 1, format: MONEY })),
      { row: first, column: 1, numRows: lineRows, format: DATE },
      { row: first, column: 5, numRows: lineRows, format: DATE },
      { row: first, column: 6, numRows: lineRows, format: MONEY },
      { row: first, column: 7, numRows: lineRows, format: MONEY },
      ...below,
    ],
    boldRows: bold,
    frozenRows: HEADER_ROW,
  };
}
