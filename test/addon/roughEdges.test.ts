// Rough edges of billing, sessions and typed dates: which batch "Mark batch processed" takes, billing off
// the cycle, one account of a balance that goes over, and dates too far from today.
import { describe, expect, it } from 'vitest';
import { loadAddin, records, type Addin } from './harness';
import { billingStudio, ok, type Result } from './studio';

const studio = (): Addin => billingStudio(loadAddin());

const invoices = (addin: Addin) =>
  records(addin.tab('Invoices')).map((i) => [i['Invoice ID'], i.Status, i['Batch ID']]);
const payments = (addin: Addin) =>
  records(addin.tab('Payments')).map((p) => [p['Invoice ID'], p.Date, p.Amount, p.Reference]);
const logActions = (addin: Addin) => records(addin.tab('Log')).map((r) => r.Action);

/** Bills `date` and makes its ABA file, so the batch's invoices are Sent. */
function billAndSend(addin: Addin, date: string): string {
  const run = ok<{ batchId: string }>(addin.run('runBilling', { billingDate: date, today: date }));
  ok(addin.run('createDebitFile', { format: 'aba', today: date }));
  return run.batchId;
}

const refused = (r: unknown) => r as Result<never>;

describe('Mark batch processed with no batch named', () => {
  it('takes the batch that is Sent and waiting, not the newer draft on the Process Billing tab', () => {
    const addin = studio();
    expect(billAndSend(addin, '2016-09-16')).toBe('B-000001');
    // The next cycle is run (a draft) before the bank's word on the first one arrives.
    ok(addin.run('runBilling', { billingDate: '2016-09-30', today: '2016-09-29' }));
    expect(addin.tab('Process Billing')[0]!.slice(0, 6)).toEqual([
      'Billing Date',
      '2016-09-30',
      'Batch ID',
      'B-000002',
      'Status',
      'Draft',
    ]);
    const s = ok<{ batchId: string; date: string; total: number }>(
      addin.run('markBatchProcessed', { today: '2016-09-29' }),
    );
    expect(s).toMatchObject({ batchId: 'B-000001', date: '2016-09-16', total: 26995 + 16000 });
    expect(payments(addin)).toEqual([
      ['INV-000001', '2016-09-16', 220, 'B-000001'],
      ['INV-000008', '2016-09-16', 160, 'B-000001'],
      ['INV-000009', '2016-09-16', 49.95, 'B-000001'],
    ]);
    // The draft is untouched: still listed, nothing in it paid.
    expect(addin.tab('Process Billing')[0]![5]).toBe('Draft');
    expect(invoices(addin).filter((i) => i[2] === 'B-000002')).toEqual([]);
  });

  it('refuses and lists the batches when several are waiting; names one and it goes ahead', () => {
    const addin = studio();
    billAndSend(addin, '2016-09-16');
    billAndSend(addin, '2016-09-30');
    const before = addin.tab('Invoices');
    const r = refused(addin.run('markBatchProcessed', { today: '2016-10-03' }));
    expect(r).toMatchObject({
      ok: false,
      field: 'batchId',
      error:
        '2 batches are Sent and waiting: B-000001 (billed 2016-09-16), B-000002 (billed 2016-09-30). Say which one to mark processed.',
    });
    expect(addin.tab('Invoices')).toEqual(before);
    expect(records(addin.tab('Payments'))).toEqual([]);
    expect(logActions(addin)).not.toContain('Mark batch processed');
    const s = ok<{ batchId: string; date: string }>(
      addin.run('markBatchProcessed', { batchId: 'B-000002', today: '2016-10-03' }),
    );
    expect(s).toMatchObject({ batchId: 'B-000002', date: '2016-09-30' });
    // One left waiting: no batch named takes it.
    expect(ok<{ batchId: string }>(addin.run('markBatchProcessed', { today: '2016-10-03' })).batchId).toBe(
      'B-000001',
    );
  });

  it('with nothing waiting says where the Process Billing tab’s batch stands, or that none is waiting', () => {
    const addin = studio();
    expect(refused(addin.run('markBatchProcessed', { today: '2016-09-16' }))).toMatchObject({
      ok: false,
      field: 'batchId',
      error: 'No batch is waiting to be marked processed: no invoice is Sent.',
    });
    ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    for (const req of [{}, { batchId: 'B-000001' }])
      expect(refused(addin.run('markBatchProcessed', { ...req, today: '2016-09-16' }))).toMatchObject({
        ok: false,
        field: 'batchId',
        error: 'Batch B-000001 is a draft: its debit file was never made, so nothing was sent to process.',
      });
    expect(records(addin.tab('Payments'))).toEqual([]);
  });
});

