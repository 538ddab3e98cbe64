// Regression tests for the lifecycle review: pauses never rewrite the past, cancellations withdraw exactly
// the sessions of the cycles they cancel, statuses follow the holds when read, outstanding "on a date"
// reads the payments of that date, and small field checks.
import { describe, expect, it } from 'vitest';
import { loadAddin, type Addin } from './harness';
import { ok } from './studio';
import { billingStudio, invoice, reportRows, rowsOf } from './lifecycleStudio';

const dates = (addin: Addin, saleId: string) =>
  rowsOf(addin, 'Invoices')
    .filter((i) => i['Sale ID'] === saleId)
    .map((i) => [i['Invoice ID'], i['Due Date'], i.Status]);

/** Jane: $1,100 as 5 x $220 fortnightly from Fri 16 Sep; her first two debits processed (paid). */
function janePaidTwice(): Addin {
  const addin = loadAddin();
  billingStudio(addin);
  ok(addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10-5F', today: '2016-09-13' }));
  for (const [billed, processed] of [
    ['2016-09-16', '2016-09-19'],
    ['2016-09-30', '2016-10-03'],
  ]) {
    ok(addin.run('runBilling', { billingDate: billed, today: billed }));
    ok(addin.run('createDebitFile', { format: 'aba', today: billed }));
    ok(addin.run('markBatchProcessed', { today: processed }));
  }
  return addin;
}

describe('Pause never rewrites the past', () => {
  it('refuses a hold that ended before today; keeps paid and overdue invoices; moves only unpaid future ones', () => {
    const addin = janePaidTwice();
    const before = addin.tab('Invoices');
    expect(
      addin.run('pauseSale', {
        saleId: 'S-000001',
        from: '2016-09-20',
        to: '2016-10-12',
        today: '2016-10-20',
      }),
    ).toEqual({
      ok: false,
      field: 'to',
      error:
        'Pause until: the hold ends (2016-10-12) before today (2016-10-20); a pause cannot move debits in the past.',
    });
    expect(addin.tab('Invoices')).toEqual(before);

    // A hold from 25 Sep to 30 Oct, added on 20 Oct: INV-000002 (paid 30 Sep) and INV-000003 (overdue since
    // 14 Oct) keep their dates; the 28 Oct debit (in the hold) and the last one move to the next free days.
    ok(
      addin.run('pauseSale', {
        saleId: 'S-000001',
        from: '2016-09-25',
        to: '2016-10-30',
        today: '2016-10-20',
      }),
    );
    expect(dates(addin, 'S-000001')).toEqual([
      ['INV-000001', '2016-09-16', 'Paid'],
      ['INV-000002', '2016-09-30', 'Paid'],
      ['INV-000003', '2016-10-14', 'Open'],
      ['INV-000004', '2016-11-11', 'Open'],
      ['INV-000005', '2016-11-25', 'Open'],
    ]);
    // The overdue debit is still listed as owed.
    const out = ok<{ clients: { clientId: string; invoiceIds: string[]; owed: number }[] }>(
      addin.run('getOutstanding', { date: '2016-10-20', today: '2016-10-20' }),
    );
    expect(out.clients).toMatchObject([{ clientId: 'C-0001', invoiceIds: ['INV-000003'], owed: 22000 }]);
  });
});

const lots = (addin: Addin, saleId: string) =>
  rowsOf(addin, 'Allocations')
    .filter((a) => a['Sale ID'] === saleId)
    .map((a) => [a['Allocation ID'], a.Date, a.Cycle, a.Sessions]);

describe('Cancel decides the sessions per cycle', () => {
  it('keeps the lot of an invoice kept in a sent batch (later paid)', () => {
    const addin = loadAddin();
    billingStudio(addin);
    // Jane (DD Full) on the recurring plan: $160 and 4 sessions a fortnight from 16 Sep.
    ok(addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT2W', today: '2016-09-13' }));
    ok(addin.run('runBilling', { billingDate: '2016-09-30', today: '2016-09-30' }));
    ok(addin.run('createDebitFile', { format: 'aba', today: '2016-09-30' }));
    const r = ok<{ kept: { id: string; outcome: string }[]; withdrawn: unknown[] }>(
      addin.run('cancelSale', { saleId: 'S-000001', from: '2016-09-30', today: '2016-09-30' }),
    );
    expect(r.kept).toEqual([expect.objectContaining({ id: 'INV-000002', outcome: 'in a sent batch' })]);
    expect(r.withdrawn).toEqual([]);
    ok(addin.run('markBatchProcessed', { today: '2016-10-03' }));
    expect(invoice(addin, 'INV-000002')).toMatchObject({ Status: 'Paid', Amount: 160, Paid: 160 });
    expect(lots(addin, 'S-000001')).toEqual([
      ['A-000001', '2016-09-13', 1, 4],
      ['A-000002', '2016-09-30', 2, 4],
    ]);
  });

  it('withdraws the first lot when the first cycle is cancelled before it falls due', () => {
    const addin = loadAddin();
    billingStudio(addin);
    ok(
      addin.run('sellPackage', {
        clientId: 'C-0003',
        packageCode: 'PT2W',
        startDate: '2016-10-28',
        today: '2016-10-14',
      }),
    );
    expect(lots(addin, 'S-000001')).toEqual([['A-000001', '2016-10-14', 1, 4]]);
    const r = ok<{ cancelled: { id: string }[]; withdrawn: { id: string; sessions: number }[] }>(
      addin.run('cancelSale', { saleId: 'S-000001', from: '2016-10-20', today: '2016-10-20' }),
    );
    expect(r.cancelled.map((i) => i.id)).toEqual(['INV-000001']);
    expect(r.withdrawn).toEqual([expect.objectContaining({ id: 'A-000001', sessions: 4 })]);
    expect(dates(addin, 'S-000001')).toEqual([['INV-000001', '2016-10-28', 'Cancelled']]);
    expect(lots(addin, 'S-000001')).toEqual([['A-000001', '2016-10-14', 1, 0]]);
  });
});

describe('A hold that has ended is not shown as Paused', () => {
  it('the lifecycle list, Balances and Record sessions show Active after the hold without the upkeep', () => {
    const addin = loadAddin();
    billingStudio(addin);
    ok(addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10-5F', today: '2016-09-13' }));
    ok(
      addin.run('pauseSale', {
        saleId: 'S-000001',
        from: '2016-09-20',
        to: '2016-10-02',
        today: '2016-09-25',
      }),
    );
    expect(rowsOf(addin, 'Sales')[0]).toMatchObject({ Status: 'Paused' });
    const today = '2016-10-05';
    const form = ok<{ sales: { saleId: string; status: string }[] }>(
      addin.run('getLifecycleForm', { today }),
    );
    expect(form.sales.map((s) => [s.saleId, s.status])).toEqual([['S-000001', 'Active']]);
    ok(addin.run('refreshOutstanding', { today }));
    expect(reportRows(addin, 'Balances').map((r) => [r['Sale ID'], r.Status])).toEqual([
      ['S-000001', 'Active'],
    ]);
    const s = ok<{ packages: { saleId: string; status: string }[] }>(
      addin.run('getClientSessions', { clientId: 'C-0001', today }),
    );
    expect(s.packages.map((p) => [p.saleId, p.status])).toEqual([['S-000001', 'Active']]);
    // During the hold it is Paused.
    const during = ok<{ sales: { status: string }[] }>(
      addin.run('getLifecycleForm', { today: '2016-09-30' }),
    );
    expect(during.sales[0]!.status).toBe('Paused');
  });
});
