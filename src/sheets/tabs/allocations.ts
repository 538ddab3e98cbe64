import { encode, readDate, readInt, readText } from '../cells';
import type { RowCells } from '../changes';
import type { Allocation } from '../records';
import { TABS } from '../schema';
import type { Table } from '../table';

export function readAllocations(t: Table): Allocation[] {
  return t.rows.map((r) => ({
    row: r.rowNumber,
    id: readText(t, r, 'Allocation ID', { required: true }),
    saleId: readText(t, r, 'Sale ID'),
    clientId: readText(t, r, 'Client ID', { required: true }),
    date: readDate(t, r, 'Date', { required: true })!,
    sessions: readInt(t, r, 'Sessions', { required: true })!,
    cycle: readInt(t, r, 'Cycle'),
  }));
}

export function allocationCells(a: Allocation): RowCells {
  return {
    'Allocation ID': encode.text(a.id),
    'Sale ID': encode.text(a.saleId),
    'Client ID': encode.text(a.clientId),
    Date: encode.date(a.date),
    Sessions: encode.int(a.sessions),
    Cycle: encode.int(a.cycle),
  };
}

export const ALLOCATIONS = TABS.allocations;
