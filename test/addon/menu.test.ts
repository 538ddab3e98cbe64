import { describe, expect, it } from 'vitest';
import { loadAddin } from './harness';
import { setUpStudio } from './studio';

const ITEMS = [
  'Sell package...',
  'Add client...',
  'Edit client...',
  'Add ad-hoc invoice...',
  'Process Billing...',
  'Reconcile DD report...',
  'Outstanding invoices...',
  'Record sessions used...',
  'Cancel or pause package...',
  'Write off...',
  'Record payment or refund...',
  'Statement...',
  'DD changes...',
  'Daily upkeep: turn on/off',
  'Set up workbook',
  'Check this spreadsheet',
];

describe('the Studio Ledger menu', () => {
  it('bound to a spreadsheet: a Studio Ledger menu whose items name real top-level functions', () => {
    const addin = loadAddin();
    addin.run('onOpen', {});
    const menu = addin.emu.ui.menus[0]!;
    expect(menu.title).toBe('Studio Ledger');
    expect(menu.items.map((i) => i.caption)).toEqual(ITEMS);
    expect(menu.addon).toBe(false);
  });

  it('as an add-on under AuthMode.NONE: the add-on menu, built without reading the spreadsheet', () => {
    const addin = loadAddin();
    addin.emu.calls.reset();
    const AuthMode = (addin.emu.globals.ScriptApp as unknown as { AuthMode: Record<string, unknown> })
      .AuthMode;
    addin.run('onInstall', { authMode: AuthMode.NONE });
    const menu = addin.emu.ui.menus[0]!;
    expect(menu.items.map((i) => i.caption)).toEqual(ITEMS);
    expect(menu.addon).toBe(true);
    const used = Object.keys(addin.emu.calls.byMethod());
    expect(
      used.filter((m) => m.startsWith('Spreadsheet.') || m.startsWith('Sheet.') || m.startsWith('Range.')),
    ).toEqual([]);
    expect(addin.emu.ui.toasts).toEqual([]);
    // The settings items come after a separator, then Help, a submenu of its own.
    expect(menu.entries.map((e) => (e.type === 'item' ? e.functionName : e.type)).slice(-5)).toEqual([
      'separator',
      'toggleDailyUpkeep',
      'setUpWorkbookMenu',
      'separator',
      'submenu',
    ]);
    expect(menu.entries.at(-1)).toEqual({
      type: 'submenu',
      title: 'Help',
      entries: [{ type: 'item', caption: 'Check this spreadsheet', functionName: 'showSelfCheck' }],
    });
  });

  it('each menu handler exists in Code.js; sidebars open at 300 px; the upkeep item says what it did', () => {
    const addin = loadAddin();
    setUpStudio(addin);
    addin.run('onOpen', {});
    for (const item of addin.emu.ui.menus[0]!.items) {
      expect(() => addin.run(item.functionName), item.functionName).not.toThrow();
    }
    expect(addin.emu.ui.sidebars.map((s) => s.title)).toEqual([
      'Sell package',
      'Add client',
      'Edit client',
      'Add ad-hoc invoice',
      'Process Billing',
      'Reconcile DD report',
      'Outstanding invoices',
      'Record sessions',
      'Cancel or pause package',
      'Write off',
      'Record payment or refund',
      'Statement',
      'DD changes',
    ]);
    expect(addin.emu.ui.sidebars[0]!.html).toContain('<main id="app"');
    expect(addin.emu.ui.alerts.map((a) => a.prompt)).toEqual([
      expect.stringContaining('Every morning at about 5:00'),
      expect.stringContaining('Every tab was already there.'),
    ]);
    expect(addin.emu.triggers.map((t) => t.handlerFunction)).toEqual(['runDailyUpkeep']);
  });
});

describe('bound or add-on', () => {
  it('a bound script opened normally (simple trigger, AuthMode.LIMITED) gets the top-level Studio Ledger menu', () => {
    const addin = loadAddin();
    const AuthMode = (addin.emu.globals.ScriptApp as unknown as { AuthMode: Record<string, unknown> })
      .AuthMode;
    addin.run('onOpen', { authMode: AuthMode.LIMITED });
    expect(addin.emu.ui.menus[0]).toMatchObject({ title: 'Studio Ledger', addon: false });
  });
});
