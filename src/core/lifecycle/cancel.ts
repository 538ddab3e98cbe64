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

/**
 * Whether a cancellation withdraws an allocation (sets its Sessions to 0). A recurring lot goes with its
 * cycle's invoice (same sale, Instalment = Cycle): withdrawn when that invoice is cancelled now or was
 * cancelled already, kept while the invoice is kept (stays due, paid ahead, part paid, in a sent batch:
 * the client still pays for it). A lot without an invoice of its cycle, and the one allocation of an
 * instalment or paid-in-full sale (all its sessions, given at the sale), fall back to the date rule:
 * withdrawn when dated on or after the cancellation date, so sessions already given stay.
 */
export function allocationWithdrawn(
  a: { date: IsoDate; cycle: number | null },
  from: IsoDate,
  cycleOutcome?: CancelOutcome,
): boolean {
  if (a.cycle !== null && cycleOutcome !== undefined)
    return cycleOutcome === 'cancel' || cycleOutcome === 'cancelled already';
  return compareDates(a.date, from) >= 0;
}
