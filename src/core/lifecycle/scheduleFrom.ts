// A held schedule from instalment n on, without generating instalments 1 … n-1: slot dates only grow, so
// each hold takes a run of consecutive slots, found from the hold's own dates and counted, not walked.
// heldDueDates stays the rule (slot i is scheduleDate(anchor, frequency, i), slots in a hold skipped);
// this gives the same dates from a later start (test/core/lifecycle/scheduleFrom.property.test.ts).
import { dayIndex, type IsoDate } from '../calendar';
import { FREQUENCY_DAYS, scheduleDate } from '../frequency';
import { sortHolds } from './holds';
import { heldDueDates, MAX_SLOTS, type HeldSchedule } from './schedule';

/** Slots lo..hi (both included) lie inside a hold. */
interface TakenRun {
  lo: number;
  hi: number;
}

/** Average days per month: only a first guess of a slot, corrected against scheduleDate. */
const MONTH_DAYS = 365.2425 / 12;

/** The due dates of instalment `first`, first + 1 …: exactly heldDueDates(s) less its first `first - 1`. */
export function* heldDueDatesFrom(s: HeldSchedule, first: number): Generator<IsoDate, void, undefined> {
  if (!Number.isSafeInteger(first) || first < 1)
    throw new Error(`An instalment number must be a whole number, 1 or more, got ${first}`);
  if (s.kept?.length) {
    // Kept slots inside a hold: rare (pausing a plan), so the plain walk.
    let n = 0;
    for (const date of heldDueDates(s)) if (++n >= first) yield date;
    return;
  }
  const taken = takenRuns(s);
  // The first-th free slot: each run that starts at or before the candidate pushes it past the run.
  let slot = first - 1;
  let k = 0;
  for (; k < taken.length && taken[k]!.lo <= slot; k++) slot += taken[k]!.hi - taken[k]!.lo + 1;
  for (; slot < MAX_SLOTS; slot++) {
    const run = taken[k];
    if (run && slot === run.lo) {
      slot = run.hi;
      k++;
      continue;
    }
    yield scheduleDate(s.anchor, s.frequency, slot);
  }
}

/** The runs of slots inside the holds, in order, overlapping or touching runs merged. */
function takenRuns(s: HeldSchedule): TakenRun[] {
  const runs: TakenRun[] = [];
  for (const h of sortHolds(s.holds)) {
    const lo = firstSlotAfter(s, dayIndex(h.from) - 1);
    const hi = firstSlotAfter(s, dayIndex(h.to)) - 1;
    if (hi < lo) continue;
    const prev = runs[runs.length - 1];
    if (prev && lo <= prev.hi + 1) prev.hi = Math.max(prev.hi, hi);
    else runs.push({ lo, hi });
  }
  return runs;
}

/** The first slot (0 … MAX_SLOTS) whose date's day number is above `day`; MAX_SLOTS when none is. */
function firstSlotAfter(s: HeldSchedule, day: number): number {
  const step = s.frequency === 'Monthly' ? MONTH_DAYS : FREQUENCY_DAYS[s.frequency];
  const dayOf = (slot: number) => dayIndex(scheduleDate(s.anchor, s.frequency, slot));
  // Exact for the fixed steps; within a slot or so for months. Slot dates strictly grow, so stepping from
  // the guess finds the same slot a walk from slot 0 would.
  let slot = Math.floor((day - dayIndex(s.anchor)) / step) + 1;
  // (An unknown frequency has no step: scheduleDate then throws naming it, as the walk does.)
  slot = Number.isFinite(slot) ? Math.min(MAX_SLOTS, Math.max(0, slot)) : 0;
  while (slot > 0 && dayOf(slot - 1) > day) slot--;
  while (slot < MAX_SLOTS && dayOf(slot) <= day) slot++;
  return slot;
}
