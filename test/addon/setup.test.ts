import { describe, expect, it } from 'vitest';
import { loadAddin, records } from './harness';
import { ok, typeRows } from './studio';
import { TABS, TAB_ORDER } from '../../src/sheets/schema';

describe('Set up workbook', () => {
  it('creates every tab with its headers, bold and frozen, formats, drop-downs and Settings rows', () => {
    const addin = loadAddin();
    const r = ok<{ created: string[] }>(addin.run('setUpWorkbook', { today: '2016-09-09' }));
    expect(r.created).toEqual(TAB_ORDER.map((k) => TABS[k].name));
    for (const key of TAB_ORDER) {
      const spec: { name: string; columns: readonly { header: string }[] } = TABS[key];
      const sheet = addin.sheet(spec.name);
      expect(sheet.getFrozenRows(), spec.name).toBe(1);
      if (!spec.columns.length) continue; // the DD Report tab takes whatever is pasted
      const header = sheet.getRange(1, 1, 1, spec.columns.length).getValues()[0];
      expect(header, spec.name).toEqual(spec.columns.map((c) => c.header));
      expect(sheet.getFrozenRows()).toBe(1);
    }
    const inv = addin.sheet('Invoices');
    expect(inv.getRange('F2').getNumberFormat()).toBe('dd/mm/yyyy');
    expect(inv.getRange('G500').getNumberFormat()).toBe('$#,##0.00');
    expect(inv.getRange('A2').getNumberFormat()).toBe('@');
    const status = inv.getRange('I2').getDataValidation();
    expect(status?.getCriteriaType()).toBe(SpreadsheetAppEnum(addin).VALUE_IN_LIST);
    expect(status?.getCriteriaValues()[0]).toEqual([
      'Open',
      'Sent',
      'Part paid',
      'Paid',
      'Declined',
      'Held',
      'Cancelled',
      'Written off',
    ]);
    const include = addin.sheet('Process Billing').getRange('G2').getDataValidation();
    expect(include?.getCriteriaType()).toBe(SpreadsheetAppEnum(addin).CHECKBOX);
    const methods = addin.sheet('Clients').getRange('E2').getDataValidation();
    expect(methods?.getCriteriaValues()[0]).toEqual([
      'Manual',
      'DD Full Integration',
      'DD Partial Integration',
      'DD Reconciliation',
    ]);

    const settings = records(addin.tab('Settings'));
    expect(settings.map((s) => s.Setting)).toEqual([
      'Business Name',
      'Time Zone',
      'Billing Frequency',
      'Billing Day',
      'Dishonour Fee',
      'Retry Limit',
      'ABA Bank',
      'ABA User Name',
      'ABA User ID',
      'ABA Description',
      'Studio BSB',
      'Studio Account Number',
      'Studio Account Name',
      'ABA Balancing Record',
      'Report Date Order',
    ]);
    expect(settings.find((s) => s.Setting === 'Billing Day')!.Value).toBe('2016-09-09');
    expect(settings.find((s) => s.Setting === 'Time Zone')!.Value).toBe('Australia/Sydney');
    const log = records(addin.tab('Log'));
    expect(log).toHaveLength(1);
    expect(log[0]!.Action).toBe('Set up workbook');
  });

  it('run again on a workbook in use adds only what is missing and keeps user rows and columns', () => {
    const addin = loadAddin();
    ok(addin.run('setUpWorkbook', { today: '2016-09-09' }));
    // A user reorders Clients, adds a column with a formula, deletes one of ours, and types rows.
    const clients = addin.sheet('Clients');
    clients.clear();
    const header = [
      'Name',
      'Client ID',
      'Notes',
      'Email',
      'Phone',
      'Billing Method',
      'DD Reference',
      'BSB',
      'Account Number',
      'Account Name',
    ];
    clients.getRange(1, 1, 1, header.length).setValues([header]);
    clients.getRange(2, 1, 2, header.length).setValues([
      ['Jane', 'C-0001', '=LEN(A2)', 'j@x.com', '', 'Manual', '', '', '', ''],
      ['Sam', 'C-0002', 'likes mornings', '', '', 'Manual', '', '', '', ''],
    ]);
    const settings = addin.sheet('Settings');
    settings.getRange('B2').setValue('Harbour PT');
    settings.deleteRows(6, 1); // the user deleted the Dishonour Fee row
    const before = addin.tab('Clients');

    const again = ok<{ created: string[]; headersAdded: string[]; settingsAdded: string[] }>(
      addin.run('setUpWorkbook', { today: '2016-09-09' }),
    );
    expect(again.created).toEqual([]);
    expect(again.headersAdded).toEqual([
      'Clients: Status',
      'Clients: Declined BSB',
      'Clients: Declined Account',
      'Clients: Authority Signed',
      'Clients: DDR Sent',
      'Clients: Registered',
    ]);
    expect(again.settingsAdded).toEqual(['Dishonour Fee']);
    const after = addin.tab('Clients');
    expect(after.map((r) => r.slice(0, header.length))).toEqual(before.map((r) => r.slice(0, header.length)));
    expect(after[0]![header.length]).toBe('Status');
    expect(clients.getRange('C2').getFormula()).toBe('=LEN(A2)');
    expect(records(addin.tab('Settings')).find((s) => s.Setting === 'Business Name')!.Value).toBe(
      'Harbour PT',
    );
    expect(records(addin.tab('Settings')).filter((s) => s.Setting === 'Dishonour Fee')).toHaveLength(1);

    // The reordered tab still works: a new client lands under the right headers.
    ok(addin.run('addClient', { name: 'Alex', today: '2016-09-09' }));
    const rows = records(addin.tab('Clients'));
    expect(rows.at(-1)).toMatchObject({
      Name: 'Alex',
      'Client ID': 'C-0003',
      Notes: '',
      'Billing Method': 'Manual',
      Status: 'Active',
    });
    expect(records(addin.tab('Log')).map((l) => l.Action)).toEqual([
      'Set up workbook',
      'Set up workbook',
      'Add client',
    ]);
    void typeRows;
  });

  it('run again on tabs whose header row is below a title row keeps that header row and adds to it', () => {
    const addin = loadAddin();
    ok(addin.run('setUpWorkbook', { today: '2016-09-09' }));
    // A user puts a title above the Clients headers (readTable finds headers in rows 1-10) and a row below.
    const clients = addin.sheet('Clients');
    clients.clear();
    const header = TABS.clients.columns.map((c) => c.header);
    clients.getRange(1, 1).setValue('Harbour PT clients');
    clients.getRange(2, 1, 1, header.length).setValues([header]);
    clients
      .getRange(3, 1, 1, header.length)
      .setValues([
        [
          'C-0001',
          'Jane',
          'j@x.com',
          '',
          'Manual',
          '',
          '',
          '',
          '',
          'Active',
          ...header.slice(10).map(() => ''),
        ],
      ]);
    // Invoices likewise, without the optional Decline Reason column and with a user column at the end.
    const invoices = addin.sheet('Invoices');
    invoices.clear();
    const invHeader = [
      ...TABS.invoices.columns.map((c) => c.header).filter((h) => h !== 'Decline Reason'),
      'Notes',
    ];
    invoices.getRange(1, 1).setValue('Invoices 2016');
    invoices.getRange(2, 1, 1, invHeader.length).setValues([invHeader]);

    const again = ok<{ created: string[]; headersAdded: string[] }>(
      addin.run('setUpWorkbook', { today: '2016-09-09' }),
    );
    expect(again.created).toEqual([]);
    expect(again.headersAdded).toEqual(['Invoices: Decline Reason']);
    // Row 1 keeps only its title; the headers stay in row 2, bold and frozen through it.
    expect(clients.getLastColumn()).toBe(header.length);
    expect(clients.getRange(1, 1, 1, header.length).getValues()[0]).toEqual([
      'Harbour PT clients',
      ...header.slice(1).map(() => ''),
    ]);
    expect(clients.getRange(2, 1, 1, header.length).getValues()[0]).toEqual(header);
    expect(clients.getFrozenRows()).toBe(2);
    expect(clients.getRange('A2').getFontWeight()).toBe('bold');
    expect(clients.getRange('A1').getFontWeight()).toBe('normal');
    // Formats start below the header row: the title cell is not made plain text or given a drop-down.
    expect(clients.getRange('A1').getNumberFormat()).not.toBe('@');
    expect(clients.getRange('E2').getDataValidation()).toBeNull();
    expect(clients.getRange('A3').getNumberFormat()).toBe('@');
    expect(clients.getRange('E3').getDataValidation()?.getCriteriaValues()[0]).toContain('Manual');
    // The missing optional header lands after the last used cell of row 2, not in row 1.
    expect(invoices.getRange(1, 1, 1, invHeader.length + 1).getValues()[0]).toEqual([
      'Invoices 2016',
      ...invHeader.map(() => ''),
    ]);
    expect(invoices.getRange(2, 1, 1, invHeader.length + 1).getValues()[0]).toEqual([
      ...invHeader,
      'Decline Reason',
    ]);
    expect(invoices.getFrozenRows()).toBe(2);

    // A new client lands in row 4 under the right headers, and the user's row is untouched.
    ok(addin.run('addClient', { name: 'Alex', phone: '0412 345 678', today: '2016-09-09' }));
    const rows = clients.getRange(1, 1, 4, header.length).getValues();
    expect(rows[2]!.slice(0, 10)).toEqual([
      'C-0001',
      'Jane',
      'j@x.com',
      '',
      'Manual',
      '',
      '',
      '',
      '',
      'Active',
    ]);
    expect(records(rows.slice(1))[1]).toMatchObject({
      'Client ID': 'C-0002',
      Name: 'Alex',
      Phone: '0412 345 678',
      'Billing Method': 'Manual',
      Status: 'Active',
    });
    expect(clients.getLastRow()).toBe(4);
    // Actions reading Invoices still work (a sale's invoice lands in row 3).
    typeRows(addin, 'Packages', [
      { 'Package Code': 'PT10', Name: 'PT', Kind: 'Paid in full', Sessions: 10, Price: 500, Active: true },
    ]);
    ok(addin.run('sellPackage', { clientId: 'C-0002', packageCode: 'PT10', today: '2016-09-13' }));
    const inv = records(addin.tab('Invoices').slice(1));
    expect(inv).toHaveLength(1);
    expect(inv[0]).toMatchObject({
      'Invoice ID': 'INV-000001',
      'Client ID': 'C-0002',
      Amount: 500,
      Notes: '',
    });
  });
});

function SpreadsheetAppEnum(addin: ReturnType<typeof loadAddin>) {
  return (addin.emu.globals.SpreadsheetApp as unknown as { DataValidationCriteria: Record<string, unknown> })
    .DataValidationCriteria;
}
