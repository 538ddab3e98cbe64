// What every server function starts from: the open spreadsheet as a port, and today's date in its zone.
import { parseIsoDate, type IsoDate } from '../core/calendar';
import { timestampInZone, todayInZone } from './zonedDate';
import { UserError } from '../sheets/errors';
import { keepingOverdueSummary } from '../sheets/overdueSummaryPort';
import type { WorkbookPort } from '../sheets/port';
import { SpreadsheetPort } from './spreadsheetPort';

/** Every request may fix "today" (the CLI's --today, tests); the sidebars leave it to the clock. */
export interface Request {
  today?: string;
}

export interface Context {
  /** The spreadsheet, keeping the overdue summary the opening toast reads as actions commit. */
  port: WorkbookPort;
  today: IsoDate;
  timestamp: () => string;
}

/** `ss`: the spreadsheet to work on (default the active one; a time trigger opens its own by ID). */
export function context(
  req: Request | undefined,
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
): Context {
  const sheets = new SpreadsheetPort(ss);
  const zone = sheets.timeZone();
  let today: IsoDate;
  try {
    today = req?.today ? parseIsoDate(req.today) : todayInZone(zone);
  } catch {
    throw new UserError(`"${req?.today}" is not a date; use YYYY-MM-DD.`, 'today');
  }
  // A replayed day (--today) logs that day, at the time of day it ran.
  return {
    port: keepingOverdueSummary(sheets, today, (line) => Logger.log(line)),
    today,
    timestamp: () => (req?.today ? `${today}${timestampInZone(zone).slice(10)}` : timestampInZone(zone)),
  };
}
