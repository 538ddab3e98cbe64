// A bank's ABA return file, from records already parsed by src/core/aba: every record is a declined debit.
import { addMonthsClamped, isIsoDate, type IsoDate } from '../../calendar';
import { returnReason } from '../returnCodes';
import { rowMessage } from '../rowReader';
import type { AbaReturnLike, ReadReport, ReportError, ReportRow, YearMonth } from '../types';

/** ReadReport.headers and ReportRow.raw keys for an ABA return: the record's fields. */
export const ABA_RETURN_FIELDS: (keyof AbaReturnLike)[] = [
  'lineNumber',
  'bsb',
  'accountNumber',
  'returnCode',
  'transactionCode',
  'amount',
  'accountTitle',
  'lodgementReference',
  'traceBsb',
  'traceAccount',
  'remitter',
  'originalDay',
  'originalUserId',
];

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function dayIn(year: number, month: number, day: number): IsoDate | null {
  const d = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  return isIsoDate(d) ? d : null;
}

/**
 * The date of the original debit from its day of the month. Given the return file's processing date,
 * the latest date on or before it with that day (a return always follows its debit); given a year and
 * month, that day of that month. Returns an error message instead when it cannot.
 */
export function originalDebitDate(day: number, processed: IsoDate | YearMonth | undefined): IsoDate | string {
  if (!Number.isInteger(day) || day < 1 || day > 31)
    return `original processing day ${day} is not a day of the month`;
  if (processed === undefined) {
    return `original processing day ${day} needs a year and month to be a date (none was given)`;
  }
  if (typeof processed === 'object') {
    return (
      dayIn(processed.year, processed.month, day) ??
      `day ${day} is not in ${processed.year}-${pad(processed.month, 2)}`
    );
  }
  if (!isIsoDate(processed)) return `the processing date "${processed}" is not a date`;
  for (let back = 0; back <= 2; back += 1) {
    const [y, m, d] = addMonthsClamped(`${processed.slice(0, 8)}01`, -back)
      .split('-')
      .map(Number);
    if (y === undefined || m === undefined || d === undefined) break;
    const candidate = dayIn(y, m, day);
    if (candidate !== null && candidate <= processed) return candidate;
  }
  return `original processing day ${day} has no date before ${processed}`;
}

/**
 * The processing date in an ABA file's descriptive record (type 0, positions 75-80, DDMMYY), or null.
 * The only field read here; everything else comes from the ABA reader's records.
 */
export function abaDescriptiveDate(text: string): IsoDate | null {
  const first = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/)[0] ?? '';
  const m = /^0.{73}(\d{2})(\d{2})(\d{2})/.exec(first);
  if (!m) return null;
  return dayIn(2000 + Number(m[3]), Number(m[2]), Number(m[1]));
}

function rawOf(rec: AbaReturnLike): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const f of ABA_RETURN_FIELDS) raw[f] = String(rec[f]);
  return raw;
}

/**
 * Each return record -> a 'declined' row: reason from the APCA return code ("Refer to customer"),
 * references = [lodgement reference], paymentId null, clientName = account title, date = the original
 * debit's date (see originalDebitDate), settlementDate = the return file's own date (the day the bank
 * reported the decline) when it is known. Rows that cannot be dated go to errors.
 */
export function adaptAbaReturn(records: AbaReturnLike[], processed?: IsoDate | YearMonth): ReadReport {
  const rows: ReportRow[] = [];
  const errors: ReportError[] = [];
  const reported = typeof processed === 'string' && isIsoDate(processed) ? processed : null;
  for (const rec of records) {
    const rowNumber = rec.lineNumber;
    const fail = (column: keyof AbaReturnLike, message: string) =>
      errors.push({ rowNumber, column, message: rowMessage(rowNumber, column, message) });
    const date = originalDebitDate(rec.originalDay, processed);
    const before = errors.length;
    if (!isIsoDate(date)) fail('originalDay', date);
    if (!Number.isSafeInteger(rec.amount) || rec.amount <= 0) {
      fail('amount', `${rec.amount} is not a positive amount in cents`);
    }
    if (errors.length > before) continue;
    const reference = rec.lodgementReference.trim();
    rows.push({
      rowNumber,
      paymentId: null,
      references: reference === '' ? [] : [reference],
      clientName: rec.accountTitle.trim() || null,
      date,
      settlementDate: reported,
      amount: rec.amount,
      outcome: 'declined',
      reason: returnReason(rec.returnCode) ?? `Return code ${rec.returnCode}`,
      returnCode: String(rec.returnCode),
      raw: rawOf(rec),
    });
  }
  return { shape: 'aba-return', headers: [...ABA_RETURN_FIELDS], rows, errors, skipped: [] };
}
