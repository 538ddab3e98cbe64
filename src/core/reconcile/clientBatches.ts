// A client's invoices and payments by the batch of their debit, for the rows of one report: a report
// holds each client once per cycle, and every row looks up its own batch. Made from the lists as they
// stand; whoever changes those lists makes a new one.
import { batchOfPayment } from '../ledger/debitStory';
import type { Invoice, Payment } from '../ledger/records';

const NONE: readonly never[] = [];

function byKey<T>(records: readonly T[], keyOf: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of records) {
    const key = keyOf(r);
    if (!key) continue;
    const list = out.get(key);
    if (list) list.push(r);
    else out.set(key, [r]);
  }
  return out;
}

export class ClientBatches {
  private readonly invoices: Map<string, Invoice[]>;
  private readonly payments: Map<string, Payment[]>;

  constructor(invoices: readonly Invoice[], payments: readonly Payment[]) {
    this.invoices = byKey(invoices, (i) => i.batchId);
    this.payments = byKey(payments, batchOfPayment);
  }

  /** The invoices whose Batch ID this is, in the order of the client's list. */
  invoicesOf(batchId: string): readonly Invoice[] {
    return this.invoices.get(batchId) ?? NONE;
  }

  /** The payments of this batch's debit (their Batch ID, or a Reference naming it), in list order. */
  paymentsOf(batchId: string): readonly Payment[] {
    return this.payments.get(batchId) ?? NONE;
  }
}
