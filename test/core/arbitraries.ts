// Shared fast-check generators for the core's property tests.
import fc from 'fast-check';
import { addDays, addMonthsClamped, type IsoDate } from '../../src/core/calendar';
import { FREQUENCIES } from '../../src/core/frequency';

const FIRST = '2000-01-01';
const SPAN_DAYS = 14975; // 2000-01-01 .. 2040-12-31

/** Any date 2000..2040. */
const anyDay = fc.integer({ min: 0, max: SPAN_DAYS }).map((n) => addDays(FIRST, n));

/** Month ends and leap days, where calendar bugs live. */
const monthEnd = fc
  .tuple(fc.integer({ min: 2000, max: 2040 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => addDays(addMonthsClamped(`${y}-${String(m).padStart(2, '0')}-01`, 1), -1));

const leapDay = fc.integer({ min: 500, max: 510 }).map((q) => `${q * 4}-02-29`);

export const isoDate: fc.Arbitrary<IsoDate> = fc.oneof(anyDay, monthEnd, leapDay);

export const frequency = fc.constantFrom(...FREQUENCIES);
