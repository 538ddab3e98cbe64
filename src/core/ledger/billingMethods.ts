// What each billing method (and client status) means for a debit.
import type { BillingMethod, Client } from './records';

/** Clients whose debits go into the ABA or CSV file the studio uploads. */
export const sendsDebitFile = (m: string): boolean =>
  m === 'DD Full Integration' || m === 'DD Partial Integration';
/** The DD company debits on its own schedule; the studio marks the list paid and reconciles its report. */
export const isReconciliation = (m: string): boolean => m === 'DD Reconciliation';
/** Reminded only: pays at the desk. */
export const isManual = (m: string): boolean => m === 'Manual' || !m;
export const isDirectDebit = (m: BillingMethod | string): boolean => sendsDebitFile(m) || isReconciliation(m);

/** Why a client is not debited on billing day, or null when they may be. */
export function debitBlock(
  c: Pick<Client, 'status' | 'bsb' | 'accountNumber' | 'declinedBsb' | 'declinedAccount'>,
): string | null {
  const status = c.status.trim();
  if (status === 'Inactive') return 'Inactive';
  if (status === 'DD stopped')
    return 'DD stopped: the bank said the authority is gone; set the client back to Active to debit again';
  if (status === 'Update bank details' && !bankDetailsChanged(c))
    return 'Update bank details: the bank refused these details; change BSB or Account Number';
  return null;
}

/** The details differ from those the bank refused (so a "fix details" hold lifts by itself). */
export function bankDetailsChanged(
  c: Pick<Client, 'bsb' | 'accountNumber' | 'declinedBsb' | 'declinedAccount'>,
): boolean {
  if (c.declinedBsb === undefined && c.declinedAccount === undefined) return false;
  const norm = (s: string | undefined) => (s ?? '').replace(/[\s-]/g, '');
  return norm(c.bsb) !== norm(c.declinedBsb) || norm(c.accountNumber) !== norm(c.declinedAccount);
}
