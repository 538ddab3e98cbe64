// Reads an ABA direct-entry file back (ours, or one to check before upload), strictly.
import type { ParsedAba, ParsedAbaHeader, ParsedAbaRecord } from './abaTypes';
import { AbaError } from './abaTypes';
import { AbaReader, type Line } from './abaRead';
import { DETAIL_LAYOUT, HEADER_LAYOUT } from './abaLayout';

/** The indicators the layout lists: blank, N (new or varied details), T, and W X Y (withholding tax). */
const INDICATORS = new Set([' ', 'N', 'T', 'W', 'X', 'Y']);

/**
 * The descriptive record. `bankAreas: 'ignore'` (a bank's return file) lets positions 2-18 and 81-120
 * hold anything: some banks write their BSB, account and a time there, which the layout leaves blank.
 */
export function readHeader(
  r: AbaReader,
  line: Line,
  opts: { bankAreas?: 'blank' | 'ignore' } = {},
): ParsedAbaHeader {
  const L = HEADER_LAYOUT;
  const blanks = opts.bankAreas === 'ignore' ? [L.blank2] : [L.blank1, L.blank2, L.blank3];
  for (const span of blanks) r.blank(line, span);
  const reel = String(r.digits(line, L.reel, 'Reel')).padStart(2, '0');
  const bank = r.text(line, L.bank);
  if (!/^[A-Z]{3}$/.test(bank)) r.problem(line, 'Bank', `bank "${bank}" must be a three-letter APCA code`);
  const userId = String(r.digits(line, L.userId, 'User ID')).padStart(6, '0');
  return {
    reel,
    bank,
    userName: r.text(line, L.userName),
    userId,
    description: r.text(line, L.description),
    processingDate: r.date(line, L.processingDate, 'Processing date'),
  };
}

function readDetail(r: AbaReader, line: Line): ParsedAbaRecord {
  const L = DETAIL_LAYOUT;
  const indicator = line.text.slice(L.indicator[0] - 1, L.indicator[1]);
  if (!INDICATORS.has(indicator)) {
    r.problem(line, 'Indicator', `indicator "${indicator}" must be blank or one of N T W X Y`);
  }
  const { code, kind } = r.transactionCode(line, L.transactionCode);
  return {
    line: line.n,
    bsb: r.bsb(line, L.bsb, 'BSB'),
    accountNumber: r.account(line, L.accountNumber, 'Account number'),
    indicator,
    transactionCode: code,
    kind,
    amount: r.digits(line, L.amount, 'Amount'),
    accountTitle: r.text(line, L.accountTitle),
    lodgementReference: r.text(line, L.lodgementReference),
    traceBsb: r.bsb(line, L.traceBsb, 'Trace BSB'),
    traceAccount: r.account(line, L.traceAccount, 'Trace account'),
    remitter: r.text(line, L.remitter),
    withholdingTax: r.digits(line, L.withholdingTax, 'Withholding tax'),
  };
}

/**
 * One batch: a descriptive record, detail (type 1) records, a total record that adds up.
 * CRLF or LF. Throws AbaError listing every problem, each naming its line.
 */
export function parseAbaFile(text: string): ParsedAba {
  const r = new AbaReader();
  const shape = r.structure(text, '1');
  if (!shape) throw new AbaError(r.problems);
  const header = readHeader(r, shape.header);
  const records = shape.details.map((line) => readDetail(r, line));
  const total = r.totals(shape.total, records);
  r.throwIfAny();
  return { header, records, total };
}
