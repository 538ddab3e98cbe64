// Ezidebit's payment report (PaymentID, YourSystemReference, DebitDate, PaymentStatus S/D/F/P/W, …).
import type { Columns } from '../columns';
import { returnReason } from '../returnCodes';
import { formatMoney, type Cents } from '../../money';
import type { DateReading } from '../reportValues';
import { distinctTexts, type RowReader } from '../rowReader';
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

interface AmountColumns {
  payment: number | undefined;
  scheduled: number | undefined;
  memberFee: number | undefined;
}

interface Figures {
  /** What settles the studio's invoice (always positive). */
  amount: Cents;
  negative: boolean;
  /** Why a person must look at the figures, when they disagree. */
  check: string | null;
}

/** A cell's signed cents, null when blank (or the column is absent); a bad cell is recorded on the row. */
function optionalAmount(r: RowReader, col: number | undefined): Cents | null {
  return col === undefined || r.isBlank(col) ? null : r.amount(col);
}

/**
 * PaymentAmount is what was taken from the member, including the fee the member pays
 * (TransactionFeeCustomer); ScheduledAmount is what the studio scheduled, and it settles the invoice.
 * Without a ScheduledAmount (blank or 0), PaymentAmount less the member's fee does. A payment whose
 * PaymentAmount is not ScheduledAmount plus the member's fee is To check, of the money taken for the
 * studio (PaymentAmount less the member's fee): what a person settling it as paid applies. A decline is of the scheduled
 * amount (Ezidebit reports its PaymentAmount as 0). The sign is PaymentAmount's: a late return is negative.
 */
function figuresOf(r: RowReader, cols: AmountColumns, outcome: ReportOutcome | undefined): Figures | null {
  const before = r.problems.length;
  const paid = optionalAmount(r, cols.payment);
  const scheduledCents = optionalAmount(r, cols.scheduled);
  const fee = optionalAmount(r, cols.memberFee) ?? 0;
  if (fee < 0 && cols.memberFee !== undefined) r.fail(cols.memberFee, "the member's fee is negative");
  // A payment says what was taken: without it, nothing can be checked against ScheduledAmount.
  if (outcome === 'paid' && cols.payment !== undefined && paid === null && r.problems.length === before)
    r.fail(cols.payment, 'the amount is blank');
  if (r.problems.length > before) return null;
  const scheduled = scheduledCents === 0 ? null : scheduledCents;
  const negative = (paid ?? scheduled ?? 0) < 0;
  if (scheduled !== null) {
    const amount = Math.abs(scheduled);
    if (outcome !== 'paid' || negative || paid === null || paid === amount + fee)
      return { amount, negative, check: null };
    // The figures disagree: the row stands for the money taken for the studio, for a person to settle.
    const taken = paid - fee;
    if (taken <= 0) {
      r.fail(
        cols.payment!,
        `the amount ${formatMoney(paid)} is not more than the member's fee ${formatMoney(fee)}`,
      );
      return null;
    }
    const check = `PaymentAmount ${formatMoney(paid)} less the member's fee ${formatMoney(fee)} (TransactionFeeCustomer) is ${formatMoney(taken)}, not the ScheduledAmount ${formatMoney(amount)}: check what was taken (settled as paid, ${formatMoney(taken)} is applied)`;
    return { amount: taken, negative, check };
  }
  const col = cols.payment ?? cols.scheduled!;
  if (paid === null || paid === 0) {
    r.fail(col, paid === null ? 'the amount is blank' : 'the amount is zero');
    return null;
  }
  const amount = Math.abs(paid) - fee;
  if (amount <= 0) {
    r.fail(
      col,
      `the amount ${formatMoney(Math.abs(paid))} is not more than the member's fee ${formatMoney(fee)}`,
    );
    return null;
  }
  return { amount, negative, check: null };
}

/**
 * paymentId = PaymentID = providerRef. The amount: see figuresOf. reason = BankFailedReason, else, for a
 * bank-account debit, the APCA meaning of BankReturnCode, on a decline or a negative amount (a late
 * return); a card debit's code is not a bank's, so it is shown as given beside the words. method from
 * PaymentMethod (CR card, DR bank); providerStatus D or F on a decline.
 */
export function readEzidebit(table: Table, columns: Columns, reading: DateReading): TableResult {
  const status = need(columns.find('PaymentStatus'), 'PaymentStatus');
  const debitDate = need(columns.find('DebitDate'), 'DebitDate');
  const amounts: AmountColumns = {
    payment: columns.find('PaymentAmount'),
    scheduled: columns.find('ScheduledAmount'),
    memberFee: columns.find('TransactionFeeCustomer'),
  };
  need(amounts.payment ?? amounts.scheduled, 'PaymentAmount or ScheduledAmount');
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
    const figures = figuresOf(r, amounts, outcome);
    if (outcome === undefined || date === null || figures === null || !r.ok) return null;
    const declined = outcome === 'declined';
    // A late return comes as a negative amount: it carries the bank's reason like a decline.
    const failed = declined || figures.negative;
    const code = failed ? r.optionalText(returnCode) : null;
    const id = r.optionalText(paymentId);
    const method = METHOD[r.text(paymentMethod).toLowerCase()];
    const words = failed ? r.optionalText(failedReason) : null;
    let reason: string | null = null;
    if (failed && method === 'card')
      reason = code ? `${words ?? 'Card declined'} (card code ${code})` : words;
    else if (failed) reason = words ?? (code === null ? null : returnReason(code));
    const fields: RowFields = {
      paymentId: id,
      references: distinctTexts(r, references),
      clientName: r.optionalText(name),
      date,
      settlementDate: settled,
      amount: figures.amount,
      outcome,
      reason,
      returnCode: code,
    };
    // Set, not spread from a literal each: a report has 20k rows.
    if (id !== null) fields.providerRef = id;
    if (figures.negative) fields.negative = true;
    if (method) fields.method = method;
    if (declined) fields.providerStatus = FATAL.has(statusText.toLowerCase()) ? 'F' : 'D';
    if (figures.check) fields.check = figures.check;
    return fields;
  };
  return readRows(table, columns, { referenceColumns: refColumns, dateColumn: debitDate, reading }, readRow);
}
