import { describe, expect, it } from 'vitest';
import { createAppsScript } from '../../../src/local/gas';
import {
  BUILDER_METHODS,
  DATA_VALIDATION_METHODS,
  EmulatedDataValidation,
  EmulatedDataValidationBuilder,
} from '../../../src/local/gas/dataValidation';
import { EmulatedRange, RANGE_METHODS } from '../../../src/local/gas/range';
import { EmulatedSheet, SHEET_METHODS } from '../../../src/local/gas/sheet';
import { EmulatedSpreadsheet, SPREADSHEET_METHODS } from '../../../src/local/gas/spreadsheet';
import { APP_MEMBERS, EmulatedSpreadsheetApp } from '../../../src/local/gas/spreadsheetApp';
import { EmulatedHtmlOutput, EmulatedUi, OUTPUT_METHODS, UI_METHODS } from '../../../src/local/gas/ui';

describe('call counting', () => {
  it('counts each call once, keyed Class.method', () => {
    const emu = createAppsScript();
    const { SpreadsheetApp } = emu.globals;
    emu.calls.reset();
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1')!;
    sheet.getRange(1, 1, 2, 2).getValues();
    expect(emu.calls.byMethod()).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getRange': 1,
      'Range.getValues': 1,
    });
    expect(emu.calls.total()).toBe(4);
    emu.calls.reset();
    expect(emu.calls.total()).toBe(0);
    expect(emu.calls.byMethod()).toEqual({});
  });

  it('a method that works through others counts once (appendRow, insertSheet, setValues)', () => {
    const emu = createAppsScript();
    const sheet = emu.spreadsheet.insertSheet('Log');
    emu.calls.reset();
    sheet.appendRow(['a', 'b']);
    sheet.appendRow(['c', 'd']);
    expect(emu.calls.byMethod()).toEqual({ 'Sheet.appendRow': 2 });
  });

  it('builders, enums-free chains, ui, locks, properties and logger calls all count', () => {
    const emu = createAppsScript();
    const g = emu.globals;
    emu.calls.reset();
    g.SpreadsheetApp.newDataValidation().requireValueInList(['a']).setAllowInvalid(false).build();
    g.SpreadsheetApp.getUi().createMenu('M').addItem('x', 'fx').addSeparator().addToUi();
    g.LockService.getDocumentLock().tryLock(100);
    g.PropertiesService.getDocumentProperties().setProperty('k', 'v');
    g.Logger.log('hello');
    g.Utilities.formatDate(new Date(0), 'UTC', 'yyyy');
    g.ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(3).create();
    void g.ScriptApp.AuthMode.NONE; // property reads are not calls
    expect(emu.calls.byMethod()).toEqual({
      'ClockTriggerBuilder.atHour': 1,
      'ClockTriggerBuilder.create': 1,
      'ClockTriggerBuilder.everyDays': 1,
      'DataValidationBuilder.build': 1,
      'DataValidationBuilder.requireValueInList': 1,
      'DataValidationBuilder.setAllowInvalid': 1,
      'Lock.tryLock': 1,
      'LockService.getDocumentLock': 1,
      'Logger.log': 1,
      'Menu.addItem': 1,
      'Menu.addSeparator': 1,
      'Menu.addToUi': 1,
      'Properties.setProperty': 1,
      'PropertiesService.getDocumentProperties': 1,
      'ScriptApp.newTrigger': 1,
      'SpreadsheetApp.getUi': 1,
      'SpreadsheetApp.newDataValidation': 1,
      'TriggerBuilder.timeBased': 1,
      'Ui.createMenu': 1,
      'Utilities.formatDate': 1,
    });
  });

  it('a call that throws still counts', () => {
    const emu = createAppsScript();
    const sheet = emu.spreadsheet.getSheets()[0]!;
    emu.calls.reset();
    expect(() => sheet.getRange(0, 1)).toThrow();
    sheet.getRange(1, 1);
    expect(emu.calls.byMethod()).toEqual({ 'Sheet.getRange': 2 });
  });

  it('the model boundary (sheetsModel / loadModel) is not counted', () => {
    const emu = createAppsScript();
    emu.calls.reset();
    emu.spreadsheet.loadModel(emu.spreadsheet.sheetsModel());
    expect(emu.calls.total()).toBe(0);
  });

  it('every method the classes claim to implement exists', () => {
    const claims: [object, readonly string[]][] = [
      [EmulatedSpreadsheetApp.prototype, APP_MEMBERS.filter((m) => /^[a-z]/.test(m))],
      [EmulatedSpreadsheet.prototype, SPREADSHEET_METHODS],
      [EmulatedSheet.prototype, SHEET_METHODS],
      [EmulatedRange.prototype, RANGE_METHODS],
      [EmulatedDataValidation.prototype, DATA_VALIDATION_METHODS],
      [EmulatedDataValidationBuilder.prototype, BUILDER_METHODS],
      [EmulatedUi.prototype, UI_METHODS],
      [EmulatedHtmlOutput.prototype, OUTPUT_METHODS],
    ];
    for (const [proto, methods] of claims) {
      for (const m of methods) expect(typeof (proto as Record<string, unknown>)[m], m).toBe('function');
    }
  });
});
