// The add-in's entry: every export here becomes a top-level function in dist/Code.js (see build.mjs),
// which is what Apps Script can call: triggers, menu items and google.script.run targets. Nothing else.
export { onOpen, onInstall } from './menu';
export {
  showSellPackage,
  showAddClient,
  showAdHocInvoice,
  showProcessBilling,
  showReconcile,
  showOutstanding,
  showRecordSessions,
  showPackageLifecycle,
  showWriteOff,
  showRecordPayment,
  showStatement,
  showDdChanges,
  showEditClient,
  setUpWorkbook,
  setUpWorkbookMenu,
} from './sidebars';
export { getSellForm, previewSale, sellPackage } from './sales';
export { addClient, addAdHocInvoice } from './clients';
export { getEditClientForm, editClient } from './editClient';
export { exportRegistration } from './registration';
export {
  getBillingForm,
  previewBillingRun,
  runBilling,
  setBillingRow,
  createDebitFile,
  markBatchProcessed,
  markListPaid,
  processDeclines,
} from './billing';
export { previewReconcile, applyReconcile, saveReportMapping } from './reconcile';
export { getOutstanding, refreshOutstanding } from './outstanding';
export { getHeld, releaseHeld } from './release';
export { getSessionsForm, getClientSessions, recordSessions } from './sessions';
export { getLifecycleForm, previewCancelSale, cancelSale, previewPauseSale, pauseSale } from './lifecycle';
export { runDailyUpkeep, setDailyUpkeep, toggleDailyUpkeep } from './upkeep';
export { getWriteOffForm, writeOffInvoice, undoWriteOff } from './writeOff';
export {
  getDeskForm,
  getDeskClient,
  previewPayment,
  recordPayment,
  previewRefund,
  refundPayment,
} from './deskMoney';
export { getStatementForm, getStatement, writeStatementTab, printStatement } from './statement';
export { getDdChanges, getDebitSchedule, printDebitSchedule } from './ddChanges';
export { runSelfCheck, showSelfCheck } from './selfCheck';
