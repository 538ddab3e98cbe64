// The studio's fixed debit days, e.g. every second Tuesday.
import { addMonthsClamped, compareDates, daysBetween, parseIsoDate, addDays, type IsoDate } from './calendar';
import { FREQUENCY_DAYS, type Frequency } from './frequency';

export interface BillingCycle {
  /** Any date on which a cycle runs; the cycle extends both before and after it. */
  billingDay: IsoDate;
  frequency: Frequency;
}

/**
 * The first billing day on or after the date: the default Package/Billing Start Date for a sale,
 * so that billing only has to run once per cycle.
 */
export function nextBillingDay(cycle: BillingCycle, onOrAfter: IsoDate): IsoDate {
  const anchor = parseIsoDate(cycle.billingDay);
  const date = parseIsoDate(onOrAfter);
  if (cycle.frequency === 'Monthly') {
    // addMonthsClamped(anchor, k) lies in month anchor+k, so k is the month gap or one more.
    const [ay, am] = monthOf(anchor);
    const [dy, dm] = monthOf(date);
    const k = (dy - ay) * 12 + (dm - am);
    const sameMonth = addMonthsClamped(anchor, k);
    return compareDates(sameMonth, date) >= 0 ? sameMonth : addMonthsClamped(anchor, k + 1);
  }
  const step = FREQUENCY_DAYS[cycle.frequency];
  if (step === undefined) throw new Error(`Unknown frequency "${String(cycle.frequency)}"`);
  const k = Math.ceil(daysBetween(anchor, date) / step);
  return addDays(anchor, k * step);
}

function monthOf(d: IsoDate): [number, number] {
  return [Number(d.slice(0, 4)), Number(d.slice(5, 7))];
}
