// Checks what an action read before it plans anything: a repeated ID, an invoice whose client is not its
// sale's, a DD Reference two clients share. The first problem is refused as one line naming tab, row and
// column; nothing is written.
import {
  checkLedgerIndexed,
  problemLine,
  type LedgerById,
  type LedgerRecords,
} from '../core/ledger/integrity';
import { UserError } from './errors';
import type { LedgerTx } from './ledgerTx';

export function assertLedgerSound(records: LedgerRecords): void {
  soundLedger(records);
}

/**
 * assertLedgerSound, giving each tab's records by ID as the check indexed them: with no ID repeated, a
 * plan looks invoices up there instead of indexing the same 155k rows again.
 */
function soundLedger(records: LedgerRecords, opts: { batches?: boolean } = {}): LedgerById {
  const { problems, byId } = checkLedgerIndexed(records, opts);
  const line = problemLine(problems);
  if (line) throw new UserError(line);
  return byId;
}

/**
 * soundLedger over records read (every row) from the action's tabs, also handing the indexes to the
 * action's IDs: the highest Invoice, Batch, Payment, Receipt, Client and Sale ID then need no pass of their own.
 */
export function soundLedgerFor(tx: LedgerTx, records: LedgerRecords): LedgerById {
  const byId = soundLedger(records, { batches: true });
  const { clients, sales, invoices, payments } = records;
  if (byId.clients && clients) tx.knowIds('client', byId.clients, clients.length);
  if (byId.sales && sales) tx.knowIds('sale', byId.sales, sales.length);
  if (byId.invoices && invoices) tx.knowIds('invoice', byId.invoices, invoices.length);
  const batches = byId.batches;
  if (batches && invoices)
    tx.knowIds('batch', { numbered: () => null, texts: () => batches }, invoices.length);
  if (byId.payments && payments) tx.knowIds('payment', byId.payments, payments.length);
  if (byId.receipts && payments) tx.knowIds('receipt', byId.receipts, payments.length);
  return byId;
}
