// Debitsuccess's client data files as published: Transactions (RunDate|BusinessName|BusinessAccount|
// ContractPrefix|CustomerID|AccountGuid|CustomerFirstName|CustomerLastName|DebitsuccessID|DocketNo|
// TransactionGuid|Amount|TransDate|TransType|PaymentTransactionCode|PaymentMethodCode|ReversalReasonCode|
// Commission|CurrencyCode), and PayoutTransactions (the same, BusinessID for CustomerID in some versions,
// plus IncomeDesc|PayoutDate|PayoutBatchID). Columns are found by name, in any order.
import type { Cents } from '../../money';
import type { Columns } from '../columns';
import type { DateReading } from '../reportValues';
import { distinctTexts, type RowReader } from '../rowReader';
import { readRows, type RowFields, type TableResult } from '../tableRows';
import type { Table } from '../table';
import { ReportFormatError, type ReportOutcome } from '../types';
import { debitsuccessReversalReason } from './debitsuccessCodes';

/** Column names only Debitsuccess's files use: three of them identify the layout. */
export const DEBITSUCCESS_MARKERS = [
  'RunDate',
  'ContractPrefix',
  'AccountGuid',
  'DebitsuccessID',
  'DocketNo',
  'TransactionGuid',
  'TransDate',
  'TransType',
  'PaymentTransactionCode',
  'PaymentMethodCode',
  'ReversalReasonCode',
  'IncomeDesc',
  'PayoutBatchID',
] as const;

/** IncomeDesc of the provider's own money (its fees), as against "Facility Revenue", the studio's. */
const PROVIDER_REVENUE = /^debitsuccess revenue$/i;
/** A ReversalReasonCode as published (2 characters), not words. */
const CODE_LIKE = /^[A-Z0-9]{1,4}$/i;
/** The codes shown beside a row, exactly as given. */
const CODE_COLUMNS = ['TransType', 'PaymentTransactionCode', 'PaymentMethodCode', 'ReversalReasonCode'];

function need(col: number | undefined, what: string): number {
  if (col === undefined) throw new ReportFormatError(`The Debitsuccess report has no ${what} column`);
  return col;
}

/** The reason for a reversal: the code's words once known, else the code as given; words as written. */
export function reversalReason(code: string): string {
  return CODE_LIKE.test(code) ? debitsuccessReversalReason(code) : code;
}

/**
 * Each line is one transaction, decided only by what is published: a row with a ReversalReasonCode
 * reverses the payment with the same DocketNo ('declined'); a positive Amount without one is a payment;
 * a negative Amount without one is To check (a person settles it). IncomeDesc "Debitsuccess Revenue" is
 * the provider's own money ('fee', never applied); so is the Commission on any row (providerKept). The
 * TransType, PaymentTransactionCode and PaymentMethodCode tables are not public: they decide nothing and
 * are shown as given.
 *
 * paymentId = TransactionGuid (unique per transaction: the already-applied key); providerRef = DocketNo
 * (one collection attempt, tying a reversal to its payment); references = CustomerID (the studio's own:
 * our Client ID or DD Reference), then DebitsuccessID; the name is first name + last name.
 */
export function readDebitsuccess(table: Table, columns: Columns, reading: DateReading): TableResult {
  const amountCol = need(columns.find('Amount'), 'Amount');
  const transDate = need(columns.find('TransDate'), 'TransDate');
  const guid = need(columns.find('TransactionGuid'), 'TransactionGuid');
  const docket = need(columns.find('DocketNo'), 'DocketNo');
  const customerId = columns.findAny(['CustomerID', 'BusinessID']);
  const dsId = columns.find('DebitsuccessID');
  if (customerId === undefined && dsId === undefined)
    throw new ReportFormatError('The Debitsuccess report has no CustomerID or DebitsuccessID column');
  const reasonCode = columns.find('ReversalReasonCode');
  const commission = columns.find('Commission');
  const incomeDesc = columns.find('IncomeDesc');
  const first = columns.find('CustomerFirstName');
  const last = columns.find('CustomerLastName');
  const codes = CODE_COLUMNS.map((n) => [n, columns.find(n)] as const);
  const references = [customerId, dsId];

  const readRow = (r: RowReader): RowFields | null => {
    const date = r.date(transDate);
    const signed = r.amount(amountCol);
    if (signed === 0) r.fail(amountCol, 'the amount is zero');
    const kept: Cents | null = commission === undefined || r.isBlank(commission) ? 0 : r.amount(commission);
    const paymentId = r.optionalText(guid);
    if (paymentId === null) r.fail(guid, 'the TransactionGuid is blank');
    if (date === null || signed === null || kept === null || paymentId === null || !r.ok) return null;
    const reversalCode = r.text(reasonCode);
    const providers = PROVIDER_REVENUE.test(r.text(incomeDesc));
    let outcome: ReportOutcome;
    let check: string | null = null;
    if (providers) outcome = 'fee';
    else if (reversalCode !== '') outcome = 'declined';
    else if (signed > 0) outcome = 'paid';
    else {
      outcome = 'ignored';
      check =
        'A negative Amount with no ReversalReasonCode: not a payment, and not said to reverse one; check what it is';
    }
    const name = [r.text(first), r.text(last)].filter(Boolean).join(' ');
    const shown = codes
      .filter(([, c]) => r.text(c) !== '')
      .map(([n, c]) => `${n} ${r.text(c)}`)
      .join(', ');
    const docketNo = r.optionalText(docket);
    const declined = outcome === 'declined';
    return {
      paymentId,
      references: distinctTexts(r, references),
      clientName: name || null,
      date,
      settlementDate: null,
      amount: Math.abs(signed),
      outcome,
      reason: declined ? reversalReason(reversalCode) : null,
      returnCode: declined ? reversalCode : null,
      ...(docketNo !== null ? { providerRef: docketNo } : {}),
      ...(signed < 0 ? { negative: true as const } : {}),
      ...(check ? { check } : {}),
      ...(kept !== 0 ? { providerKept: Math.abs(kept) } : {}),
      ...(shown ? { codes: shown } : {}),
    };
  };
  const refColumns = [guid, docket, ...references].filter((c): c is number => c !== undefined);
  return readRows(table, columns, { referenceColumns: refColumns, dateColumn: transDate, reading }, readRow);
}
