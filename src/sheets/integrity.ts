// Checks what an action read before it plans anything: a repeated ID, an invoice whose client is not its
// sale's, a DD Reference two clients share. The first problem is refused as one line naming tab, row and
// column; nothing is written.
import { checkLedger, problemLine, type LedgerRecords } from '../core/ledger/integrity';
import { UserError } from './errors';

export function assertLedgerSound(records: LedgerRecords): void {
  const line = problemLine(checkLedger(records));
  if (line) throw new UserError(line);
}
