// Each client's invoices and payments by batch, for the rows of one reconcile: made from the working
// ledger's lists on a client's first row and kept while those lists stand. Every change to a client's
// lists goes through the ledger's put functions, which note the client (listsChanged): a book is
// dropped when its client is noted, so a decline for one client keeps every other client's book.
import { ClientBatches, KeyNumbers } from '../../core/reconcile';
import type { DeclineLedger } from './declineLedger';

export class ReconcileBooks {
  private readonly books = new Map<string, ClientBatches>();
  /** One numbering of Batch IDs for every client's books. */
  private readonly keys = new KeyNumbers();
  /** How much of the ledger's listsChanged has been seen. */
  private seen: number;

  constructor(private readonly ledger: DeclineLedger) {
    this.seen = ledger.listsChanged.length;
  }

  of(clientId: string): ClientBatches {
    this.drop();
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

  /** Drops the books of the clients whose lists changed since the last look. */
  private drop(): void {
    const noted = this.ledger.listsChanged;
    for (; this.seen < noted.length; this.seen++) this.books.delete(noted[this.seen]!);
  }
}
