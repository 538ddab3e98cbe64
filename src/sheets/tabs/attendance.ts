// The Attendance tab: sessions a client used on a day, and (when known) the package they came from.
import type { IsoDate } from '../../core/calendar';
import { encode, readDate, readInt, readText } from '../cells';
import type { RowCells } from '../changes';
import { TABS } from '../schema';
import type { Table } from '../table';

export interface Attendance {
  readonly row?: number;
  date: IsoDate;
  clientId: string;
  sessions: number;
  /** '' when not recorded: the client's packages are used oldest first. */
  saleId: string;
}

export function readAttendance(t: Table): Attendance[] {
  return t.rows.map((r) => ({
    row: r.rowNumber,
    date: readDate(t, r, 'Date', { required: true })!,
    clientId: readText(t, r, 'Client ID', { required: true }),
    sessions: readInt(t, r, 'Sessions', { required: true })!,
    saleId: readText(t, r, 'Sale ID'),
  }));
}

export function attendanceCells(a: Attendance): RowCells {
  return {
    Date: encode.date(a.date),
    'Client ID': encode.text(a.clientId),
    Sessions: encode.int(a.sessions),
    'Sale ID': encode.text(a.saleId),
  };
}

export const ATTENDANCE = TABS.attendance;
