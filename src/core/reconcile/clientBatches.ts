// A client's invoices and payments by the batch of their debit, for the rows of one report: a report
// holds each client once per cycle, and every row looks up its own batch. Made from the lists as they
// stand; whoever changes those lists makes a new one.
import { batchOfPayment } from '../ledger/debitStory';
import type { Invoice, Payment } from '../ledger/records';

const NONE: readonly never[] = [];

/** A number for each key, shared by the ClientBatches of one reconcile: every client repeats the batches. */
export class KeyNumbers {
  private readonly numbers = new Map<string, number>();

  of(key: string): number {
    let n = this.numbers.get(key);
    if (n === undefined) this.numbers.set(key, (n = this.numbers.size));
    return n;
  }

  known(key: string): number | undefined {
    return this.numbers.get(key);
  }
}

/**
 * Records by key as one sorted array of numbers (key number, then place in the list), without a map or a
 * list per key: a client has a batch per cycle, a report asks for a few of them, and one list per batch
 * of every client was most of what a reconcile kept alive. A lookup makes only the list asked for.
 */
class Sorted<T> {
  private readonly codes: Float64Array;
  private readonly span: number;

  constructor(
    private readonly records: readonly T[],
    keyOf: (r: T) => string,
    private readonly keys: KeyNumbers,
  ) {
    this.span = records.length;
    const codes: number[] = [];
    for (let i = 0; i < records.length; i++) {
      const key = keyOf(records[i]!);
      if (key) codes.push(keys.of(key) * this.span + i);
    }
    // From the array as it is (Float64Array.from takes the iterator path: an object per element).
    this.codes = new Float64Array(codes).sort();
  }

  of(key: string): readonly T[] {
    const n = this.keys.known(key);
    if (n === undefined) return NONE;
    const { codes, span } = this;
    const from = n * span;
    let lo = 0;
    let hi = codes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (codes[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    if (lo === codes.length || codes[lo]! >= from + span) return NONE;
    const out: T[] = [];
    for (let k = lo; k < codes.length && codes[k]! < from + span; k++)
      out.push(this.records[codes[k]! - from]!);
    return out;
  }
}

const batchOfInvoice = (i: Invoice) => i.batchId;

export class ClientBatches {
  private readonly invoices: Sorted<Invoice>;
  private readonly payments: Sorted<Payment>;

  /** `keys` is shared by the books of one reconcile (each made for one client). */
  constructor(invoices: readonly Invoice[], payments: readonly Payment[], keys = new KeyNumbers()) {
    this.invoices = new Sorted(invoices, batchOfInvoice, keys);
    this.payments = new Sorted(payments, batchOfPayment, keys);
  }

  /** The invoices whose Batch ID this is, in the order of the client's list. */
  invoicesOf(batchId: string): readonly Invoice[] {
    return this.invoices.of(batchId);
  }

  /** The payments of this batch's debit (their Batch ID, or a Reference naming it), in list order. */
  paymentsOf(batchId: string): readonly Payment[] {
    return this.payments.of(batchId);
  }
}
