import { encode, rowReader } from '../cells';
import { rowRecords } from '../rowRecords';
import type { RowCells } from '../changes';
import type { Allocation } from '../records';
import { TABS } from '../schema';
import type { Table, TableRow } from '../table';

export function readAllocations(t: Table): Allocation[] {
  return allocationRows(t);
}

const allocationRows = rowRecords((t: Table) => {
  const read = rowReader(t);
  const col = {
    id: read.column('Allocation ID'),
    sale: read.column('Sale ID'),
    client: read.column('Client ID'),
    date: read.column('Date'),
    sessions: read.column('Sessions'),
    cycle: read.column('Cycle'),
  };
  return (r: TableRow): Allocation => ({
    row: r.rowNumber,
    id: read.text(r, col.id, true),
    saleId: read.text(r, col.sale),
    clientId: read.text(r, col.client, true),
    date: read.date(r, col.date, true)!,
    sessions: read.int(r, col.sessions, true)!,
    cycle: read.int(r, col.cycle),
  });
});

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
