// Each client's invoices and payments by batch, for the rows of one reconcile: made from the working
// ledger's lists on a client's first row and kept while those lists stand. A row that changes a client's
// records drops theirs; a decline (which may change any client's) drops them all.
import { ClientBatches, KeyNumbers } from '../../core/reconcile';
import type { DeclineLedger } from './declineLedger';

export class ReconcileBooks {
  private readonly books = new Map<string, ClientBatches>();
  /** One numbering of Batch IDs for every client's books. */
  private readonly keys = new KeyNumbers();

  constructor(private readonly ledger: DeclineLedger) {}

  of(clientId: string): ClientBatches {
    let b = this.books.get(clientId);
    if (!b) {
      b = new ClientBatches(
        this.ledger.invoicesOf.get(clientId) ?? [],
        this.ledger.paymentsOf.get(clientId) ?? [],
        this.keys,
      );
      this.books.set(clientId, b);
    }
    return b;
  }

  /** This client's lists changed. */
  changed(clientId: string): void {
    this.books.delete(clientId);
  }

  /** Any client's lists may have changed. */
  changedAll(): void {
    this.books.clear();
  }
}
