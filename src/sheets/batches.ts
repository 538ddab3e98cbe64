// A debit batch's record, kept in document properties: when it was billed and where it stands, so
// payments are dated on the debit day even after the Process Billing tab has moved on.
import type { IsoDate } from '../core/calendar';
import type { Cents } from '../core/money';
import type { BatchStatus } from './tabs/processBilling';

export interface BatchRecord {
  batchId: string;
  billingDate: IsoDate;
  status: BatchStatus;
  format?: 'aba' | 'csv' | 'list';
  count?: number;
  total?: Cents;
}

export function batchKey(batchId: string): string {
  return `studioLedger.batch.${batchId}`;
}

export function readBatch(get: (key: string) => string | null, batchId: string): BatchRecord | null {
  const raw = get(batchKey(batchId));
  if (!raw) return null;
  try {
    return JSON.parse(raw) as BatchRecord;
  } catch {
    return null;
  }
}

export function writeBatch(set: (key: string, value: string) => void, batch: BatchRecord): void {
  set(batchKey(batch.batchId), JSON.stringify(batch));
}

/** The ABA User ID a bank refused (return code 8): debit files wait until Settings has another. */
export const REFUSED_USER_ID_KEY = 'studioLedger.refusedUserId';

export function readRefusedUserId(get: (key: string) => string | null): string | null {
  const v = get(REFUSED_USER_ID_KEY);
  return v ? v : null;
}
