// The provider's own ID of a payment, kept in the Payments tab's Provider Ref column (never split out of
// text): Ezidebit's PaymentID, Debitsuccess's DocketNo, a mapped report's payment ID. A bank's ABA return
// has none of its own: its batch and the record's lodgement reference stand for it.
import type { ReportRow, ReportShape } from '../reports/types';

export function providerRefOf(shape: ReportShape, row: ReportRow, batchId: string | null): string {
  if (shape === 'aba-return') {
    const lodgement = row.references[0] ?? '';
    return batchId && lodgement ? `${batchId} ${lodgement}` : '';
  }
  return row.providerRef ?? '';
}
