// Billing day's upload file: one client whose details cannot go into it is left out, with the reason,
// and the file is written for the rest. Only the studio's own settings (or no client left) stop a file.
import { AbaError, type AbaBatch, type AbaProblem } from './abaTypes';
import { buildAbaFile } from './abaFile';
import { checkAbaBatch } from './abaValidate';
import { checkUserId } from './abaChecks';
import { buildDebitCsv, debitCsvProblems, type DebitCsvRow } from './debitCsv';

/** A debit left out of the file: its place in the batch given, and every reason, joined. */
export interface SkippedDebit {
  index: number;
  clientId: string;
  clientName: string;
  reason: string;
}

export interface UploadPlan {
  content: string;
  /** Places in the batch of the debits written, in order. */
  written: number[];
  skipped: SkippedDebit[];
  /** Not refusals: things the studio should check before uploading. */
  warnings: string[];
}

/** A bank's shared ID for uploading payment files through its business banking; not a debit user ID. */
export const SHARED_UPLOAD_USER_ID = '301500';

/** The warnings for a debit file's settings: today, a shared upload user ID where a debit one belongs. */
export function abaWarnings(batch: Pick<AbaBatch, 'header'>): string[] {
  const userId = checkUserId(batch.header?.userId, 'ABA User ID');
  if (userId.ok && userId.value === SHARED_UPLOAD_USER_ID)
    return [
      `ABA User ID ${SHARED_UPLOAD_USER_ID} is a bank's shared user ID for uploading payment files, not a direct debit user ID: the bank may refuse these debits. Put the debit user ID the bank issued the studio in Settings (ABA User ID).`,
    ];
  return [];
}

/** The debits with problems of their own, one entry each, in batch order. */
function skippedOf(problems: readonly AbaProblem[], count: number): SkippedDebit[] {
  const byDebit = new Map<number, AbaProblem[]>();
  for (const p of problems) {
    if (p.debit === undefined || p.debit < 0 || p.debit >= count) continue;
    byDebit.set(p.debit, [...(byDebit.get(p.debit) ?? []), p]);
  }
  return [...byDebit]
    .sort((a, b) => a[0] - b[0])
    .map(([index, list]) => ({
      index,
      clientId: list[0]?.clientId ?? '',
      clientName: list[0]?.clientName ?? '',
      reason: list.map((p) => p.reason ?? p.message).join('; '),
    }));
}

/**
 * Writes what can be written. Throws AbaError when the settings are wrong (every file would be) or
 * when no debit is left to write (listing every client's problems).
 */
function plan<T>(
  items: readonly T[],
  problems: readonly AbaProblem[],
  build: (kept: T[]) => string,
  warnings: string[],
): UploadPlan {
  const skipped = skippedOf(problems, items.length);
  const out = new Set(skipped.map((s) => s.index));
  const written = items.map((_, i) => i).filter((i) => !out.has(i));
  if (items.length > 0 && written.length === 0) throw new AbaError([...problems]);
  const content = build(written.map((i) => items[i]!));
  return { content, written, skipped, warnings };
}

/** The ABA file for the debits that pass every check; see `plan`. */
export function planAbaUpload(batch: AbaBatch): UploadPlan {
  const debits = Array.isArray(batch.debits) ? batch.debits : [];
  const { problems } = checkAbaBatch(batch);
  return plan(debits, problems, (kept) => buildAbaFile({ ...batch, debits: kept }), abaWarnings(batch));
}

/** The debit CSV for the rows that can go into it; see `plan`. */
export function planCsvUpload(rows: readonly DebitCsvRow[]): UploadPlan {
  return plan(rows, debitCsvProblems(rows), buildDebitCsv, []);
}
