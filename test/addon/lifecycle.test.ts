import { describe, expect, it } from 'vitest';
import { loadAddin, type Addin } from './harness';
import { ok, typeRows } from './studio';
import { billingStudio, invoice, logActions, reportRows, rowsOf } from './lifecycleStudio';

interface CancelView {
  saleId: string;
  from: string;
  cancelled: { id: string; dueDate: string; amount: number }[];
  kept: { id: string; outcome: string }[];
  withdrawn: { id: string; date: string; sessions: number }[];
  fee: { id: string; dueDate: string; amount: number; description: string } | null;
}
interface PauseView {
  saleId: string;
  holds: string;
  status: string;
  moves: { id: string; instalment: number; from: string; to: string; amount: number }[];
  allocationMoves: { id: string; from: string; to: string; sessions: number }[];
  nextCycle: { cycle: number; dueDate: string } | null;
}

/** Jane: $1,100 as 5 x $220 fortnightly from Fri 16 Sep. Alex: recurring $160 a fortnight from 16 Sep. */
function studio(): Addin {
  const addin = loadAddin();
  billingStudio(addin);
  ok(addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10-5F', today: '2016-09-13' }));
  ok(addin.run('sellPackage', { clientId: 'C-0003', packageCode: 'PT2W', today: '2016-09-13' }));
  return addin;
}
const schedule = (addin: Addin, saleId: string) =>
  rowsOf(addin, 'Invoices')
    .filter((i) => i['Sale ID'] === saleId)
    .map((i) => [i['Invoice ID'], i.Instalment, i['Due Date'], i.Amount, i.Status]);
const sale = (addin: Addin, saleId: string) => rowsOf(addin, 'Sales').find((s) => s['Sale ID'] === saleId)!;

describe('Cancel package', () => {
  it('instalments: from a date later invoices are Cancelled, earlier ones stay due; a fee joins the next debit', () => {
    const addin = studio();
    const preview = ok<CancelView>(
      addin.run('previewCancelSale', {
        saleId: 'S-000001',
        from: '2016-10-14',
        fee: '50',
        today: '2016-10-01',
      }),
    );
    expect(rowsOf(addin, 'Sales')[0]!.Status).toBe('Active');
    const r = ok<CancelView>(
      addin.run('cancelSale', { saleId: 's-000001', from: '2016-10-14', fee: '$50.00', today: '2016-10-01' }),
    );
    expect(r).toEqual({ ...preview, summary: expect.any(String) });
    expect(r.cancelled.map((i) => [i.id, i.dueDate, i.amount])).toEqual([
      ['INV-000003', '2016-10-14', 22000],
      ['INV-000004', '2016-10-28', 22000],
      ['INV-000005', '2016-11-11', 22000],
    ]);
    expect(schedule(addin, 'S-000001')).toEqual([
      ['INV-000001', 1, '2016-09-16', 220, 'Open'],
      ['INV-000002', 2, '2016-09-30', 220, 'Open'],
      ['INV-000003', 3, '2016-10-14', 220, 'Cancelled'],
      ['INV-000004', 4, '2016-10-28', 220, 'Cancelled'],
      ['INV-000005', 5, '2016-11-11', 220, 'Cancelled'],
      ['INV-000007', '', '2016-10-14', 50, 'Open'],
    ]);
    expect(invoice(addin, 'INV-000007').Description).toBe('Cancellation fee: PT (S-000001)');
    expect(sale(addin, 'S-000001')).toMatchObject({ Status: 'Cancelled', 'Cancelled From': '2016-10-14' });
    // Sessions were all allocated at the sale, before the date: they stay.
    expect(rowsOf(addin, 'Allocations')[0]).toMatchObject({ 'Sale ID': 'S-000001', Sessions: 10 });
    expect(r.withdrawn).toEqual([]);
    expect(logActions(addin).at(-1)).toBe('Cancel package');
    // Billing on 14 Oct collects what stayed due and the fee, nothing cancelled.
    const run = ok<{ rows: { clientId: string; invoiceIds: string[]; amountDue: number }[] }>(
      addin.run('runBilling', { billingDate: '2016-10-14', today: '2016-10-14' }),
    );
    expect(run.rows.find((x) => x.clientId === 'C-0001')).toMatchObject({
      invoiceIds: ['INV-000001', 'INV-000002', 'INV-000007'],
      amountDue: 49000,
    });
    // The Balances tab: invoiced is what is still billed ($440 and the fee), owed as of today.
    expect(reportRows(addin, 'Balances').find((b) => b['Sale ID'] === 'S-000001')).toMatchObject({
      Status: 'Cancelled',
      Invoiced: 490,
      Owed: 440,
      'Not Yet Due': 50,
    });
    // Cancelling again is refused, naming the date.
    expect(addin.run('cancelSale', { saleId: 'S-000001', today: '2016-10-02' })).toEqual({
      ok: false,
      error: 'S-000001 was cancelled already from 2016-10-14.',
      field: 'saleId',
    });
  });

  it('recurring: cycles made ahead from the date are cancelled and their sessions withdrawn; billing makes no more', () => {
    const addin = studio();
    // A billing run for 28 Oct made Alex's cycles 2-4 ahead (due 30 Sep, 14 Oct, 28 Oct).
    ok(addin.run('runBilling', { billingDate: '2016-10-28', today: '2016-09-29' }));
    ok(addin.run('markListPaid', { today: '2016-09-29' }));
    expect(schedule(addin, 'S-000002').map((i) => [i[1], i[2], i[4]])).toEqual([
      [1, '2016-09-16', 'Paid'],
      [2, '2016-09-30', 'Paid'],
      [3, '2016-10-14', 'Paid'],
      [4, '2016-10-28', 'Paid'],
    ]);
    // Paid ahead: kept (a refund is the studio's call); make cycle 4 unpaid to see it cancelled.
    const inv4 = rowsOf(addin, 'Invoices').findIndex((i) => i['Invoice ID'] === 'INV-000009');
    addin
      .sheet('Invoices')
      .getRange(inv4 + 2, 8, 1, 2)
      .setValues([[0, 'Open']]);
    const r = ok<CancelView>(
      addin.run('cancelSale', { saleId: 'S-000002', from: '2016-10-14', today: '2016-10-05' }),
    );
    expect(r.cancelled.map((i) => i.id)).toEqual(['INV-000009']);
    expect(r.kept).toEqual([expect.objectContaining({ id: 'INV-000008', outcome: 'paid ahead' })]);
    // Cycle 3 is paid ahead and kept, so its sessions stay; cycle 4's go with its cancelled invoice.
    expect(r.withdrawn).toEqual([{ id: 'A-000005', date: '2016-10-28', sessions: 4 }]);
    expect(
      rowsOf(addin, 'Allocations')
        .filter((a) => a['Sale ID'] === 'S-000002')
        .map((a) => [a.Date, a.Sessions, a.Cycle]),
    ).toEqual([
      ['2016-09-13', 4, 1],
      ['2016-09-30', 4, 2],
      ['2016-10-14', 4, 3],
      ['2016-10-28', 0, 4],
    ]);
    const before = addin.tab('Invoices').length;
    ok(addin.run('runBilling', { billingDate: '2016-12-23', today: '2016-12-23' }));
    expect(addin.tab('Invoices').length).toBe(before);
  });

  it('a recurring sale cancelled ahead still rolls the cycles due before its end', () => {
    const addin = studio();
    ok(addin.run('cancelSale', { saleId: 'S-000002', from: '2016-10-20', today: '2016-09-20' }));
    ok(addin.run('runBilling', { billingDate: '2016-11-25', today: '2016-11-25' }));
    expect(schedule(addin, 'S-000002').map((i) => [i[1], i[2]])).toEqual([
      [1, '2016-09-16'],
      [2, '2016-09-30'],
      [3, '2016-10-14'],
    ]);
  });
});

describe('Pause package', () => {
  it('instalments: the debit in the hold and every later one move to the next billing days; total unchanged', () => {
    const addin = studio();
    const r = ok<PauseView>(
      addin.run('pauseSale', {
        saleId: 'S-000001',
        from: '2016-09-20',
        to: '2016-10-02',
        today: '2016-09-19',
      }),
    );
    expect(r.moves.map((m) => [m.id, m.instalment, m.from, m.to, m.amount])).toEqual([
      ['INV-000002', 2, '2016-09-30', '2016-10-14', 22000],
      ['INV-000003', 3, '2016-10-14', '2016-10-28', 22000],
      ['INV-000004', 4, '2016-10-28', '2016-11-11', 22000],
      ['INV-000005', 5, '2016-11-11', '2016-11-25', 22000],
    ]);
    const after = schedule(addin, 'S-000001');
    expect(after.map((i) => i[2])).toEqual([
      '2016-09-16',
      '2016-10-14',
      '2016-10-28',
      '2016-11-11',
      '2016-11-25',
    ]);
    expect(after.reduce((s, i) => s + Number(i[3]), 0)).toBe(1100);
    expect(sale(addin, 'S-000001')).toMatchObject({ Status: 'Active', Holds: '2016-09-20 to 2016-10-02' });
    // Billing on 30 Sep finds only Jane's first instalment (unpaid); a second hold adds to the first.
    const run = ok<{ rows: { clientId: string; invoiceIds: string[] }[] }>(
      addin.run('runBilling', { billingDate: '2016-09-30', today: '2016-09-30' }),
    );
    expect(run.rows.find((x) => x.clientId === 'C-0001')!.invoiceIds).toEqual(['INV-000001']);
    const second = ok<PauseView>(
      addin.run('pauseSale', {
        saleId: 'S-000001',
        from: '2016-11-01',
        to: '2016-11-14',
        today: '2016-10-20',
      }),
    );
    expect(second.holds).toBe('2016-09-20 to 2016-10-02; 2016-11-01 to 2016-11-14');
    expect(schedule(addin, 'S-000001').map((i) => i[2])).toEqual([
      '2016-09-16',
      '2016-10-14',
      '2016-10-28',
      '2016-11-25',
      '2016-12-09',
    ]);
    expect(logActions(addin).filter((a) => a === 'Pause package')).toHaveLength(2);
  });

  it('monthly from 31 Jan: a February hold moves the 28 Feb debit to 31 Mar and keeps month ends', () => {
    const addin = studio();
    typeRows(addin, 'Packages', [
      {
        'Package Code': 'PT6M',
        Name: 'PT monthly',
        Kind: 'Instalments',
        Sessions: 12,
        Price: 600,
        Instalments: 6,
        Frequency: 'Monthly',
        Active: true,
      },
    ]);
    ok(
      addin.run('sellPackage', {
        clientId: 'C-0002',
        packageCode: 'PT6M',
        startDate: '2017-01-31',
        today: '2017-01-20',
      }),
    );
    expect(schedule(addin, 'S-000003').map((i) => i[2])).toEqual([
      '2017-01-31',
      '2017-02-28',
      '2017-03-31',
      '2017-04-30',
      '2017-05-31',
      '2017-06-30',
    ]);
    const r = ok<PauseView>(
      addin.run('pauseSale', {
        saleId: 'S-000003',
        from: '2017-02-01',
        to: '2017-02-28',
        today: '2017-02-01',
      }),
    );
    expect(r.status).toBe('Paused');
    expect(schedule(addin, 'S-000003').map((i) => [i[2], i[3]])).toEqual([
      ['2017-01-31', 100],
      ['2017-03-31', 100],
      ['2017-04-30', 100],
      ['2017-05-31', 100],
      ['2017-06-30', 100],
      ['2017-07-31', 100],
    ]);
    expect(sale(addin, 'S-000003')).toMatchObject({ Status: 'Paused', Holds: '2017-02-01 to 2017-02-28' });
  });

  it('recurring: no cycle is invoiced or allocated inside the hold; later cycles shift', () => {
    const addin = studio();
    ok(
      addin.run('pauseSale', {
        saleId: 'S-000002',
        from: '2016-10-01',
        to: '2016-10-20',
        today: '2016-09-20',
      }),
    );
    ok(addin.run('runBilling', { billingDate: '2016-10-14', today: '2016-10-14' }));
    ok(addin.run('runBilling', { billingDate: '2016-11-11', today: '2016-11-11' }));
    expect(schedule(addin, 'S-000002').map((i) => [i[1], i[2]])).toEqual([
      [1, '2016-09-16'],
      [2, '2016-09-30'],
      [3, '2016-10-28'],
      [4, '2016-11-11'],
    ]);
    expect(
      rowsOf(addin, 'Allocations')
        .filter((a) => a['Sale ID'] === 'S-000002')
        .map((a) => [a.Cycle, a.Date, a.Sessions]),
    ).toEqual([
      [1, '2016-09-13', 4],
      [2, '2016-09-30', 4],
      [3, '2016-10-28', 4],
      [4, '2016-11-11', 4],
    ]);
  });

  it('recurring cycles made ahead move with their sessions', () => {
    const addin = studio();
    ok(addin.run('runBilling', { billingDate: '2016-10-28', today: '2016-09-29' }));
    const r = ok<PauseView>(
      addin.run('pauseSale', {
        saleId: 'S-000002',
        from: '2016-10-10',
        to: '2016-10-16',
        today: '2016-09-29',
      }),
    );
    expect(r.moves.map((m) => [m.instalment, m.from, m.to])).toEqual([
      [3, '2016-10-14', '2016-10-28'],
      [4, '2016-10-28', '2016-11-11'],
    ]);
    expect(r.allocationMoves.map((m) => [m.from, m.to, m.sessions])).toEqual([
      ['2016-10-14', '2016-10-28', 4],
      ['2016-10-28', '2016-11-11', 4],
    ]);
    // The next cycle (not made yet) follows the hold too.
    expect(r.nextCycle).toEqual({ cycle: 5, dueDate: '2016-11-25' });
    // Nothing is made twice afterwards.
    ok(addin.run('runBilling', { billingDate: '2016-11-11', today: '2016-11-11' }));
    expect(schedule(addin, 'S-000002').map((i) => i[2])).toEqual([
      '2016-09-16',
      '2016-09-30',
      '2016-10-28',
      '2016-11-11',
    ]);
  });

  it('refuses what cannot be paused, naming the field; writes nothing', () => {
    const addin = studio();
    ok(addin.run('sellPackage', { clientId: 'C-0002', packageCode: 'PT10', today: '2016-09-13' }));
    const invoices = addin.tab('Invoices');
    const sales = addin.tab('Sales');
    const bad = (req: Record<string, unknown>) =>
      addin.run<{ ok: boolean; error: string; field?: string }>('pauseSale', { today: '2016-09-20', ...req });
    expect(bad({ saleId: 'S-000003', from: '2016-10-01', to: '2016-10-14' })).toMatchObject({
      field: 'saleId',
      error: expect.stringContaining('S-000003 is paid in full'),
    });
    expect(bad({ saleId: 'S-000001', from: '2016-10-14', to: '2016-10-01' })).toEqual({
      ok: false,
      field: 'to',
      error: 'Pause: the hold ends (2016-10-01) before it starts (2016-10-14).',
    });
    expect(bad({ saleId: 'S-000001', from: '2016-10-01' })).toMatchObject({ field: 'to' });
    expect(bad({ saleId: 'S-000099', from: '2016-10-01', to: '2016-10-14' })).toMatchObject({
      field: 'saleId',
    });
    // A debit already sent to the bank cannot be moved.
    ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    ok(addin.run('createDebitFile', { format: 'aba', today: '2016-09-16' }));
    expect(
      bad({ saleId: 'S-000001', from: '2016-09-15', to: '2016-09-20', today: '2016-09-16' }),
    ).toMatchObject({
      ok: false,
      error: expect.stringContaining('INV-000001 (due Fri 16 Sep 2016) is in debit batch B-000001'),
    });
    expect(addin.tab('Sales')).toEqual(sales);
    expect(addin.tab('Invoices').map((r) => r.slice(0, 6))).toEqual(invoices.map((r) => r.slice(0, 6)));
    // A cancelled sale does not pause.
    ok(addin.run('cancelSale', { saleId: 'S-000002', today: '2016-09-20' }));
    expect(bad({ saleId: 'S-000002', from: '2016-10-01', to: '2016-10-14' })).toMatchObject({
      error: 'S-000002 is Cancelled: only an active package can be paused.',
    });
  });

  it('a bad Holds cell is reported by tab, row and column, and stops billing before anything is written', () => {
    const addin = studio();
    const sales = rowsOf(addin, 'Sales');
    const col = Object.keys(sales[0]!).indexOf('Holds') + 1;
    addin.sheet('Sales').getRange(3, col).setValue('after Christmas');
    const before = addin.tab('Invoices');
    expect(addin.run('runBilling', { billingDate: '2016-10-28', today: '2016-10-28' })).toEqual({
      ok: false,
      error:
        'Sales row 3, column Holds: "after Christmas" is not a hold: write it as "2016-10-01 to 2016-10-14"',
    });
    expect(addin.tab('Invoices')).toEqual(before);
  });

  it('the form lists active and paused sales by client, with their holds', () => {
    const addin = studio();
    ok(
      addin.run('pauseSale', {
        saleId: 'S-000002',
        from: '2016-09-20',
        to: '2016-10-05',
        today: '2016-09-21',
      }),
    );
    const form = ok<{ sales: Record<string, unknown>[] }>(
      addin.run('getLifecycleForm', { today: '2016-09-21' }),
    );
    expect(
      form.sales.map((s) => [
        s.saleId,
        s.clientName,
        s.kind,
        s.status,
        s.holds,
        s.openInvoices,
        s.openAmount,
      ]),
    ).toEqual([
      ['S-000002', 'Alex Wong', 'Recurring', 'Paused', '2016-09-20 to 2016-10-05', 1, 16000],
      ['S-000001', 'Jane Citizen', 'Instalments', 'Active', '', 5, 110000],
    ]);
  });
});

describe('typos are refused', () => {
  it('a cancellation fee bigger than the sale, and sessions written as 1e1, write nothing', () => {
    const addin = studio();
    const before = addin.tab('Invoices');
    expect(
      addin.run('cancelSale', { saleId: 'S-000001', from: '2016-10-14', fee: '11000', today: '2016-10-01' }),
    ).toMatchObject({
      ok: false,
      field: 'fee',
      error: 'Fee: $11,000.00 is more than the sale itself ($1,100.00).',
    });
    expect(
      addin.run('recordSessions', { clientId: 'C-0001', sessions: '1e1', today: '2016-10-01' }),
    ).toMatchObject({ ok: false, field: 'sessions' });
    expect(addin.tab('Invoices')).toEqual(before);
    expect(addin.tab('Attendance').length).toBe(1);
  });
});
