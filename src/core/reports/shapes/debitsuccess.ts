// Debitsuccess's pipe-delimited transaction file (RunDate|CustomerID|DebitsuccessID|…|ReversalReasonCode).
import type { Columns } from '../columns';
import { distinctTexts, type RowReader } from '../rowReader';
import { readRows, type RowFields, type TableResult } from '../tableRows';
import type { Table } from '../table';
import { ReportFormatError, type ReportOutcome } from '../types';

/** Column names only Debitsuccess's file uses: three of them identify the layout. */
export const DEBITSUCCESS_MARKERS = [
  'RunDate',
  'DebitsuccessID',
  'DocketNo',
  'TransactionGuid',
  'TransDate',
  'TransType',
  'PaymentTransactionCode',
  'PaymentMethodCode',
  'ReversalReasonCode',
] as const;

/** Transaction codes that undo a payment even without a ReversalReasonCode. */
const REVERSAL = /revers|dishono|declin|fail|reject/i;
/** Debitsuccess's own charges (penalty, dishonour and transaction fees): not the studio's money. */
const FEE = /\bfees?\b/i;
/** A reason written as a short code rather than words. */
const CODE_LIKE = /^[A-Z0-9]{1,4}$/i;

/** "Insufficient Funds" is shown as written; a bare code as "Reversal code R04". */
export function reversalReason(code: string): string {
  return CODE_LIKE.test(code) ? `Reversal code ${code}` : code;
}

function need(col: number | undefined, what: string): number {
  if (col === undefined) throw new ReportFormatError(`The Debitsuccess report has no ${what} column`);
  return col;
}

/**
 * Each line is one transaction: TransType + (or a positive Amount) is a payment -> 'paid'; - with a
 * ReversalReasonCode or a reversal PaymentTransactionCode -> 'declined'; a PaymentTransactionCode
 * naming a fee (e.g. "Penalty Fee") -> 'fee', Debitsuccess's own charge; any other - line (a refund,
 * an adjustment) -> 'ignored'. The amount is always positive; the outcome carries the direction.
 *
 * paymentId: the TransactionGuid when the file has one. Otherwise there is no unique id column, so a
 * key is built from DebitsuccessID (else CustomerID), TransDate, the direction and the cents:
 * "DS7713022:2016-09-19:-:16000"; a second identical line in the same file gets "#2", and so on.
 * providerRef: the DocketNo (one collection attempt), when the file has one.
 */
export function readDebitsuccess(table: Table, columns: Columns, dayFirst: boolean): TableResult {
  const amountCol = need(columns.find('Amount'), 'Amount');
  const transDate = need(columns.find('TransDate'), 'TransDate');
  const customerId = columns.find('CustomerID');
  const dsId = columns.find('DebitsuccessID');
  if (customerId === undefined && dsId === undefined) {
    throw new ReportFormatError('The Debitsuccess report has no CustomerID or DebitsuccessID column');
  }
  const docket = columns.find('DocketNo');
  const guid = columns.find('TransactionGuid');
  const transType = columns.find('TransType');
  const code = columns.find('PaymentTransactionCode');
  const reasonCode = columns.find('ReversalReasonCode');
  const name = columns.findAny(['CustomerName', 'Name']);
  const references = [customerId, dsId, docket];
  const seenKeys = new Map<string, number>();

  const readRow = (r: RowReader): RowFields | null => {
    const date = r.date(transDate);
    const signed = r.amount(amountCol);
    if (signed === 0) r.fail(amountCol, 'the amount is zero');
    const type = r.text(transType);
    if (type !== '' && type !== '+' && type !== '-') {
      r.fail(transType ?? null, `unknown TransType "${type}" (expected + or -)`);
    } else if (type === '+' && signed !== null && signed < 0) {
      r.fail(amountCol, `a + transaction with a negative amount (${r.text(amountCol)})`);
    }
    if (date === null || signed === null || !r.ok) return null;
    const direction = type || (signed < 0 ? '-' : '+');
    const txCode = r.text(code);
    const reversalCode = r.text(reasonCode);
    let outcome: ReportOutcome;
    if (FEE.test(txCode)) outcome = 'fee';
    else if (direction === '+') outcome = 'paid';
    else outcome = reversalCode !== '' || REVERSAL.test(txCode) ? 'declined' : 'ignored';
    const amount = Math.abs(signed);
    let paymentId = r.optionalText(guid);
    if (paymentId === null) {
      const key = `${r.text(dsId) || r.text(customerId)}:${date}:${direction}:${amount}`;
      const n = (seenKeys.get(key) ?? 0) + 1;
      seenKeys.set(key, n);
      paymentId = n === 1 ? key : `${key}#${n}`;
    }
    const declined = outcome === 'declined';
    const docketNo = r.optionalText(docket);
    return {
      paymentId,
      references: distinctTexts(r, references),
      clientName: r.optionalText(name),
      date,
      settlementDate: null,
      amount,
      outcome,
      reason: declined && reversalCode !== '' ? reversalReason(reversalCode) : null,
      returnCode: declined ? reversalCode || null : null,
      ...(docketNo !== null ? { providerRef: docketNo } : {}),
      ...(signed < 0 ? { negative: true as const } : {}),
    };
  };
  const refColumns = [guid, ...references].filter((c): c is number => c !== undefined);
  return readRows(table, columns, { referenceColumns: refColumns, dateColumn: transDate, dayFirst }, readRow);
}
