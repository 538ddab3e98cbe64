/** The Studio Ledger menu. Under AuthMode.NONE it only builds the menu and reads nothing. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  ui.createAddonMenu().addItem('Set up workbook', 'setUpWorkbook').addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
