// Writes an ABA direct-entry file: descriptive record, debits, optional balancing credit, file total.
import type { AbaBatch } from './abaTypes';
import { AbaError } from './abaTypes';
import { checkAbaBatch, type CleanAbaBatch } from './abaValidate';
import { blanks, padLeft, padRight, toDdmmyy, zeroFill } from './abaFields';
import { compose, DETAIL_LAYOUT, EOL, HEADER_LAYOUT, TOTAL_LAYOUT } from './abaLayout';

export const DEBIT_CODE = 13;
export const CREDIT_CODE = 50;

type Detail = {
  bsb: string;
  accountNumber: string;
  code: number;
  amount: number;
  title: string;
  reference: string;
};

function headerRecord(h: CleanAbaBatch['header']): string {
  return compose(HEADER_LAYOUT, {
    type: '0',
    blank1: blanks(17),
    reel: '01', // one file is one reel
    bank: h.bank,
    blank2: blanks(7),
    userName: padRight(h.userName, 26),
    userId: h.userId,
    description: padRight(h.description, 12),
    processingDate: toDdmmyy(h.processingDate),
    blank3: blanks(40),
  });
}

function detailRecord(d: Detail, trace: CleanAbaBatch['trace']): string {
  return compose(DETAIL_LAYOUT, {
    type: '1',
    bsb: d.bsb,
    accountNumber: padLeft(d.accountNumber, 9),
    indicator: ' ', // blank: no new or varied details, no withholding tax
    transactionCode: String(d.code),
    amount: zeroFill(d.amount, 10),
    accountTitle: padRight(d.title, 32),
    lodgementReference: padRight(d.reference, 18),
    traceBsb: trace.bsb,
    traceAccount: padLeft(trace.accountNumber, 9),
    remitter: padRight(trace.remitter, 16),
    withholdingTax: zeroFill(0, 8),
  });
}

function totalRecord(credit: number, debit: number, count: number): string {
  return compose(TOTAL_LAYOUT, {
    type: '7',
    bsb: '999-999',
    blank1: blanks(12),
    net: zeroFill(Math.abs(credit - debit), 10),
    credit: zeroFill(credit, 10),
    debit: zeroFill(debit, 10),
    blank2: blanks(24),
    count: zeroFill(count, 6),
    blank3: blanks(40),
  });
}

/**
 * The ABA file for a batch: 120-character records, each followed by CRLF (the last one too, as banks
 * and the fixture expect). Validates everything first; throws AbaError listing every problem.
 */
export function buildAbaFile(batch: AbaBatch): string {
  const { problems, clean } = checkAbaBatch(batch);
  if (!clean) throw new AbaError(problems);

  const details: Detail[] = clean.debits.map((d) => ({
    bsb: d.bsb,
    accountNumber: d.accountNumber,
    code: DEBIT_CODE,
    amount: d.amount,
    title: d.accountTitle,
    reference: d.lodgementReference,
  }));
  const debitTotal = details.reduce((sum, d) => sum + d.amount, 0);
  // The balancing credit puts the debit total into the studio's own (trace) account.
  const credit = clean.balancing
    ? [
        {
          bsb: clean.trace.bsb,
          accountNumber: clean.trace.accountNumber,
          code: CREDIT_CODE,
          amount: debitTotal,
          title: clean.balancing.accountTitle,
          reference: clean.balancing.lodgementReference,
        },
      ]
    : [];
  const creditTotal = credit.reduce((sum, d) => sum + d.amount, 0);
  const all = [...details, ...credit];

  const records = [
    headerRecord(clean.header),
    ...all.map((d) => detailRecord(d, clean.trace)),
    totalRecord(creditTotal, debitTotal, all.length),
  ];
  return records.map((r) => r + EOL).join('');
}
