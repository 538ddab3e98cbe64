import { FREQUENCIES } from '../../core/frequency';
import { PACKAGE_KINDS, type PackageDef } from '../../core/packageKinds';
import type { SaleTerms } from '../../core/packageKinds';
import { encode, readChoice, readDate, readInt, readMoney, readText } from '../cells';
import type { RowCells } from '../changes';
import { cellError } from '../errors';
import type { Sale } from '../records';
import { SALE_STATUSES, TABS } from '../schema';
import type { Table } from '../table';

export function readSales(t: Table): Sale[] {
  return t.rows.map((r) => {
    const saleDate = readDate(t, r, 'Sale Date', { required: true })!;
    const kind = readChoice(t, r, 'Kind', PACKAGE_KINDS);
    const frequency = readText(t, r, 'Frequency') ? readChoice(t, r, 'Frequency', FREQUENCIES) : null;
    // Instalments and recurring sales are scheduled by their frequency: a blank one is a bad row.
    if (kind !== 'Paid in full' && !frequency)
      throw cellError(t.spec.name, r.rowNumber, 'Frequency', `is empty; a ${kind} sale needs one`);
    return {
      row: r.rowNumber,
      id: readText(t, r, 'Sale ID', { required: true }),
      saleDate,
      clientId: readText(t, r, 'Client ID', { required: true }),
      packageCode: readText(t, r, 'Package Code'),
      packageName: readText(t, r, 'Package Name') || readText(t, r, 'Package Code'),
      kind,
      startDate: readDate(t, r, 'Start Date') ?? saleDate,
      dueDate: readDate(t, r, 'Due Date') ?? saleDate,
      total: readMoney(t, r, 'Total', { required: true })!,
      instalments: readInt(t, r, 'Instalments'),
      frequency,
      sessions: readInt(t, r, 'Sessions') ?? 0,
      status: readChoice(t, r, 'Status', SALE_STATUSES, { fallback: 'Active' }),
    };
  });
}

export function saleCells(s: Sale): RowCells {
  return {
    'Sale ID': encode.text(s.id),
    'Sale Date': encode.date(s.saleDate),
    'Client ID': encode.text(s.clientId),
    'Package Code': encode.text(s.packageCode),
    'Package Name': encode.text(s.packageName),
    Kind: encode.text(s.kind),
    'Start Date': encode.date(s.startDate),
    'Due Date': encode.date(s.dueDate),
    Total: encode.money(s.total),
    Instalments: encode.int(s.instalments),
    Frequency: encode.text(s.frequency),
    Sessions: encode.int(s.sessions),
    Status: encode.text(s.status),
  };
}

/** The terms a sale was made on, so later cycles of a recurring sale follow the same schedule. */
export function saleTerms(s: Sale): SaleTerms {
  const pkg: PackageDef = {
    code: s.packageCode,
    name: s.packageName,
    kind: s.kind,
    sessions: s.sessions,
    price: s.total,
    instalments: s.instalments,
    frequency: s.frequency,
  };
  return {
    saleId: s.id,
    clientId: s.clientId,
    pkg,
    saleDate: s.saleDate,
    startDate: s.startDate,
    dueDate: s.dueDate,
  };
}

export const SALES = TABS.sales;
