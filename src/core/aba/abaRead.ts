// Reading fixed-width ABA records strictly: shared by the file parser and the return-file reader.
// Problems are collected for every line, then thrown together, each naming its line.
import { formatMoney, type Cents } from '../money';
import type { IsoDate } from '../calendar';
import { AbaError, type AbaProblem, type AbaTotals } from './abaTypes';
import { fromDdmmyy } from './abaFields';
import { RECORD_LENGTH, slice, TOTAL_LAYOUT, type Span } from './abaLayout';

export interface Line {
  /** 1-based line number in the file. */
  n: number;
  text: string;
}

const KNOWN_TYPES = new Set(['0', '1', '2', '7']);
/** 13 is the only debit; 50-57 are the credit codes (pay, pension, dividend, interest …). */
const DEBIT_CODES = new Set([13]);
const CREDIT_CODES = new Set([50, 51, 52, 53, 54, 55, 56, 57]);

/** CRLF or LF; a UTF-8 byte-order mark and empty lines at the very end are tolerated. */
export function splitLines(text: string): Line[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((t, i) => ({ n: i + 1, text: t }));
}

/** Collects problems for a file being read; every reader returns something usable even on error. */
export class AbaReader {
  readonly problems: AbaProblem[] = [];

  problem(line: Line | number, field: string, message: string): void {
    const n = typeof line === 'number' ? line : line.n;
    this.problems.push({ line: n, field, message: `Line ${n}: ${message}` });
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw new AbaError(this.problems);
  }

  /**
   * Splits the file into header, records of `detailType`, and total; checks length, characters,
   * record types and their order. Null (with problems recorded) when the file has no such shape.
   */
  structure(text: string, detailType: '1' | '2'): { header: Line; details: Line[]; total: Line } | null {
    const lines = splitLines(text);
    if (lines.length < 2) {
      this.problem(lines.length + 1, 'Record type', 'the file ends before its total (type 7) record');
      return null;
    }
    for (const line of lines) this.recordShape(line, lines.length, detailType);
    const header = lines[0];
    const total = lines[lines.length - 1];
    if (!header || !total || this.problems.length > 0) return null;
    return { header, details: lines.slice(1, -1), total };
  }

  private recordShape(line: Line, count: number, detailType: string): void {
    const { n, text } = line;
    if (text.length !== RECORD_LENGTH) {
      this.problem(
        line,
        'Record length',
        `the record is ${text.length} characters; every record is ${RECORD_LENGTH}`,
      );
    }
    const odd = /[^\x20-\x7E]/.exec(text);
    if (odd) {
      const hex = (text.codePointAt(odd.index) ?? 0).toString(16).toUpperCase().padStart(4, '0');
      this.problem(line, 'Character', `position ${odd.index + 1} holds U+${hex}; ABA files are plain ASCII`);
    }
    const type = text.slice(0, 1);
    const expected = n === 1 ? '0' : n === count ? '7' : detailType;
    if (!KNOWN_TYPES.has(type)) {
      this.problem(line, 'Record type', `unknown record type "${type}" (expected ${expected})`);
    } else if (type !== expected) {
      const where = n === 1 ? 'first' : n === count ? 'last' : 'detail';
      this.problem(
        line,
        'Record type',
        `a type ${type} record where the ${where} record (type ${expected}) belongs`,
      );
    }
  }

  /** Blank-filled positions must be blank: anything there means the layout was misread. */
  blank(line: Line, span: Span): void {
    if (slice(line.text, span).trim() !== '') {
      this.problem(line, `Positions ${span[0]}-${span[1]}`, `positions ${span[0]}-${span[1]} must be blank`);
    }
  }

  /** A zero-filled number field; 0 (with a problem) when it is not all digits. */
  digits(line: Line, span: Span, field: string): number {
    const s = slice(line.text, span);
    if (!/^\d+$/.test(s)) {
      const at = span[0] === span[1] ? `position ${span[0]}` : `positions ${span[0]}-${span[1]}`;
      this.problem(line, field, `${field} "${s}" at ${at} must be digits`);
      return 0;
    }
    return Number(s);
  }

  bsb(line: Line, span: Span, field: string): string {
    const s = slice(line.text, span);
    if (!/^\d{3}-\d{3}$/.test(s)) this.problem(line, field, `${field} "${s}" must be written nnn-nnn`);
    return s;
  }

  /** Right-justified and blank-filled; digits, blanks and hyphens, not blank. Returned trimmed. */
  account(line: Line, span: Span, field: string): string {
    const s = slice(line.text, span);
    if (!/^[0-9 -]*[0-9-]$/.test(s) || !/[0-9]/.test(s)) {
      this.problem(line, field, `${field} "${s}" must be digits, blanks or hyphens, right-justified`);
    }
    return s.trim();
  }

  /** Left-justified, blank-filled text, returned trimmed. */
  text(line: Line, span: Span): string {
    return slice(line.text, span).trim();
  }

  date(line: Line, span: Span, field: string): IsoDate {
    const s = slice(line.text, span);
    const d = fromDdmmyy(s);
    if (!d) this.problem(line, field, `${field} "${s}" is not a date written DDMMYY`);
    return d ?? '';
  }

  transactionCode(line: Line, span: Span): { code: number; kind: 'debit' | 'credit' } {
    const code = this.digits(line, span, 'Transaction code');
    if (DEBIT_CODES.has(code)) return { code, kind: 'debit' };
    if (!CREDIT_CODES.has(code)) {
      this.problem(
        line,
        'Transaction code',
        `transaction code ${slice(line.text, span)} is not an ABA code (13, 50-57)`,
      );
    }
    return { code, kind: 'credit' };
  }

  /** The total (type 7) record, checked against the detail records it closes. */
  totals(line: Line, records: readonly { kind: 'debit' | 'credit'; amount: Cents }[]): AbaTotals {
    const L = TOTAL_LAYOUT;
    if (slice(line.text, L.bsb) !== '999-999') {
      this.problem(line, 'BSB', `the total record must have 999-999 at positions 2-8`);
    }
    for (const span of [L.blank1, L.blank2, L.blank3]) this.blank(line, span);
    const total: AbaTotals = {
      net: this.digits(line, L.net, 'Net total'),
      credit: this.digits(line, L.credit, 'Credit total'),
      debit: this.digits(line, L.debit, 'Debit total'),
      count: this.digits(line, L.count, 'Record count'),
    };
    // Sums are only compared when everything else read cleanly, so one bad amount is one problem.
    if (this.problems.length > 0) return total;
    const sum = (kind: string) => records.reduce((s, r) => (r.kind === kind ? s + r.amount : s), 0);
    const credit = sum('credit');
    const debit = sum('debit');
    const check = (field: string, stated: number, actual: number, show: (n: number) => string) => {
      if (stated !== actual) {
        this.problem(
          line,
          field,
          `${field} ${show(stated)} does not match the records, which give ${show(actual)}`,
        );
      }
    };
    check('Credit total', total.credit, credit, formatMoney);
    check('Debit total', total.debit, debit, formatMoney);
    check('Net total', total.net, Math.abs(credit - debit), formatMoney);
    check('Record count', total.count, records.length, String);
    return total;
  }
}
