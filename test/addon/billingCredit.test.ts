// Process Billing spends a client's credit before it works out what to debit: once, dated the billing day,
// as pairs; a preview shows the same amounts and reserves no ID.
import { describe, expect, it } from 'vitest';
import { loadAddin, records, type Addin } from './harness';
import { billingStudio, ok, typeRows } from './studio';

/** Jane (C-0001) overpaid an earlier report by $100: a Payments row with no invoice. */
function studioWithCredit(): Addin {
  const addin = billingStudio(loadAddin());
  typeRows(addin, 'Payments', [
    {
      'Payment ID': 'P-000900',
      Date: '2016-09-14',
      'Client ID': 'C-0001',
      'Invoice ID': '',
      Amount: 100,
      Method: 'DD report',
      Reference: 'overpaid',
    },
  ]);
  return addin;
}

type Run = { rows: { clientId: string; invoiceIds: string[]; amountDue: number }[] };

describe('Process Billing and credit', () => {
  it('shows Amount Due net of credit, spends it once as a dated pair, and a re-run spends nothing again', () => {
    const addin = studioWithCredit();
    const preview = ok<Run>(
      addin.run('previewBillingRun', { billingDate: '2016-09-16', today: '2016-09-16' }),
    );
    const before = records(addin.tab('Payments')).length;
    expect(preview.rows.find((r) => r.clientId === 'C-0001')!.amountDue).toBe(26995 - 10000);
    expect(records(addin.tab('Payments'))).toHaveLength(before);

    const run = ok<Run>(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    const jane = run.rows.find((r) => r.clientId === 'C-0001')!;
    expect(jane.amountDue).toBe(16995);
    const pair = records(addin.tab('Payments')).slice(before);
    expect(pair.map((p) => [p['Payment ID'], p['Date'], p['Invoice ID'], p['Amount'], p['Method']])).toEqual([
      // Oldest first: the protein powder due 14 Sep, then the instalment due 16 Sep.
      ['P-000901', '2016-09-16', '', -49.95, 'Credit'],
      ['P-000902', '2016-09-16', 'INV-000009', 49.95, 'Credit'],
      ['P-000903', '2016-09-16', '', -50.05, 'Credit'],
      ['P-000904', '2016-09-16', 'INV-000001', 50.05, 'Credit'],
    ]);
    const status = (id: string) => {
      const i = records(addin.tab('Invoices')).find((x) => x['Invoice ID'] === id)!;
      return [i['Paid'], i['Status']];
    };
    expect(status('INV-000009')).toEqual([49.95, 'Paid']);
    expect(status('INV-000001')).toEqual([50.05, 'Part paid']);

    ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    expect(records(addin.tab('Payments'))).toHaveLength(before + 4);
    const sum = records(addin.tab('Payments'))
      .filter((p) => p['Client ID'] === 'C-0001')
      .reduce((s, p) => s + Math.round(Number(p['Amount']) * 100), 0);
    expect(sum).toBe(10000);
  });

  it('a client whose credit covers everything due is not debited', () => {
    const addin = billingStudio(loadAddin());
    typeRows(addin, 'Payments', [
      {
        'Payment ID': 'P-000900',
        Date: '2016-09-14',
        'Client ID': 'C-0004',
        'Invoice ID': '',
        Amount: 200,
        Method: 'DD report',
        Reference: '',
      },
    ]);
    const run = ok<Run>(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    expect(run.rows.map((r) => r.clientId)).not.toContain('C-0004');
    const chris = records(addin.tab('Invoices')).filter((i) => i['Client ID'] === 'C-0004');
    expect(chris.map((i) => i['Status'])).toEqual(['Paid']);
  });

  it('a client held for bank details is Active again once the details change, and debited', () => {
    const addin = billingStudio(loadAddin());
    const sheet = addin.sheet('Clients');
    const values = sheet.getDataRange().getValues();
    const col = (h: string) => values[0]!.indexOf(h) + 1;
    sheet.getRange(2, col('Status')).setValue('Update bank details');
    sheet.getRange(2, col('Declined BSB')).setValue('062-000');
    sheet.getRange(2, col('Declined Account')).setValue('11111111');
    const run = ok<Run>(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    expect(run.rows.map((r) => r.clientId)).toContain('C-0001');
    const jane = records(addin.tab('Clients'))[0]!;
    expect([jane['Status'], jane['Declined BSB'], jane['Declined Account']]).toEqual(['Active', '', '']);
  });
});
