// LockService timeouts as Apps Script treats them: a negative wait gets nothing, even on a free lock.
import { describe, expect, it } from 'vitest';
import { createAppsScript } from '../../../src/local/gas';

describe('LockService with a negative timeout', () => {
  it('tryLock returns false and waitLock throws "Lock timeout", though nobody holds the lock', () => {
    const emu = createAppsScript();
    const { LockService } = emu.globals;
    const lock = LockService.getDocumentLock();
    expect(lock.tryLock(-1)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(-1000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    expect(lock.hasLock()).toBe(false);
    // The same lock with a zero wait is free to take.
    expect(lock.tryLock(0)).toBe(true);
  });
});

describe('flushing before a lock is released', () => {
  it('counts a release that leaves writes pending, and not one after SpreadsheetApp.flush()', () => {
    const emu = createAppsScript();
    const { LockService, SpreadsheetApp } = emu.globals;
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    const lock = LockService.getDocumentLock();
    lock.waitLock(1000);
    sheet.getRange('A1').setValue('written');
    lock.releaseLock();
    expect(emu.unflushedReleases).toBe(1);

    lock.waitLock(1000);
    sheet.getRange('A2').setValue('written');
    SpreadsheetApp.flush();
    sheet.getRange('A2').getValue();
    lock.releaseLock();
    expect(emu.unflushedReleases).toBe(1);
  });
});
