// What every server function starts from: the open spreadsheet as a port, and today's date in its zone.
import { parseIsoDate, type IsoDate } from '../core/calendar';
import { timestampInZone, todayInZone } from './zonedDate';
import { UserError } from '../sheets/errors';
import { SpreadsheetPort } from './spreadsheetPort';

/** Every request may fix "today" (the CLI's --today, tests); the sidebars leave it to the clock. */
export interface Request {
  today?: string;
}

export interface Context {
  port: SpreadsheetPort;
  today: IsoDate;
  timestamp: () => string;
}

export function context(req: Request | undefined): Context {
  const port = new SpreadsheetPort(SpreadsheetApp.getActiveSpreadsheet());
  const zone = port.timeZone();
  let today: IsoDate;
  try {
    today = req?.today ? parseIsoDate(req.today) : todayInZone(zone);
  } catch {
    throw new UserError(`"${req?.today}" is not a date; use YYYY-MM-DD.`, 'today');
  }
  // A replayed day (--today) logs that day, at the time of day it ran.
  return {
    port,
    today,
    timestamp: () => (req?.today ? `${today}${timestampInZone(zone).slice(10)}` : timestampInZone(zone)),
  };
}
