// Writing off: the studio gives up collecting an invoice's balance. The move itself is the state machine's
// (writeOffInvoice, undoWriteOff); this file adds what goes with it: the reason and date, the refusal for an
// invoice whose debit is with the bank, and the status an undo gives from today's facts.
import type { IsoDate } from '../calendar';
import type { Cents } from '../money';
import { balanceOf, isRefusal, undoWriteOff, writeOffInvoice, type Refusal } from './invoiceState';
import type { Invoice } from './records';

export interface WriteOffEvent {
  reason: string;
  date: IsoDate;
}

/** The invoice written off with its reason and date; refused while its debit is with the bank. */
export function writeOff<T extends Invoice>(inv: T, e: WriteOffEvent): T | Refusal {
  if (inv.status === 'Sent')
    return {
      refused: true,
      code: 'not-allowed',
      message: `${inv.id} is in batch ${inv.batchId || '(no batch)'}, sent to the bank: write it off once that batch is processed or declined.`,
    };
  const next = writeOffInvoice(inv);
  if (isRefusal(next)) return next;
  return { ...inv, ...next, writeOffReason: e.reason, writeOffDate: e.date };
}

/**
 * Whether an undo puts the invoice back on hold: it was declined, and the client still waits on a person
 * (another of their invoices is Held). Once the client was released, it is due again like the rest.
 */
export function stillHeld(inv: Invoice, clientInvoices: readonly Invoice[]): boolean {
  if (!inv.declineReason) return false;
  return clientInvoices.some((i) => i.id !== inv.id && i.clientId === inv.clientId && i.status === 'Held');
}

/** The write-off undone: the status today's facts give, the reason and date cleared (blank cells). */
export function restore<T extends Invoice>(inv: T, clientInvoices: readonly Invoice[]): T | Refusal {
  const next = undoWriteOff(inv, stillHeld(inv, clientInvoices));
  if (isRefusal(next)) return next;
  return { ...inv, ...next, writeOffReason: '', writeOffDate: null };
}

/** What a write-off gave up: a Written off invoice's balance (0 for any other). */
export function writtenOffAmount(inv: Pick<Invoice, 'status' | 'amount' | 'paid'>): Cents {
  return inv.status === 'Written off' ? Math.max(0, balanceOf(inv)) : 0;
}

/**
 * The Reason on a credit row of money that arrived for a written-off invoice: every receipt skips a
 * written-off invoice (its balance is not owed), so the money is the client's credit, shown as recovered.
 */
export function recoveredReason(invoiceId: string): string {
  return `Recovered: ${invoiceId} was written off`;
}

export function isRecovered(p: { invoiceId: string; reason?: string }): boolean {
  return !p.invoiceId && /^Recovered: /.test(p.reason ?? '');
}
