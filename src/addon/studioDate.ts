// The studio's calendar date of a moment, for report date-times that carry a zone (2019-11-17T21:30:00Z):
// the report reader in core has no zones, so the add-in hands it this, in the spreadsheet's zone.
import type { IsoDate } from '../core/calendar';

export function studioDateOf(timeZone: string): (epochMs: number) => IsoDate {
  return (epochMs) => Utilities.formatDate(new Date(epochMs), timeZone, 'yyyy-MM-dd');
}
