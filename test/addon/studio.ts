// A small studio for integration tests: set up, Settings as the seed's studio, the seed's packages, clients.
import type { Addin } from './harness';

export const PACKAGES: unknown[][] = [
  ['PT10', 'PT', 'Paid in full', 10, 500, '', '', true],
  ['PT10-5F', 'PT', 'Instalments', 10, 1100, 5, 'Fortnightly', true],
  ['PT2W', 'PT 2 a week', 'Recurring', 4, 160, '', 'Fortnightly', true],
];

export interface Result<T> {
  ok: boolean;
  value: T;
  error?: string;
  field?: string;
}

export function ok<T>(r: unknown): T {
  const res = r as Result<T>;
  if (!res.ok) throw new Error(`expected ok, got: ${res.error}`);
  return res.value;
}

/** Types values into a tab's header-mapped columns the way a person would (one setValues). */
export function typeRows(addin: Addin, tab: string, rows: Record<string, unknown>[]): void {
  const sheet = addin.sheet(tab);
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const start = sheet.getLastRow() + 1;
  const values = rows.map((r) => header.map((h) => (h in r ? r[h] : '')));
  if (start + values.length - 1 > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), values.length + 10);
  sheet.getRange(start, 1, values.length, header.length).setValues(values as never);
}

export function setSetting(addin: Addin, key: string, value: unknown): void {
  const sheet = addin.sheet('Settings');
  const values = sheet.getDataRange().getValues();
  const row = values.findIndex((r) => r[0] === key);
  if (row < 0) throw new Error(`no setting ${key}`);
  sheet.getRange(row + 1, 2).setValue(value as never);
}

export function setUpStudio(addin: Addin, today = '2016-09-09'): void {
  ok(addin.run('setUpWorkbook', { today }));
  setSetting(addin, 'Business Name', 'Harbour PT');
  setSetting(addin, 'Billing Frequency', 'Fortnightly');
  setSetting(addin, 'Billing Day', '2016-09-13');
  const header = ['Package Code', 'Name', 'Kind', 'Sessions', 'Price', 'Instalments', 'Frequency', 'Active'];
  typeRows(
    addin,
    'Packages',
    PACKAGES.map((p) => Object.fromEntries(header.map((h, i) => [h, p[i]]))),
  );
  ok(
    addin.run('addClient', {
      name: 'Jane Citizen',
      email: 'jane@example.com',
      billingMethod: 'DD Full Integration',
      bsb: '062-000',
      accountNumber: '12345678',
      today,
    }),
  );
  ok(addin.run('addClient', { name: 'Sam Lee', billingMethod: 'Manual', today }));
  ok(addin.run('addClient', { name: 'Alex Wong', billingMethod: 'DD Reconciliation', today }));
}
