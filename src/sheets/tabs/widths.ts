// Column widths set-up gives our columns, in pixels, so names, methods, dates and amounts read whole
// without anyone dragging a column edge. The same header gets the same width on every tab.
import type { ColumnSpec } from '../schema';

const BY_HEADER: Readonly<Record<string, number>> = {
  Setting: 190,
  Value: 230,
  Name: 180,
  Email: 220,
  Phone: 120,
  'Billing Method': 170,
  'DD Reference': 130,
  'Account Number': 130,
  'Account Name': 180,
  'Package Name': 160,
  Package: 160,
  Description: 240,
  'Invoice IDs': 200,
  Holds: 220,
  'Decline Reason': 200,
  'Last Decline Reason': 200,
  Reference: 220,
  'Report Status': 190,
  Outcome: 140,
  Note: 300,
  Key: 280,
  Timestamp: 165,
  Action: 170,
  Details: 600,
};

/** What a kind of value needs (a dd/mm/yyyy date, $12,345.00, a short code). */
const BY_KIND: Readonly<Record<NonNullable<ColumnSpec['format']>['kind'], number>> = {
  date: 100,
  datetime: 165,
  money: 110,
  integer: 80,
  text: 100,
  list: 120,
  checkbox: 70,
};
const PLAIN = 120;

/** The bold header must fit too: about 8 px a character plus the cell's padding. */
function headerWidth(header: string): number {
  return header.length * 8 + 20;
}

export function columnWidth(col: ColumnSpec): number {
  const want = BY_HEADER[col.header] ?? (col.format ? BY_KIND[col.format.kind] : PLAIN);
  return Math.max(want, headerWidth(col.header));
}
