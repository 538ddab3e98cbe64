// Recurring packages with holds and an end: cycles keep their numbers (1, 2, 3 …) and follow the held
// schedule, so no cycle is invoiced or allocated inside a hold; a cancelled sale rolls no cycle on or
// after its cancellation date. Rolling in steps or at once gives the same rows, never twice.
import { compareDates, parseIsoDate, type IsoDate } from '../calendar';
import { assertRecurringCycle, firstNewCycle, MAX_ROLL_CYCLES, recurringCycleDrafts } from '../recurring';
import type { SalePlan, SaleTerms } from '../packageTypes';
import { SaleError } from '../saleTerms';
import { heldDueDatesFrom } from './scheduleFrom';
import type { Hold } from './holds';

export interface SaleLife {
  holds: readonly Hold[];
  /** Cancelled from this date: no cycle falls due on or after it. */
  endsOn: IsoDate | null;
}

export const NO_LIFE: SaleLife = { holds: [], endsOn: null };

/** Cycle `cycle` of a recurring sale with its holds: the invoice and allocation, on the held dates. */
export function heldRecurringCycle(terms: SaleTerms, cycle: number, dueDate: IsoDate) {
  assertRecurringCycle(terms, cycle);
  return recurringCycleDrafts(terms, cycle, dueDate);
}

/**
 * The cycles (2 and later) due on or before `through` that don't exist yet, on the held schedule and
 * before the sale's end. Cycle 1 is the sale's own.
 */
export function rollRecurringHeld(
  terms: SaleTerms,
  life: SaleLife,
  existingCycles: ReadonlySet<number>,
  through: IsoDate,
): SalePlan {
  if (terms.pkg.kind !== 'Recurring')
    throw new SaleError([`Package ${terms.pkg.code} is ${terms.pkg.kind}, not Recurring`]);
  if (!terms.pkg.frequency) throw new SaleError([`Package ${terms.pkg.code}: a frequency is needed`]);
  const until = parseIsoDate(through);
  const last = Math.min(terms.pkg.instalments ?? MAX_ROLL_CYCLES, MAX_ROLL_CYCLES);
  const plan: SalePlan = { invoices: [], allocations: [] };
  // Held due dates grow with the cycle, so the walk starts at the first cycle that does not exist: the
  // ones before it would all be skipped, and a stop (end, `through`, last cycle) before it stops it too.
  const start = firstNewCycle(existingCycles, last);
  let cycle = start - 1;
  let checked = false;
  for (const due of heldDueDatesFrom(
    { anchor: terms.startDate, frequency: terms.pkg.frequency, holds: life.holds },
    start,
  )) {
    cycle += 1;
    if (cycle > last || compareDates(due, until) > 0) break;
    if (life.endsOn && compareDates(due, life.endsOn) >= 0) break;
    if (existingCycles.has(cycle)) continue;
    if (!checked) {
      // The terms are checked once, on the first cycle made (as every cycle made used to check them).
      assertRecurringCycle(terms, cycle);
      checked = true;
    }
    const { invoice, allocation } = recurringCycleDrafts(terms, cycle, due);
    plan.invoices.push(invoice);
    plan.allocations.push(allocation);
  }
  return plan;
}
