// The Studio Ledger menu. Under AuthMode.NONE (an add-on not yet used in this document) it builds the menu
// and reads nothing. Bound to a spreadsheet it is a plain menu; as an Editor add-on it is the add-on menu.
// Otherwise (LIMITED, FULL, or a bound script's manual run) it also toasts who has overdue invoices.
import { remindOutstanding } from './outstanding';

export const MENU_ITEMS: readonly [caption: string, functionName: string][] = [
  ['Sell package...', 'showSellPackage'],
  ['Add client...', 'showAddClient'],
  ['Edit client...', 'showEditClient'],
  ['Add ad-hoc invoice...', 'showAdHocInvoice'],
  ['Process Billing...', 'showProcessBilling'],
  ['Reconcile DD report...', 'showReconcile'],
  ['Outstanding invoices...', 'showOutstanding'],
  ['Record sessions used...', 'showRecordSessions'],
  ['Cancel or pause package...', 'showPackageLifecycle'],
  ['Write off...', 'showWriteOff'],
  ['Record payment or refund...', 'showRecordPayment'],
  ['Statement...', 'showStatement'],
  ['DD changes...', 'showDdChanges'],
  ['Daily upkeep: turn on/off', 'toggleDailyUpkeep'],
  ['Set up workbook', 'setUpWorkbookMenu'],
];

/** The Help submenu, after the settings. */
export const HELP_ITEMS: readonly [caption: string, functionName: string][] = [
  ['Check this spreadsheet', 'showSelfCheck'],
];

/** The last items set the workbook up; a separator comes before them. */
const SETTINGS_FROM = MENU_ITEMS.length - 2;

/** Set by build.mjs: STUDIO_LEDGER_ADDON=1 builds the Editor add-on, otherwise the bound script. */
declare const __STUDIO_LEDGER_ADDON__: boolean | undefined;

export function onOpen(e?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  const ui = SpreadsheetApp.getUi();
  // A bound script's onOpen runs under LIMITED too, so the auth mode cannot tell the two apart: the
  // build says which this is. Only an add-on ever opens under NONE.
  const built = typeof __STUDIO_LEDGER_ADDON__ !== 'undefined' && __STUDIO_LEDGER_ADDON__;
  const asAddon = built || String(e?.authMode) === String(ScriptApp.AuthMode.NONE);
  const menu = asAddon ? ui.createAddonMenu() : ui.createMenu('Studio Ledger');
  MENU_ITEMS.forEach(([caption, fn], i) => {
    if (i === SETTINGS_FROM) menu.addSeparator();
    menu.addItem(caption, fn);
  });
  // Help apart from the studio's work: the probe of what the add-in relies on in this spreadsheet.
  menu.addSeparator();
  const help = ui.createMenu('Help');
  for (const [caption, fn] of HELP_ITEMS) help.addItem(caption, fn);
  menu.addSubMenu(help);
  menu.addToUi();
  // Where the add-in may read the spreadsheet (not AuthMode.NONE): remind who owes, never block.
  // Enums compare by name: String(ScriptApp.AuthMode.NONE) is 'NONE', also after crossing as data.
  if (String(e?.authMode) !== String(ScriptApp.AuthMode.NONE)) remindOutstanding();
}

export function onInstall(e?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  onOpen(e);
}
