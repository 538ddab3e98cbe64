// The DD changes list as a CSV for the DD company or the studio's records (--out): one line per change
// and per side-by-side schedule line. Text that a spreadsheet would run as a formula gets an apostrophe.
import { quoteCsv } from '../../core/aba/debitCsv';
import type { Cents } from '../../core/money';
import type { DdChangesReport } from './ddChanges';

const HEADER = [
  'Client ID',
  'Name',
  'Billing Method',
  'Change',
  'Old Date',
  'Old Amount',
  'New Date',
  'New Amount',
  'Note',
];

/** The formula guard: a leading = + - @ (or tab, CR) would make a spreadsheet run the cell. */
export function guardCsvText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

const dollars = (c: Cents | null) =>
  c === null
    ? ''
    : `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;

export function ddChangesCsv(r: DdChangesReport): string {
  const lines: string[][] = [HEADER];
  for (const c of r.clients) {
    const who = [c.clientId, c.name, c.billingMethod];
    for (const ch of c.changes) lines.push([...who, ch.kind, '', '', '', '', ch.note]);
    for (const l of c.lines)
      lines.push([
        ...who,
        'Schedule',
        l.oldDate ?? '',
        dollars(l.oldAmount),
        l.newDate ?? '',
        dollars(l.newAmount),
        l.note,
      ]);
  }
  return lines.map((l) => l.map((v) => quoteCsv(guardCsvText(v))).join(',')).join('\r\n') + '\r\n';
}
