// The normalised shape every direct-debit report is read into, whatever company or bank wrote it.
import type { IsoDate } from '../calendar';
import type { Cents } from '../money';

/** What a report line means for the studio's ledger. */
export type ReportOutcome = 'paid' | 'declined' | 'pending' | 'fee' | 'ignored';

/** The report layouts we know, plus 'mapped': any other layout, read through the user's ColumnMapping. */
export type ReportShape = 'ezidebit' | 'debitsuccess' | 'aba-return' | 'mapped';

/** The layouts that can be recognised from a header row alone. */
export type HeaderShape = 'ezidebit' | 'debitsuccess';

export interface ReportRow {
  /** 1-based line (pasted text) or row (sheet cells) of this record, counting the header. */
  rowNumber: number;
  /** The provider's unique id for this transaction, if it has one (see each shape for how it is built). */
  paymentId: string | null;
  /** Every reference-like value on the row, trimmed and non-empty, most specific to the studio first. */
  references: string[];
  clientName: string | null;
  /** Debit or transaction date. */
  date: IsoDate;
  /**
   * The day the provider settled the row or, for a decline, reported it (Ezidebit SettlementDate; an ABA
   * return file's own date); null when the report does not say.
   */
  settlementDate: IsoDate | null;
  /** Always positive: the outcome (and `negative`) say which way the money went. */
  amount: Cents;
  outcome: ReportOutcome;
  /** The bank's reason for a decline, e.g. "Refer to customer"; null on other outcomes. */
  reason: string | null;
  /** The bank's or provider's code for a decline, as written; null on other outcomes. */
  returnCode: string | null;
  /**
   * The provider's own ID of the payment, kept in the Payments tab's Provider Ref: Ezidebit PaymentID,
   * Debitsuccess DocketNo (one collection attempt), a mapped report's payment ID. Absent when the row has
   * none (an ABA return's is its batch and lodgement reference, known once the row is matched).
   */
  providerRef?: string;
  /** The report gave the amount below zero: money taken back (a late return), never a payment. */
  negative?: true;
  /** How the client paid, when the report says (Ezidebit PaymentMethod: CR card, DR bank account). */
  method?: 'card' | 'bank';
  /** Ezidebit's own status of a decline (D dishonoured, F fatal dishonour): the rule when no bank code. */
  providerStatus?: 'D' | 'F';
  /**
   * Why the reader cannot say what the row means (its figures disagree; a negative amount with no reason):
   * it is To check until a person settles it as paid, a reversal or ignored.
   */
  check?: string;
  /** What the DD company kept of this row for itself (Debitsuccess Commission), in cents. */
  providerKept?: Cents;
  /** The provider's codes as given, for people to read ("TransType R, PaymentTransactionCode 01"). */
  codes?: string;
  /** The original cells by header (for an ABA return: the record's fields by name). */
  raw: Record<string, string>;
}

export interface ReportError {
  rowNumber: number;
  /** The header of the offending cell, or null when the whole row is wrong. */
  column: string | null;
  /** A complete sentence for people: 'Row 4, column DebitDate: "31/02/2016" is not a date'. */
  message: string;
}

export interface SkippedRow {
  rowNumber: number;
  why: string;
}

export interface ReadReport {
  shape: ReportShape;
  headers: string[];
  rows: ReportRow[];
  errors: ReportError[];
  /** Totals rows and blank lines: not payments, not errors. */
  skipped: SkippedRow[];
}

/** For reports of unknown shape: which column is which, by header text (case and spaces ignored). */
export interface ColumnMapping {
  /** Columns whose values identify the client or payment (e.g. "Reference", "Member No"). */
  reference: string[];
  paymentId?: string;
  name?: string;
  date: string;
  amount: string;
  /**
   * The status column. Without one, a positive amount is 'paid' and a negative one 'declined'
   * (the way bank statements list dishonours).
   */
  status?: string;
  /** Status values (case and surrounding spaces ignored) that mean each outcome. */
  paidValues: string[];
  declinedValues: string[];
  pendingValues?: string[];
  reason?: string;
}

/** Already-parsed ABA return records (type 2), as src/core/aba's return-file reader produces them. */
export interface AbaReturnLike {
  lineNumber: number;
  bsb: string;
  accountNumber: string;
  returnCode: number;
  transactionCode: string;
  /** Cents. */
  amount: number;
  accountTitle: string;
  lodgementReference: string;
  traceBsb: string;
  traceAccount: string;
  remitter: string;
  /** Day of the month the debit was originally processed (positions 113-114). */
  originalDay: number;
  originalUserId: string;
}

/** A year and month (month 1-12), for placing an ABA return's original processing day. */
export interface YearMonth {
  year: number;
  month: number;
}

export interface ReadReportOptions {
  /** The user's column mapping. When given it is used even if the layout is one we recognise. */
  mapping?: ColumnMapping;
  /** Slash dates are day first (16/09/2016) unless this is false (09/16/2016). Default true. */
  dayFirst?: boolean;
  /**
   * The studio's calendar date of a moment, for date-times that carry a zone (2019-11-17T21:30:00.000Z):
   * core has no zones, so the caller supplies it. Without it such a date is taken as written.
   */
  toStudioDate?: (epochMs: number) => IsoDate;
  /** Reads an ABA return file's type 2 records; required to read an ABA return file. */
  parseAbaReturn?: (text: string) => AbaReturnLike[];
  /**
   * When the ABA return's debits were originally processed: the return file's own processing date
   * (the original day is placed on or before it) or a year and month. Default: the date in the return
   * file's descriptive record.
   */
  abaProcessed?: IsoDate | YearMonth;
}

/** A cell from a sheet tab: date cells arrive as { date }, numbers as numbers. */
export type SheetCell = string | number | boolean | { date: IsoDate };

/** The whole paste is not a report we can read (empty, not a report, missing columns). One line. */
export class ReportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportFormatError';
  }
}
