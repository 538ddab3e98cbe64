// The demo studio: the seed's Harbour PT with its three packages and a client on each billing method.
import type { AddinRuntime } from './runtime';

export const DEMO_SETTINGS: Record<string, unknown> = {
  'Business Name': 'Harbour PT',
  'Billing Frequency': 'Fortnightly',
  'Billing Day': '2016-09-16',
  'Dishonour Fee': 15,
  'ABA Bank': 'CBA',
  'ABA User Name': 'HARBOUR PT PTY LTD',
  'ABA User ID': '301500',
  'ABA Description': 'PT DEBITS',
  'Studio BSB': '032-000',
  'Studio Account Number': '123456',
  'Studio Account Name': 'HARBOUR PT PTY LTD',
  'ABA Balancing Record': 'Yes',
};

export const DEMO_PACKAGES: unknown[][] = [
  ['PT10', 'PT', 'Paid in full', 10, 500, '', '', true],
  ['PT10-5F', 'PT', 'Instalments', 10, 1100, 5, 'Fortnightly', true],
  ['PT2W', 'PT 2 a week', 'Recurring', 4, 160, '', 'Fortnightly', true],
];

export const DEMO_CLIENTS = [
  {
    name: 'Jane Citizen',
    email: 'jane@example.com',
    phone: '0400 111 222',
    billingMethod: 'DD Full Integration',
    bsb: '062-000',
    accountNumber: '12345678',
    ddReference: 'HPT-JANE',
  },
  {
    name: 'Chris Nguyen',
    email: 'chris@example.com',
    phone: '0400 333 444',
    billingMethod: 'DD Partial Integration',
    bsb: '063-111',
    accountNumber: '55501234',
    ddReference: 'HPT-CHRIS',
  },
  {
    name: 'Alex Wong',
    email: 'alex@example.com',
    billingMethod: 'DD Reconciliation',
    ddReference: 'HPT-ALEX',
  },
  { name: 'Sam Lee', email: 'sam@example.com', billingMethod: 'Manual' },
  {
    name: 'Priya Shah',
    email: 'priya@example.com',
    billingMethod: 'DD Full Integration',
    bsb: '732-000',
    accountNumber: '98765432',
    ddReference: 'HPT-PRIYA',
  },
];

function typeIntoSettings(addin: AddinRuntime, values: Record<string, unknown>): void {
  const sheet = addin.emu.spreadsheet.getSheetByName('Settings');
  if (!sheet) throw new Error('Settings tab missing');
  const range = sheet.getDataRange();
  const rows = range.getValues();
  for (const r of rows) if (typeof r[0] === 'string' && r[0] in values) r[1] = values[r[0]] as never;
  range.setValues(rows);
}

function typeIntoPackages(addin: AddinRuntime, rows: unknown[][]): void {
  const sheet = addin.emu.spreadsheet.getSheetByName('Packages');
  if (!sheet) throw new Error('Packages tab missing');
  sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, rows[0]!.length).setValues(rows as never);
}

/** What a studio owner would type in after Set up workbook, then the clients added through the add-in. */
export function addDemoData(addin: AddinRuntime, today: string): string[] {
  typeIntoSettings(addin, DEMO_SETTINGS);
  typeIntoPackages(addin, DEMO_PACKAGES);
  const ids: string[] = [];
  for (const c of DEMO_CLIENTS) {
    const r = addin.call<{ ok: boolean; value: { id: string }; error?: string }>('addClient', {
      ...c,
      today,
    });
    if (!r.ok) throw new Error(`demo client ${c.name}: ${r.error}`);
    ids.push(r.value.id);
  }
  return ids;
}
