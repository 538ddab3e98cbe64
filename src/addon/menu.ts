// The Studio Ledger menu. Under AuthMode.NONE (an add-on not yet used in this document) it builds the menu
// and reads nothing. Bound to a spreadsheet it is a plain menu; as an Editor add-on it is the add-on menu.

export const MENU_ITEMS: readonly [caption: string, functionName: string][] = [
  ['Sell package...', 'showSellPackage'],
  ['Add client...', 'showAddClient'],
  ['Add ad-hoc invoice...', 'showAdHocInvoice'],
  ['Process Billing...', 'showProcessBilling'],
  ['Reconcile DD report...', 'showReconcile'],
  ['Outstanding invoices...', 'showOutstanding'],
  ['Set up workbook', 'setUpWorkbookMenu'],
];

export function onOpen(e?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  const ui = SpreadsheetApp.getUi();
  // Bound scripts get no authMode of NONE; add-ons do until the user first uses them here.
  const asAddon = e?.authMode !== undefined && e.authMode !== ScriptApp.AuthMode.FULL;
  const menu = asAddon ? ui.createAddonMenu() : ui.createMenu('Studio Ledger');
  MENU_ITEMS.forEach(([caption, fn], i) => {
    if (i === MENU_ITEMS.length - 1) menu.addSeparator();
    menu.addItem(caption, fn);
  });
  menu.addToUi();
}

export function onInstall(e?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  onOpen(e);
}
