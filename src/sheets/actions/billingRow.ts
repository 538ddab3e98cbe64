// Editing one client's line on the Process Billing tab from the sidebar (the same as editing the tab).
import { UserError } from '../errors';
import type { LedgerTx } from '../ledgerTx';
import { readBillingSheet, renderBillingSheet, type BillingSheet } from '../tabs/processBilling';
import { moneyField, textField } from './fields';

export interface BillingRowEdit {
  clientId: string;
  include?: boolean;
  amountToDebit?: string | number;
}

export function planBillingRowEdit(tx: LedgerTx, edit: BillingRowEdit): BillingSheet {
  const sheet = readBillingSheet(tx.table('processBilling'));
  if (sheet.status !== 'Draft')
    throw new UserError(
      `Batch ${sheet.batchId || '(none)'} is ${sheet.status ?? 'not started'}; only a draft list can be changed.`,
    );
  const clientId = textField(edit.clientId, 'clientId', 'Client', { required: true });
  const row = sheet.rows.find((r) => r.clientId === clientId);
  if (!row) throw new UserError(`${clientId} is not on the Process Billing list.`, 'clientId');
  if (edit.include !== undefined) row.include = edit.include === true;
  if (edit.amountToDebit !== undefined) {
    const amount = moneyField(edit.amountToDebit, 'amountToDebit', 'Amount to debit');
    if (amount > row.amountDue)
      throw new UserError(
        `Amount to debit cannot be more than the amount due for ${row.name}.`,
        'amountToDebit',
      );
    row.amountToDebit = amount;
  }
  return sheet;
}

export function writeBillingRowEdit(tx: LedgerTx, sheet: BillingSheet): void {
  tx.rewrite('processBilling', renderBillingSheet(sheet));
}
