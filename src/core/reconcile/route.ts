// Which debit a declined (or negative) report row is about, and so which story it joins. A row whose
// Provider Ref names an earlier payment takes back that payment (the latest standing one); a negative
// amount with no such payment is never a payment, and neither is a row that fits several: a person checks
// them. Otherwise the decline is of the client's debit in its batch, or, with no batch, of the debit of its
// date.
import { addDays, type IsoDate } from '../calendar';
import { balanceOf } from '../ledger/invoiceState';
import type { Invoice } from '../ledger/records';
import type { Cents } from '../money';
import { BATCH_WINDOW_DAYS } from './identify';
import type { Receipts, StandingReceipt } from './standing';
import { debitOfDate } from './unbatched';

export type DeclineRoute =
  /** The debit story of (batch, client); `receipt` is the report's payment it takes back, if any. */
  | { via: 'debit'; clientId: string; batchId: string; receipt: StandingReceipt | null }
  /** The same story for a debit with no batch: the receipt taken back, or the unpaid invoices due again. */
  | { via: 'unbatched'; clientId: string; receipt: StandingReceipt | null; unpaid: string[] }
  /** Shown as To check: nothing is changed. */
  | { via: 'check'; clientId: string; note: string }
  | { via: 'already'; clientId: string; note: string }
  | { via: 'unmatched'; note: string };

export interface DeclineFacts {
  /** A 'reversal' (a negative amount marked paid) only ever takes back an earlier payment. */
  kind: 'declined' | 'reversal';
  providerRef: string;
  /** The receipts with this Provider Ref, whoever's they are. */
  byRef: Receipts;
  /** Who the row's references name, and the batch of its debit; null when they name none. */
  clientId: string | null;
  batchId: string | null;
  date: IsoDate;
  amount: Cents;
  /** Whether the row's date is the debit's own (else the line's, on or after the debit). */
  datedByDebit: boolean;
  /** The named client's standing receipts (from reports) and invoices, for a debit with no batch. */
  clientReceipts: () => StandingReceipt[];
  clientInvoices: () => readonly Invoice[];
}

const describe = (r: StandingReceipt) => `${r.clientId}'s of ${r.date}`;

export function routeDecline(f: DeclineFacts): DeclineRoute {
  const ref = f.providerRef;
  const named = f.clientId ?? '';
  if (ref) {
    const { standing, found } = f.byRef;
    if (standing.length > 1)
      return {
        via: 'check',
        clientId: named,
        note: `${standing.length} payments have Provider Ref ${ref} (${standing.map(describe).join(', ')}): check which one this row takes back`,
      };
    const [r] = standing;
    if (r) {
      if (f.clientId && f.clientId !== r.clientId)
        return {
          via: 'check',
          clientId: named,
          note: `Provider Ref ${ref} is the payment ${describe(r)}, but the row's reference names ${f.clientId}`,
        };
      return r.batchId
        ? { via: 'debit', clientId: r.clientId, batchId: r.batchId, receipt: r }
        : { via: 'unbatched', clientId: r.clientId, receipt: r, unpaid: [] };
    }
    if (found)
      return {
        via: 'already',
        clientId: named,
        note: `The payment with Provider Ref ${ref} was taken back already`,
      };
  }
  if (f.kind === 'reversal')
    return {
      via: 'check',
      clientId: named,
      note: ref
        ? `No standing payment has Provider Ref ${ref}: a negative amount is never a payment, check what it takes back`
        : 'A negative amount with no Provider Ref: never a payment, check what it takes back',
    };
  if (!f.clientId)
    return {
      via: 'unmatched',
      note: 'No invoice, client ID or DD reference matches, nor a client by name and amount',
    };
  if (f.batchId) return { via: 'debit', clientId: f.clientId, batchId: f.batchId, receipt: null };
  return byDate(f, f.clientId);
}

/** A debit with no batch: the receipt a report paid for it, else its unpaid invoices. */
function byDate(f: DeclineFacts, clientId: string): DeclineRoute {
  const earliest = addDays(f.date, -BATCH_WINDOW_DAYS);
  // A receipt of another Provider Ref is another debit; one dated by its line may be days before it.
  const fits = f
    .clientReceipts()
    .filter(
      (r) =>
        r.amount === f.amount &&
        (!f.providerRef || !r.providerRef || r.providerRef === f.providerRef) &&
        (f.datedByDebit ? r.date === f.date : r.date <= f.date && r.date >= earliest),
    )
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  if (f.datedByDebit && fits.length > 1)
    return {
      via: 'check',
      clientId,
      note: `${fits.length} payments of this amount on ${f.date}: check which one this row takes back`,
    };
  if (fits[0]) return { via: 'unbatched', clientId, receipt: fits[0], unpaid: [] };
  const debit = debitOfDate(f.clientInvoices(), f.date, f.amount);
  const unpaid = debit.filter((i) => i.paid === 0 && balanceOf(i) > 0 && i.status === 'Open');
  if (unpaid.length) return { via: 'unbatched', clientId, receipt: null, unpaid: unpaid.map((i) => i.id) };
  if (debit.some((i) => i.status === 'Declined' || i.status === 'Held'))
    return { via: 'already', clientId, note: `The debit of ${f.date} was declined already` };
  const none = f.providerRef
    ? `No payment has Provider Ref ${f.providerRef}, and `
    : 'No payment to take back, and ';
  return {
    via: 'check',
    clientId,
    note: debit.length
      ? `${none}the invoices of the debit of ${f.date} are paid: check what this row takes back`
      : `${none}no invoice of ${clientId} is near ${f.date}: check what this row is`,
  };
}
