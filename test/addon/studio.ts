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

/** The fixture's bank details, a Friday billing day from 16 Sep 2016, and a $15 dishonour fee. */
export function setBankSettings(addin: Addin): void {
  setSetting(addin, 'Billing Day', '2016-09-16');
  setSetting(addin, 'Dishonour Fee', 15);
  setSetting(addin, 'ABA Bank', 'CBA');
  setSetting(addin, 'ABA User Name', 'HARBOUR PT PTY LTD');
  setSetting(addin, 'ABA User ID', '301500');
  setSetting(addin, 'ABA Description', 'PT DEBITS');
  setSetting(addin, 'Studio BSB', '032-000');
  setSetting(addin, 'Studio Account Number', '123456');
  setSetting(addin, 'Studio Account Name', 'HARBOUR PT PTY LTD');
}

/**
 * The seed's studio billing on Fridays: C-0001 Jane (DD Full, PT10-5F and a $49.95 ad-hoc invoice),
 * C-0002 Sam (Manual, PT10), C-0003 Alex (DD Reconciliation, PT2W), C-0004 Chris (DD Partial, PT2W).
 */
export function billingStudio(addin: Addin, opts: { balancing?: boolean } = {}): Addin {
  const today = '2016-09-13';
  setUpStudio(addin, today);
  setBankSettings(addin);
  if (opts.balancing) setSetting(addin, 'ABA Balancing Record', 'Yes');
  ok(
    addin.run('addClient', {
      name: 'Chris Partial',
      billingMethod: 'DD Partial Integration',
      bsb: '063111',
      accountNumber: '55501234',
      ddReference: 'HPT-CHRIS',
      today,
    }),
  );
  ok(addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10-5F', today }));
  ok(addin.run('sellPackage', { clientId: 'C-0002', packageCode: 'PT10', today }));
  ok(addin.run('sellPackage', { clientId: 'C-0003', packageCode: 'PT2W', today }));
  ok(addin.run('sellPackage', { clientId: 'C-0004', packageCode: 'PT2W', today }));
  ok(
    addin.run('addAdHocInvoice', {
      clientId: 'C-0001',
      description: 'Protein powder',
      amount: '49.95',
      dueDate: '2016-09-14',
      today,
    }),
  );
  return addin;
}
