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
  assertRecurring(terms);
  const { pkg } = terms;
  if (!Number.isSafeInteger(cycle) || cycle < 1) {
    throw new SaleError([`Cycle must be a whole number, 1 or more, got ${cycle}`]);
  }
  if (pkg.instalments !== null && cycle > pkg.instalments) {
    throw new SaleError([`Package ${pkg.code} has ${pkg.instalments} cycles; there is no cycle ${cycle}`]);
  }
  const dueDate = dueDateOf(terms, cycle);
  const { saleId, clientId } = terms;
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
  for (let k = 2; k <= last && compareDates(dueDateOf(terms, k), until) <= 0; k++) {
    if (existingCycles.has(k)) continue;
    const { invoice, allocation } = recurringCycle(terms, k);
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
