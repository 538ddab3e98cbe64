// Cancelling a package from a date: what happens to each of its invoices and allocations.
import { compareDates, type IsoDate } from '../calendar';
import type { InvoiceStatus } from '../billing/invoiceState';
import type { Cents } from '../money';

export type CancelOutcome =
  /** Due on or after the date and nothing paid: becomes Cancelled. */
  | 'cancel'
  /** Due before the date: stays due (the client owes it). */
  | 'stays due'
  /** Due after the date but paid in advance: kept; a refund is the studio's decision. */
  | 'paid ahead'
  /** Due after the date, part paid: kept with its balance; the studio decides. */
  | 'part paid'
  /** In a debit batch that was sent: kept until the batch is processed or declined. */
  | 'in a sent batch'
  | 'cancelled already';

export interface CancellableInvoice {
  dueDate: IsoDate;
  status: InvoiceStatus;
  paid: Cents;
}

export function cancelOutcome(inv: CancellableInvoice, from: IsoDate): CancelOutcome {
  if (inv.status === 'Cancelled') return 'cancelled already';
  if (compareDates(inv.dueDate, from) < 0) return 'stays due';
  if (inv.status === 'Sent') return 'in a sent batch';
  if (inv.status === 'Paid') return 'paid ahead';
  if (inv.paid > 0) return 'part paid';
  return 'cancel';
}

/** Allocations dated on or after the cancellation date are withdrawn (recurring lots made ahead). */
export function allocationWithdrawn(a: { date: IsoDate }, from: IsoDate): boolean {
  return compareDates(a.date, from) >= 0;
}
