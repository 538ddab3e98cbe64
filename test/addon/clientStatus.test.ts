// Who may buy and be added: an Inactive client buys nothing; a client whose debits the bank stopped may, with
// a warning; a DD Reference belongs to one client.
import { describe, expect, it } from 'vitest';
import { loadAddin, records, type Addin } from './harness';
import { billingStudio, ok } from './studio';

function setStatus(addin: Addin, clientId: string, status: string): void {
  const sheet = addin.sheet('Clients');
  const values = sheet.getDataRange().getValues();
  sheet
    .getRange(values.findIndex((r) => r[0] === clientId) + 1, values[0]!.indexOf('Status') + 1)
    .setValue(status);
}

describe('client status at the desk', () => {
  it('an Inactive client is refused a sale, naming the row and column, and nothing is written', () => {
    const addin = billingStudio(loadAddin());
    setStatus(addin, 'C-0002', 'Inactive');
    const sales = addin.tab('Sales');
    const r = addin.run<{ ok: boolean; error: string; field: string }>('sellPackage', {
      clientId: 'C-0002',
      packageCode: 'PT10',
      today: '2016-09-16',
    });
    expect(r).toMatchObject({
      ok: false,
      field: 'clientId',
      error:
        'C-0002 Sam Lee is Inactive (Clients tab, row 3, column Status): set them back to Active to sell.',
    });
    expect(addin.tab('Sales')).toEqual(sales);
  });

  it('a DD stopped client may buy, with a warning', () => {
    const addin = billingStudio(loadAddin());
    setStatus(addin, 'C-0001', 'DD stopped');
    const p = ok<{ saleId: string; warnings: string[] }>(
      addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10', today: '2016-09-16' }),
    );
    expect(p.warnings).toEqual([
      expect.stringMatching(/^Jane Citizen's direct debit was stopped by the bank/),
    ]);
    expect(records(addin.tab('Sales')).map((s) => s['Sale ID'])).toContain(p.saleId);
  });

  it('add client refuses a DD Reference another client has', () => {
    const addin = billingStudio(loadAddin());
    const r = addin.run<{ ok: boolean; error: string; field: string }>('addClient', {
      name: 'Chris Again',
      billingMethod: 'DD Partial Integration',
      bsb: '063111',
      accountNumber: '55501235',
      ddReference: 'hpt-chris',
      today: '2016-09-16',
    });
    expect(r).toMatchObject({ ok: false, field: 'ddReference' });
    expect(r.error).toMatch(
      /^DD reference hpt-chris is already C-0004 Chris Partial's \(Clients tab, row 5\)/,
    );
  });
});

describe('ad-hoc invoice', () => {
  it('a due date after 2100 is refused naming the field', () => {
    const addin = billingStudio(loadAddin());
    const r = addin.run<{ ok: boolean; error: string; field: string }>('addAdHocInvoice', {
      clientId: 'C-0001',
      description: 'Towel',
      amount: '5',
      dueDate: '2106-09-15',
      today: '2016-09-16',
    });
    expect(r).toMatchObject({
      ok: false,
      field: 'dueDate',
      error: 'Due date 2106-09-15 is after 2100: check the year.',
    });
  });
});
