// The workbook file's own lock: commands run at the same time as real processes each save their change
// (none lost, no ID twice), and a command that cannot get the lock exits 1 leaving the file as it was.
// Needs dist/ (node build.mjs).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withWorkbookLock } from '../../src/local/workbookLock';
import { tab } from './cliRun';
import { ok } from './cliStudio';

const BIN = join(process.cwd(), 'bin', 'studio-ledger.mjs');

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, out, err }));
  });
}

function column(rows: string[][], header: string): string[] {
  const at = rows[0]!.indexOf(header);
  return rows.slice(1).map((r) => r[at]!);
}

describe('the local runner locks the workbook file', () => {
  it('parallel commands as separate processes: every success is in the workbook, no ID repeats', async () => {
    const W = join(mkdtempSync(join(tmpdir(), 'sl-lock-')), 'studio.xlsx');
    await ok(W, 'init', '--demo', '--today', '2016-09-09');
    const names = ['Par One', 'Par Two', 'Par Three'];
    // The wait is longer here than the 30 s default, so a slow machine only slows the test down.
    const patient = { STUDIO_LEDGER_LOCK_WAIT_MS: '100000' };
    const jobs = [
      ...names.map((name) =>
        run(['add-client', '--workbook', W, '--name', name, '--today', '2016-09-12', '--json'], patient),
      ),
      ...['Towel', 'Shaker'].map((description) =>
        run(
          [
            'ad-hoc',
            '--workbook',
            W,
            '--client',
            'C-0001',
            '--description',
            description,
            '--amount',
            '12.50',
            '--due',
            '2016-09-20',
            '--today',
            '2016-09-12',
            '--json',
          ],
          patient,
        ),
      ),
    ];
    const runs = await Promise.all(jobs);
    for (const r of runs) expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });

    const clients = runs.slice(0, names.length).map((r) => JSON.parse(r.out) as { id: string; name: string });
    const invoices = runs.slice(names.length).map((r) => JSON.parse(r.out) as { id: string });
    const clientRows = await tab(W, 'Clients');
    const ids = column(clientRows, 'Client ID');
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of clients) {
      const row = clientRows.find((r) => r[clientRows[0]!.indexOf('Client ID')] === c.id);
      expect(row?.[clientRows[0]!.indexOf('Name')]).toBe(c.name);
    }
    expect(clients.map((c) => c.name).sort()).toEqual([...names].sort());

    const invoiceIds = column(await tab(W, 'Invoices'), 'Invoice ID');
    expect(new Set(invoiceIds).size).toBe(invoiceIds.length);
    for (const i of invoices) expect(invoiceIds).toContain(i.id);
    expect(new Set(invoices.map((i) => i.id)).size).toBe(2);
  }, 120_000);

  it('a command that cannot get the lock in time exits 1, names the workbook and writes nothing', async () => {
    const W = join(mkdtempSync(join(tmpdir(), 'sl-lock-')), 'studio.xlsx');
    await ok(W, 'init', '--demo', '--today', '2016-09-09');
    const before = readFileSync(W);
    const r = await withWorkbookLock(W, () =>
      run(['add-client', '--workbook', W, '--name', 'Late Larry', '--today', '2016-09-12'], {
        STUDIO_LEDGER_LOCK_WAIT_MS: '200',
      }),
    );
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(`studio-ledger add-client: ${W} is in use by another studio-ledger command`);
    expect(readFileSync(W).equals(before)).toBe(true);

    // Once the holder is done, the same command goes through.
    const again = await run(['add-client', '--workbook', W, '--name', 'Late Larry', '--today', '2016-09-12']);
    expect(again.code).toBe(0);
    expect(column(await tab(W, 'Clients'), 'Name')).toContain('Late Larry');
  }, 60_000);
});
