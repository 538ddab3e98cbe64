// ABA (Cemtex / APCA Direct Entry) files and the debit CSV: pure functions, no I/O.
export * from './abaTypes';
export { buildAbaFile, DEBIT_CODE, CREDIT_CODE } from './abaFile';
export { validateAbaBatch, checkAbaBatch, ABA_LIMITS, type CleanAbaBatch } from './abaValidate';
export { checkText, checkReference, type Checked } from './abaChecks';
export { parseAbaFile } from './abaParse';
export { parseAbaReturn, ABA_RETURN_REASONS, abaReturnReason } from './abaReturn';
export { buildDebitCsv, debitCsvProblems, DEBIT_CSV_HEADERS, type DebitCsvRow } from './debitCsv';
export {
  planAbaUpload,
  planCsvUpload,
  abaWarnings,
  SHARED_UPLOAD_USER_ID,
  type SkippedDebit,
  type UploadPlan,
} from './uploadPlan';
export { MAX_ABA_CENTS, MAX_ABA_RECORDS } from './abaFields';
export { BANK_CHARACTERS_HELP, formulaStart, toBankText } from './abaText';
export { RECORD_LENGTH } from './abaLayout';
