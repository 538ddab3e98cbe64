import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAbaFile } from '../../src/core/aba';
import { COMMANDS } from '../../src/local/cli/registry';
import { cli, tab } from './cliRun';

const dir = mkdtempSync(join(tmpdir(), 'studio-ledger-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('studio-ledger command line', () => {
  const W = join(dir, 'studio.xlsx');

  it('drives a cycle: init, sell, bill, export, mark-processed, mark-paid', async () => {
    expect((await cli('init', '--workbook', W, '--demo', '--today', '2016-09-09')).code).toBe(0);
    const sold = await cli(
      'sell',
      '--workbook',
      W,
      '--client',
      'C-0001',
      '--package',
      'PT10-5F',
      '--start',
      '2016-09-13',
      '--today',
      '2016-09-13',
    );
    expect(sold.code).toBe(0);
    expect(sold.out).toContain('INV-000005  2016-11-08  $220.00  10 x PT — 5 of 5');
    expect(
      (await cli('sell', '--workbook', W, '--client', 'C-0003', '--package', 'PT2W', '--today', '2016-09-13'))
        .code,
    ).toBe(0);

    const billed = await cli(
      'bill',
      '--workbook',
      W,
      '--date',
      '2016-09-16',
      '--today',
      '2016-09-16',
      '--json',
    );
    expect(billed.code).toBe(0);
    const run = JSON.parse(billed.out) as {
      batchId: string;
      rows: { clientId: string; amountDue: number }[];
    };
    expect(run.batchId).toBe('B-000001');
    expect(run.rows.map((r) => [r.clientId, r.amountDue])).toEqual([
      ['C-0001', 22000],
      ['C-0003', 16000],
    ]);

    const out = join(dir, 'b1.aba');
    const exported = await cli(
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
    expect(exported).toMatchObject({
      code: 0,
      // The demo studio's ABA User ID is 301500, a bank's shared upload ID: a warning, not a refusal.
      out:
        `B-000001: wrote ${out}, 1 debit(s), $220.00; 1 invoice(s) now Sent.\n` +
        "Warning: ABA User ID 301500 is a bank's shared user ID for uploading payment files, not a direct debit user ID: the bank may refuse these debits. Put the debit user ID the bank issued the studio in Settings (ABA User ID).",
    });
    const aba = parseAbaFile(readFileSync(out, 'latin1'));
    expect(aba.records.map((r) => [r.lodgementReference, r.amount, r.transactionCode])).toEqual([
      ['HPT-JANE', 22000, 13],
      ['PT DEBITS 160916', 22000, 50],
    ]);
    expect((await cli('mark-processed', '--workbook', W, '--today', '2016-09-19')).out).toBe(
      'B-000001 processed: 1 payment(s) from 1 client(s), $220.00, dated 2016-09-16.',
    );
    expect((await cli('mark-paid', '--workbook', W, '--today', '2016-09-19')).out).toBe(
      'B-000001: list marked paid, 1 payment(s) from 1 client(s), $160.00, dated 2016-09-16.',
    );
    const invoices = await tab(W, 'Invoices');
    expect(invoices[1]!.slice(0, 10)).toEqual([
      'INV-000001',
      'S-000001',
      'C-0001',
      '10 x PT — 1 of 5',
      '1',
      '13/09/2016',
      '$220.00',
      '$220.00',
      'Paid',
      'B-000001',
    ]);
  });

  it('bad input: a one-line reason, a non-zero exit, and the workbook byte-for-byte unchanged', async () => {
    const before = readFileSync(W);
    const cases: [string[], number, RegExp][] = [
      [
        ['sell', '--workbook', W, '--client', 'C-0099', '--package', 'PT10'],
        1,
        /^studio-ledger sell: No client C-0099 on the Clients tab\.$/,
      ],
      [
        ['bill', '--workbook', W, '--date', '2016-02-30'],
        1,
        /^studio-ledger bill: Billing date: Not a date: "2016-02-30", expected YYYY-MM-DD$/,
      ],
      [
        ['bill', '--workbook', W, '--date', '16/09/2016'],
        2,
        /^studio-ledger bill: --date 16\/09\/2016: dates are YYYY-MM-DD/,
      ],
      [['bill', '--workbook', W], 2, /^studio-ledger bill: --date is required/],
      [
        ['sell', '--workbook', W, '--client', 'C-0001', '--package', 'PT10', '--colour', 'red'],
        2,
        /^studio-ledger sell: Unknown option '--colour'/,
      ],
      [
        ['export', '--workbook', W, '--format', 'pdf', '--out', join(dir, 'x')],
        1,
        /^studio-ledger export: Format "pdf" is not aba or csv\.$/,
      ],
      [
        ['mark-processed', '--workbook', W],
        1,
        /^studio-ledger mark-processed: Batch B-000001 was marked processed already: none of its invoices is waiting as Sent\.$/,
      ],
      [['frobnicate'], 2, /^studio-ledger: unknown command "frobnicate"/],
    ];
    for (const [args, code, message] of cases) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.err.split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
      expect(readFileSync(W).equals(before), args.join(' ')).toBe(true);
    }
    expect(existsSync(join(dir, 'x'))).toBe(false);
    expect(
      (await cli('sell', '--workbook', join(dir, 'none.xlsx'), '--client', 'C-0001', '--package', 'PT10'))
        .code,
    ).toBe(2);
    expect(existsSync(join(dir, 'none.xlsx'))).toBe(false);
  });

  it('has --help for every command', async () => {
    const top = await cli('--help');
    expect(top.code).toBe(0);
    for (const c of COMMANDS) {
      expect(top.out).toContain(c.name);
      const h = await cli(c.name, '--help');
      expect(h.code).toBe(0);
      expect(h.out).toContain(`Usage: studio-ledger ${c.name}`);
      expect(h.out).toContain('--workbook W.xlsx');
      expect(h.out).toContain('--today YYYY-MM-DD');
    }
  });
});
