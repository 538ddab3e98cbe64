// Ezidebit's payment report (PaymentID, YourSystemReference, DebitDate, PaymentStatus S/D/F/P/W, …).
import type { Columns } from '../columns';
import { returnReason } from '../returnCodes';
import { distinctTexts, isZeroOrBlank, type RowReader } from '../rowReader';
import { readRows, type RowFields, type TableResult } from '../tableRows';
import type { Table } from '../table';
import { ReportFormatError, type ReportOutcome } from '../types';

/** Column names only Ezidebit's report uses: three of them identify the layout. */
export const EZIDEBIT_MARKERS = [
  'PaymentID',
  'PaymentReference',
  'YourSystemReference',
  'YourGeneralReference',
  'EzidebitCustomerID',
  'DebitDate',
  'SettlementDate',
  'ScheduledAmount',
  'PaymentAmount',
  'TransactionFeeClient',
  'TransactionFeeCustomer',
  'PaymentStatus',
  'BankReturnCode',
  'BankFailedReason',
  'BankReceiptID',
] as const;

/** The studio's own reference first, then Ezidebit's. */
const REFERENCE_COLUMNS = [
  'YourSystemReference',
  'YourGeneralReference',
  'PaymentReference',
  'EzidebitCustomerID',
];

/** PaymentStatus codes, and the words Ezidebit's portal shows for them. */
const STATUS: Record<string, ReportOutcome> = {
  s: 'paid',
  successful: 'paid',
  success: 'paid',
  d: 'declined',
  dishonoured: 'declined',
  dishonored: 'declined',
  dishonour: 'declined',
  f: 'declined',
  fatal: 'declined',
  'fatal dishonour': 'declined',
  'fatal dishonor': 'declined',
  p: 'pending',
  pending: 'pending',
  w: 'pending',
  waiting: 'pending',
};

/** The status words that mean a fatal dishonour (wrong details), not an ordinary one. */
const FATAL = new Set(['f', 'fatal', 'fatal dishonour', 'fatal dishonor']);

/** PaymentMethod: CR a card, DR a bank account. */
const METHOD: Record<string, 'card' | 'bank'> = { cr: 'card', dr: 'bank' };

function need(col: number | undefined, what: string): number {
  if (col === undefined) throw new ReportFormatError(`The Ezidebit report has no ${what} column`);
  return col;
}

/**
 * paymentId = PaymentID. amount = PaymentAmount, or ScheduledAmount when PaymentAmount is blank or 0
 * on a row that was not paid (Ezidebit reports a dishonour's payment as 0). reason = BankFailedReason,
 * else the APCA meaning of BankReturnCode, on a decline or a negative amount (a late return). providerRef
 * = PaymentID; method from PaymentMethod (CR card, DR bank); providerStatus D or F on a decline.
 */
export function readEzidebit(table: Table, columns: Columns, dayFirst: boolean): TableResult {
  const status = need(columns.find('PaymentStatus'), 'PaymentStatus');
  const debitDate = need(columns.find('DebitDate'), 'DebitDate');
  const paymentAmount = columns.find('PaymentAmount');
  const scheduledAmount = columns.find('ScheduledAmount');
  const amountColumn = need(paymentAmount ?? scheduledAmount, 'PaymentAmount or ScheduledAmount');
  const paymentId = columns.find('PaymentID');
  const references = REFERENCE_COLUMNS.map((n) => columns.find(n));
  if (paymentId === undefined && references.every((c) => c === undefined)) {
    throw new ReportFormatError(
      'The Ezidebit report has no PaymentID, YourSystemReference or PaymentReference column',
    );
  }
  const settlementDate = columns.find('SettlementDate');
  const name = columns.find('CustomerName');
  const returnCode = columns.find('BankReturnCode');
  const failedReason = columns.find('BankFailedReason');
  const paymentMethod = columns.find('PaymentMethod');
  const refColumns = [paymentId, ...references].filter((c): c is number => c !== undefined);

  const readRow = (r: RowReader): RowFields | null => {
    const statusText = r.text(status);
    const outcome = STATUS[statusText.toLowerCase()];
    if (statusText === '') r.fail(status, 'the status is blank');
    else if (outcome === undefined)
      r.fail(status, `unknown status "${statusText}" (expected S, D, F, P or W)`);
    const date = r.date(debitDate);
    const settled = r.optionalDate(settlementDate);
    const fallBack =
      outcome !== undefined &&
      outcome !== 'paid' &&
      scheduledAmount !== undefined &&
      isZeroOrBlank(r, paymentAmount);
    const col = fallBack && scheduledAmount !== undefined ? scheduledAmount : amountColumn;
    const signed = r.amount(col);
    if (signed === 0) r.fail(col, 'the amount is zero');
    if (outcome === undefined || date === null || signed === null) return null;
    const declined = outcome === 'declined';
    // A late return comes as a negative amount: it carries the bank's reason like a decline.
    const failed = declined || signed < 0;
    const code = failed ? r.optionalText(returnCode) : null;
    const id = r.optionalText(paymentId);
    const method = METHOD[r.text(paymentMethod).toLowerCase()];
    return {
      paymentId: id,
      references: distinctTexts(r, references),
      clientName: r.optionalText(name),
      date,
      settlementDate: settled,
      amount: Math.abs(signed),
      outcome,
      reason: failed ? (r.optionalText(failedReason) ?? (code === null ? null : returnReason(code))) : null,
      returnCode: code,
      ...(id !== null ? { providerRef: id } : {}),
      ...(signed < 0 ? { negative: true as const } : {}),
      ...(method ? { method } : {}),
      ...(declined
        ? { providerStatus: FATAL.has(statusText.toLowerCase()) ? ('F' as const) : ('D' as const) }
        : {}),
    };
  };
  return readRows(table, columns, { referenceColumns: refColumns, dateColumn: debitDate, dayFirst }, readRow);
}
