// Where an invoice stands, and what a payment or a decline does to it.
import type { Cents } from '../money';

export const INVOICE_STATUSES = ['Open', 'Sent', 'Part paid', 'Paid', 'Declined', 'Cancelled'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** Statuses that still want money: Process Billing collects them when due. */
export const COLLECTABLE: ReadonlySet<InvoiceStatus> = new Set(['Open', 'Part paid', 'Declined']);

/** The status an invoice settles into once `paid` of `amount` has been received. */
export function statusAfterPayment(amount: Cents, paid: Cents): InvoiceStatus {
  if (paid >= amount) return 'Paid';
  return paid > 0 ? 'Part paid' : 'Open';
}
