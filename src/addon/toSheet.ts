// What the add-in's cells become for setValues: dates as the Date Sheets hands out (midnight in the
// studio's zone), formulas as their text. A billing day writes tens of thousands of rows holding a few
// distinct dates, so each date's moment is worked out once per write.
import type { CellWrite } from '../sheets/port';
import { isSheetDate, isSheetDateTime, isSheetFormula } from '../sheets/port';
import type { ZoneCalendar } from './zonedDate';

export class SheetValues {
  private readonly midnights = new Map<string, Date>();

  constructor(private readonly cal: ZoneCalendar) {}

  /** One cell. Cells of one date share a Date (nothing changes a Date handed to setValues). */
  of(v: CellWrite): unknown {
    if (typeof v !== 'object' || v === null) return v;
    if (isSheetDate(v)) {
      let d = this.midnights.get(v.date);
      if (!d) this.midnights.set(v.date, (d = this.cal.midnight(v.date)));
      return d;
    }
    if (isSheetDateTime(v)) return this.cal.dateTime(v.dateTime);
    if (isSheetFormula(v)) return v.formula;
    return v;
  }

  /** Rows of cells, each padded with '' to `width`. */
  rows(rows: readonly (readonly CellWrite[])[], width: number): unknown[][] {
    const out: unknown[][] = new Array<unknown[]>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const cells: unknown[] = new Array<unknown>(width);
      for (let j = 0; j < width; j++) cells[j] = j < row.length ? this.of(row[j]!) : '';
      out[i] = cells;
    }
    return out;
  }
}
