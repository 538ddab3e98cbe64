import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createAppsScript } from '../../../src/local/gas';

const CODE = `
function probe() {
  var sheet = SpreadsheetApp.getActive().getSheetByName('Sheet1');
  sheet.getRange('A1').setValue('2016-09-13');
  var v = sheet.getRange('A1').getValue();
  var err;
  try { sheet.getRange(0, 1); } catch (e) { err = e; }
  return {
    isDate: v instanceof Date,
    day: Utilities.formatDate(v, SpreadsheetApp.getActive().getSpreadsheetTimeZone(), 'yyyy-MM-dd'),
    errorIsError: err instanceof Error,
    message: err && err.message,
    valuesAreArray: sheet.getRange('A1:B2').getValues() instanceof Array,
    now: new Date().toISOString(),
    nowMs: Date.now(),
    constructed: new Date(2016, 8, 13) instanceof Date,
  };
}`;

describe('running code in a vm context', () => {
  it('with emu.createContext(): Dates, errors and arrays pass instanceof; the today clock drives new Date()', () => {
    const today = new Date('2016-09-13T01:00:00Z');
    const emu = createAppsScript({ today: () => today });
    const ctx = emu.createContext();
    vm.runInContext(CODE, ctx);
    const r = vm.runInContext('probe()', ctx) as Record<string, unknown>;
    expect(r).toEqual({
      isDate: true,
      day: '2016-09-13',
      errorIsError: true,
      message: 'The starting row of the range is too small.',
      valuesAreArray: true,
      now: '2016-09-13T01:00:00.000Z',
      nowMs: today.getTime(),
      constructed: true,
    });
    expect(emu.calls.byMethod()['Range.getValue']).toBe(1);
  });

  it('with vm.createContext({ ...emu.globals }): Dates still pass instanceof (globals carry Date)', () => {
    const emu = createAppsScript();
    const ctx = vm.createContext({ ...emu.globals });
    vm.runInContext(CODE, ctx);
    const r = vm.runInContext('probe()', ctx) as Record<string, unknown>;
    expect(r.isDate).toBe(true);
    expect(r.day).toBe('2016-09-13');
    expect(Math.abs(Number(r.nowMs) - Date.now())).toBeLessThan(60_000);
  });

  it('openEvent builds the onOpen event object', () => {
    const emu = createAppsScript();
    const e = emu.openEvent('NONE');
    expect(e.authMode).toBe(emu.globals.ScriptApp.AuthMode.NONE);
    expect(e.source).toBe(emu.spreadsheet);
  });
});