describe('Process Billing on a day that is not a billing day', () => {
  it('warns (in the caller’s date style) and still runs; a billing day has no warning', () => {
    const addin = studio();
    const off = ok<{ batchId: string; warnings: string[]; rows: unknown[] }>(
      addin.run('runBilling', { billingDate: '2016-09-21', today: '2016-09-21', dates: 'iso' }),
    );
    expect(off.warnings).toEqual([
      "2016-09-21 is not a billing day of the studio's fortnightly cycle (Settings, Billing Day 2016-09-16); the next is 2016-09-30.",
    ]);
    expect(off.batchId).toBe('B-000001');
    expect(off.rows).toHaveLength(3);
    expect(String(records(addin.tab('Log')).at(-1)!.Details)).toContain(
      "; warned: 2016-09-21 is not a billing day of the studio's fortnightly cycle (Settings, Billing Day 2016-09-16); the next is 2016-09-30.",
    );
    const sidebar = ok<{ warnings: string[] }>(
      addin.run('previewBillingRun', { billingDate: '2016-09-21', today: '2016-09-21' }),
    );
    expect(sidebar.warnings).toEqual([
      "Wed 21 Sep 2016 is not a billing day of the studio's fortnightly cycle (Settings, Billing Day Fri 16 Sep 2016); the next is Fri 30 Sep 2016.",
    ]);
    const on = ok<{ warnings: string[] }>(
      addin.run('runBilling', { billingDate: '2016-09-30', today: '2016-09-30', dates: 'iso' }),
    );
    expect(on.warnings).toEqual([]);
  });
});

interface Recorded {
  date: string;
  parts: { saleId: string; sessions: number }[];
  warnings: string[];
  balance: string;
  balanceWarning: string | null;
  after: { left: number };
}

describe('Record sessions: one account of the balance, and dates that cannot be', () => {
  it('sessions beyond the balance: the balance and its warning say the same, and are recorded', () => {
    const addin = studio();
    // Jane: 10 sessions of PT10-5F (sold 13 Sep); 6 used, 4 left.
    ok(
      addin.run('recordSessions', {
        clientId: 'C-0001',
        sessions: 6,
        date: '2016-09-14',
        today: '2016-09-14',
      }),
    );
    const r = ok<Recorded>(
      addin.run('recordSessions', {
        clientId: 'C-0001',
        sessions: 5,
        date: '2016-09-15',
        today: '2016-09-15',
        dates: 'iso',
      }),
    );
    expect(r.after.left).toBe(-1);
    expect(r.balance).toBe('1 session over the balance (only 4 were left)');
    expect(r.balanceWarning).toBe('Jane Citizen is 1 session over the balance (only 4 were left).');
    // Her $49.95 fell due on 14 Sep: that warning's date is YYYY-MM-DD for the command line.
    expect(r.warnings).toEqual([
      'Jane Citizen has 1 overdue invoice ($49.95), the oldest due 2016-09-14.',
      'Jane Citizen is 1 session over the balance (only 4 were left).',
    ]);
    expect(records(addin.tab('Attendance')).map((a) => [a.Date, a.Sessions, a['Sale ID']])).toEqual([
      ['2016-09-14', 6, 'S-000001'],
      ['2016-09-15', 5, 'S-000001'],
    ]);
    expect(String(records(addin.tab('Log')).at(-1)!.Details)).toBe(
      'C-0001 5 session(s) on 2016-09-15 (5 from S-000001); 1 session over the balance (only 4 were left); warned: Jane Citizen has 1 overdue invoice ($49.95), the oldest due 2016-09-14. Jane Citizen is 1 session over the balance (only 4 were left).',
    );
    // Again, from an empty balance, the sidebar's way (display dates).
    const again = ok<Recorded>(
      addin.run('recordSessions', {
        clientId: 'C-0001',
        sessions: 2,
        date: '2016-09-15',
        today: '2016-09-15',
      }),
    );
    expect(again.balance).toBe('3 sessions over the balance (it was 1 over already)');
    expect(again.warnings).toEqual([
      'Jane Citizen has 1 overdue invoice ($49.95), the oldest due Wed 14 Sep 2016.',
      'Jane Citizen is 3 sessions over the balance (it was 1 over already).',
    ]);
  });

  it('a balance that stays positive or ends at none is no warning', () => {
    const addin = studio();
    const some = ok<Recorded>(
      addin.run('recordSessions', {
        clientId: 'C-0002',
        sessions: 4,
        date: '2016-09-14',
        today: '2016-09-14',
      }),
    );
    expect([some.balance, some.balanceWarning]).toEqual(['6 left', null]);
    const none = ok<Recorded>(
      addin.run('recordSessions', {
        clientId: 'C-0002',
        sessions: 6,
        date: '2016-09-14',
        today: '2016-09-14',
      }),
    );
    expect([none.balance, none.balanceWarning, none.after.left]).toEqual(['none left', null, 0]);
  });

  it('refuses sessions in the future or before the package was sold, writing nothing', () => {
    const addin = studio();
    const attendance = () => records(addin.tab('Attendance'));
    expect(
      refused(
        addin.run('recordSessions', {
          clientId: 'C-0001',
          sessions: 1,
          date: '2016-09-20',
          today: '2016-09-15',
        }),
      ),
    ).toMatchObject({
      ok: false,
      field: 'date',
      error: 'Date 2016-09-20 is after today (2016-09-15): record sessions once they are used.',
    });
    expect(
      refused(
        addin.run('recordSessions', {
          clientId: 'C-0001',
          sessions: 1,
          date: '2016-09-12',
          today: '2016-09-15',
        }),
      ),
    ).toMatchObject({
      ok: false,
      field: 'date',
      error:
        'Date 2016-09-12 is before S-000001 was sold (2016-09-13), the package the sessions would come from: check the date, or pick the package.',
    });
    expect(attendance()).toEqual([]);
    // The day of the sale and today are fine.
    ok(
      addin.run('recordSessions', {
        clientId: 'C-0001',
        sessions: 1,
        date: '2016-09-13',
        today: '2016-09-15',
      }),
    );
    ok(
      addin.run('recordSessions', {
        clientId: 'C-0001',
        sessions: 1,
        date: '2016-09-15',
        today: '2016-09-15',
      }),
    );
    expect(attendance()).toHaveLength(2);
  });
});

