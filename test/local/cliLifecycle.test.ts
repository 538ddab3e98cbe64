// The lifecycle commands of studio-ledger on a real .xlsx: outstanding, sessions, pause, cancel, upkeep.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tab } from './cliRun';

const dir = mkdtempSync(join(tmpdir(), 'studio-ledger-lifecycle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('studio-ledger lifecycle commands', () => {
  const W = join(dir, 'studio.xlsx');

  it('outstanding, sessions, pause, cancel and upkeep on a workbook', async () => {
    expect((await cli('init', '--workbook', W, '--demo', '--today', '2016-09-09')).code).toBe(0);
    // C-0004 Sam (Manual) buys 10 PT for $500, due the day of the sale; C-0003 Alex buys the recurring package.
    for (const [client, pkg] of [
      ['C-0004', 'PT10'],
      ['C-0003', 'PT2W'],
      ['C-0001', 'PT10-5F'],
    ])
      expect(
        (await cli('sell', '--workbook', W, '--client', client!, '--package', pkg!, '--today', '2016-09-13'))
          .code,
      ).toBe(0);

    const none = await cli('outstanding', '--workbook', W, '--date', '2016-09-13', '--today', '2016-09-13');
    expect(none).toMatchObject({ code: 0, out: 'Nobody has an overdue invoice on 2016-09-13.' });
    const json = await cli(
      'outstanding',
      '--workbook',
      W,
      '--date',
      '2016-09-20',
      '--json',
      '--today',
      '2016-09-20',
    );
    expect(json.code).toBe(0);
    const list = JSON.parse(json.out) as {
      total: number;
      clients: { clientId: string; owed: number; daysOverdue: number }[];
    };
    expect(list.total).toBe(50000 + 16000 + 22000);
    expect(list.clients.map((c) => [c.clientId, c.owed, c.daysOverdue])).toEqual([
      ['C-0004', 50000, 7],
      ['C-0001', 22000, 4],
      ['C-0003', 16000, 4],
    ]);
    const text = await cli('outstanding', '--workbook', W, '--date', '2016-09-20', '--today', '2016-09-20');
    expect(text.out.split('\n')[0]).toBe('3 clients have overdue invoices ($880.00) on 2016-09-20.');
    expect(text.out).toContain('C-0004  Sam Lee       Manual');
    const outstanding = await tab(W, 'Outstanding');
    expect(outstanding[0]!.slice(0, 6)).toEqual([
      'As Of',
      '20/09/2016',
      'Clients',
      '3',
      'Total Owed',
      '$880.00',
    ]);
    expect(outstanding[3]!.slice(0, 8)).toEqual([
      'C-0004',
      'Sam Lee',
      'Manual',
      '1',
      'INV-000001',
      '$500.00',
      '13/09/2016',
      '7',
    ]);

    const used = await cli(
      'sessions',
      '--workbook',
      W,
      '--client',
      'C-0004',
      '--sessions',
      '3',
      '--today',
      '2016-09-20',
    );
    expect(used.code).toBe(0);
    expect(used.out).toBe(
      [
        'Sam Lee (C-0004): 3 session(s) on 2016-09-20 (3 from S-000001); 7 left.',
        'Warning: Sam Lee has 1 overdue invoice ($500.00), the oldest due 2016-09-13.',
      ].join('\n'),
    );
    expect((await tab(W, 'Attendance')).slice(1)).toEqual([['20/09/2016', 'C-0004', '3', 'S-000001']]);

    const paused = await cli(
      'pause',
      '--workbook',
      W,
      '--sale',
      'S-000003',
      '--from',
      '2016-09-20',
      '--to',
      '2016-10-02',
      '--today',
      '2016-09-20',
    );
    expect(paused.code).toBe(0);
    expect(paused.out).toContain('INV-000004  2016-09-30  2016-10-14  $220.00');
    const bad = await cli(
      'pause',
      '--workbook',
      W,
      '--sale',
      'S-000001',
      '--from',
      '2016-10-01',
      '--to',
      '2016-10-14',
      '--today',
      '2016-09-20',
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^studio-ledger pause: S-000001 is paid in full/);

    const cancelled = await cli(
      'cancel',
      '--workbook',
      W,
      '--sale',
      'S-000002',
      '--from',
      '2016-10-14',
      '--fee',
      '25',
      '--today',
      '2016-10-01',
    );
    expect(cancelled.code).toBe(0);
    expect(cancelled.out).toContain('S-000002 PT 2 a week for C-0003 cancelled from 2016-10-14');
    expect(cancelled.out).toContain('cancellation fee');

    const upkeep = await cli('upkeep', '--workbook', W, '--today', '2016-11-01', '--json');
    expect(upkeep.code).toBe(0);
    // Alex's cycles 2 (30 Sep) is made; 14 Oct and later are after the cancellation.
    expect(JSON.parse(upkeep.out)).toMatchObject({
      today: '2016-11-01',
      invoicesCreated: 1,
      allocationsCreated: 1,
    });
    const again = await cli('upkeep', '--workbook', W, '--today', '2016-11-01', '--json');
    expect(JSON.parse(again.out)).toMatchObject({ invoicesCreated: 0, allocationsCreated: 0 });

    const usage = await cli('outstanding', '--workbook', W);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('--date is required');
  });
});
