// Telling the DD company on a real .xlsx through the command line: Reconciliation clients' schedules are
// marked notified, then a pause, a cancel, a new sale and a desk payment; dd-changes shows exactly what
// moved, to the day and cent, beside the notified schedule; the notices sit on a hidden tab.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppsScript } from '../../src/local/gas';
import { loadIntoEmulation } from '../../src/local/xlsx';
import { tab } from './cliRun';
import { ok } from './cliStudio';

const dir = mkdtempSync(join(tmpdir(), 'studio-ledger-dd-changes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Listed {
  clientId: string;
  changes: { kind: string; note: string }[];
  lines: {
    oldDate: string | null;
    oldAmount: number | null;
    newDate: string | null;
    newAmount: number | null;
    note: string;
  }[];
}
interface Answer {
  since: string;
  firstRun: boolean;
  compared: number;
  clients: Listed[];
  marked: string[];
}

async function changes(W: string, ...args: string[]): Promise<Answer> {
  return JSON.parse(await ok(W, 'dd-changes', '--json', ...args)) as Answer;
}

describe('studio-ledger dd-changes and schedule', () => {
  const W = join(dir, 'studio.xlsx');

  it('lists what moved since the notice, marks it notified, and compares with an older notice', async () => {
    await ok(W, 'init', '--demo', '--today', '2016-09-09');
    await ok(
      W,
      'add-client',
      '--name',
      'Robin Park',
      '--method',
      'DD Reconciliation',
      '--today',
      '2016-09-09',
    );
    // Alex (C-0003, Reconciliation): 5 x $220 fortnightly from Fri 16 Sep. Robin (C-0006): $160 fortnightly.
    await ok(
      W,
      'sell',
      '--client',
      'C-0003',
      '--package',
      'PT10-5F',
      '--start',
      '2016-09-16',
      '--today',
      '2016-09-13',
    );
    await ok(W, 'sell', '--client', 'C-0006', '--package', 'PT2W', '--today', '2016-09-13');

    const schedule = await ok(W, 'schedule', '--client', 'C-0003', '--today', '2016-09-13');
    expect(schedule.split('\n').slice(0, 7)).toEqual([
      'Debit schedule for Alex Wong (C-0003), DD Reconciliation, as of 2016-09-13',
      '5 x $220.00 every fortnight from 2016-09-16',
      '2016-09-16  $220.00  S-000001',
      '2016-09-30  $220.00  S-000001',
      '2016-10-14  $220.00  S-000001',
      '2016-10-28  $220.00  S-000001',
      '2016-11-11  $220.00  S-000001',
    ]);
    const robin = await ok(W, 'schedule', '--client', 'C-0006', '--today', '2016-09-13');
    expect(robin).toContain('$160.00 every fortnight from 2016-09-16 until cancelled (next 6 shown)');
    expect(robin).toContain('2016-11-25  $160.00  S-000002');

    const first = await changes(W, '--today', '2016-09-13');
    expect(first.firstRun).toBe(true);
    expect(first.compared).toBe(5); // Jane, Chris, Alex, Priya, Robin: every DD client, not Sam (Manual)
    expect(first.clients.map((c) => c.changes[0]!.kind)).toEqual(Array(5).fill('Not notified'));
    const marked = await changes(W, '--mark-notified', '--today', '2016-09-13');
    expect(marked.marked).toEqual(['C-0001', 'C-0002', 'C-0003', 'C-0005', 'C-0006']);
    expect((await changes(W, '--today', '2016-09-13')).clients).toEqual([]);

    // The next day: Alex pauses over 30 Sep and pays $100 at the desk (credit: nothing is due yet); Robin
    // cancels from 1 Oct; Chris (Partial Integration) buys 10 PT paid in full.
    await ok(
      W,
      'pause',
      '--sale',
      'S-000001',
      '--from',
      '2016-09-25',
      '--to',
      '2016-10-05',
      '--today',
      '2016-09-14',
    );
    await ok(W, 'pay', '--client', 'C-0003', '--amount', '100', '--today', '2016-09-14');
    await ok(W, 'cancel', '--sale', 'S-000002', '--from', '2016-10-01', '--today', '2016-09-14');
    await ok(W, 'sell', '--client', 'C-0002', '--package', 'PT10', '--today', '2016-09-14');

    const out = join(dir, 'changes.csv');
    const now = await changes(W, '--out', out, '--today', '2016-09-14');
    expect(now.firstRun).toBe(false);
    expect(now.clients.map((c) => c.clientId)).toEqual(['C-0002', 'C-0003', 'C-0006']);
    const [chris, alex, robinNow] = now.clients as [Listed, Listed, Listed];
    expect(chris.changes).toEqual([
      { kind: 'New sale', note: 'S-000003 (PT): 1 debit from 2016-09-16 $500.00' },
    ]);
    expect(alex.changes).toEqual([
      {
        kind: 'Paused',
        note: 'S-000001 (PT) paused 2016-09-25 to 2016-10-05: skips 2016-09-30; next debit 2016-10-14 $220.00',
      },
      { kind: 'Amount changed', note: '2016-09-16: $220.00 to $120.00 ($100.00 credit applied)' },
    ]);
    expect(alex.lines.map((l) => [l.oldDate, l.oldAmount, l.newDate, l.newAmount, l.note])).toEqual([
      ['2016-09-16', 22000, '2016-09-16', 12000, 'amount'],
      ['2016-09-30', 22000, null, null, 'gone'],
      ['2016-10-14', 22000, '2016-10-14', 22000, 'same'],
      ['2016-10-28', 22000, '2016-10-28', 22000, 'same'],
      ['2016-11-11', 22000, '2016-11-11', 22000, 'same'],
      [null, null, '2016-11-25', 22000, 'new'],
    ]);
    expect(robinNow.changes).toEqual([
      {
        kind: 'Cancelled',
        note: 'S-000002 (PT 2 a week) cancelled from 2016-10-01: last debit 2016-09-30 $160.00; no more after it',
      },
    ]);
    expect(robinNow.lines.filter((l) => l.note === 'gone').map((l) => l.oldDate)).toEqual([
      '2016-10-14',
      '2016-10-28',
      '2016-11-11',
      '2016-11-25',
    ]);

    // The DD Changes tab and the CSV say the same.
    const rows = await tab(W, 'DD Changes');
    expect(rows[0]!.slice(0, 4)).toEqual([
      'As Of',
      '14/09/2016',
      'Compared with notices in force on',
      '14/09/2016',
    ]);
    expect(rows).toContainEqual([
      'C-0003',
      'Alex Wong',
      'Schedule',
      '30/09/2016',
      '$220.00',
      '',
      '',
      'no longer debited',
    ]);
    const csv = readFileSync(out, 'utf8').split('\r\n');
    expect(csv[0]).toBe('Client ID,Name,Billing Method,Change,Old Date,Old Amount,New Date,New Amount,Note');
    expect(csv).toContain('C-0003,Alex Wong,DD Reconciliation,Schedule,2016-09-30,220.00,,,gone');

    // Marked notified, the list starts from there; --since the 13th still compares with that notice.
    await changes(W, '--mark-notified', '--today', '2016-09-14');
    expect((await changes(W, '--today', '2016-09-14')).clients).toEqual([]);
    const since = await changes(W, '--since', '2016-09-13', '--today', '2016-09-14');
    expect(since.clients.map((c) => c.clientId)).toEqual(['C-0002', 'C-0003', 'C-0006']);

    const emu = createAppsScript();
    await loadIntoEmulation(W, emu);
    expect(emu.spreadsheet.getSheetByName('DD Notices')!.isSheetHidden()).toBe(true);
  }, 300_000);
});
