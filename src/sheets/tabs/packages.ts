import { FREQUENCIES } from '../../core/frequency';
import { PACKAGE_KINDS } from '../../core/packageKinds';
import { encode, readBool, readChoice, readInt, readMoney, readText } from '../cells';
import type { RowCells } from '../changes';
import { cellError } from '../errors';
import type { StudioPackage } from '../records';
import { TABS } from '../schema';
import type { Table } from '../table';

export function readPackages(t: Table): StudioPackage[] {
  return t.rows.map((r) => {
    const kind = readChoice(t, r, 'Kind', PACKAGE_KINDS);
    const frequency = readText(t, r, 'Frequency') ? readChoice(t, r, 'Frequency', FREQUENCIES) : null;
    const instalments = readInt(t, r, 'Instalments');
    if (kind !== 'Paid in full' && !frequency)
      throw cellError(t.spec.name, r.rowNumber, 'Frequency', `is empty; a ${kind} package needs one`);
    if (kind === 'Instalments' && (instalments === null || instalments < 1))
      throw cellError(
        t.spec.name,
        r.rowNumber,
        'Instalments',
        'must be 1 or more for an Instalments package',
      );
    const sessions = readInt(t, r, 'Sessions') ?? 0;
    if (sessions < 0) throw cellError(t.spec.name, r.rowNumber, 'Sessions', 'cannot be negative');
    const price = readMoney(t, r, 'Price', { required: true }) ?? 0;
    if (price < 0) throw cellError(t.spec.name, r.rowNumber, 'Price', 'cannot be negative');
    return {
      row: r.rowNumber,
      code: readText(t, r, 'Package Code', { required: true }),
      name: readText(t, r, 'Name'),
      kind,
      sessions,
      price,
      instalments: kind === 'Paid in full' ? 1 : instalments,
      frequency,
      active: readBool(t, r, 'Active'),
    };
  });
}

export function packageCells(p: StudioPackage): RowCells {
  return {
    'Package Code': encode.text(p.code),
    Name: encode.text(p.name),
    Kind: encode.text(p.kind),
    Sessions: encode.int(p.sessions),
    Price: encode.money(p.price),
    Instalments: encode.int(p.kind === 'Paid in full' ? null : p.instalments),
    Frequency: encode.text(p.frequency),
    Active: encode.bool(p.active),
  };
}

export const PACKAGES = TABS.packages;
