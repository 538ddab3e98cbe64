// A statement as plain text: what "Copy as text" puts on the clipboard and the command line prints.
// Columns are padded so it reads in an email or a terminal in a fixed-width font.
import type { IsoDate } from '../calendar';
import { formatMoney } from '../money';
import { showsDue, type Statement } from './statement';

export interface StatementHead {
  clientName: string;
  /** The studio's Business Name (Settings), when it has one. */
  business?: string;
}

function columns(rows: readonly string[][], right: readonly number[]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((c, i) => (right.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** The statement's lines, its balance and parts, and the sessions per package. */
export function statementText(
  s: Statement,
  head: StatementHead,
  date: (d: IsoDate) => string = (d) => d,
): string {
  const title = [head.business, `Statement for ${head.clientName} (${s.clientId})`]
    .filter(Boolean)
    .join(': ');
  const period =
    s.from || s.to
      ? `Lines ${s.from ? `from ${date(s.from)}` : ''}${s.from && s.to ? ' ' : ''}${s.to ? `to ${date(s.to)}` : ''}; balance as of ${date(s.asOf)}`
      : `As of ${date(s.asOf)}`;
  const rows: string[][] = [['Date', 'Type', 'Ref', 'Description', 'Amount', 'Balance']];
  if (s.opening !== null && s.from)
    rows.push([date(s.from), 'Opening balance', '', '', '', formatMoney(s.opening)]);
  for (const l of s.lines)
    rows.push([
      date(l.date),
      l.kind,
      l.ref,
      showsDue(l) ? `${l.description} (due ${date(l.dueDate!)})` : l.description,
      formatMoney(l.amount),
      formatMoney(l.balance),
    ]);
  if (s.to) rows.push([date(s.to), 'Closing balance', '', '', '', formatMoney(s.closing)]);
  const out = [title, period, '', ...columns(rows, [4, 5])];
  if (!s.lines.length) out.push('No lines in this period.');
  out.push('', `Balance ${formatMoney(s.balance)}, made up of:`);
  out.push(
    ...columns(
      s.parts.map((p) => [
        `  ${p.label}`,
        formatMoney(p.amount),
        p.key === 'overdue' && s.creditNetted ? `after ${formatMoney(s.creditNetted)} credit` : '',
      ]),
      [1],
    ),
  );
  if (s.writtenOff) out.push(`Written off (not owed): ${formatMoney(s.writtenOff)}`);
  if (s.packages.length) {
    out.push('', 'Sessions');
    out.push(
      ...columns(
        [
          ['Package', 'Sale', 'Allocated', 'Used', 'Left'],
          ...s.packages.map((p) => [
            p.packageName,
            p.saleId,
            String(p.allocated),
            String(p.used),
            String(p.left),
          ]),
        ],
        [2, 3, 4],
      ),
    );
  }
  return out.join('\n');
}
