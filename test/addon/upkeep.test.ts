import { describe, expect, it } from 'vitest';
import type { Addin } from './harness';
import { loadAddin } from './harness';
import { ok } from './studio';
import { billingStudio, clockedAddin, logActions, reportRows, rowsOf } from './lifecycleStudio';

interface Summary {
  today: string;
  invoicesCreated: number;
  allocationsCreated: number;
  statusChanges: { saleId: string; from: string; to: string }[];
  creditSpent: { clientId: string; amount: number; invoiceIds: string[] }[];
  overdueClients: number;
  overdueTotal: number;
}

/** Jane: 10 PT paid in full, $500 due 13 Sep. Alex: recurring, $160 and 4 sessions a fortnight from 16 Sep. */
function studio(start = '2016-09-13') {
  const c = clockedAddin(start);
  billingStudio(c.addin);
  ok(c.addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10', today: '2016-09-13' }));
  ok(c.addin.run('sellPackage', { clientId: 'C-0003', packageCode: 'PT2W', today: '2016-09-13' }));
  return c;
}

/** What Apps Script does when the time-driven trigger fires: calls its handler with an event object. */
function fire(addin: Addin): Summary {
  const [trigger] = addin.emu.triggers;
  if (!trigger) throw new Error('no trigger installed');
  const r = addin.run<{ ok: boolean; value: Summary; error?: string }>(trigger.handlerFunction, {
    authMode: 'FULL',
    triggerUid: trigger.id,
    'day-of-month': 1,
  });
  if (!r.ok) throw new Error(r.error);
  addin.emu.endExecution();
  return r.value;
}

const alexCycles = (addin: Addin) =>
  rowsOf(addin, 'Allocations')
    .filter((a) => a['Client ID'] === 'C-0003')
    .map((a) => [a.Cycle, a.Date, a.Sessions]);

describe('Daily upkeep', () => {
  it('is turned on and off from the menu, and never installed twice', () => {
    const addin = loadAddin();
    billingStudio(addin);
    addin.run('toggleDailyUpkeep');
    expect(addin.emu.triggers).toEqual([
      {
        id: expect.any(String),
        handlerFunction: 'runDailyUpkeep',
        eventType: 'CLOCK',
        source: 'CLOCK',
        schedule: { everyDays: 1, atHour: 5 },
      },
    ]);
    expect(addin.emu.ui.alerts.at(-1)!.title).toBe('Daily upkeep is on');
    expect(ok<{ on: boolean }>(addin.run('setDailyUpkeep', { on: true })).on).toBe(true);
    expect(addin.emu.triggers).toHaveLength(1);
    addin.run('toggleDailyUpkeep');
    expect(addin.emu.triggers).toEqual([]);
    expect(addin.emu.ui.alerts.at(-1)!.title).toBe('Daily upkeep is off');
    // Two copies left by an older version: turning on keeps exactly one; turning off removes both.
    const ScriptApp = addin.emu.globals.ScriptApp;
    ScriptApp.newTrigger('runDailyUpkeep').timeBased().everyDays(1).atHour(5).create();
    ScriptApp.newTrigger('runDailyUpkeep').timeBased().everyDays(1).atHour(6).create();
    ScriptApp.newTrigger('somethingElse').timeBased().everyHours(1).create();
    ok(addin.run('setDailyUpkeep', { on: true }));
    expect(addin.emu.triggers.map((t) => t.handlerFunction)).toEqual(['runDailyUpkeep', 'somethingElse']);
    ok(addin.run('setDailyUpkeep', { on: false }));
    expect(addin.emu.triggers.map((t) => t.handlerFunction)).toEqual(['somethingElse']);
    // Another execution holding the lock: refused, nothing installed.
    const release = addin.emu.holdDocumentLock();
    expect(addin.run('setDailyUpkeep', { on: true })).toMatchObject({ ok: false });
    release();
    expect(addin.emu.triggers.map((t) => t.handlerFunction)).toEqual(['somethingElse']);
  });

  it('rolls recurring packages to today on their own dates and refreshes Outstanding; twice a day changes nothing', () => {
    const { addin, at } = studio();
    addin.run('toggleDailyUpkeep');

    at('2016-09-30', '05:00');
    const first = fire(addin);
    expect(first).toEqual({
      today: '2016-09-30',
      invoicesCreated: 1,
      allocationsCreated: 1,
      statusChanges: [],
      creditSpent: [],
      overdueClients: 2,
      overdueTotal: 66000,
    });
    expect(alexCycles(addin)).toEqual([
      [1, '2016-09-13', 4],
      [2, '2016-09-30', 4],
    ]);
    expect(addin.tab('Outstanding')[0]!.slice(0, 6)).toEqual([
      'As Of',
      '2016-09-30',
      'Clients',
      2,
      'Total Owed',
      660,
    ]);
    expect(
      reportRows(addin, 'Outstanding').map((r) => [r['Client ID'], r['Amount Owed'], r['Days Overdue']]),
    ).toEqual([
      ['C-0001', 500, 17],
      ['C-0003', 160, 14],
    ]);
    expect(reportRows(addin, 'Balances').find((b) => b['Client ID'] === 'C-0003')).toMatchObject({
      'Sessions Allocated': 8,
      Invoiced: 320,
    });

    // The same day again (a retry, or someone running it by hand): nothing new.
    const invoices = addin.tab('Invoices');
    const allocations = addin.tab('Allocations');
    const outstanding = addin.tab('Outstanding').map((r) => r.filter((_, i) => i !== 7));
    at('2016-09-30', '05:30');
    expect(fire(addin)).toMatchObject({ invoicesCreated: 0, allocationsCreated: 0, overdueTotal: 66000 });
    expect(addin.tab('Invoices')).toEqual(invoices);
    expect(addin.tab('Allocations')).toEqual(allocations);
    expect(addin.tab('Outstanding').map((r) => r.filter((_, i) => i !== 7))).toEqual(outstanding);
    expect(logActions(addin).filter((a) => a === 'Daily upkeep')).toHaveLength(2);
    expect(String(rowsOf(addin, 'Log').at(-1)!.Details)).toBe(
      'through 2016-09-30: 0 recurring invoice(s) and 0 allocation(s) created; Outstanding on 2016-09-30: 2 clients owe $660.00',
    );

    // Days when the trigger did not run: the next run catches up, each cycle on its own date, once.
    at('2016-11-12', '05:00');
    expect(fire(addin)).toMatchObject({ invoicesCreated: 3, allocationsCreated: 3 });
    expect(alexCycles(addin)).toEqual([
      [1, '2016-09-13', 4],
      [2, '2016-09-30', 4],
      [3, '2016-10-14', 4],
      [4, '2016-10-28', 4],
      [5, '2016-11-11', 4],
    ]);
    // Process Billing afterwards finds those cycles made: it makes none again.
    const billed = ok<{ invoicesCreated: number }>(
      addin.run('runBilling', { billingDate: '2016-11-11', today: '2016-11-12' }),
    );
    expect(billed.invoicesCreated).toBe(0);
  });

  it('honours holds: Paused during the hold, no cycle inside it, Active again after', () => {
    const { addin, at } = studio();
    ok(
      addin.run('pauseSale', {
        saleId: 'S-000002',
        from: '2016-10-01',
        to: '2016-10-20',
        today: '2016-09-20',
      }),
    );
    addin.run('toggleDailyUpkeep');
    at('2016-10-05', '05:00');
    expect(fire(addin).statusChanges).toEqual([{ saleId: 'S-000002', from: 'Active', to: 'Paused' }]);
    at('2016-10-14', '05:00');
    expect(fire(addin)).toMatchObject({ invoicesCreated: 0, statusChanges: [] });
    at('2016-10-21', '05:00');
    expect(fire(addin).statusChanges).toEqual([{ saleId: 'S-000002', from: 'Paused', to: 'Active' }]);
    at('2016-10-28', '05:00');
    expect(fire(addin).invoicesCreated).toBe(1);
    expect(alexCycles(addin)).toEqual([
      [1, '2016-09-13', 4],
      [2, '2016-09-30', 4],
      [3, '2016-10-28', 4],
    ]);
    expect(rowsOf(addin, 'Sales').find((s) => s['Sale ID'] === 'S-000002')!.Status).toBe('Active');
  });

  it('waits for the document lock: when another execution holds it, nothing is written and the log says why', () => {
    const { addin, at } = studio();
    addin.run('toggleDailyUpkeep');
    at('2016-09-30', '05:00');
    const invoices = addin.tab('Invoices');
    const release = addin.emu.holdDocumentLock();
    const [trigger] = addin.emu.triggers;
    expect(addin.run(trigger!.handlerFunction, { authMode: 'FULL' })).toMatchObject({ ok: false });
    release();
    expect(addin.tab('Invoices')).toEqual(invoices);
    expect(addin.emu.logs.at(-1)).toMatch(/^Studio Ledger daily upkeep did not run: Someone else is saving/);
    expect(fire(addin).invoicesCreated).toBe(1);
  });

  it('costs the same service calls with 10 or 3,000 invoice rows', () => {
    const counts = [10, 3000].map((n) => {
      const { addin, at } = studio();
      const sheet = addin.sheet('Invoices');
      const rows = Array.from({ length: n }, (_, i) => [
        `INV-${String(100 + i).padStart(6, '0')}`,
        '',
        'C-0002',
        'history',
        '',
        new Date(Date.UTC(2015, 0, 1 + (i % 300), -10)),
        10,
        10,
        'Paid',
        '',
      ]);
      sheet.insertRowsAfter(sheet.getMaxRows(), n + 10);
      sheet.getRange(sheet.getLastRow() + 1, 1, n, 10).setValues(rows as never);
      addin.run('toggleDailyUpkeep');
      at('2016-09-30', '05:00');
      addin.emu.calls.reset();
      fire(addin);
      return addin.emu.calls.byMethod();
    });
    expect(counts[1]).toEqual(counts[0]);
  });
});
