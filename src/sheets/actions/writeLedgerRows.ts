// The write of an action that changes invoices in place and appends Payments rows (a desk payment, a refund).
import type { LedgerTx } from '../ledgerTx';
import type { Invoice, Payment } from '../records';
import { invoiceCells } from '../tabs/invoices';
import { paymentCells } from '../tabs/payments';

export function writeLedgerRows(
  tx: LedgerTx,
  plan: { invoices: readonly Invoice[]; payments: readonly Payment[] },
): void {
  for (const inv of plan.invoices) tx.update('invoices', inv.row!, invoiceCells(inv));
  for (const p of plan.payments) tx.append('payments', paymentCells(p));
}
