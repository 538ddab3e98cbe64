import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppsScript, Enums } from '../../../src/local/gas';

describe('LockService', () => {
  it('another holder blocks: waitLock throws Google message, tryLock returns false; release frees it', () => {
    const emu = createAppsScript();
    const { LockService } = emu.globals;
    const release = emu.holdDocumentLock();
    const lock = LockService.getDocumentLock();
    expect(() => lock.waitLock(30_000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    expect(lock.tryLock(10_000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    release();
    expect(lock.tryLock(0)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  it('each getDocumentLock() is a new Lock; two of them contend; the holder may re-acquire', () => {
    const emu = createAppsScript();
    const { LockService } = emu.globals;
    const a = LockService.getDocumentLock();
    const b = LockService.getDocumentLock();
    expect(a).not.toBe(b);
    a.waitLock(1000);
    expect(a.tryLock(0)).toBe(true);
    expect(b.tryLock(1000)).toBe(false);
    expect(() => emu.holdDocumentLock()).toThrow();
    // Script and user locks are separate.
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(LockService.getUserLock().tryLock(0)).toBe(true);
    emu.endExecution();
    expect(a.hasLock()).toBe(false);
    expect(b.tryLock(0)).toBe(true);
  });

  it('a holder that finishes within the waiter timeout lets the waiter in', () => {
    const emu = createAppsScript();
    emu.holdDocumentLock({ releaseAfterMs: 5000 });
    const lock = emu.globals.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(false);
    expect(lock.tryLock(5000)).toBe(true);
  });
});

describe('PropertiesService', () => {
  it('stores strings per store, visible through emu.properties', () => {
    const emu = createAppsScript();
    const doc = emu.globals.PropertiesService.getDocumentProperties();
    doc.setProperty('next', 5 as unknown as string);
    expect(doc.getProperty('next')).toBe('5');
    expect(emu.properties.document.get('next')).toBe('5');
    expect(emu.globals.PropertiesService.getScriptProperties().getProperty('next')).toBeNull();
    doc.setProperties({ a: '1', b: true as unknown as string });
    expect(doc.getProperties()).toEqual({ next: '5', a: '1', b: 'true' });
    doc.setProperties({ only: 'x' }, true);
    expect(doc.getKeys()).toEqual(['only']);
    doc.deleteProperty('only');
    expect(doc.getKeys()).toEqual([]);
    emu.properties.user.set('u', 'v');
    expect(emu.globals.PropertiesService.getUserProperties().getProperty('u')).toBe('v');
    emu.globals.PropertiesService.getUserProperties().deleteAllProperties();
    expect(emu.properties.user.size).toBe(0);
  });

  it('enforces the 9 KB value and 500 KB store quotas', () => {
    const emu = createAppsScript();
    const doc = emu.globals.PropertiesService.getDocumentProperties();
    expect(() => doc.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    for (let i = 0; i < 56; i++) doc.setProperty(`k${i}`, 'x'.repeat(9000));
    expect(() => doc.setProperty('k99', 'x'.repeat(9000))).toThrow(/exceeded the property storage quota/);
    expect(doc.getProperty('k99')).toBeNull();
  });
});

describe('Session, Utilities, ScriptApp, Logger', () => {
  it('Session reports the user and the script time zone', () => {
    const emu = createAppsScript({ user: 'amy@studio.test' });
    expect(emu.globals.Session.getActiveUser().getEmail()).toBe('amy@studio.test');
    expect(emu.globals.Session.getEffectiveUser().getEmail()).toBe('amy@studio.test');
    expect(emu.globals.Session.getScriptTimeZone()).toBe('Australia/Sydney');
    expect(createAppsScript({ timeZone: 'UTC' }).globals.Session.getScriptTimeZone()).toBe('UTC');
  });

  it('Utilities.formatDate follows Java patterns across the Sydney DST change (2 Oct 2016)', () => {
    const { Utilities } = createAppsScript().globals;
    const before = new Date('2016-10-01T14:00:00Z'); // Sun 2 Oct 2016 00:00 AEST (+10)
    const after = new Date('2016-10-01T16:30:00Z'); // Sun 2 Oct 2016 03:30 AEDT (+11)
    const nextDay = new Date('2016-10-02T13:00:00Z'); // Mon 3 Oct 2016 00:00 AEDT
    const tz = 'Australia/Sydney';
    expect(Utilities.formatDate(before, tz, 'yyyy-MM-dd HH:mm:ss Z')).toBe('2016-10-02 00:00:00 +1000');
    expect(Utilities.formatDate(after, tz, 'yyyy-MM-dd HH:mm Z')).toBe('2016-10-02 03:30 +1100');
    expect(Utilities.formatDate(nextDay, tz, 'EEE d MMM yy')).toBe('Mon 3 Oct 16');
    expect(Utilities.formatDate(nextDay, tz, "dd/MM/yyyy 'at' H:mm")).toBe('03/10/2016 at 0:00');
    expect(Utilities.formatDate(nextDay, tz, "EEEE, MMMM d ''yy")).toBe("Monday, October 3 '16");
    expect(Utilities.formatDate(nextDay, tz, 'M/d hh a XXX')).toBe('10/3 12 AM +11:00');
    expect(Utilities.formatDate(nextDay, 'UTC', 'yyyy-MM-dd HH:mm')).toBe('2016-10-02 13:00');
    // An unknown zone id is GMT, as in Java.
    expect(Utilities.formatDate(nextDay, 'Not/AZone', 'HH:mm')).toBe('13:00');
    expect(() => Utilities.formatDate(nextDay, tz, 'yyyy-qq')).toThrow(/Illegal pattern character 'q'/);
  });

  it('Utilities: uuid, digest, base64, sleep', () => {
    const { Utilities } = createAppsScript().globals;
    expect(Utilities.getUuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const md5 = Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc');
    expect(md5.slice(0, 4)).toEqual([-112, 1, 80, -104]); // 900150983cd24fb0...
    expect(Utilities.base64Encode('hi')).toBe('aGk=');
    expect(() => Utilities.sleep(1000)).not.toThrow();
  });

  it('ScriptApp records triggers; AuthMode values compare by identity and print their names', () => {
    const emu = createAppsScript();
    const { ScriptApp } = emu.globals;
    expect(String(ScriptApp.AuthMode.NONE)).toBe('NONE');
    expect(ScriptApp.AuthMode.FULL).toBe(Enums.AuthMode.FULL);
    const t = ScriptApp.newTrigger('dailyUpkeep').timeBased().everyDays(1).atHour(4).create();
    expect(t.getHandlerFunction()).toBe('dailyUpkeep');
    expect(String(t.getEventType())).toBe('CLOCK');
    expect(emu.triggers).toEqual([
      expect.objectContaining({
        handlerFunction: 'dailyUpkeep',
        eventType: 'CLOCK',
        schedule: { everyDays: 1, atHour: 4 },
      }),
    ]);
    const listed = ScriptApp.getProjectTriggers();
    expect(listed.map((x) => x.getUniqueId())).toEqual([t.getUniqueId()]);
    ScriptApp.deleteTrigger(listed[0]!);
    expect(ScriptApp.getProjectTriggers()).toEqual([]);
    expect(() => ScriptApp.newTrigger('x').timeBased().create()).toThrow();
  });

  it('Logger.log records lines with %s substitution', () => {
    const emu = createAppsScript();
    emu.globals.Logger.log('sold %s for %s', 'PT10', 500).log({ a: 1 });
    expect(emu.logs).toEqual(['sold PT10 for 500', '{"a":1}']);
    expect(emu.globals.Logger.getLog()).toBe('sold PT10 for 500\n{"a":1}\n');
  });
});

describe('Ui and HtmlService', () => {
  it('records menus built with createMenu and createAddonMenu, with submenus flattened into items', () => {
    const emu = createAppsScript({ addonName: 'Studio Ledger' });
    const ui = emu.globals.SpreadsheetApp.getUi();
    ui.createMenu('Studio Ledger')
      .addItem('Sell package...', 'showSellPackage')
      .addSeparator()
      .addSubMenu(ui.createMenu('More').addItem('Set up workbook', 'setUpWorkbook'))
      .addToUi();
    ui.createAddonMenu().addItem('Open', 'open').addToUi();
    expect(emu.ui.menus).toEqual([
      {
        title: 'Studio Ledger',
        kind: 'custom',
        addon: false,
        items: [
          { caption: 'Sell package...', functionName: 'showSellPackage' },
          { caption: 'Set up workbook', functionName: 'setUpWorkbook' },
        ],
        entries: [
          { type: 'item', caption: 'Sell package...', functionName: 'showSellPackage' },
          { type: 'separator' },
          {
            type: 'submenu',
            title: 'More',
            entries: [{ type: 'item', caption: 'Set up workbook', functionName: 'setUpWorkbook' }],
          },
        ],
      },
      expect.objectContaining({
        title: 'Studio Ledger',
        kind: 'addon',
        addon: true,
        items: [{ caption: 'Open', functionName: 'open' }],
      }),
    ]);
    // Running onOpen again replaces the menu rather than adding a second one.
    ui.createMenu('Studio Ledger').addItem('Only', 'only').addToUi();
    expect(emu.ui.menus).toHaveLength(2);
    expect(emu.ui.menus[0]!.items).toEqual([{ caption: 'Only', functionName: 'only' }]);
  });

  it('alerts are recorded and answered from the queue, else with the first button of the set', () => {
    const emu = createAppsScript();
    const ui = emu.globals.SpreadsheetApp.getUi();
    expect(ui.alert('Saved')).toBe(ui.Button.OK);
    emu.ui.nextAlertResponses.push(ui.Button.NO, 'CANCEL');
    expect(ui.alert('Delete?', 'Delete 3 invoices?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Go on?', ui.ButtonSet.OK_CANCEL)).toBe(ui.Button.CANCEL);
    expect(ui.alert('Again?', ui.ButtonSet.YES_NO)).toBe(Enums.Button.YES);
    expect(emu.ui.alerts).toEqual([
      { prompt: 'Saved', response: 'OK' },
      { title: 'Delete?', prompt: 'Delete 3 invoices?', buttons: 'YES_NO', response: 'NO' },
      { prompt: 'Go on?', buttons: 'OK_CANCEL', response: 'CANCEL' },
      { prompt: 'Again?', buttons: 'YES_NO', response: 'YES' },
    ]);
    emu.ui.nextPromptResponses.push({ text: 'C-0001' });
    const answer = ui.prompt('Client ID?');
    expect([answer.getResponseText(), String(answer.getSelectedButton())]).toEqual(['C-0001', 'OK']);
  });

  it('HtmlService reads ${htmlDir}/${name}.html; sidebars and dialogs are recorded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gas-html-'));
    writeFileSync(join(dir, 'SellPackage.html'), '<main id="app"></main>');
    const emu = createAppsScript({ htmlDir: dir });
    const { HtmlService, SpreadsheetApp } = emu.globals;
    const out = HtmlService.createHtmlOutputFromFile('SellPackage').setTitle('Sell package').setWidth(300);
    expect(out.getContent()).toBe('<main id="app"></main>');
    SpreadsheetApp.getUi().showSidebar(out);
    const dialog = HtmlService.createHtmlOutput('<p>hi</p>').append('<p>there</p>').setHeight(200);
    SpreadsheetApp.getUi().showModalDialog(dialog, 'Preview');
    expect(emu.ui.sidebars).toEqual([{ title: 'Sell package', html: '<main id="app"></main>', width: 300 }]);
    expect(emu.ui.dialogs).toEqual([
      { title: 'Preview', html: '<p>hi</p><p>there</p>', height: 200, modal: true },
    ]);
    expect(() => HtmlService.createHtmlOutputFromFile('Missing')).toThrow(
      'No HTML file named Missing was found.',
    );
  });
});
