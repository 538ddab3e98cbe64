// Recurring packages: one invoice and one lot of sessions per billing cycle, created as cycles arrive.
import { compareDates, parseIsoDate, type IsoDate } from './calendar';
import { invoiceDescription } from './descriptions';
import { scheduleDate } from './frequency';
import type { AllocationDraft, InvoiceDraft, SalePlan, SaleTerms } from './packageTypes';
import { assertValidSaleTerms, frequencyOf, SaleError } from './saleTerms';

/** A roll never walks further than this many cycles (190 years weekly): a guard, not a business rule. */
export const MAX_ROLL_CYCLES = 10_000;

/**
 * Cycle k (1-based): invoice due on the k-th billing date from the Billing Start Date; sessions on
 * the sale date for cycle 1 (the client starts now), otherwise on that cycle's due date.
 */
export function recurringCycle(
  terms: SaleTerms,
  cycle: number,
): { invoice: InvoiceDraft; allocation: AllocationDraft } {
  assertRecurringCycle(terms, cycle);
  return recurringCycleDrafts(terms, cycle, dueDateOf(terms, cycle));
}

/** Throws SaleError unless the terms are valid Recurring terms and `cycle` is one of their cycles. */
export function assertRecurringCycle(terms: SaleTerms, cycle: number): void {
  assertRecurring(terms);
  const { pkg } = terms;
  if (!Number.isSafeInteger(cycle) || cycle < 1) {
    throw new SaleError([`Cycle must be a whole number, 1 or more, got ${cycle}`]);
  }
  if (pkg.instalments !== null && cycle > pkg.instalments) {
    throw new SaleError([`Package ${pkg.code} has ${pkg.instalments} cycles; there is no cycle ${cycle}`]);
  }
}

/**
 * Cycle `cycle`'s invoice and allocation, due on `dueDate`. Checks nothing: a roll checks the terms once
 * (assertRecurringCycle), not once per cycle.
 */
export function recurringCycleDrafts(
  terms: SaleTerms,
  cycle: number,
  dueDate: IsoDate,
): { invoice: InvoiceDraft; allocation: AllocationDraft } {
  const { pkg, saleId, clientId } = terms;
  return {
    invoice: {
      saleId,
      clientId,
      description: invoiceDescription(pkg, cycle),
      instalment: cycle,
      dueDate,
      amount: pkg.price,
    },
    allocation: {
      saleId,
      clientId,
      date: cycle === 1 ? terms.saleDate : dueDate,
      sessions: pkg.sessions,
      cycle,
    },
  };
}

/**
 * The first cycle from 2 on that is not in `existing`; above `last` when 2..last all are. Cycles are
 * chronological, so a roll starts there: every earlier cycle exists (or is cycle 1) and is skipped anyway.
 */
export function firstNewCycle(existing: ReadonlySet<number>, last: number): number {
  // One pass over the set costs less than a look-up per cycle: when it holds exactly the cycles 1..max
  // (whole numbers from 1, as many as the largest), the first new one is max + 1.
  let max = 0;
  let whole = true;
  for (const c of existing) {
    if (!Number.isInteger(c) || c < 1) {
      whole = false;
      break;
    }
    if (c > max) max = c;
  }
  if (whole && max === existing.size) return Math.max(2, max + 1);
  // A gap, or a stray number: looked for cycle by cycle.
  let cycle = 2;
  while (cycle <= last && existing.has(cycle)) cycle++;
  return cycle;
}

/**
 * The cycles (2 and later) due on or before `through` that don't exist yet. Cycle 1 is the sale's own.
 * Depends only on the terms, so rolling in steps or at once gives the same rows, and never twice.
 */
export function rollRecurring(
  terms: SaleTerms,
  existingCycles: ReadonlySet<number>,
  through: IsoDate,
): SalePlan {
  assertRecurring(terms);
  const until = parseIsoDate(through);
  const last = Math.min(terms.pkg.instalments ?? MAX_ROLL_CYCLES, MAX_ROLL_CYCLES);
  const plan: SalePlan = { invoices: [], allocations: [] };
  // Due dates grow with the cycle, so starting at the first new cycle skips only existing ones.
  for (let k = firstNewCycle(existingCycles, last); k <= last; k++) {
    const dueDate = dueDateOf(terms, k);
    if (compareDates(dueDate, until) > 0) break;
    if (existingCycles.has(k)) continue;
    const { invoice, allocation } = recurringCycleDrafts(terms, k, dueDate);
    plan.invoices.push(invoice);
    plan.allocations.push(allocation);
  }
  return plan;
}

function dueDateOf(terms: SaleTerms, cycle: number): IsoDate {
  return scheduleDate(terms.startDate, frequencyOf(terms.pkg), cycle - 1);
}

function assertRecurring(terms: SaleTerms): void {
  if (terms.pkg.kind !== 'Recurring') {
    throw new SaleError([`Package ${terms.pkg.code} is ${terms.pkg.kind}, not Recurring`]);
  }
  assertValidSaleTerms(terms);
}
