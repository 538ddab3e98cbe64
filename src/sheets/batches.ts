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
