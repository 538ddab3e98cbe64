// Process Billing with clients who may not be debited: held invoices listed in their own section with the
// reason, Inactive / DD stopped / bank-details clients listed as not debited, and no recurring cycle rolled
// for an Inactive client.
import { describe, expect, it } from 'vitest';
import { loadAddin, records, type Addin } from './harness';
import { billingStudio, ok } from './studio';

function studio(): Addin {
  return billingStudio(loadAddin());
}

function setCell(addin: Addin, tab: string, id: string, header: string, value: unknown): void {
  const sheet = addin.sheet(tab);
  const values = sheet.getDataRange().getValues();
  const col = values[0]!.indexOf(header);
  const row = values.findIndex((r) => r[0] === id);
  if (col < 0 || row < 0) throw new Error(`${tab} ${id} ${header}`);
  sheet.getRange(row + 1, col + 1).setValue(value as never);
}

type Run = {
  rows: { clientId: string }[];
  held: { clientId: string; invoiceId: string; amount: number; reason: string }[];
  skipped: { clientId: string; invoiceIds: string[]; amount: number; reason: string }[];
  invoicesCreated: number;
};

describe('Process Billing lists who is not debited, and why', () => {
  it('a held invoice is out of the debit and listed once with its reason', () => {
    const addin = studio();
    setCell(addin, 'Invoices', 'INV-000001', 'Status', 'Held');
    setCell(addin, 'Invoices', 'INV-000001', 'Decline Reason', 'Refer to customer (code 6)');
    const run = ok<Run>(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    // Jane's ad-hoc invoice is still debited; her held instalment is not.
    expect(run.held).toEqual([
      expect.objectContaining({
        clientId: 'C-0001',
        invoiceId: 'INV-000001',
        amount: 22000,
        reason: 'Refer to customer (code 6)',
      }),
    ]);
    const tab = addin.tab('Process Billing');
    const title = tab.findIndex((r) => r[0] === 'Held: not debited until a person releases them');
    expect(title).toBeGreaterThan(3);
    expect(tab[title + 1]).toEqual([
      'C-0001',
      'Jane Citizen',
      'DD Full Integration',
      'INV-000001',
      220,
      '',
      '',
      'Refer to customer (code 6)',
    ]);
    expect(tab.filter((r) => r[0] === 'C-0001')).toHaveLength(2);
    const debit = tab.find((r) => r[0] === 'C-0001' && r[6] === true)!;
    expect(debit[3]).toBe('INV-000009');
  });

  it('DD stopped and Inactive clients are not debited and are listed with why; Inactive rolls no new cycle', () => {
    const addin = studio();
    setCell(addin, 'Clients', 'C-0004', 'Status', 'DD stopped');
    setCell(addin, 'Clients', 'C-0003', 'Status', 'Inactive');
    const invoicesBefore = records(addin.tab('Invoices')).length;
    const run = ok<Run>(addin.run('runBilling', { billingDate: '2016-09-30', today: '2016-09-30' }));
    expect(run.rows.map((r) => r.clientId)).toEqual(['C-0001']);
    expect(run.skipped.map((s) => [s.clientId, s.reason.split(':')[0]])).toEqual([
      ['C-0004', 'DD stopped'],
      ['C-0003', 'Inactive'],
    ]);
    // Chris (DD stopped) still gets his 30 Sep cycle: he owes it. Alex (Inactive) does not.
    const created = records(addin.tab('Invoices')).slice(invoicesBefore);
    expect(created.map((i) => i['Client ID'])).toEqual(['C-0004']);
    expect(run.invoicesCreated).toBe(1);
  });

  it('a client whose bank details the bank refused is debited again once BSB or account change', () => {
    const addin = studio();
    setCell(addin, 'Clients', 'C-0001', 'Status', 'Update bank details');
    setCell(addin, 'Clients', 'C-0001', 'Declined BSB', '062-000');
    setCell(addin, 'Clients', 'C-0001', 'Declined Account', '12345678');
    const before = ok<Run>(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    expect(before.skipped.map((s) => s.clientId)).toEqual(['C-0001']);
    setCell(addin, 'Clients', 'C-0001', 'Account Number', '87654321');
    const after = ok<Run>(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    expect(after.skipped).toEqual([]);
    expect(after.rows.map((r) => r.clientId)).toContain('C-0001');
  });
});
