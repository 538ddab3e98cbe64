// ABA (Cemtex / APCA Direct Entry) files and the debit CSV: pure functions, no I/O.
export * from './abaTypes';
export { buildAbaFile, DEBIT_CODE, CREDIT_CODE } from './abaFile';
export { validateAbaBatch, checkAbaBatch, ABA_LIMITS, type CleanAbaBatch } from './abaValidate';
export { parseAbaFile } from './abaParse';
export { parseAbaReturn, ABA_RETURN_REASONS, abaReturnReason } from './abaReturn';
export { buildDebitCsv, DEBIT_CSV_HEADERS, type DebitCsvRow } from './debitCsv';
export { MAX_ABA_CENTS, MAX_ABA_RECORDS, BANK_CHARACTERS_HELP } from './abaFields';
export { RECORD_LENGTH } from './abaLayout';
