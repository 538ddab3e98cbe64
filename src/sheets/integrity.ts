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

export function assertLedgerSound(records: LedgerRecords): void {
  soundLedger(records);
}

/**
 * assertLedgerSound, giving each tab's records by ID as the check indexed them: with no ID repeated, a
 * plan looks invoices up there instead of indexing the same 155k rows again.
 */
export function soundLedger(records: LedgerRecords): LedgerById {
  const { problems, byId } = checkLedgerIndexed(records);
  const line = problemLine(problems);
  if (line) throw new UserError(line);
  return byId;
}
