// What a report row says about a decline: the rule (the bank's BECS code whenever the row has one, else
// the provider's own status, else its words; a card debit by the card rule) and the day it was reported.
import { maxDate, type IsoDate } from '../calendar';
import { declineRule, type DeclineRule } from '../ledger/declineRules';
import type { ReportRow, ReportShape } from '../reports/types';

/**
 * Whether a row's date is the date of the debit itself (Ezidebit's DebitDate, an ABA return's original
 * processing day) rather than the date of the line (a Debitsuccess reversal, a bank statement's line).
 */
export function datedByDebit(shape: ReportShape): boolean {
  return shape === 'ezidebit' || shape === 'aba-return';
}

export function declineRuleOf(shape: ReportShape, row: ReportRow): DeclineRule {
  const words = row.reason ?? '';
  if (shape === 'aba-return') return declineRule({ code: row.returnCode, words });
  if (shape === 'ezidebit')
    return declineRule({
      code: row.returnCode,
      providerStatus: row.providerStatus ?? null,
      card: row.method === 'card',
      words,
    });
  // Debitsuccess's ReversalReasonCode is its own code, never a BECS one even when it looks like "06"
  // (its table is not public): given as its own, it takes the rule for a code not in the bank's table.
  // Words written there instead, and a mapped report's words, are matched to the bank's table.
  const wordsOnly = row.returnCode === null || row.returnCode === row.reason;
  if (wordsOnly) return declineRule({ code: null, words });
  return declineRule({
    code: shape === 'debitsuccess' ? `Debitsuccess ${row.returnCode}` : row.returnCode,
    words,
  });
}

/**
 * The day a decline was reported: the report's settlement date (for a return file, the file's own date);
 * without one, the line's own date where the row is dated by its line, else today (the report is read
 * today). Never before the debit.
 */
export function declineDateOf(shape: ReportShape, row: ReportRow, today: IsoDate): IsoDate {
  const reported = row.settlementDate ?? (datedByDebit(shape) ? today : row.date);
  return maxDate(row.date, reported);
}
