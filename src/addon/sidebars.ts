// Menu handlers that open sidebars, and Set up workbook.
import { context } from './context';
import { setUpWorkbook as runSetup } from '../sheets/actions/setup';
import { withDocumentLock } from './lock';
import { attempt, type Result } from './result';
import type { SetupResult } from '../sheets/actions/setup';
import type { Request } from './context';

export const SIDEBARS = {
  SellPackage: 'Sell package',
  AddClient: 'Add client',
  EditClient: 'Edit client',
  AdHocInvoice: 'Add ad-hoc invoice',
  ProcessBilling: 'Process Billing',
  Reconcile: 'Reconcile DD report',
  Outstanding: 'Outstanding invoices',
  RecordSessions: 'Record sessions',
  PackageLifecycle: 'Cancel or pause package',
  WriteOff: 'Write off',
  RecordPayment: 'Record payment or refund',
  Statement: 'Statement',
  DdChanges: 'DD changes',
} as const;

function showSidebar(file: keyof typeof SIDEBARS): void {
  const html = HtmlService.createHtmlOutputFromFile(file).setTitle(SIDEBARS[file]).setWidth(300);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function showSellPackage(): void {
  showSidebar('SellPackage');
}
export function showAddClient(): void {
  showSidebar('AddClient');
}
export function showEditClient(): void {
  showSidebar('EditClient');
}
export function showAdHocInvoice(): void {
  showSidebar('AdHocInvoice');
}

export function showProcessBilling(): void {
  showSidebar('ProcessBilling');
}
export function showReconcile(): void {
  showSidebar('Reconcile');
}
export function showOutstanding(): void {
  showSidebar('Outstanding');
}
export function showRecordSessions(): void {
  showSidebar('RecordSessions');
}
export function showPackageLifecycle(): void {
  showSidebar('PackageLifecycle');
}
export function showWriteOff(): void {
  showSidebar('WriteOff');
}
export function showRecordPayment(): void {
  showSidebar('RecordPayment');
}
export function showStatement(): void {
  showSidebar('Statement');
}
export function showDdChanges(): void {
  showSidebar('DdChanges');
}

/** The server function behind Set up workbook (also the CLI's init). */
export function setUpWorkbook(req?: Request): Result<SetupResult> {
  return attempt(() => {
    const ctx = context(req);
    return withDocumentLock(() => runSetup(ctx.port, ctx.today, ctx.timestamp()));
  });
}

export function setUpWorkbookMenu(): void {
  const result = setUpWorkbook();
  const ui = SpreadsheetApp.getUi();
  if (!result.ok) {
    ui.alert('Studio Ledger', result.error, ui.ButtonSet.OK);
    return;
  }
  const r = result.value;
  const lines = [
    r.created.length ? `Created tabs: ${r.created.join(', ')}.` : 'Every tab was already there.',
    r.headersAdded.length ? `Added columns: ${r.headersAdded.join(', ')}.` : '',
    r.settingsAdded.length
      ? `Added settings: ${r.settingsAdded.join(', ')}. Check them on the Settings tab.`
      : '',
  ].filter(Boolean);
  ui.alert('Studio Ledger is set up', lines.join('\n'), ui.ButtonSet.OK);
}