describe('Dates people mistype', () => {
  const sell = (addin: Addin, req: Record<string, unknown>) =>
    refused(addin.run('sellPackage', { clientId: 'C-0002', today: '2016-09-15', ...req }));

  it('a sale date over a year back or over 60 days ahead, a due or start date after 2100: refused', () => {
    const addin = studio();
    const sales = () => records(addin.tab('Sales')).length;
    const before = sales();
    expect(sell(addin, { packageCode: 'PT10', saleDate: '2015-09-14' })).toMatchObject({
      ok: false,
      field: 'saleDate',
      error: 'Sale date 2015-09-14 is more than a year before today (2016-09-15): check the year.',
    });
    expect(sell(addin, { packageCode: 'PT10', saleDate: '2016-11-15' })).toMatchObject({
      ok: false,
      field: 'saleDate',
      error: 'Sale date 2016-11-15 is more than 60 days after today (2016-09-15): check the year.',
    });
    expect(sell(addin, { packageCode: 'PT10', dueDate: '2916-09-15' })).toMatchObject({
      ok: false,
      field: 'dueDate',
      error: 'Due date 2916-09-15 is after 2100: check the year.',
    });
    expect(sell(addin, { packageCode: 'PT10-5F', startDate: '2106-09-16' })).toMatchObject({
      ok: false,
      field: 'startDate',
      error: 'Start date 2106-09-16 is after 2100: check the year.',
    });
    // The preview refuses the same, and reserves nothing.
    expect(
      refused(
        addin.run('previewSale', {
          clientId: 'C-0002',
          packageCode: 'PT10',
          saleDate: '2015-01-01',
          today: '2016-09-15',
        }),
      ),
    ).toMatchObject({ ok: false, field: 'saleDate' });
    expect(sales()).toBe(before);
    // The edges are allowed: a year back to the day, 60 days ahead, the last day of 2100.
    ok(
      addin.run('sellPackage', {
        clientId: 'C-0002',
        packageCode: 'PT10',
        saleDate: '2015-09-15',
        today: '2016-09-15',
      }),
    );
    ok(
      addin.run('sellPackage', {
        clientId: 'C-0002',
        packageCode: 'PT10',
        saleDate: '2016-11-14',
        today: '2016-09-15',
      }),
    );
    const last = ok<{ saleId: string; dueDate: string }>(
      addin.run('sellPackage', {
        clientId: 'C-0002',
        packageCode: 'PT10',
        dueDate: '2100-12-31',
        today: '2016-09-15',
      }),
    );
    expect(last.dueDate).toBe('2100-12-31');
    expect(sales()).toBe(before + 3);
  });

  it('a decline dated before its debit: refused, nothing reversed', () => {
    const addin = studio();
    billAndSend(addin, '2016-09-16');
    ok(addin.run('markBatchProcessed', { today: '2016-09-19' }));
    const paid = payments(addin);
    const invoicesBefore = addin.tab('Invoices');
    const r = refused(
      addin.run('processDeclines', {
        batchId: 'B-000001',
        date: '2016-09-15',
        declines: [{ clientId: 'C-0001', reason: 'Insufficient funds' }],
        today: '2016-09-20',
      }),
    );
    expect(r).toMatchObject({
      ok: false,
      field: 'date',
      error: 'Decline date 2016-09-15 is before batch B-000001 was debited (2016-09-16): check the date.',
    });
    expect(payments(addin)).toEqual(paid);
    expect(addin.tab('Invoices')).toEqual(invoicesBefore);
    // The day of the debit is fine.
    ok(
      addin.run('processDeclines', {
        batchId: 'B-000001',
        date: '2016-09-16',
        declines: [{ clientId: 'C-0001', reason: 'Insufficient funds' }],
        today: '2016-09-20',
      }),
    );
    expect(payments(addin).slice(paid.length)).toEqual([
      ['INV-000001', '2016-09-16', -220, 'B-000001 declined'],
      ['INV-000009', '2016-09-16', -49.95, 'B-000001 declined'],
    ]);
  });
});
