// The Attendance tab: sessions a client used on a day, and (when known) the package they came from.
import type { IsoDate } from '../../core/calendar';
import { encode, rowReader } from '../cells';
import { rowRecords } from '../rowRecords';
import type { RowCells } from '../changes';
import { TABS } from '../schema';
import type { Table, TableRow } from '../table';

export interface Attendance {
  readonly row?: number;
  date: IsoDate;
  clientId: string;
  sessions: number;
  /** '' when not recorded: the client's packages are used oldest first. */
  saleId: string;
}

export function readAttendance(t: Table): Attendance[] {
  return attendanceRows(t);
}

const attendanceRows = rowRecords((t: Table) => {
  const read = rowReader(t);
  const col = {
    date: read.column('Date'),
    client: read.column('Client ID'),
    sessions: read.column('Sessions'),
    sale: read.column('Sale ID'),
  };
  return (r: TableRow): Attendance => ({
    row: r.rowNumber,
    date: read.date(r, col.date, true)!,
    clientId: read.text(r, col.client, true),
    sessions: read.int(r, col.sessions, true)!,
    saleId: read.text(r, col.sale),
  });
});

export function attendanceCells(a: Attendance): RowCells {
  return {
    Date: encode.date(a.date),
    'Client ID': encode.text(a.clientId),
    Sessions: encode.int(a.sessions),
    'Sale ID': encode.text(a.saleId),
  };
}

export const ATTENDANCE = TABS.attendance;
