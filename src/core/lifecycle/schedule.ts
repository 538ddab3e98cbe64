// Schedules with holds: instalments and recurring cycles stay on the sale's own grid of dates (its
// billing days), and a hold pushes every date that falls inside it, and every later one, along that grid
// to the first free slots after it. The number of instalments and every amount stay as they were.
import { compareDates, type IsoDate } from '../calendar';
import { scheduleDate, type Frequency } from '../frequency';
import { holdAt, isInHold, sortHolds, type Hold } from './holds';

export interface HeldSchedule {
  /** The first slot: Package Start Date (Instalments) or Billing Start Date (Recurring). */
  anchor: IsoDate;
  frequency: Frequency;
  holds: readonly Hold[];
  /**
   * Dates inside a hold that still carry an instalment that keeps its date (paid, declined or due before
   * today when the hold was added): those slots stay taken, so later instalments do not shift past them.
   */
  kept?: readonly IsoDate[];
}

/** A schedule never walks further than this many slots: a guard, not a business rule. */
export const MAX_SLOTS = 20_000;

/**
 * The due dates of instalment 1, 2, 3 …: slot i is scheduleDate(anchor, frequency, i) (monthly slots
 * are computed from the anchor, so a 31st comes back after February), and slots inside a hold are skipped.
 */
export function* heldDueDates(s: HeldSchedule): Generator<IsoDate, void, undefined> {
  const holds = sortHolds(s.holds);
  const kept = new Set(s.kept ?? []);
  for (let slot = 0; slot < MAX_SLOTS; slot++) {
    const date = scheduleDate(s.anchor, s.frequency, slot);
    if (!holdAt(date, holds) || kept.has(date)) yield date;
  }
}

/** The first `count` due dates of a held schedule. */
export function heldDates(s: HeldSchedule, count: number): IsoDate[] {
  const out: IsoDate[] = [];
  if (count <= 0) return out;
  for (const d of heldDueDates(s)) {
    out.push(d);
    if (out.length >= count) break;
  }
  return out;
}

/** The due date of instalment or cycle `n` (1-based). */
export function heldDueDate(s: HeldSchedule, n: number): IsoDate {
  const d = heldDates(s, n)[n - 1];
  if (d === undefined) throw new Error(`No instalment ${n} within ${MAX_SLOTS} slots`);
  return d;
}

export interface Scheduled {
  /** 1-based; null for charges outside the schedule (a cancellation or dishonour fee). */
  instalment: number | null;
  dueDate: IsoDate;
}

export interface Move<T> {
  item: T;
  from: IsoDate;
  to: IsoDate;
}

/**
 * What a new hold does to a sale's existing instalments: each one whose date under the holds changes, or
 * that lies inside any hold (a date typed by hand), takes its date on the schedule with the new hold.
 * Items before the hold keep their dates; nothing is added, removed or repriced.
 */
export function movesForHold<T extends Scheduled>(
  items: readonly T[],
  schedule: HeldSchedule,
  hold: Hold,
): Move<T>[] {
  const numbered = items.filter(
    (i): i is T & { instalment: number } =>
      i.instalment !== null && Number.isSafeInteger(i.instalment) && i.instalment >= 1,
  );
  const last = Math.max(0, ...numbered.map((i) => i.instalment));
  const withHold = { ...schedule, holds: [...schedule.holds, hold] };
  const before = heldDates(schedule, last);
  const after = heldDates(withHold, last);
  const moves: Move<T>[] = [];
  for (const item of numbered) {
    const k = item.instalment - 1;
    const to = after[k]!;
    const shifted = before[k] !== to;
    const insideAHold =
      !(schedule.kept ?? []).includes(item.dueDate) && withHold.holds.some((h) => isInHold(item.dueDate, h));
    if ((shifted || insideAHold) && item.dueDate !== to) moves.push({ item, from: item.dueDate, to });
  }
  return moves;
}

/** The items with a new hold applied (same order, same amounts): what a pause plans. */
export function applyHold<T extends Scheduled>(items: readonly T[], schedule: HeldSchedule, hold: Hold): T[] {
  const moved = new Map(movesForHold(items, schedule, hold).map((m) => [m.item, m.to]));
  return items.map((i) => (moved.has(i) ? { ...i, dueDate: moved.get(i)! } : i));
}

/** True when a hold covers none of the dates from `from` on: nothing it could move. */
export function holdIsPast(hold: Hold, from: IsoDate): boolean {
  return compareDates(hold.to, from) < 0;
}
