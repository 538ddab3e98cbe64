// Money as integer cents: what people type and what DD reports contain, in and out.

/** An amount of money in cents. Always an integer, so sums and splits never drift. */
export type Cents = number;

/** A value that is not an amount of money (or not one allowed here). The message says which. */
export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoneyError';
  }
}

export interface ParseMoneyOptions {
  /** Credits and declines in reports are negative; prices never are. Default false. */
  allowNegative?: boolean;
  /** Default true. When false, a blank value reads as 0 cents. */
  required?: boolean;
}

// Float noise tolerance for number cells, in cents: 1e-9 dollars. 0.1 + 0.2 is fine, 1.005 is not.
const NOISE_CENTS = 1e-7;

/** Parses "$1,100.00", "(220.00)", 1100.5 … into cents. Throws MoneyError with a readable reason. */
export function parseMoney(input: string | number, opts: ParseMoneyOptions = {}): Cents {
  const { allowNegative = false, required = true } = opts;
  const cents = typeof input === 'number' ? numberToCents(input) : textToCents(input, required);
  if (cents < 0 && !allowNegative) {
    throw new MoneyError(`${show(input)} is negative; a negative amount is not allowed here`);
  }
  return cents;
}

function numberToCents(n: number): Cents {
  if (!Number.isFinite(n)) throw new MoneyError(`${String(n)} is not an amount of money`);
  const scaled = Math.abs(n) * 100;
  const whole = Math.round(scaled);
  // Large amounts lose absolute precision, so the tolerance grows with them.
  if (Math.abs(scaled - whole) > Math.max(NOISE_CENTS, scaled * Number.EPSILON * 4)) {
    throw new MoneyError(`${String(n)} has more than 2 decimal places`);
  }
  if (!Number.isSafeInteger(whole)) throw new MoneyError(`${String(n)} is too large an amount`);
  return n < 0 && whole !== 0 ? -whole : whole;
}

const PLAIN = /^\d*$/;
const GROUPED = /^\d{1,3}(,\d{3})+$/;

function textToCents(raw: string, required: boolean): Cents {
  let s = raw.trim();
  if (s === '') {
    if (required) throw new MoneyError('An amount is required');
    return 0;
  }
  let negative = false;
  // Accounting reports write negatives in brackets: (220.00).
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  // Sign and dollar sign come in either order: -$220 and $-220.
  let signs = 0;
  for (;;) {
    if (s.startsWith('-') || s.startsWith('+')) {
      if (s.startsWith('-')) negative = true;
      signs += 1;
    } else if (!s.startsWith('$')) break;
    s = s.slice(1).trim();
  }
  if (signs > 1 || (signs === 1 && raw.trim().startsWith('('))) {
    throw new MoneyError(`Not an amount of money: ${show(raw)}`);
  }
  const dot = s.indexOf('.');
  const wholeText = dot < 0 ? s : s.slice(0, dot);
  const fraction = dot < 0 ? '' : s.slice(dot + 1);
  if (!/\d/.test(s) || !/^\d*$/.test(fraction) || !/^[\d,]*$/.test(wholeText)) {
    throw new MoneyError(`Not an amount of money: ${show(raw)}`);
  }
  if (!PLAIN.test(wholeText) && !GROUPED.test(wholeText)) {
    throw new MoneyError(`${show(raw)} has misplaced thousands separators (write 1,100.00 or 1100)`);
  }
  // Strict on text, even "1.100": in European notation that is eleven hundred, not $1.10.
  if (fraction.length > 2) throw new MoneyError(`${show(raw)} has more than 2 decimal places`);
  const dollars = Number(wholeText.replace(/,/g, '') || '0');
  const cents = dollars * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) throw new MoneyError(`${show(raw)} is too large an amount`);
  return negative && cents !== 0 ? -cents : cents;
}

function show(input: string | number): string {
  return typeof input === 'number' ? String(input) : `"${input}"`;
}

function assertCents(cents: Cents): void {
  if (!Number.isSafeInteger(cents)) throw new MoneyError(`${String(cents)} is not a whole number of cents`);
}

/** 110050 -> "$1,100.00", -22000 -> "-$220.00". */
export function formatMoney(cents: Cents): string {
  assertCents(cents);
  const abs = Math.abs(cents);
  const dollars = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = String(abs % 100).padStart(2, '0');
  return `${cents < 0 ? '-' : ''}$${dollars}.${rest}`;
}

/** Dollars for a spreadsheet number cell: 110050 -> 1100.5. */
export function centsToAmount(cents: Cents): number {
  assertCents(cents);
  return cents / 100;
}

/** A number cell's dollars as cents. Negative is allowed; more than 2 decimals is a MoneyError. */
export function amountToCents(n: number): Cents {
  return parseMoney(n, { allowNegative: true });
}
