// Exit codes as the README gives them: 0 done, 1 refused (a plain line, nothing written), 2 a bad
// command line. A missing folder, a folder for a file or the debit file aimed at the workbook is a
// refusal, never a system error naming a temporary file.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './cliRun';

const dir = mkdtempSync(join(tmpdir(), 'studio-ledger-exit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const W = join(dir, 'studio.xlsx');

/** A one-line refusal: no system error code, no temporary file, no stack. */
function plainLine(err: string): void {
  expect(err.split('\n')).toHaveLength(1);
  expect(err).not.toMatch(/ENOENT|EISDIR|\.tmp|\n\s+at /);
}

beforeAll(async () => {
  const steps = [
    ['init', '--workbook', W, '--demo', '--today', '2016-09-09'],
    ['sell', '--workbook', W, '--client', 'C-0001', '--package', 'PT10-5F', '--today', '2016-09-13'],
    ['bill', '--workbook', W, '--date', '2016-09-16', '--today', '2016-09-16'],
  ];
  for (const s of steps) expect((await cli(...s)).code, s.join(' ')).toBe(0);
});

describe('studio-ledger exit codes', () => {
  it('refuses a --workbook in a folder that does not exist (exit 1), for init and any other command', async () => {
    const missing = join(dir, 'no-such-folder', 'w.xlsx');
    for (const args of [
      ['init', '--workbook', missing],
      ['upkeep', '--workbook', missing],
    ]) {
      const r = await cli(...args);
      expect(r.code, args[0]).toBe(1);
      plainLine(r.err);
      expect(r.err).toBe(
        `studio-ledger ${args[0]}: No folder ${join(dir, 'no-such-folder')} for the workbook ${missing}.`,
      );
    }
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });

  it('refuses a workbook that is a folder or no .xlsx file (exit 1)', async () => {
    const folder = join(dir, 'folder.xlsx');
    mkdirSync(folder);
    const notXlsx = join(dir, 'notes.xlsx');
    writeFileSync(notXlsx, 'not a workbook');
    const a = await cli('upkeep', '--workbook', folder);
    expect(a.code).toBe(1);
    expect(a.err).toBe(`studio-ledger upkeep: The workbook ${folder} is a folder, not a file.`);
    const b = await cli('upkeep', '--workbook', notXlsx);
    expect(b.code).toBe(1);
    expect(b.err).toBe(
      `studio-ledger upkeep: Cannot read ${notXlsx} as an .xlsx workbook: it is not an .xlsx file.`,
    );
    expect(readFileSync(notXlsx, 'utf8')).toBe('not a workbook');
  });

  it('refuses --out in a missing folder, a folder, or the workbook itself; the workbook stays as it was', async () => {
    const before = readFileSync(W);
    const link = join(dir, 'link.xlsx');
    symlinkSync(W, link);
    const cases: [string, string][] = [
      [join(dir, 'gone', 'b.aba'), `No folder ${join(dir, 'gone')} for --out ${join(dir, 'gone', 'b.aba')}.`],
      [dir, `--out ${dir} is a folder, not a file.`],
      [W, `--out ${W} is the workbook itself; write the debit file to another file.`],
      [link, `--out ${link} is the workbook itself; write the debit file to another file.`],
    ];
    for (const [out, message] of cases) {
      const r = await cli(
        'export',
        '--workbook',
        W,
        '--format',
        'aba',
        '--out',
        out,
        '--today',
        '2016-09-16',
      );
      expect(r.code, out).toBe(1);
      plainLine(r.err);
      expect(r.err).toBe(`studio-ledger export: ${message}`);
      expect(readFileSync(W).equals(before), out).toBe(true);
    }
    // The same export to a proper file works, and the workbook is still a workbook.
    const ok = await cli(
      'export',
      '--workbook',
      W,
      '--format',
      'aba',
      '--out',
      join(dir, 'b1.aba'),
      '--today',
      '2016-09-16',
    );
    expect(ok.code).toBe(0);
    expect(readFileSync(join(dir, 'b1.aba'), 'latin1')).toMatch(/^0 /);
  });

  it('names --today when it is no date (exit 2), before anything is read or written', async () => {
    const before = readFileSync(W);
    for (const bad of ['2016-02-30', '2016-13-01', 'soon']) {
      const r = await cli('upkeep', '--workbook', W, '--today', bad);
      expect(r.code, bad).toBe(2);
      plainLine(r.err);
      expect(r.err).toMatch(new RegExp(`^studio-ledger upkeep: --today ${bad}: `));
    }
    const created = join(dir, 'new.xlsx');
    expect((await cli('init', '--workbook', created, '--today', '2016-02-30')).code).toBe(2);
    expect(existsSync(created)).toBe(false);
    expect(readFileSync(W).equals(before)).toBe(true);
  });

  it('with --json, a refusal is {"ok":false,"error":...} on stdout and the line on stderr', async () => {
    const r = await cli('sell', '--workbook', W, '--client', 'C-0099', '--package', 'PT10', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({ ok: false, error: 'No client C-0099 on the Clients tab.' });
    expect(r.err).toBe('studio-ledger sell: No client C-0099 on the Clients tab.');
    const files = await cli('upkeep', '--workbook', join(dir, 'nope', 'w.xlsx'), '--json');
    expect(files.code).toBe(1);
    expect(JSON.parse(files.out)).toEqual({
      ok: false,
      error: `No folder ${join(dir, 'nope')} for the workbook ${join(dir, 'nope', 'w.xlsx')}.`,
    });
  });
});
