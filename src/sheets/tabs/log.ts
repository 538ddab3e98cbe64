import { encode } from '../cells';
import type { RowCells } from '../changes';
import type { LogEntry } from '../records';

export function logCells(e: LogEntry): RowCells {
  return {
    Timestamp: encode.text(e.timestamp),
    Action: encode.text(e.action),
    Details: encode.text(e.details),
  };
}
