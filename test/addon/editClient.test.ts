// Edit client through the bundle: the Direct Debit Request's dates written (the columns added to an older
// Clients tab on first use), only given fields changed, new bank details releasing a "fix details" hold,
// and every refusal (a shared DD Reference, a bad BSB, a DDR sent before it was signed, a duplicated ID)
// writing nothing.
import { describe, expect, it } from 'vitest';
import { loadAddin, type Addin } from './harness';
import { ok, setUpStudio } from './studio';

interface Answer {
  ok: boolean;
  error?: string;
  field?: string;
}

function studio(): Addin {
  const addin = loadAddin();
  setUpStudio(addin);
  return addin;
}

const header = (addin: Addin) => addin.tab('Clients')[0]!.map(String);
function row(addin: Addin, id: string): Record<string, unknown> {
  const [head, ...rows] = addin.tab('Clients');
  const r = rows.find((x) => x[0] === id)!;
  return Object.fromEntries(head!.map((h, i) => [String(h), r[i]]));
}

describe('Edit client', () => {
  it('records the DDR (signed, sent) and changes only the fields given; the log names the columns', () => {
    const addin = studio();
    // A Clients tab from before the DDR columns (and the Declined ones): the first edit adds them.
    const clients = addin.sheet('Clients');
    const from = header(addin).indexOf('Declined BSB') + 1;
    clients.deleteColumns(from, clients.getLastColumn() - from + 1);
    expect(header(addin)).not.toContain('Authority Signed');
    const e = ok<{ changed: string[]; released: boolean }>(
      addin.run('editClient', {
        clientId: 'C-0001',
        phone: '0400 999 000',
        authoritySigned: '2016-09-08',
        ddrSent: '2016-09-09',
        today: '2016-09-09',
      }),
    );
    expect(e.changed).toEqual(['Phone', 'Authority Signed', 'DDR Sent']);
    expect(e.released).toBe(false);
    // Only the columns set are added (Registered waits for the first registration file).
    expect(header(addin).slice(-3)).toEqual(['Status', 'Authority Signed', 'DDR Sent']);
    expect(row(addin, 'C-0001')).toMatchObject({
      Name: 'Jane Citizen',
      Phone: '0400 999 000',
      BSB: '062-000',
      'Account Number': '12345678',
      'Authority Signed': '2016-09-08',
      'DDR Sent': '2016-09-09',
    });
    const log = addin.tab('Log').at(-1)!;
    expect(log).toContain('Edit client');
    expect(String(log[2])).toBe('C-0001 Jane Citizen: Phone, Authority Signed, DDR Sent');
    expect(String(log[2])).not.toContain('12345678');

    // Blank clears a date; nothing else moves.
    ok(addin.run('editClient', { clientId: 'C-0001', ddrSent: '', today: '2016-09-09' }));
    expect(row(addin, 'C-0001')).toMatchObject({ 'Authority Signed': '2016-09-08', 'DDR Sent': '' });
  });

  it('a request that changes nothing writes nothing, not even the Log', () => {
    const addin = studio();
    const before = addin.tab('Log').length;
    const e = ok<{ changed: string[] }>(
      addin.run('editClient', { clientId: 'C-0001', name: 'Jane Citizen', today: '2016-09-09' }),
    );
    expect(e.changed).toEqual([]);
    expect(addin.tab('Log').length).toBe(before);
  });

  it('new bank details release a client held as Update bank details', () => {
    const addin = studio();
    const sheet = addin.sheet('Clients');
    ok(addin.run('editClient', { clientId: 'C-0001', status: 'Update bank details', today: '2016-09-09' }));
    // What a "fix details" decline leaves: the refused details kept on the row.
    const at = header(addin).indexOf('Declined BSB') + 1;
    sheet.getRange(2, at, 1, 2).setValues([['062-000', '12345678']]);
    const e = ok<{ changed: string[]; released: boolean; client: { status: string } }>(
      addin.run('editClient', { clientId: 'C-0001', bsb: '062 001', today: '2016-09-09' }),
    );
    expect(e.released).toBe(true);
    expect(e.changed).toEqual(['BSB', 'Status']);
    expect(row(addin, 'C-0001')).toMatchObject({
      BSB: '062-001',
      Status: 'Active',
      'Declined BSB': '',
      'Declined Account': '',
    });
  });

  it('refusals name their field and write nothing', () => {
    const addin = studio();
    ok(addin.run('editClient', { clientId: 'C-0001', ddReference: 'HPT-JANE', today: '2016-09-09' }));
    const before = JSON.stringify(addin.tab('Clients'));
    const logBefore = addin.tab('Log').length;
    const refuse = (req: Record<string, unknown>) =>
      addin.run<Answer>('editClient', { today: '2016-09-09', ...req });
    expect(refuse({ clientId: 'C-0003', ddReference: 'hpt-jane' })).toMatchObject({
      ok: false,
      field: 'ddReference',
      error: expect.stringContaining("is already C-0001 Jane Citizen's (Clients tab, row 2)"),
    });
    expect(refuse({ clientId: 'C-0001', bsb: '12' })).toMatchObject({ ok: false, field: 'bsb' });
    expect(refuse({ clientId: 'C-0001', accountNumber: '' })).toMatchObject({
      ok: false,
      field: 'accountNumber',
      error: "DD Full Integration needs the client's BSB and account number.",
    });
    expect(
      refuse({ clientId: 'C-0001', authoritySigned: '2016-09-09', ddrSent: '2016-09-08' }),
    ).toMatchObject({ ok: false, field: 'ddrSent' });
    expect(refuse({ clientId: 'C-0001', authoritySigned: '2016-09-10' })).toMatchObject({
      ok: false,
      field: 'authoritySigned',
    });
    expect(refuse({ clientId: 'C-0001', accountName: '=1+1' })).toMatchObject({
      ok: false,
      field: 'accountName',
    });
    expect(refuse({ clientId: 'C-0001', status: 'Gone' })).toMatchObject({ ok: false, field: 'status' });
    expect(refuse({ clientId: 'C-0009', name: 'X' })).toMatchObject({ ok: false, field: 'clientId' });
    expect(JSON.stringify(addin.tab('Clients'))).toBe(before);
    // Integrity first: a Client ID typed twice refuses every edit.
    addin.sheet('Clients').getRange(4, 1).setValue('C-0001');
    expect(refuse({ clientId: 'C-0002', phone: '1' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('C-0001'),
    });
    expect(addin.tab('Log').length).toBe(logBefore);
  });

  it('warns, without refusing, where an account name cannot be written in an ABA file', () => {
    const addin = studio();
    const e = ok<{ warnings: string[]; client: { accountName: string } }>(
      addin.run('editClient', { clientId: 'C-0001', accountName: 'José Ñúñez', today: '2016-09-09' }),
    );
    // Accents have a plain form: no warning, and the row keeps the name as typed.
    expect(e.warnings).toEqual([]);
    expect(row(addin, 'C-0001')['Account Name']).toBe('José Ñúñez');
    const w = ok<{ warnings: string[] }>(
      addin.run('editClient', { clientId: 'C-0001', accountName: '王小明', today: '2016-09-09' }),
    );
    expect(w.warnings).toEqual([expect.stringContaining('Account Name')]);
  });

  it('the form lists every client with their DDR', () => {
    const addin = studio();
    ok(addin.run('editClient', { clientId: 'C-0003', authoritySigned: '2016-09-01', today: '2016-09-09' }));
    const form = ok<{ clients: { id: string; authoritySigned?: string }[]; statuses: string[] }>(
      addin.run('getEditClientForm', { today: '2016-09-09' }),
    );
    expect(form.clients.map((c) => c.id)).toEqual(['C-0003', 'C-0001', 'C-0002']);
    expect(form.clients[0]).toMatchObject({ id: 'C-0003', authoritySigned: '2016-09-01' });
    expect(form.statuses).toContain('Update bank details');
  });

  it('Add client takes the DDR dates too, checked the same way', () => {
    const addin = studio();
    const c = ok<{ id: string }>(
      addin.run('addClient', {
        name: 'Chris Partial',
        billingMethod: 'DD Partial Integration',
        bsb: '063111',
        accountNumber: '55501234',
        authoritySigned: '2016-09-07',
        ddrSent: '2016-09-08',
        today: '2016-09-09',
      }),
    );
    expect(row(addin, c.id)).toMatchObject({ 'Authority Signed': '2016-09-07', 'DDR Sent': '2016-09-08' });
    const rows = addin.tab('Clients').length;
    expect(
      addin.run<Answer>('addClient', { name: 'Late', authoritySigned: '2016-09-10', today: '2016-09-09' }),
    ).toMatchObject({ ok: false, field: 'authoritySigned' });
    expect(addin.tab('Clients').length).toBe(rows);
  });
});
