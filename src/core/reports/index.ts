// Reading direct-debit reports (Ezidebit, Debitsuccess, ABA returns, mapped layouts): pure, no I/O.
export * from './types';
export { readReportText, readReportCells, reportHeaders } from './readReport';
export { detectShape } from './detect';
export { headerSignature } from './columns';
export { adaptAbaReturn, originalDebitDate, ABA_RETURN_FIELDS } from './shapes/abaReturn';
export { parseReportAmount, parseReportDate } from './reportValues';
export { RETURN_REASONS, returnReason } from './returnCodes';
export { readAbaReturnRecords } from './abaReturnReader';
export { reportTable, readReportTable } from './readReport';
export { errorsByRow, type RowErrors } from './rowErrors';
export { guessMapping, draftOf, type MappingDraft } from './mappingGuess';
export { mappingProblem } from './mappingCheck';
export { mappingForm, columnValues, type MappingForm } from './mappingForm';
export { decodeReportBytes, type ReportEncoding } from './reportBytes';
