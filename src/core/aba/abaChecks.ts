// The rules for single values going into an ABA file: each returns the value as it will be written
// (trimmed, normalised) or a reason that starts with the field's label, ready to show to people.
import { formatMoney, type Cents } from '../money';
import { isIsoDate, type IsoDate } from '../calendar';
import { MAX_ABA_CENTS, normaliseBsb } from './abaFields';
import { BANK_CHARACTERS_HELP, formulaStart, rejectedCharacters, showCharacter, toBankText } from './abaText';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = <T>(reason: string): Checked<T> => ({ ok: false, reason });

// Values come from spreadsheet cells: be kind to a number or a missing cell at run time.
function asText(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

/**
 * Names, titles and references: required, at most `max` characters, bank character set. Trimmed, and
 * written in that set (José is Jose, O’Neil O'Neil); what has no plain form is refused, never dropped.
 */
export function checkText(raw: unknown, label: string, max: number): Checked<string> {
  const s = asText(raw).trim();
  if (s === '') return fail(`${label} is blank`);
  const formula = formulaStart(s);
  if (formula) {
    return fail(
      `${label} "${s}" starts with ${showCharacter(formula)}, which a spreadsheet opening the file would run as a formula`,
    );
  }
  const bad = rejectedCharacters(s);
  if (bad.length > 0) {
    return fail(
      `${label} "${s}" has characters banks do not accept: ${bad.map(showCharacter).join(', ')}` +
        ` (use ${BANK_CHARACTERS_HELP})`,
    );
  }
  const written = toBankText(s).trim();
  // Too long is an error, not a silent cut: a cut name or reference can mislead the client or bank.
  if (written.length > max)
    return fail(`${label} "${s}" is ${written.length} characters; the limit is ${max}`);
  return ok(written);
}

/** A lodgement reference: text as above that does not start with a zero or a hyphen (banks refuse those). */
export function checkReference(raw: unknown, label: string, max: number): Checked<string> {
  const text = checkText(raw, label, max);
  if (text.ok && /^[0-]/.test(text.value)) {
    return fail(`${label} "${text.value}" must not start with a zero or a hyphen (banks refuse it)`);
  }
  return text;
}

/** Six digits, with or without the hyphen; written nnn-nnn. */
export function checkBsb(raw: unknown, label: string): Checked<string> {
  const s = asText(raw).trim();
  if (s === '') return fail(`${label} is blank`);
  const bsb = normaliseBsb(s);
  return bsb ? ok(bsb) : fail(`${label} "${s}" must be six digits written nnn-nnn`);
}

/**
 * Up to 9 characters of digits, blanks and hyphens, as the layout allows, not all zeros; leading zeros
 * kept (they are part of the number). A longer number written with hyphens or blanks loses them.
 */
export function checkAccountNumber(raw: unknown, label: string): Checked<string> {
  const s = asText(raw).trim();
  if (s === '') return fail(`${label} is blank`);
  if (!/^[0-9 -]+$/.test(s)) return fail(`${label} "${s}" may only contain digits, blanks and hyphens`);
  const written = s.length > 9 ? s.replace(/[ -]/g, '') : s;
  if (written.length > 9) {
    return fail(
      written === s
        ? `${label} "${s}" is ${s.length} characters; the limit is 9`
        : `${label} "${s}" has ${written.length} digits; the limit is 9`,
    );
  }
  if (!/[1-9]/.test(s)) return fail(`${label} "${s}" must not be all zeros`);
  return ok(written);
}

/** Whole cents, more than zero, at most the 10 digits of the amount field. */
export function checkAmount(raw: unknown, label: string): Checked<Cents> {
  if (typeof raw !== 'number' || !Number.isSafeInteger(raw)) {
    return fail(`${label} ${String(raw)} is not a whole number of cents`);
  }
  if (raw <= 0) return fail(`${label} ${formatMoney(raw)} must be more than $0.00`);
  if (raw > MAX_ABA_CENTS) {
    return fail(
      `${label} ${formatMoney(raw)} is more than the ${formatMoney(MAX_ABA_CENTS)} an ABA file can hold`,
    );
  }
  return ok(raw);
}

/** The APCA mnemonic, e.g. CBA, WBC, NAB; case does not matter on input. */
export function checkBank(raw: unknown, label: string): Checked<string> {
  const s = asText(raw).trim();
  if (s === '') return fail(`${label} is blank`);
  return /^[A-Za-z]{3}$/.test(s)
    ? ok(s.toUpperCase())
    : fail(`${label} "${s}" must be the bank's three-letter APCA code, e.g. CBA`);
}

/** Up to six digits, written zero-filled; a user ID of zero is never issued. */
export function checkUserId(raw: unknown, label: string): Checked<string> {
  const s = asText(raw).trim();
  if (s === '') return fail(`${label} is blank`);
  if (!/^\d{1,6}$/.test(s) || !/[1-9]/.test(s)) {
    return fail(`${label} "${s}" must be the APCA user ID the bank issued: up to six digits`);
  }
  return ok(s.padStart(6, '0'));
}

/** A real date in 2000..2099: the file writes DDMMYY, so another century would read back wrong. */
export function checkProcessingDate(raw: unknown, label: string): Checked<IsoDate> {
  const s = asText(raw).trim();
  if (!isIsoDate(s)) return fail(`${label} "${s}" is not a date written YYYY-MM-DD`);
  if (!s.startsWith('20')) {
    return fail(`${label} ${s} must be in the years 2000 to 2099 (the file has a two-digit year)`);
  }
  return ok(s);
}
