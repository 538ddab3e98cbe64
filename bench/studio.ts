// A synthetic studio for the bench: N clients, each on a fortnightly recurring package for `years`
// years, every past cycle invoiced, allocated and paid; the latest cycle falls on the billing date.
import { addDays } from '../src/core/calendar';
import { midnightInZone } from '../src/addon/zonedDate';
import type { AddinRuntime } from '../src/local/runtime';

const ZONE = 'Australia/Sydney';
const METHODS = [
  'DD Full Integration',
  'DD Full Integration',
  'DD Full Integration',
  'DD Partial Integration',
  'DD Reconciliation',
  'Manual',
];

export interface StudioSize {
  clients: number;
  years: number;
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

function setSettings(addin: AddinRuntime, values: Record<string, unknown>): void {
  const sheet = addin.emu.spreadsheet.getSheetByName('Settings')!;
  const rows = sheet.getDataRange().getValues();
  rows.forEach((r, i) => {
    if (typeof r[0] === 'string' && r[0] in values) r[1] = values[r[0]] as never;
    rows[i] = r;
  });
  sheet.getRange(1, 1, rows.length, rows[0]!.length).setValues(rows);
}

function writeTab(addin: AddinRuntime, tab: string, rows: unknown[][]): void {
  const sheet = addin.emu.spreadsheet.getSheetByName(tab)!;
  if (!rows.length) return;
  const need = rows.length + 1;
  if (need > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), need - sheet.getMaxRows());
  sheet.getRange(2, 1, rows.length, rows[0]!.length).setValues(rows as never);
}

/** Builds the studio in `addin`'s spreadsheet; returns the billing date of the latest cycle. */
export function buildStudio(
  addin: AddinRuntime,
  size: StudioSize,
): { billingDate: string; invoices: number } {
  const cycles = Math.round(size.years * 26);
  const start = '2020-01-07';
  const billingDate = addDays(start, (cycles - 1) * 14);
  addin.call('setUpWorkbook', { today: start });
  setSettings(addin, {
    'Business Name': 'Bench Studio',
    'Billing Day': midnightInZone(start, ZONE),
    'ABA Bank': 'CBA',
    'ABA User Name': 'BENCH STUDIO PTY LTD',
    'ABA User ID': '301500',
    'ABA Description': 'PT DEBITS',
    'Studio BSB': '032-000',
    'Studio Account Number': '123456',
    'Studio Account Name': 'BENCH STUDIO PTY LTD',
  });
  writeTab(addin, 'Packages', [['PT2W', 'PT 2 a week', 'Recurring', 4, 160, '', 'Fortnightly', true]]);

  const clients: unknown[][] = [];
  const sales: unknown[][] = [];
  const invoices: unknown[][] = [];
  const allocations: unknown[][] = [];
  const payments: unknown[][] = [];
  const dates = Array.from({ length: cycles }, (_, k) => midnightInZone(addDays(start, k * 14), ZONE));
  let inv = 0;
  let alloc = 0;
  let pay = 0;
  for (let c = 1; c <= size.clients; c++) {
    const id = `C-${pad(c, 5)}`;
    const method = METHODS[c % METHODS.length]!;
    const dd = method !== 'Manual';
    clients.push([
      id,
      `Client ${c}`,
      `c${c}@example.com`,
      '',
      method,
      id,
      dd ? '062-000' : '',
      dd ? pad(10_000_000 + c, 8) : '',
      `CLIENT ${c}`,
      'Active',
    ]);
    const sale = `S-${pad(c, 6)}`;
    sales.push([
      sale,
      dates[0],
      id,
      'PT2W',
      'Recurring',
      dates[0],
      dates[0],
      160,
      '',
      'Fortnightly',
      4,
      'Active',
      'PT 2 a week',
    ]);
    // Every cycle but the latest exists and is paid; the latest is created by the billing run.
    for (let k = 1; k < cycles; k++) {
      inv++;
      const invId = `INV-${pad(inv, 7)}`;
      invoices.push([
        invId,
        sale,
        id,
        `PT 2 a week fortnightly — cycle ${k}`,
        k,
        dates[k - 1],
        160,
        160,
        'Paid',
        'B-000001',
        0,
        dates[k - 1],
      ]);
      alloc++;
      allocations.push([`A-${pad(alloc, 7)}`, sale, id, dates[k === 1 ? 0 : k - 1], 4, k]);
      if (k % 8 === 0) {
        pay++;
        payments.push([`P-${pad(pay, 7)}`, dates[k - 1], id, invId, 160, 'Direct debit', 'B-000001']);
      }
    }
  }
  writeTab(addin, 'Clients', clients);
  writeTab(addin, 'Sales', sales);
  writeTab(addin, 'Invoices', invoices);
  writeTab(addin, 'Allocations', allocations);
  writeTab(addin, 'Payments', payments);
  return { billingDate, invoices: invoices.length };
}
