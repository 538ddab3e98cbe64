// Checking a sale before anything is written, with messages the person at the desk can act on.
import { isIsoDate } from './calendar';
import { FREQUENCIES, type Frequency } from './frequency';
import { formatMoney } from './money';
import { PACKAGE_KINDS, type PackageDef, type SaleTerms } from './packageTypes';

/** Upper bound on instalments or cycles: ten years of weekly debits. */
export const MAX_INSTALMENTS = 520;

/** A sale that cannot be planned; `problems` lists every reason, not just the first. */
export class SaleError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'SaleError';
  }
}

/** Every problem with the terms, as human messages; empty when the sale can be planned. */
export function validateSaleTerms(terms: SaleTerms): string[] {
  const problems: string[] = [];
  const { pkg } = terms;
  if (terms.saleId.trim() === '') problems.push('Sale ID is missing');
  if (terms.clientId.trim() === '') problems.push('Client ID is missing');
  if (!PACKAGE_KINDS.includes(pkg.kind)) {
    problems.push(`Package ${pkg.code}: unknown kind "${String(pkg.kind)}"`);
  }
  // A start date before the sale date is fine: sales are often entered after the fact.
  checkDate(problems, 'Sale date', terms.saleDate);
  checkDate(problems, 'Start date', terms.startDate);
  // Only Paid in full uses the due date; other kinds may leave it blank, but not garbage.
  if (pkg.kind === 'Paid in full' || terms.dueDate.trim() !== '')
    checkDate(problems, 'Due date', terms.dueDate);
  if (!Number.isSafeInteger(pkg.price)) {
    problems.push(`Package ${pkg.code}: price must be a whole number of cents, got ${pkg.price}`);
  } else if (pkg.price < 0) {
    problems.push(`Package ${pkg.code}: price can't be negative (${formatMoney(pkg.price)})`);
  }
  if (!Number.isSafeInteger(pkg.sessions) || pkg.sessions < 0) {
    problems.push(`Package ${pkg.code}: sessions must be a whole number, 0 or more, got ${pkg.sessions}`);
  }
  if (pkg.kind === 'Instalments' || pkg.kind === 'Recurring') {
    checkFrequency(problems, pkg.code, pkg.frequency);
    if (pkg.kind === 'Instalments' || pkg.instalments !== null) {
      checkCount(problems, pkg.code, pkg.kind === 'Instalments' ? 'instalments' : 'cycles', pkg.instalments);
    }
  }
  return problems;
}

/** Throws SaleError with every problem, so planning code can rely on the terms. */
export function assertValidSaleTerms(terms: SaleTerms): void {
  const problems = validateSaleTerms(terms);
  if (problems.length > 0) throw new SaleError(problems);
}

/** The frequency of an Instalments or Recurring package (validation guarantees there is one). */
export function frequencyOf(pkg: PackageDef): Frequency {
  if (pkg.frequency === null) throw new SaleError([`Package ${pkg.code}: a frequency is needed`]);
  return pkg.frequency;
}

function checkDate(problems: string[], label: string, value: string): void {
  if (!isIsoDate(value)) problems.push(`${label} "${value}" is not a date (expected YYYY-MM-DD)`);
}

function checkFrequency(problems: string[], code: string, frequency: Frequency | null): void {
  if (frequency === null) problems.push(`Package ${code}: a frequency is needed`);
  else if (!FREQUENCIES.includes(frequency))
    problems.push(`Package ${code}: unknown frequency "${frequency}"`);
}

function checkCount(problems: string[], code: string, what: string, n: number | null): void {
  if (n === null || !Number.isSafeInteger(n) || n < 1 || n > MAX_INSTALMENTS) {
    problems.push(
      `Package ${code}: number of ${what} must be a whole number from 1 to ${MAX_INSTALMENTS}, got ${n ?? 'blank'}`,
    );
  }
}
