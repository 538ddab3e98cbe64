// The Log tab: one row per action (when, what, details).
import { encode } from '../cells';
import type { RowCells } from '../changes';
import type { LogEntry } from '../records';

/** The Timestamp is a date-time value: text would be parsed by the spreadsheet's locale, or not at all. */
export function logCells(e: LogEntry): RowCells {
  return {
    Timestamp: encode.dateTime(e.timestamp),
    Action: encode.text(e.action),
    Details: encode.text(e.details),
  };
}
