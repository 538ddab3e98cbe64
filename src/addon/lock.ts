// One action at a time per document: IDs are handed out and rows appended under the document lock.
import { UserError } from '../sheets/errors';

const WAIT_MS = 30_000;

export function withDocumentLock<T>(fn: () => T): T {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  try {
    lock.waitLock(WAIT_MS);
  } catch {
    throw new UserError('Someone else is saving to this workbook right now. Try again in a moment.');
  }
  try {
    return fn();
  } finally {
    // Sheets batches writes: apply them before the next action can take the lock and read the tabs.
    try {
      SpreadsheetApp.flush();
    } finally {
      lock.releaseLock();
    }
  }
}
