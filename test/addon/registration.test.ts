// The registration file through the bundle: read back with a CSV parser, every field compared with the
// Clients row and with the debit schedule (Jane's 5 x $220 fortnightly instalments, Alex's open-ended
// $160 recurring package); clients marked Registered and never exported twice unless again; a name that
// would be a formula guarded; a DD stopped client left out and named.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadAddin, type Addin } from './harness';
import { ok, setUpStudio } from './studio';

interface RegistrationFile {
  fileName: string;
  content: string;
  registered: { id: string; name: string }[];
  leftOut: { id: string; name: string; reason: string }[];
}

const TODAY = '2016-09-09';

function studio(): Addin {
  const addin = loadAddin();
  setUpStudio(addin, TODAY);
  ok(addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10-5F', today: TODAY }));
  ok(addin.run('sellPackage', { clientId: 'C-0003', packageCode: 'PT2W', today: TODAY }));
  ok(
    addin.run('editClient', {
      clientId: 'C-0001',
      phone: '+61 400 111 222',
      authoritySigned: '2016-09-08',
      ddrSent: '2016-09-09',
      today: TODAY,
    }),
  );
  ok(addin.run('editClient', { clientId: 'C-0003', ddReference: 'EZ-4471', today: TODAY }));
  // Typed by hand on the tab (Edit client refuses it): the file must not run it as a formula.
  addin.sheet('Clients').getRange(4, 2).setValue('@Alex Wong');
  return addin;
}

function clientRows(addin: Addin): Record<string, Record<string, unknown>> {
  const [head, ...rows] = addin.tab('Clients');
  return Object.fromEntries(
    rows.map((r) => [String(r[0]), Object.fromEntries(head!.map((h, i) => [String(h), r[i]]))]),
  );
}

const parse = (content: string) =>
  Papa.parse<Record<string, string>>(content, { header: true, skipEmptyLines: true }).data;

describe('registration file', () => {
  it('one row per DD client not yet registered, every field as the Clients row and the schedule say', () => {
    const addin = studio();
    const f = ok<RegistrationFile>(addin.run('exportRegistration', { today: TODAY }));
    expect(f.fileName).toBe('registration-2016-09-09.csv');
    expect(f.registered.map((c) => c.id)).toEqual(['C-0001', 'C-0003']);
    expect(f.content.split('\r\n')[0]).toBe(
      'Client ID,Name,Email,Phone,Billing Method,DD Reference,Account Name,BSB,Account Number,Authority Signed,DDR Sent,Debits,First Debit,First Amount,Last Debit,Total,Until Cancelled,Summary,Schedule,Held',
    );
    const rows = parse(f.content);
    const clients = clientRows(addin);
    const jane = clients['C-0001']!;
    expect(rows[0]).toEqual({
      'Client ID': 'C-0001',
      Name: jane.Name,
      Email: jane.Email,
      // Text a spreadsheet would run as a formula keeps a leading apostrophe.
      Phone: "'+61 400 111 222",
      'Billing Method': 'DD Full Integration',
      'DD Reference': jane['DD Reference'],
      'Account Name': jane['Account Name'],
      BSB: '062-000',
      'Account Number': '12345678',
      'Authority Signed': jane['Authority Signed'],
      'DDR Sent': jane['DDR Sent'],
      Debits: '5',
      'First Debit': '2016-09-13',
      'First Amount': '220.00',
      'Last Debit': '2016-11-08',
      Total: '1100.00',
      'Until Cancelled': 'No',
      Summary: '5 x $220.00 every fortnight from 2016-09-13',
      Schedule:
        '2016-09-13 220.00 S-000001; 2016-09-27 220.00 S-000001; 2016-10-11 220.00 S-000001; 2016-10-25 220.00 S-000001; 2016-11-08 220.00 S-000001',
      Held: '',
    });
    expect(jane).toMatchObject({ 'Authority Signed': '2016-09-08', 'DDR Sent': '2016-09-09' });
    const alex = clients['C-0003']!;
    expect(rows[1]).toMatchObject({
      'Client ID': 'C-0003',
      Name: "'@Alex Wong",
      'DD Reference': 'EZ-4471',
      'Account Name': `'${String(alex.Name)}`,
      BSB: '',
      'Account Number': '',
      'Authority Signed': '',
      Debits: '6',
      'First Debit': '2016-09-13',
      'First Amount': '160.00',
      'Last Debit': '',
      Total: '',
      'Until Cancelled': 'Yes',
    });
    expect(rows[1]!.Schedule!.split('; ')).toEqual(
      ['09-13', '09-27', '10-11', '10-25', '11-08', '11-22'].map((d) => `2016-${d} 160.00 S-000002`),
    );
    expect(rows).toHaveLength(2);
    // Marked registered today, and the Log says who went.
    expect(clientRows(addin)['C-0001']!.Registered).toBe(TODAY);
    expect(clientRows(addin)['C-0003']!.Registered).toBe(TODAY);
    expect(clientRows(addin)['C-0002']!.Registered).toBe('');
    expect(String(addin.tab('Log').at(-1)![2])).toBe('registration-2016-09-09.csv: C-0001 C-0003');
  });

  it('never exports a client twice unless again; again exports them and moves the date', () => {
    const addin = studio();
    ok(addin.run('exportRegistration', { today: TODAY }));
    const logRows = addin.tab('Log').length;
    const second = ok<RegistrationFile>(addin.run('exportRegistration', { today: '2016-09-10' }));
    expect(second.registered).toEqual([]);
    expect(second.content).toBe('');
    expect(second.leftOut.map((c) => c.reason)).toEqual([
      'registered on 2016-09-09',
      'registered on 2016-09-09',
    ]);
    expect(addin.tab('Log').length).toBe(logRows);
    // A new DD client is the only one in the next file.
    ok(
      addin.run('addClient', {
        name: 'Chris Partial',
        billingMethod: 'DD Partial Integration',
        bsb: '063111',
        accountNumber: '55501234',
        today: '2016-09-10',
      }),
    );
    const third = ok<RegistrationFile>(addin.run('exportRegistration', { today: '2016-09-10' }));
    expect(parse(third.content).map((r) => [r['Client ID'], r.Debits, r.Summary])).toEqual([
      ['C-0004', '0', ''],
    ]);
    const again = ok<RegistrationFile>(addin.run('exportRegistration', { again: true, today: '2016-09-11' }));
    expect(again.registered.map((c) => c.id)).toEqual(['C-0001', 'C-0003', 'C-0004']);
    expect(clientRows(addin)['C-0001']!.Registered).toBe('2016-09-11');
  });

  it('a client who may not be debited is left out, named with why, and stays unregistered', () => {
    const addin = studio();
    ok(addin.run('editClient', { clientId: 'C-0001', status: 'DD stopped', today: TODAY }));
    const f = ok<RegistrationFile>(addin.run('exportRegistration', { today: TODAY }));
    expect(f.registered.map((c) => c.id)).toEqual(['C-0003']);
    expect(f.leftOut).toEqual([
      { id: 'C-0001', name: 'Jane Citizen', reason: expect.stringContaining('DD stopped') },
    ]);
    expect(clientRows(addin)['C-0001']!.Registered).toBe('');
  });
});
