import { describe, expect, it } from 'vitest';
import { loadAddin, records } from './harness';
import { ok, setSetting, setUpStudio, typeRows } from './studio';

describe('cell safety and columns users change', () => {
  it('names that look like numbers or hold a formula sign inside stay text', () => {
    const addin = loadAddin();
    setUpStudio(addin);
    const names = ['0012', 'Pat =HYPERLINK("x")', 'Jo-Ann +1'];
    for (const name of names)
      ok(addin.run('addClient', { name, phone: name === '0012' ? '0400 000 000' : '', today: '2016-09-09' }));
    const sheet = addin.sheet('Clients');
    const range = sheet.getDataRange();
    const formulas = range.getFormulas().flat().filter(Boolean);
    expect(formulas).toEqual([]);
    const got = records(addin.tab('Clients'))
      .slice(-names.length)
      .map((c) => c.Name);
    expect(got).toEqual(names);
  });

  it('a name starting = + - @ is refused at Add client (it would start a formula in an upload file)', () => {
    const addin = loadAddin();
    setUpStudio(addin);
    const before = addin.tab('Clients');
    for (const name of ['=HYPERLINK("x")', '+61 400 000 000', '-Dash', '@handle']) {
      const r = addin.run<{ ok: boolean; field?: string }>('addClient', { name, today: '2016-09-09' });
      expect(r).toMatchObject({ ok: false, field: 'name' });
    }
    expect(addin.tab('Clients')).toEqual(before);
  });

  it('text lands as text in plain-text columns whose format a user removed', () => {
    const addin = loadAddin();
    setUpStudio(addin);
    const sheet = addin.sheet('Clients');
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
    const col = (h: string) => header.indexOf(h) + 1;
    const rows = sheet.getMaxRows();
    // Back to the automatic format, and no format at all.
    sheet.getRange(1, col('Phone'), rows, 1).setNumberFormat('0.###############');
    sheet.getRange(1, col('DD Reference'), rows, 1).clearFormat();
    sheet.getRange(1, col('Account Number'), rows, 1).setNumberFormat('0');
    const id = ok<{ id: string }>(
      addin.run('addClient', {
        name: 'Pat Format',
        phone: '0412345678',
        ddReference: '1E5',
        billingMethod: 'DD Full Integration',
        bsb: '062-000',
        accountNumber: '000123',
        today: '2016-09-09',
      }),
    ).id;
    const r = sheet.getLastRow();
    const cells = ['Client ID', 'Phone', 'DD Reference', 'BSB', 'Account Number'].map((h) =>
      sheet.getRange(r, col(h)),
    );
    expect(cells.map((c) => c.getValue())).toEqual([id, '0412345678', '1E5', '062-000', '000123']);
    expect(sheet.getDataRange().getFormulas().flat().filter(Boolean)).toEqual([]);
    // Only the written cells were made plain text again.
    expect(cells.map((c) => c.getNumberFormat())).toEqual(['@', '@', '@', '@', '@']);
    expect(sheet.getRange(r + 1, col('Phone')).getNumberFormat()).toBe('0.###############');
  });

  it('a user formula in a plain-text column, inside a block an action writes, stays a formula', () => {
    const addin = loadAddin();
    setUpStudio(addin);
    setSetting(addin, 'Billing Day', '2016-09-16');
    // Jane's five instalments are rows 2-6 and her protein powder row 7.
    ok(addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10-5F', today: '2016-09-13' }));
    ok(
      addin.run('addAdHocInvoice', {
        clientId: 'C-0001',
        description: 'Protein powder',
        amount: '49.95',
        dueDate: '2016-09-14',
        today: '2016-09-13',
      }),
    );
    const sheet = addin.sheet('Invoices');
    // A formula in Batch ID of an invoice not being sent, between rows that are.
    sheet.getRange('J5').setFormula('=IF(FALSE,"B-1","")');
    ok(addin.run('runBilling', { billingDate: '2016-09-30', today: '2016-09-30' }));
    ok(addin.run('createDebitFile', { format: 'csv', today: '2016-09-30' }));
    const rows = records(addin.tab('Invoices'));
    expect(rows.map((r) => [r['Invoice ID'], r.Status, r['Batch ID']])).toEqual([
      ['INV-000001', 'Sent', 'B-000001'],
      ['INV-000002', 'Sent', 'B-000001'],
      ['INV-000003', 'Open', ''],
      ['INV-000004', 'Open', ''],
      ['INV-000005', 'Open', ''],
      ['INV-000006', 'Sent', 'B-000001'],
    ]);
    expect(sheet.getRange('J5').getFormula()).toBe('=IF(FALSE,"B-1","")');
    expect(sheet.getRange('J4').getNumberFormat()).toBe('@');
  });

  it('a user-text ad-hoc description is kept literal and its amount in cents', () => {
    const addin = loadAddin();
    setUpStudio(addin);
    const inv = ok<{ id: string; amount: number }>(
      addin.run('addAdHocInvoice', {
        clientId: 'C-0001',
        description: '=1+1 protein',
        amount: '$49.95',
        dueDate: '2016-09-20',
        today: '2016-09-13',
      }),
    );
    expect(inv).toMatchObject({ id: 'INV-000001', amount: 4995 });
    const row = records(addin.tab('Invoices'))[0]!;
    expect(row).toMatchObject({
      Description: '=1+1 protein',
      Amount: 49.95,
      'Due Date': '2016-09-20',
      'Sale ID': '',
      Instalment: '',
      Status: 'Open',
    });
    expect(addin.sheet('Invoices').getDataRange().getFormulas().flat().filter(Boolean)).toEqual([]);
  });

  it('writes land under the right headers when columns are reordered, and user columns are untouched', () => {
    const addin = loadAddin();
    setUpStudio(addin);
    // Rebuild Invoices with its columns in another order and a user column with a formula between them.
    const inv = addin.sheet('Invoices');
    inv.clear();
    const header = [
      'Due Date',
      'Invoice ID',
      'My check',
      'Amount',
      'Client ID',
      'Status',
      'Sale ID',
      'Description',
      'Instalment',
      'Paid',
      'Batch ID',
    ];
    inv.getRange(1, 1, 1, header.length).setValues([header]);
    typeRows(addin, 'Invoices', [
      {
        'Due Date': '2016-09-01',
        'Invoice ID': 'INV-000050',
        'My check': '=D2*2',
        Amount: 10,
        'Client ID': 'C-0003',
        Status: 'Open',
        Paid: 0,
      },
    ]);
    ok(addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10', today: '2016-09-13' }));
    const rows = records(addin.tab('Invoices'));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      'Invoice ID': 'INV-000051',
      'Due Date': '2016-09-13',
      Amount: 500,
      'Client ID': 'C-0001',
      Status: 'Open',
      'My check': '',
    });
    expect(inv.getRange('C2').getFormula()).toBe('=D2*2');
    expect(rows[0]).toMatchObject({ 'Invoice ID': 'INV-000050', Amount: 10 });
  });

  it('a second execution against the same spreadsheet continues the IDs', () => {
    const first = loadAddin();
    setUpStudio(first);
    ok(first.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10', today: '2016-09-13' }));
    const second = loadAddin({ emu: first.emu });
    const r = ok<{ saleId: string }>(
      second.run('sellPackage', { clientId: 'C-0002', packageCode: 'PT10', today: '2016-09-13' }),
    );
    expect(r.saleId).toBe('S-000002');
    expect(records(first.tab('Invoices')).map((i) => i['Invoice ID'])).toEqual(['INV-000001', 'INV-000002']);
  });
});
