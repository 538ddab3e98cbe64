// The shapes going into the ABA writer and coming out of the readers, and the one error they throw.
import type { Cents } from '../money';
import type { IsoDate } from '../calendar';

/** The descriptive (type 0) record: who is sending the file, and for which day. */
export interface AbaHeader {
  /** The 3-letter APCA mnemonic of the studio's bank, e.g. CBA. */
  bank: string;
  /** As registered with the bank, at most 26 characters. */
  userName: string;
  /** APCA user ID: up to 6 digits, written zero-filled. */
  userId: string;
  /** What the bank shows for the batch, at most 12 characters, e.g. PT DEBITS. */
  description: string;
  /** The day the bank is to process the file (written DDMMYY, so 2000..2099). */
  processingDate: IsoDate;
}

/** The studio's own account: debits that fail come back here, and the balancing credit goes here. */
export interface AbaTrace {
  bsb: string;
  accountNumber: string;
  /** The name the client sees on their statement, at most 16 characters. */
  remitter: string;
}

export interface AbaDebit {
  /** Not written to the file: names the client in error messages. */
  clientId: string;
  /** Not written to the file: names the client in error messages. */
  clientName: string;
  /** nnn-nnn or six digits. */
  bsb: string;
  /** 1 to 9 digits or hyphens, not all zeros. */
  accountNumber: string;
  /** At most 32 characters. */
  accountTitle: string;
  amount: Cents;
  /** At most 18 characters; what the client sees against the debit. */
  lodgementReference: string;
}

export interface AbaBalancing {
  accountTitle: string;
  lodgementReference: string;
}

export interface AbaBatch {
  header: AbaHeader;
  trace: AbaTrace;
  debits: AbaDebit[];
  /** A credit (code 50) of the debit total to the trace account, for banks that want a balanced file. */
  balancing?: AbaBalancing | null;
}

/** One thing wrong with a batch or a file. `message` is a complete line for people to read. */
export interface AbaProblem {
  clientId?: string;
  clientName?: string;
  /** The file's line (1-based), for problems found reading a file. */
  line?: number;
  /** What people call the field: 'BSB', 'ABA User ID', 'Line' … */
  field: string;
  /** Where in the batch: 'debits[2].bsb', 'header.userId' … (absent for files read). */
  key?: string;
  /** For a problem with one debit: its place in the batch, so the rest of the file can still be written. */
  debit?: number;
  /** For a problem with one debit: the message without the client's name in front. */
  reason?: string;
  message: string;
}

/** A batch that cannot be written or a file that cannot be read; every problem is listed, one a line. */
export class AbaError extends Error {
  readonly problems: AbaProblem[];
  constructor(problems: AbaProblem[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'AbaError';
    this.problems = problems;
  }
}

/** The descriptive record as read back. */
export interface ParsedAbaHeader {
  reel: string;
  bank: string;
  userName: string;
  userId: string;
  description: string;
  processingDate: IsoDate;
}

/** A detail (type 1) record as read back; text fields trimmed. */
export interface ParsedAbaRecord {
  line: number;
  bsb: string;
  accountNumber: string;
  /** Blank, or N T W X Y (new details, withholding tax cases). */
  indicator: string;
  transactionCode: number;
  /** Code 13 is a debit; the 50s are credits. */
  kind: 'debit' | 'credit';
  amount: Cents;
  accountTitle: string;
  lodgementReference: string;
  traceBsb: string;
  traceAccount: string;
  remitter: string;
  withholdingTax: Cents;
}

export interface AbaTotals {
  /** |credit - debit| */
  net: Cents;
  credit: Cents;
  debit: Cents;
  /** Number of detail records. */
  count: number;
}

export interface ParsedAba {
  header: ParsedAbaHeader;
  records: ParsedAbaRecord[];
  total: AbaTotals;
}

/** A returned (type 2) record of a bank's return file: a debit or credit that did not go through. */
export interface AbaReturnRecord {
  line: number;
  bsb: string;
  accountNumber: string;
  returnCode: number;
  /** The meaning of the return code, e.g. 'Account closed'. */
  reason: string;
  transactionCode: number;
  kind: 'debit' | 'credit';
  amount: Cents;
  accountTitle: string;
  lodgementReference: string;
  traceBsb: string;
  traceAccount: string;
  remitter: string;
  /** Day of the month the original file was processed, 1..31. */
  originalProcessingDay: number;
  /** The APCA user ID of the original file, six digits. */
  originalUserId: string;
}
