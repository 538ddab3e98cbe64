// The DD Changes tab, rewritten whole by the DD changes list: row 1 says as of when and compared with
// which notices, row 2 how to read it, row 3 the headers; then per client its changes, each on a row,
// and its old and new schedule side by side. Text goes through the formula guard when written.
import type { ClientChanges } from '../../core/ledger/ddChanges';
import type { DebitSchedule } from '../../core/ledger/schedule';
import type { IsoDate } from '../../core/calendar';
import { encode } from '../cells';
import type { CellWrite, ColumnFormat, TabContent } from '../port';
import { TABS } from '../schema';

export interface ClientChangesView extends ClientChanges {
  name: string;
  billingMethod: string;
  schedule: DebitSchedule;
}

export interface DdChangesReport {
  today: IsoDate;
  /** Compared with the notices in force on this date (today unless --since). */
  since: IsoDate;
  /** No client has ever been marked notified: the list offers to mark them all. */
  firstRun: boolean;
  /** How many DD clients were compared. */
  compared: number;
  clients: ClientChangesView[];
}

const HEADERS = TABS.ddChanges.columns.map((c) => c.header);
const HEADER_ROW = 3;
const DATE: ColumnFormat = { kind: 'date' };
const MONEY: ColumnFormat = { kind: 'money' };
const NOTE: Readonly<Record<string, string>> = {
  same: 'same',
  new: 'new debit',
  gone: 'no longer debited',
  amount: 'amount changed',
};

export function renderDdChanges(r: DdChangesReport, refreshed: string): TabContent {
  const values: CellWrite[][] = [
    [
      'As Of',
      encode.date(r.today),
      'Compared with notices in force on',
      encode.date(r.since),
      'Clients listed',
      r.clients.length,
      'Refreshed',
      encode.text(refreshed),
    ],
    [
      r.firstRun
        ? 'No client has been marked notified yet: mark them notified once the DD company has these schedules, and the next list starts from there.'
        : 'Each DD client whose debits after today differ from what the DD company was last told; tell them, then mark the client notified.',
    ],
    [...HEADERS],
  ];
  for (const c of r.clients) {
    const who = [encode.text(c.clientId), encode.text(c.name)];
    for (const ch of c.changes)
      values.push([...who, encode.text(ch.kind), '', '', '', '', encode.text(ch.note)]);
    for (const l of c.lines)
      values.push([
        ...who,
        'Schedule',
        encode.date(l.oldDate),
        encode.money(l.oldAmount),
        encode.date(l.newDate),
        encode.money(l.newAmount),
        encode.text(NOTE[l.note] ?? l.note),
      ]);
  }
  if (r.clients.length === 0)
    values.push(['', '', 'None', '', '', '', '', `All ${r.compared} DD clients are as last notified.`]);
  const first = HEADER_ROW + 1;
  const rows = Math.max(1, values.length - HEADER_ROW);
  return {
    values,
    formats: [
      { row: 1, column: 2, numRows: 1, format: DATE },
      { row: 1, column: 4, numRows: 1, format: DATE },
      { row: 1, column: 8, numRows: 1, format: { kind: 'datetime' } },
      { row: first, column: 4, numRows: rows, format: DATE },
      { row: first, column: 5, numRows: rows, format: MONEY },
      { row: first, column: 6, numRows: rows, format: DATE },
      { row: first, column: 7, numRows: rows, format: MONEY },
    ],
    boldRows: [HEADER_ROW],
    frozenRows: HEADER_ROW,
  };
}
