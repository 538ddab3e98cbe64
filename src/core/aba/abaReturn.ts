// Reads a bank's ABA return file: the debits (or credits) that did not go through, and why.
import type { AbaReturnRecord } from './abaTypes';
import { AbaError } from './abaTypes';
import { AbaReader, type Line } from './abaRead';
import { readHeader } from './abaParse';
import { RETURN_LAYOUT, slice } from './abaLayout';

/** APCA return codes (position 18 of a type 2 record). */
export const ABA_RETURN_REASONS: Record<number, string> = {
  1: 'Invalid BSB number',
  2: 'Payment stopped',
  3: 'Account closed',
  4: 'Customer deceased',
  5: 'No account/incorrect account number',
  6: 'Refer to customer',
  // Listed by APCA as not used (deleted), yet a valid code a bank may still send.
  7: 'Not used (deleted)',
  8: 'Invalid user ID number',
  9: 'Technically invalid',
};

/** The reason for a return code; a code APCA has not listed is still shown, not dropped. */
export function abaReturnReason(code: number): string {
  return ABA_RETURN_REASONS[code] ?? `Unknown return code ${code}`;
}

function readReturn(r: AbaReader, line: Line): AbaReturnRecord {
  const L = RETURN_LAYOUT;
  const returnCode = r.digits(line, L.returnCode, 'Return code');
  const originalProcessingDay = r.digits(line, L.originalDay, 'Original processing day');
  if (originalProcessingDay < 1 || originalProcessingDay > 31) {
    r.problem(
      line,
      'Original processing day',
      `original processing day "${slice(line.text, L.originalDay)}" must be 01 to 31`,
    );
  }
  const originalUserId = slice(line.text, L.originalUserId);
  r.digits(line, L.originalUserId, 'Original user ID');
  const { code, kind } = r.transactionCode(line, L.transactionCode);
  return {
    line: line.n,
    bsb: r.bsb(line, L.bsb, 'BSB'),
    accountNumber: r.account(line, L.accountNumber, 'Account number'),
    returnCode,
    reason: abaReturnReason(returnCode),
    transactionCode: code,
    kind,
    amount: r.digits(line, L.amount, 'Amount'),
    accountTitle: r.text(line, L.accountTitle),
    lodgementReference: r.text(line, L.lodgementReference),
    traceBsb: r.bsb(line, L.traceBsb, 'Trace BSB'),
    traceAccount: r.account(line, L.traceAccount, 'Trace account'),
    remitter: r.text(line, L.remitter),
    originalProcessingDay,
    originalUserId,
  };
}

/**
 * The returned items of a return file (descriptive record, type 2 records, total record), checked as
 * strictly as a debit file (lengths, types, totals that add up), except that the header's blank areas
 * may carry the bank's own details. Throws AbaError naming lines.
 */
export function parseAbaReturn(text: string): AbaReturnRecord[] {
  const r = new AbaReader();
  const shape = r.structure(text, '2');
  if (!shape) throw new AbaError(r.problems);
  readHeader(r, shape.header, { bankAreas: 'ignore' });
  const records = shape.details.map((line) => readReturn(r, line));
  r.totals(shape.total, records);
  r.throwIfAny();
  return records;
}
