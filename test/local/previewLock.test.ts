// The preview server holds the workbook file's lock around each request, as a CLI command does: while
// another command holds it, a call is refused with the reason (503) and the file is left as it was.
// Needs dist/ (node build.mjs).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/local/preview';
import { withWorkbookLock } from '../../src/local/workbookLock';
import { tab } from './cliRun';
import { ok } from './cliStudio';

let preview: Preview | undefined;
afterEach(async () => {
  delete process.env.STUDIO_LEDGER_LOCK_WAIT_MS;
  await preview?.close();
  preview = undefined;
});

function call(p: Preview, fn: string, arg: unknown): Promise<Response> {
  return fetch(`${p.url}api/call`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ fn, args: [arg] }),
  });
}

describe('the preview server and the workbook lock', () => {
  it('waits for the lock around a call; refuses with the reason when it cannot get it', async () => {
    const W = join(mkdtempSync(join(tmpdir(), 'sl-plock-')), 'studio.xlsx');
    await ok(W, 'init', '--demo', '--today', '2016-09-09');
    preview = await startPreview({ workbook: W, today: '2016-09-12' });
    const p = preview;
    const before = readFileSync(W);
    process.env.STUDIO_LEDGER_LOCK_WAIT_MS = '200';
    const refused = await withWorkbookLock(W, () => call(p, 'addClient', { name: 'Busy Bea' }));
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { error: string }).error).toContain(
      `${W} is in use by another studio-ledger command`,
    );
    expect(readFileSync(W).equals(before)).toBe(true);

    const saved = await call(p, 'addClient', { name: 'Busy Bea' });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { ok: boolean }).ok).toBe(true);
    const clients = await tab(W, 'Clients');
    expect(clients.map((r) => r[clients[0]!.indexOf('Name')])).toContain('Busy Bea');
  });
});
