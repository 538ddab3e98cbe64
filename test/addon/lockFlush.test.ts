// Every action flushes its writes before it lets go of the document lock, so the next action (another
// sidebar, the daily upkeep) never reads a tab Sheets has not applied yet.
import { describe, expect, it } from 'vitest';
import { loadAddin, records } from './harness';
import { ok, setUpStudio } from './studio';

describe('flush before unlock', () => {
  it('an action releases the document lock only after SpreadsheetApp.flush()', () => {
    const addin = loadAddin();
    setUpStudio(addin);
    expect(addin.emu.unflushedReleases).toBe(0);
    const c = ok<{ id: string }>(addin.run('addClient', { name: 'Pat Flush', today: '2016-09-09' }));
    expect(records(addin.tab('Clients')).at(-1)!['Client ID']).toBe(c.id);
    ok(addin.run('sellPackage', { clientId: c.id, packageCode: 'PT10', today: '2016-09-13' }));
    expect(addin.emu.unflushedReleases).toBe(0);
    expect(addin.emu.calls.byMethod()['SpreadsheetApp.flush']).toBeGreaterThanOrEqual(2);
  });

  it('a refused action flushes too (it wrote nothing, and still lets go cleanly)', () => {
    const addin = loadAddin();
    setUpStudio(addin);
    const r = addin.run<{ ok: boolean; error: string }>('sellPackage', {
      clientId: 'C-9999',
      packageCode: 'PT10',
      today: '2016-09-13',
    });
    expect(r.ok).toBe(false);
    expect(addin.emu.unflushedReleases).toBe(0);
  });
});
