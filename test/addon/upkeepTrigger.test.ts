// The daily upkeep's trigger as an Editor add-on has it: getProjectTriggers also lists the add-on's
// triggers in the user's other documents, and a time trigger runs with no active spreadsheet. The
// upkeep lists this document's triggers only (getUserTriggers), keeps the spreadsheet's ID when turned
// on, and a run without an active spreadsheet opens it by that ID.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { TriggerRecord } from '../../src/local/gas/services';
import { billingStudio, clockedAddin, rowsOf } from './lifecycleStudio';
import { ok } from './studio';

const KEY = 'studioLedger.upkeepSpreadsheetId';

/** Another document's upkeep trigger, as getProjectTriggers shows it to the add-on here. */
const elsewhere: TriggerRecord = {
  id: '42',
  handlerFunction: 'runDailyUpkeep',
  eventType: 'CLOCK',
  source: 'CLOCK',
  schedule: { everyDays: 1, atHour: 5 },
};

describe('the daily upkeep as an Editor add-on', () => {
  it("lists this document's triggers only: another document's is neither counted nor removed", () => {
    const { addin } = clockedAddin('2016-09-13');
    billingStudio(addin);
    addin.emu.triggers.push({ ...elsewhere });

    addin.run('toggleDailyUpkeep');
    expect(addin.emu.ui.alerts.at(-1)!.title).toBe('Daily upkeep is on');
    expect(addin.emu.triggers.map((t) => t.id)).toEqual(['42', expect.not.stringMatching(/^42$/)]);
    // Kept where a trigger with no active spreadsheet finds it.
    expect(addin.emu.properties.document.get(KEY)).toBe(addin.emu.spreadsheet.getId());
    const mine = addin.emu.triggers[1]!.id;
    expect(addin.emu.properties.user.get(`studioLedger.upkeepTrigger.${mine}`)).toBe(
      addin.emu.spreadsheet.getId(),
    );

    addin.run('toggleDailyUpkeep');
    expect(addin.emu.ui.alerts.at(-1)!.title).toBe('Daily upkeep is off');
    expect(addin.emu.triggers).toEqual([elsewhere]);
    expect(addin.emu.properties.user.has(`studioLedger.upkeepTrigger.${mine}`)).toBe(false);
  });

  it('a run with no active spreadsheet opens the kept one by ID; without one it writes nothing and logs why', () => {
    const { addin, at } = clockedAddin('2016-09-13');
    billingStudio(addin);
    ok(addin.run('sellPackage', { clientId: 'C-0003', packageCode: 'PT2W', today: '2016-09-13' }));
    addin.run('toggleDailyUpkeep');
    const [trigger] = addin.emu.triggers;

    // The trigger's own execution: SpreadsheetApp has no active spreadsheet there.
    const app = addin.emu.globals.SpreadsheetApp;
    const noActive = new Proxy(app, {
      get: (t, p) =>
        p === 'getActiveSpreadsheet' || p === 'getActive' ? () => null : (Reflect.get(t, p) as unknown),
    });
    const ctx = vm.createContext({ ...addin.emu.globals, SpreadsheetApp: noActive });
    new vm.Script(readFileSync('dist/Code.js', 'utf8'), { filename: 'Code.js' }).runInContext(ctx);
    const fire = () =>
      (ctx.runDailyUpkeep as (e: unknown) => { ok: boolean; value?: { invoicesCreated: number } })({
        authMode: 'FULL',
        triggerUid: trigger!.id,
      });

    at('2016-09-30', '05:00');
    const before = rowsOf(addin, 'Invoices').length;
    const r = fire();
    expect(r).toMatchObject({ ok: true, value: { invoicesCreated: 1 } });
    expect(rowsOf(addin, 'Invoices')).toHaveLength(before + 1);
    addin.emu.endExecution();

    // With no ID kept anywhere: refused, nothing written, the execution log says what to do.
    addin.emu.properties.document.delete(KEY);
    addin.emu.properties.user.clear();
    at('2016-10-14', '05:00');
    const invoices = addin.tab('Invoices');
    expect(fire()).toMatchObject({ ok: false });
    expect(addin.tab('Invoices')).toEqual(invoices);
    expect(addin.emu.logs.at(-1)).toMatch(/daily upkeep did not run: .*turn it off and on again/);
  });
});
