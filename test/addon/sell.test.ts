import { describe, expect, it } from 'vitest';
import { loadAddin, records, type Addin } from './harness';
import { ok, setUpStudio } from './studio';

function sell(addin: Addin, req: Record<string, unknown>) {
  return addin.run<{
    ok: boolean;
    error?: string;
    field?: string;
    value: { saleId: string; invoices: { id: string }[] };
  }>('sellPackage', { today: '2016-09-13', ...req });
}

/** Every tab's values and formulas, to prove an action wrote nothing. */
function everything(addin: Addin) {
  return addin.emu.spreadsheet.getSheets().map((s) => {
    const r = s.getDataRange();
    return { name: s.getName(), values: r.getValues(), formulas: r.getFormulas() };
  });
}

describe('Sell package', () => {
  it('paid in full: one invoice due on the sale date, all sessions on the sale date', () => {
    const addin = loadAddin();
    setUpStudio(addin);
    const r = ok<{ saleId: string }>(sell(addin, { clientId: 'C-0001', packageCode: 'PT10' }));
    expect(r.saleId).toBe('S-000001');
    expect(records(addin.tab('Sales'))).toEqual([
      {
        'Sale ID': 'S-000001',
        'Sale Date': '2016-09-13',
        'Client ID': 'C-0001',
        'Package Code': 'PT10',
        Kind: 'Paid in full',
        'Start Date': '2016-09-13',
        'Due Date': '2016-09-13',
        Total: 500,
        Instalments: 1,
        Frequency: '',
        Sessions: 10,
        Status: 'Active',
        'Package Name': 'PT',
        Holds: '',
        'Cancelled From': '',
      },
    ]);
    expect(records(addin.tab('Invoices'))).toEqual([
      {
        'Invoice ID': 'INV-000001',
        'Sale ID': 'S-000001',
        'Client ID': 'C-0001',
        Description: '10 x PT — paid in full',
        Instalment: 1,
        'Due Date': '2016-09-13',
        Amount: 500,
        Paid: 0,
        Status: 'Open',
        'Batch ID': '',
        Balance: 500,
        Created: '2016-09-13',
        'Sent Amount': '',
        'Decline Reason': '',
        'Decline Count': '',
        'Write-off Reason': '',
        'Write-off Date': '',
      },
    ]);
    expect(records(addin.tab('Allocations'))).toEqual([
      {
        'Allocation ID': 'A-000001',
        'Sale ID': 'S-000001',
        'Client ID': 'C-0001',
        Date: '2016-09-13',
        Sessions: 10,
        Cycle: 1,
      },
    ]);
    const log = records(addin.tab('Log')).at(-1)!;
    expect(log.Action).toBe('Sell package');
    expect(log.Details).toBe('S-000001 PT10 to C-0001: 1 invoice(s) totalling 500.00, 1 allocation(s)');
  });

  it('dates are real date cells at midnight in the spreadsheet zone; money is a number', () => {
    const addin = loadAddin();
    setUpStudio(addin);
    ok(sell(addin, { clientId: 'C-0001', packageCode: 'PT10' }));
    const due = addin.sheet('Invoices').getRange('F2').getValue() as Date;
    expect(Object.prototype.toString.call(due)).toBe('[object Date]');
    expect(due.toISOString()).toBe('2016-09-12T14:00:00.000Z');
    expect(addin.sheet('Invoices').getRange('G2').getValue()).toBe(500);
  });

  it("instalments: the seed's $1,100 as 5 x $220 fortnightly from Tue 13 Sep 2016", () => {
    const addin = loadAddin();
    setUpStudio(addin);
    // Sold on Friday 9 Sep: the Package Start Date defaults to the next billing day, Tuesday 13 Sep.
    ok(sell(addin, { clientId: 'C-0001', packageCode: 'PT10-5F', today: '2016-09-09' }));
    const inv = records(addin.tab('Invoices'));
    expect(inv.map((i) => [i['Invoice ID'], i['Due Date'], i.Amount, i.Instalment, i.Description])).toEqual([
      ['INV-000001', '2016-09-13', 220, 1, '10 x PT — 1 of 5'],
      ['INV-000002', '2016-09-27', 220, 2, '10 x PT — 2 of 5'],
      ['INV-000003', '2016-10-11', 220, 3, '10 x PT — 3 of 5'],
      ['INV-000004', '2016-10-25', 220, 4, '10 x PT — 4 of 5'],
      ['INV-000005', '2016-11-08', 220, 5, '10 x PT — 5 of 5'],
    ]);
    expect(records(addin.tab('Allocations')).map((a) => [a.Date, a.Sessions])).toEqual([['2016-09-09', 10]]);
    expect(records(addin.tab('Sales'))[0]).toMatchObject({
      'Start Date': '2016-09-13',
      Total: 1100,
      Instalments: 5,
      Frequency: 'Fortnightly',
    });
  });

  it('recurring: the first invoice on the Billing Start Date and the first lot of sessions at the sale', () => {
    const addin = loadAddin();
    setUpStudio(addin);
    ok(sell(addin, { clientId: 'C-0002', packageCode: 'PT2W', startDate: '2016-09-16' }));
    expect(records(addin.tab('Invoices')).map((i) => [i['Due Date'], i.Amount, i.Description])).toEqual([
      ['2016-09-16', 160, 'PT 2 a week fortnightly — cycle 1'],
    ]);
    expect(records(addin.tab('Allocations')).map((a) => [a.Date, a.Sessions, a.Cycle])).toEqual([
      ['2016-09-13', 4, 1],
    ]);
  });

  it('preview shows the same plan and writes nothing', () => {
    const addin = loadAddin();
    setUpStudio(addin);
    const before = everything(addin);
    const p = ok<{ invoices: { dueDate: string; amount: number }[]; allocations: unknown[] }>(
      addin.run('previewSale', { clientId: 'C-0001', packageCode: 'PT10-5F', today: '2016-09-09' }),
    );
    expect(p.invoices.map((i) => [i.dueDate, i.amount])).toEqual([
      ['2016-09-13', 22000],
      ['2016-09-27', 22000],
      ['2016-10-11', 22000],
      ['2016-10-25', 22000],
      ['2016-11-08', 22000],
    ]);
    expect(everything(addin)).toEqual(before);
  });

  it('a bad date, an unknown client or package writes nothing and names the field', () => {
    const addin = loadAddin();
    setUpStudio(addin);
    const before = everything(addin);
    expect(sell(addin, { clientId: 'C-0001', packageCode: 'PT10', saleDate: '2016-02-30' })).toMatchObject({
      ok: false,
      field: 'saleDate',
      error: 'Sale date: Not a date: "2016-02-30", expected YYYY-MM-DD',
    });
    expect(sell(addin, { clientId: 'C-0099', packageCode: 'PT10' })).toMatchObject({
      ok: false,
      field: 'clientId',
    });
    expect(sell(addin, { clientId: 'C-0001', packageCode: 'NOPE' })).toMatchObject({
      ok: false,
      field: 'packageCode',
    });
    expect(everything(addin)).toEqual(before);
  });

  it('a bad cell in the workbook is reported by tab, row and column, and nothing is written', () => {
    const addin = loadAddin();
    setUpStudio(addin);
    addin.sheet('Packages').getRange('E3').setValue('lots');
    const before = everything(addin);
    const r = sell(addin, { clientId: 'C-0001', packageCode: 'PT10' });
    expect(r).toMatchObject({ ok: false });
    expect(r.error).toMatch(/^Packages row 3, column Price: /);
    expect(everything(addin)).toEqual(before);
  });

  it('IDs are never reused: not after rows are deleted, not while another action holds the lock', () => {
    const addin = loadAddin();
    setUpStudio(addin);
    ok(sell(addin, { clientId: 'C-0001', packageCode: 'PT10' }));
    ok(sell(addin, { clientId: 'C-0002', packageCode: 'PT10' }));
    addin.sheet('Invoices').deleteRows(2, 2);
    addin.sheet('Sales').deleteRows(2, 2);
    const third = ok<{ saleId: string; invoices: { id: string }[] }>(
      sell(addin, { clientId: 'C-0003', packageCode: 'PT10' }),
    );
    expect(third.saleId).toBe('S-000003');
    expect(third.invoices[0]!.id).toBe('INV-000003');

    const release = addin.emu.holdDocumentLock();
    const before = everything(addin);
    const blocked = sell(addin, { clientId: 'C-0001', packageCode: 'PT10' });
    expect(blocked).toMatchObject({
      ok: false,
      error: 'Someone else is saving to this workbook right now. Try again in a moment.',
    });
    expect(everything(addin)).toEqual(before);
    release();
    const fourth = ok<{ saleId: string }>(sell(addin, { clientId: 'C-0001', packageCode: 'PT10' }));
    expect(fourth.saleId).toBe('S-000004');
  });
});
