// Is a column mapping usable? Every role names a column of the report, no column plays two roles, and
// the columns hold what they are mapped as: amounts, dates, status values the mapping lists.
import { Columns, normalizeHeader } from './columns';
import { parseReportAmount, parseReportDate, tidy, ValueError } from './reportValues';
import { cellText, isBlankCell, type Cell, type Table } from './table';
import { ReportFormatError, type ColumnMapping } from './types';

const ROLE_NAMES: Record<string, string> = {
  reference: 'the reference',
  date: 'the date',
  amount: 'the amount',
  status: 'the status',
  name: 'the client name',
  reason: 'the decline reason',
  paymentId: 'the payment ID',
};

function roles(m: ColumnMapping): [role: string, header: string][] {
  const out: [string, string][] = m.reference.map((h) => ['reference', h]);
  for (const role of ['date', 'amount', 'status', 'name', 'reason', 'paymentId'] as const) {
    const h = m[role];
    if (h) out.push([role, h]);
  }
  return out;
}

/** The mapping's own sense, against the report's headers; null when it holds together. */
function shapeProblem(headers: readonly string[], m: ColumnMapping): string | null {
  if (!m.reference.length || !m.date || !m.amount)
    return 'Say which columns hold the reference, the date and the amount.';
  const known = new Set(headers.map(normalizeHeader));
  const seen = new Map<string, string>();
  for (const [role, header] of roles(m)) {
    const key = normalizeHeader(header);
    if (!known.has(key)) return `The report has no column "${header}".`;
    const before = seen.get(key);
    if (before !== undefined)
      return `The column "${header}" is chosen as both ${ROLE_NAMES[before]} and ${ROLE_NAMES[role]}: choose a different column for each.`;
    seen.set(key, role);
  }
  if (m.status) {
    if (!m.paidValues.length && !m.declinedValues.length)
      return `Say which values of "${m.status}" mean paid and which mean declined.`;
    const paid = new Set(m.paidValues.map((v) => tidy(v).toLowerCase()));
    const both = m.declinedValues.find((v) => paid.has(tidy(v).toLowerCase()));
    if (both !== undefined) return `The status "${tidy(both)}" is listed as both paid and declined.`;
  }
  return null;
}

/** Why a column does not read as `read` expects: blank throughout, or no filled cell reads. */
function unreadable(table: Table, col: number, read: (c: Cell) => unknown): string | null {
  let first: string | null = null;
  for (const r of table.rows) {
    const cell = r.cells[col];
    if (cell === undefined || isBlankCell(cell)) continue;
    try {
      read(cell);
      return null;
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      first ??= `row ${r.rowNumber}: ${e.message}`;
    }
  }
  return first ?? 'it is blank on every row';
}

const anyDate = (c: Cell) => {
  try {
    return parseReportDate(c, true);
  } catch {
    return parseReportDate(c, false);
  }
};

/** The report's values against the mapping: a column that holds no amounts is not the amount column. */
function valueProblem(table: Table, m: ColumnMapping): string | null {
  const columns = new Columns(table.headers);
  for (const [role, header, read, kind] of [
    ['amount', m.amount, parseReportAmount, 'amounts'],
    ['date', m.date, anyDate, 'dates'],
  ] as const) {
    const col = columns.find(header);
    if (col === undefined) continue;
    const bad = unreadable(table, col, read);
    if (bad)
      return `The column "${header}" holds no ${kind} (${bad}): choose the column with ${ROLE_NAMES[role]}.`;
  }
  const statusCol = m.status ? columns.find(m.status) : undefined;
  if (statusCol !== undefined) {
    const listed = new Set(
      [...m.paidValues, ...m.declinedValues, ...(m.pendingValues ?? [])].map((v) => tidy(v).toLowerCase()),
    );
    const seen = [...new Set(table.rows.map((r) => tidy(cellText(r.cells[statusCol]))).filter(Boolean))];
    if (seen.length && !seen.some((v) => listed.has(v.toLowerCase())))
      return `None of the values in "${m.status}" (${seen.slice(0, 6).join(', ')}) is listed as paid, declined or pending.`;
  }
  return null;
}

/** Why this mapping cannot read the report (one line), or null. Without the report's rows, only its sense. */
export function mappingProblem(
  headers: readonly string[],
  mapping: ColumnMapping,
  table: Table | null,
): string | null {
  try {
    return shapeProblem(headers, mapping) ?? (table ? valueProblem(table, mapping) : null);
  } catch (e) {
    // A mapped column whose header appears twice in the report.
    if (e instanceof ReportFormatError) return `${e.message}.`;
    throw e;
  }
}
