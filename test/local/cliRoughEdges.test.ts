// The command line's rough edges on a real .xlsx: which batch mark-processed takes, bill off the cycle,
// sessions over the balance stated once, and typed dates that cannot be right refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tab } from './cliRun';

const dir = mkdtempSync(join(tmpdir(), 'studio-ledger-rough-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The demo studio (billing every second Friday from 16 Sep 2016) with Jane (C-0001) on 5 x $220. */
async function studio(name: string): Promise<(cmd: string, ...args: string[]) => ReturnType<typeof cli>> {
  const W = join(dir, `${name}.xlsx`);
  const run = (cmd: string, ...args: string[]) => cli(cmd, '--workbook', W, ...args);
  expect((await run('init', '--demo', '--today', '2016-09-09')).code).toBe(0);
  expect(
    (await run('sell', '--client', 'C-0001', '--package', 'PT10-5F', '--today', '2016-09-13')).code,
  ).toBe(0);
  return run;
}

const paymentRows = async (name: string) => (await tab(join(dir, `${name}.xlsx`), 'Payments')).slice(1);

describe('studio-ledger rough edges', () => {
  it('mark-processed with no --batch takes the batch Sent and waiting, not the newer draft', async () => {
    const run = await studio('waiting');
    expect((await run('bill', '--date', '2016-09-16', '--today', '2016-09-16')).code).toBe(0);
    const aba = join(dir, 'waiting-1.aba');
    expect((await run('export', '--format', 'aba', '--out', aba, '--today', '2016-09-16')).code).toBe(0);
    expect((await run('bill', '--date', '2016-09-30', '--today', '2016-09-29')).code).toBe(0);
    const r = await run('mark-processed', '--today', '2016-09-29');
    expect(r).toMatchObject({
      code: 0,
      out: 'B-000001 processed: 1 payment(s) from 1 client(s), $220.00, dated 2016-09-16.',
    });
    expect((await paymentRows('waiting')).map((p) => p.slice(0, 7))).toEqual([
      ['P-000001', '16/09/2016', 'C-0001', 'INV-000001', '$220.00', 'Direct debit', 'B-000001'],
    ]);
  });

  it('mark-processed with several batches waiting refuses and lists them; nothing is paid', async () => {
    const run = await studio('several');
    for (const d of ['2016-09-16', '2016-09-30']) {
      expect((await run('bill', '--date', d, '--today', d)).code).toBe(0);
      expect(
        (await run('export', '--format', 'aba', '--out', join(dir, `several-${d}.aba`), '--today', d)).code,
      ).toBe(0);
    }
    const r = await run('mark-processed', '--today', '2016-10-03');
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'studio-ledger mark-processed: 2 batches are Sent and waiting: B-000001 (billed 2016-09-16), B-000002 (billed 2016-09-30). Say which one to mark processed.',
    );
    expect(await paymentRows('several')).toEqual([]);
    expect((await run('mark-processed', '--batch', 'B-000002', '--today', '2016-10-03')).out).toBe(
      'B-000002 processed: 1 payment(s) from 1 client(s), $220.00, dated 2016-09-30.',
    );
  });

  it('bill on a day off the cycle warns, and bills', async () => {
    const run = await studio('offcycle');
    const r = await run('bill', '--date', '2016-09-21', '--today', '2016-09-21');
    expect(r.code).toBe(0);
    expect(r.out.split('\n\n').slice(0, 2)).toEqual([
      'B-000001 for 2016-09-21: 1 client(s) billed, $220.00 due, $220.00 to debit',
      "Warning: 2016-09-21 is not a billing day of the studio's fortnightly cycle (Settings, Billing Day 2016-09-16); the next is 2016-09-30.",
    ]);
    const on = await run('bill', '--date', '2016-09-30', '--today', '2016-09-30');
    expect(on.out).not.toContain('Warning');
  });

  it('sessions beyond the balance: one line says where the balance stands; warnings date YYYY-MM-DD', async () => {
    const run = await studio('sessions');
    const six = await run('sessions', '--client', 'C-0001', '--sessions', '6', '--today', '2016-09-14');
    expect(six.out).toBe('Jane Citizen (C-0001): 6 session(s) on 2016-09-14 (6 from S-000001); 4 left.');
    // Her first $220 fell due on 16 Sep and is unpaid on the 20th.
    const over = await run('sessions', '--client', 'C-0001', '--sessions', '5', '--today', '2016-09-20');
    expect(over).toMatchObject({ code: 0, err: '' });
    expect(over.out).toBe(
      [
        'Jane Citizen (C-0001): 5 session(s) on 2016-09-20 (5 from S-000001); 1 session over the balance (only 4 were left).',
        'Warning: Jane Citizen has 1 overdue invoice ($220.00), the oldest due 2016-09-16.',
      ].join('\n'),
    );
    expect((await tab(join(dir, 'sessions.xlsx'), 'Attendance')).slice(1)).toEqual([
      ['14/09/2016', 'C-0001', '6', 'S-000001'],
      ['20/09/2016', 'C-0001', '5', 'S-000001'],
    ]);
  });

  it('sessions in the future or before the sale are refused and nothing is recorded', async () => {
    const run = await studio('sessionDates');
    const later = await run(
      'sessions',
      '--client',
      'C-0001',
      '--sessions',
      '1',
      '--date',
      '2016-09-21',
      '--today',
      '2016-09-20',
    );
    expect(later).toMatchObject({
      code: 1,
      err: 'studio-ledger sessions: Date 2016-09-21 is after today (2016-09-20): record sessions once they are used.',
    });
    const early = await run(
      'sessions',
      '--client',
      'C-0001',
      '--sessions',
      '1',
      '--date',
      '2016-09-01',
      '--today',
      '2016-09-20',
    );
    expect(early).toMatchObject({
      code: 1,
      err: 'studio-ledger sessions: Date 2016-09-01 is before S-000001 was sold (2016-09-13), the package the sessions would come from: check the date, or pick the package.',
    });
    expect((await tab(join(dir, 'sessionDates.xlsx'), 'Attendance')).slice(1)).toEqual([]);
  });

  it('sale dates far from today, due dates after 2100 and declines before their debit are refused', async () => {
    const run = await studio('typos');
    const sell = (...args: string[]) =>
      run('sell', '--client', 'C-0004', '--package', 'PT10', '--today', '2016-09-20', ...args);
    expect((await sell('--sale-date', '2015-09-19')).err).toBe(
      'studio-ledger sell: Sale date 2015-09-19 is more than a year before today (2016-09-20): check the year.',
    );
    expect((await sell('--sale-date', '2016-11-20')).err).toBe(
      'studio-ledger sell: Sale date 2016-11-20 is more than 60 days after today (2016-09-20): check the year.',
    );
    expect((await sell('--due', '2916-09-20')).err).toBe(
      'studio-ledger sell: Due date 2916-09-20 is after 2100: check the year.',
    );
    expect((await tab(join(dir, 'typos.xlsx'), 'Sales')).slice(1)).toHaveLength(1);

    expect((await run('bill', '--date', '2016-09-16', '--today', '2016-09-16')).code).toBe(0);
    const aba = join(dir, 'typos.aba');
    expect((await run('export', '--format', 'aba', '--out', aba, '--today', '2016-09-16')).code).toBe(0);
    expect((await run('mark-processed', '--today', '2016-09-19')).code).toBe(0);
    const decline = await run(
      'decline',
      '--client',
      'C-0001',
      '--batch',
      'B-000001',
      '--date',
      '2016-09-15',
      '--today',
      '2016-09-20',
    );
    expect(decline).toMatchObject({
      code: 1,
      err: 'studio-ledger decline: Decline date 2016-09-15 is before batch B-000001 was debited (2016-09-16): check the date.',
    });
    expect(await paymentRows('typos')).toHaveLength(1);
  });
});
