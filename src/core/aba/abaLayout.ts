// The ABA (Cemtex / APCA Direct Entry) record layouts, 1-based inclusive positions, as published.
// One table per record type drives both the writer and the readers, so they cannot disagree.

/** [first, last] character positions, 1-based and inclusive, as the layout is published. */
export type Span = readonly [first: number, last: number];
export type Layout = Readonly<Record<string, Span>>;

export const RECORD_LENGTH = 120;
export const EOL = '\r\n';

export const HEADER_LAYOUT = {
  type: [1, 1],
  blank1: [2, 18],
  reel: [19, 20],
  bank: [21, 23],
  blank2: [24, 30],
  userName: [31, 56],
  userId: [57, 62],
  description: [63, 74],
  processingDate: [75, 80],
  blank3: [81, 120],
} as const satisfies Layout;

export const DETAIL_LAYOUT = {
  type: [1, 1],
  bsb: [2, 8],
  accountNumber: [9, 17],
  indicator: [18, 18],
  transactionCode: [19, 20],
  amount: [21, 30],
  accountTitle: [31, 62],
  lodgementReference: [63, 80],
  traceBsb: [81, 87],
  traceAccount: [88, 96],
  remitter: [97, 112],
  withholdingTax: [113, 120],
} as const satisfies Layout;

/** A bank's return record: a detail record with the return code where the indicator was. */
export const RETURN_LAYOUT = {
  type: [1, 1],
  bsb: [2, 8],
  accountNumber: [9, 17],
  returnCode: [18, 18],
  transactionCode: [19, 20],
  amount: [21, 30],
  accountTitle: [31, 62],
  lodgementReference: [63, 80],
  traceBsb: [81, 87],
  traceAccount: [88, 96],
  remitter: [97, 112],
  originalDay: [113, 114],
  originalUserId: [115, 120],
} as const satisfies Layout;

export const TOTAL_LAYOUT = {
  type: [1, 1],
  bsb: [2, 8],
  blank1: [9, 20],
  net: [21, 30],
  credit: [31, 40],
  debit: [41, 50],
  blank2: [51, 74],
  count: [75, 80],
  blank3: [81, 120],
} as const satisfies Layout;

export const width = ([first, last]: Span): number => last - first + 1;

/** The characters at a span of a record. */
export const slice = (record: string, [first, last]: Span): string => record.slice(first - 1, last);

/**
 * Joins already-padded field values into one record. A value of the wrong width is a bug in the
 * writer, not bad input (input is validated before this), so it throws a plain Error.
 */
export function compose<L extends Layout>(layout: L, values: { readonly [K in keyof L]: string }): string {
  const fields = (Object.keys(layout) as (keyof L & string)[])
    .map((name) => ({ name, span: layout[name] as Span, value: values[name] }))
    .sort((a, b) => a.span[0] - b.span[0]);
  let record = '';
  for (const { name, span, value } of fields) {
    if (span[0] !== record.length + 1 || value.length !== width(span)) {
      throw new Error(
        `ABA writer bug: field ${name} "${value}" does not fill positions ${span[0]}-${span[1]}`,
      );
    }
    record += value;
  }
  if (record.length !== RECORD_LENGTH) throw new Error(`ABA writer bug: record is ${record.length} long`);
  return record;
}
