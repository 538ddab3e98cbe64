// Checks a whole batch and says, per client and field, what stops it becoming an ABA file.
// The writer uses the same pass, so what is validated is exactly what gets written.
import { formatMoney, type Cents } from '../money';
import type { IsoDate } from '../calendar';
import type { AbaBatch, AbaDebit, AbaProblem } from './abaTypes';
import {
  checkAccountNumber,
  checkAmount,
  checkBank,
  checkBsb,
  checkProcessingDate,
  checkReference,
  checkText,
  checkUserId,
  type Checked,
} from './abaChecks';
import { MAX_ABA_CENTS, MAX_ABA_RECORDS } from './abaFields';

/** Field limits from the ABA layout. */
export const ABA_LIMITS = {
  userName: 26,
  description: 12,
  accountTitle: 32,
  lodgementReference: 18,
  remitter: 16,
} as const;

/** A batch whose every value is valid, trimmed and normalised (BSB nnn-nnn, user ID zero-filled). */
export interface CleanAbaBatch {
  header: { bank: string; userName: string; userId: string; description: string; processingDate: IsoDate };
  trace: { bsb: string; accountNumber: string; remitter: string };
  debits: {
    bsb: string;
    accountNumber: string;
    accountTitle: string;
    amount: Cents;
    lodgementReference: string;
  }[];
  balancing: { accountTitle: string; lodgementReference: string } | null;
}

type Check<T> = (raw: unknown, label: string) => Checked<T>;
const text =
  (max: number): Check<string> =>
  (raw, label) =>
    checkText(raw, label, max);
const reference =
  (max: number): Check<string> =>
  (raw, label) =>
    checkReference(raw, label, max);

/** Who a debit's problems are about: 'C-0003 Jane Citizen', or 'Debit 3' with neither ID nor name. */
function client(
  d: AbaDebit,
  index: number,
): { who: Pick<AbaProblem, 'clientId' | 'clientName'>; name: string } {
  const clientId = String(d.clientId ?? '').trim();
  const clientName = String(d.clientName ?? '').trim();
  const who = { ...(clientId && { clientId }), ...(clientName && { clientName }) };
  return { who, name: [clientId, clientName].filter(Boolean).join(' ') || `Debit ${index + 1}` };
}

/** Runs checks, keeping the values and collecting the problems. */
class Collector {
  readonly problems: AbaProblem[] = [];

  /** `label` is what people call the field; `key` is where it is in the batch. */
  value<T>(check: Check<T>, raw: unknown, label: string, key: string, fallback: T): T {
    const checked = check(raw, label);
    if (checked.ok) return checked.value;
    this.problems.push({ field: label, key, message: checked.reason });
    return fallback;
  }

  /** As `value`, for a debit: the problem names the client (worked out only when there is one). */
  debitValue<T>(
    d: AbaDebit,
    i: number,
    check: Check<T>,
    label: string,
    name: keyof AbaDebit,
    fallback: T,
  ): T {
    const checked = check(d[name], label);
    if (checked.ok) return checked.value;
    const c = client(d, i);
    this.problems.push({
      ...c.who,
      field: label,
      key: `debits[${i}].${name}`,
      debit: i,
      reason: checked.reason,
      message: `${c.name}: ${checked.reason}`,
    });
    return fallback;
  }

  add(field: string, key: string, message: string): void {
    this.problems.push({ field, key, message });
  }
}

/** Every problem in the batch (empty when it can be written), plus the values to write. */
export function checkAbaBatch(batch: AbaBatch): { problems: AbaProblem[]; clean: CleanAbaBatch | null } {
  const c = new Collector();
  // Settings come from cells: a missing block is reported field by field, not a TypeError.
  const h: Partial<AbaBatch['header']> = batch.header ?? {};
  const t: Partial<AbaBatch['trace']> = batch.trace ?? {};

  // Labels are the Settings rows people fill in.
  const header = {
    bank: c.value(checkBank, h.bank, 'ABA Bank', 'header.bank', ''),
    userName: c.value(text(ABA_LIMITS.userName), h.userName, 'ABA User Name', 'header.userName', ''),
    userId: c.value(checkUserId, h.userId, 'ABA User ID', 'header.userId', ''),
    description: c.value(
      text(ABA_LIMITS.description),
      h.description,
      'ABA Description',
      'header.description',
      '',
    ),
    processingDate: c.value(
      checkProcessingDate,
      h.processingDate,
      'Processing Date',
      'header.processingDate',
      '',
    ),
  };
  const trace = {
    bsb: c.value(checkBsb, t.bsb, 'Studio BSB', 'trace.bsb', ''),
    accountNumber: c.value(
      checkAccountNumber,
      t.accountNumber,
      'Studio Account Number',
      'trace.accountNumber',
      '',
    ),
    remitter: c.value(text(ABA_LIMITS.remitter), t.remitter, 'Remitter', 'trace.remitter', ''),
  };

  const given = Array.isArray(batch.debits) ? batch.debits : [];
  if (given.length === 0)
    c.add('Debits', 'debits', 'The batch has no debits; an ABA file needs at least one');
  // Labels as the Clients tab calls them, so people know which cell to fix.
  const debits = given.map((d, i) => ({
    bsb: c.debitValue(d, i, checkBsb, 'BSB', 'bsb', ''),
    accountNumber: c.debitValue(d, i, checkAccountNumber, 'Account Number', 'accountNumber', ''),
    accountTitle: c.debitValue(d, i, text(ABA_LIMITS.accountTitle), 'Account Name', 'accountTitle', ''),
    amount: c.debitValue(d, i, checkAmount, 'Amount', 'amount', 0),
    lodgementReference: c.debitValue(
      d,
      i,
      reference(ABA_LIMITS.lodgementReference),
      'DD Reference',
      'lodgementReference',
      '',
    ),
  }));

  const b = batch.balancing;
  const balancing = b
    ? {
        accountTitle: c.value(
          text(ABA_LIMITS.accountTitle),
          b.accountTitle,
          'Studio Account Name',
          'balancing.accountTitle',
          '',
        ),
        lodgementReference: c.value(
          reference(ABA_LIMITS.lodgementReference),
          b.lodgementReference,
          'Balancing Reference',
          'balancing.lodgementReference',
          '',
        ),
      }
    : null;

  // The total record's amount fields are as wide as a record's, and its count has six digits.
  const total = debits.reduce((sum, d) => sum + d.amount, 0);
  if (total > MAX_ABA_CENTS) {
    c.add(
      'Total',
      'debits',
      `The debits add up to ${formatMoney(total)}, more than the ${formatMoney(MAX_ABA_CENTS)} an ABA file can hold; split the batch`,
    );
  }
  const records = debits.length + (balancing ? 1 : 0);
  if (records > MAX_ABA_RECORDS) {
    c.add(
      'Count',
      'debits',
      `The file would have ${records} records, more than the ${MAX_ABA_RECORDS} an ABA file can hold; split the batch`,
    );
  }

  return c.problems.length > 0
    ? { problems: c.problems, clean: null }
    : { problems: [], clean: { header, trace, debits, balancing } };
}

/** Every problem that stops the batch becoming an ABA file; empty when it can be written. */
export function validateAbaBatch(batch: AbaBatch): AbaProblem[] {
  return checkAbaBatch(batch).problems;
}
