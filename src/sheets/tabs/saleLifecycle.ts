// The lifecycle columns of the Sales tab: Holds (holiday pauses, as text) and Cancelled From (a date).
// Billing runs, the daily upkeep, pauses and cancellations all read them from here.
import type { IsoDate } from '../../core/calendar';
import { holdAt, parseHolds, HoldError, type Hold } from '../../core/lifecycle/holds';
import type { SaleLife } from '../../core/lifecycle/recurringHeld';
import { encode, parseDateText, readDate, readText } from '../cells';
import type { RowCells } from '../changes';
import { cellError, UserError } from '../errors';
import type { Sale } from '../records';
import type { SaleStatus } from '../schema';
import type { Table } from '../table';

export type { SaleLife } from '../../core/lifecycle/recurringHeld';

/** Each sale's holds and end, by its sheet row. Throws naming the row and column of a bad cell. */
export function readSaleLives(t: Table): Map<number, SaleLife> {
  const out = new Map<number, SaleLife>();
  for (const r of t.rows) {
    let holds: Hold[];
    try {
      holds = parseHolds(readText(t, r, 'Holds'), parseDateText);
    } catch (e) {
      if (e instanceof HoldError) throw cellError(t.spec.name, r.rowNumber, 'Holds', e.message);
      throw e;
    }
    out.set(r.rowNumber, { holds, endsOn: readDate(t, r, 'Cancelled From') });
  }
  return out;
}

export function lifeOf(lives: ReadonlyMap<number, SaleLife>, sale: Sale): SaleLife {
  return (sale.row !== undefined ? lives.get(sale.row) : undefined) ?? { holds: [], endsOn: null };
}

/** Paused while `today` is inside one of the holds, Active otherwise. */
export function statusForHolds(holds: readonly Hold[], today: IsoDate): SaleStatus {
  return holdAt(today, holds) ? 'Paused' : 'Active';
}

/**
 * The status to show and act on for a sale on `today`: an Active or Paused sale with holds is Paused only
 * while today is inside one of them, whatever the Status cell says (the daily upkeep writes it, but a
 * stale "Paused" must not outlive its hold when the upkeep is off). Paused typed by hand with no hold,
 * Cancelled and Completed are kept as stored.
 */
export function shownStatus(sale: Sale, life: SaleLife, today: IsoDate): SaleStatus {
  if ((sale.status === 'Active' || sale.status === 'Paused') && life.holds.length > 0)
    return statusForHolds(life.holds, today);
  return sale.status;
}

/** The sales with their shown status on `today` (see shownStatus). */
export function withShownStatus(sales: readonly Sale[], t: Table, today: IsoDate): Sale[] {
  const lives = readSaleLives(t);
  return sales.map((s) => {
    const status = shownStatus(s, lifeOf(lives, s), today);
    return status === s.status ? s : { ...s, status };
  });
}

/**
 * Whether billing and the upkeep roll a recurring sale forward: Active sales; Paused ones with holds (the
 * holds skip the paused cycles; Paused typed by hand with no hold stops the sale, as before); Cancelled
 * ones with a Cancelled From date, up to that date. Completed ones never.
 */
export function rollsForward(sale: Sale, life: SaleLife): boolean {
  switch (sale.status) {
    case 'Active':
      return true;
    case 'Paused':
      return life.holds.length > 0;
    case 'Cancelled':
      return life.endsOn !== null;
    case 'Completed':
      return false;
  }
}

/** An action that records a hold or a cancellation needs its column: refuse rather than lose it. */
export function requireColumn(t: Table, header: 'Holds' | 'Cancelled From'): void {
  if (!t.columns.has(header))
    throw new UserError(
      `The ${t.spec.name} tab has no "${header}" column. Run Studio Ledger > Set up workbook to add it.`,
    );
}

export function holdsCells(holdsText: string): RowCells {
  return { Holds: encode.text(holdsText) };
}

export function cancelledFromCells(date: string): RowCells {
  return { 'Cancelled From': encode.date(date) };
}
