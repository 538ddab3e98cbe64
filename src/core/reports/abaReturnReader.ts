// The bank's ABA return file, read by the ABA module and handed to the report reader.
import { parseAbaReturn } from '../aba';
import type { AbaReturnLike } from './types';

export function readAbaReturnRecords(text: string): AbaReturnLike[] {
  return parseAbaReturn(text).map((r) => ({
    lineNumber: r.line,
    bsb: r.bsb,
    accountNumber: r.accountNumber,
    returnCode: r.returnCode,
    transactionCode: String(r.transactionCode),
    amount: r.amount,
    accountTitle: r.accountTitle,
    lodgementReference: r.lodgementReference,
    traceBsb: r.traceBsb,
    traceAccount: r.traceAccount,
    remitter: r.remitter,
    originalDay: r.originalProcessingDay,
    originalUserId: r.originalUserId,
  }));
}
