// A client's statement through the command line on a real .xlsx: Jane's debit paid, an ad-hoc charge
// written off, cash at the desk, sessions used; Chris's bank transfer kept as credit. The printed lines,
// the cents of the balance and its parts (overdue equal to Outstanding's amount), --from/--to, the
// Statement tab as saved (text kept as text), and every refusal leaving the file byte-for-byte as it was.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppsScript } from '../../src/local/gas';
import { loadIntoEmulation } from '../../src/local/xlsx';
import { cli } from './cliRun';
import { ok, soldStudio } from './cliStudio';

const dir = mkdtempSync(join(tmpdir(), 'studio-ledger-statement-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BASE = join(dir, 'base.xlsx');
let n = 0;
const NAME = '=HYPERLINK("x") <b>Shaker</b>';

beforeAll(async () => {
  await soldStudio(BASE);
  const steps = [
    ['bill', '--date', '2016-09-16', '--today', '2016-09-16'],
    ['export', '--format', 'aba', '--out', join(dir, 'b1.aba'), '--today', '2016-09-16'],
    ['mark-processed', '--today', '2016-09-16'],
    [
      'ad-hoc',
      '--client',
      'C-0001',
      '--description',
      NAME,
      '--amount',
      '50',
      '--due',
      '2016-09-20',
      '--today',
      '2016-09-14',
    ],
    [
      'write-off',
      '--invoice',
      'INV-000007',
      '--reason',
      'Gift',
      '--date',
      '2016-09-25',
      '--today',
      '2016-09-25',
    ],
    ['sessions', '--client', 'C-0001', '--sessions', '2', '--date', '2016-09-20', '--today', '2016-09-20'],
    ['pay', '--client', 'C-0001', '--amount', '30', '--date', '2016-10-01', '--today', '2016-10-01'],
    [
      'pay',
      '--client',
      'C-0002',
      '--amount',
      '200',
      '--method',
      'Bank transfer',
      '--date',
      '2016-10-01',
      '--today',
      '2016-10-01',
    ],
  ];
  for (const s of steps) await ok(BASE, ...s);
}, 120_000);

function studio(): string {
  const W = join(dir, `studio-${++n}.xlsx`);
  copyFileSync(BASE, W);
  return W;
}

async function statementTab(W: string): Promise<{ values: string[][]; formulas: string[][] }> {
  const emu = createAppsScript();
  await loadIntoEmulation(W, emu);
  const range = emu.spreadsheet.getSheetByName('Statement')!.getDataRange();
  return { values: range.getDisplayValues(), formulas: range.getFormulas() };
}

interface Part {
  key: string;
  amount: number;
}
interface View {
  client: { id: string; name: string };
  statement: {
    balance: number;
    parts: Part[];
    lines: { date: string; kind: string; ref: string; amount: number; balance: number }[];
    packages: { saleId: string; allocated: number; used: number; left: number }[];
    writtenOff: number;
  };
  written: boolean;
}

async function refused(W: string, args: string[], code: number, error: string | RegExp): Promise<void> {
  const before = readFileSync(W);
  const r = await cli('statement', ...args, '--workbook', W);
  expect(r.code).toBe(code);
  if (typeof error === 'string') expect(r.err).toBe(`studio-ledger statement: ${error}`);
  else expect(r.err).toMatch(error);
  expect(readFileSync(W).equals(before)).toBe(true);
}

describe('studio-ledger statement', () => {
  it('prints every line with its running balance and the parts that add up to it; the Statement tab shows the same', async () => {
    const W = studio();
    const out = await ok(W, 'statement', '--client', 'C-0001', '--today', '2016-10-05');
    const lines = out.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'Harbour PT: Statement for Jane Citizen (C-0001)',
      'As of 2016-10-05',
    ]);
    expect(out).toMatch(
      /2016-09-13 +Invoice +INV-000001 +10 x PT — 1 of 5 \(due 2016-09-13\) +\$220\.00 +\$220\.00/,
    );
    expect(out).toMatch(
      /2016-09-16 +Payment +P-000001 +Direct debit, B-000001 on INV-000001 +-\$220\.00 +\$930\.00/,
    );
    expect(out).toMatch(
      /2016-09-25 +Written off +INV-000007 .*\$50\.00 written off \(Gift\) +-\$50\.00 +\$880\.00/,
    );
    expect(out).toMatch(/2016-10-01 +Payment +R-000001 +Cash on INV-000002 +-\$30\.00 +\$850\.00/);
    expect(out).toContain('Balance $850.00, made up of:');
    expect(out).toMatch(
      /Overdue now +\$190\.00\n +In a sent debit +\$0\.00\n +Not yet due +\$660\.00\n +Unspent credit +\$0\.00/,
    );
    expect(out).toMatch(/PT +S-000001 +10 +2 +8/);

    // Overdue now is the Outstanding amount for Jane that day, to the cent.
    const outstanding = JSON.parse(
      await ok(W, 'outstanding', '--date', '2016-10-05', '--today', '2016-10-05', '--json'),
    ) as {
      clients: { clientId: string; owed: number }[];
    };
    expect(outstanding.clients.find((c) => c.clientId === 'C-0001')!.owed).toBe(19000);

    // Rewritten for Jane: the header rows, the parts, then the lines as printed.
    await ok(W, 'statement', '--client', 'C-0001', '--today', '2016-10-05');
    const { values, formulas } = await statementTab(W);
    expect(values[0]!.slice(0, 8)).toEqual([
      'Client',
      'C-0001',
      'Name',
      'Jane Citizen',
      'As Of',
      '05/10/2016',
      'Balance',
      '$850.00',
    ]);
    expect(values[1]!.slice(0, 8)).toEqual([
      'Overdue now',
      '$190.00',
      'In a sent debit',
      '$0.00',
      'Not yet due',
      '$660.00',
      'Unspent credit',
      '$0.00',
    ]);
    expect(values[3]!.slice(0, 7)).toEqual([
      'Date',
      'Type',
      'Reference',
      'Description',
      'Due Date',
      'Amount',
      'Balance',
    ]);
    const body = values.slice(4, 13).map((r) => [r[0], r[1], r[2], r[5], r[6]]);
    expect(body).toEqual([
      ['13/09/2016', 'Invoice', 'INV-000001', '$220.00', '$220.00'],
      ['13/09/2016', 'Invoice', 'INV-000002', '$220.00', '$440.00'],
      ['13/09/2016', 'Invoice', 'INV-000003', '$220.00', '$660.00'],
      ['13/09/2016', 'Invoice', 'INV-000004', '$220.00', '$880.00'],
      ['13/09/2016', 'Invoice', 'INV-000005', '$220.00', '$1,100.00'],
      ['14/09/2016', 'Invoice', 'INV-000007', '$50.00', '$1,150.00'],
      ['16/09/2016', 'Payment', 'P-000001', '-$220.00', '$930.00'],
      ['25/09/2016', 'Written off', 'INV-000007', '-$50.00', '$880.00'],
      ['01/10/2016', 'Payment', 'R-000001', '-$30.00', '$850.00'],
    ]);
    // The ad-hoc's description is the client's text, kept as text: no formula.
    expect(values[9]![3]).toBe(NAME);
    expect(formulas.flat().filter(Boolean)).toEqual([]);
    expect(values.some((r) => r[0] === 'Sessions')).toBe(true);
    const sessions = values[values.findIndex((r) => r[0] === 'Sessions') + 1]!.slice(0, 5);
    expect(sessions).toEqual(['PT', 'S-000001', '10', '2', '8']);
  });

  it('--from and --to show an opening and a closing balance; the balance and parts stay today’s', async () => {
    const W = studio();
    const out = await ok(
      W,
      'statement',
      '--client',
      'C-0001',
      '--from',
      '2016-09-16',
      '--to',
      '2016-09-30',
      '--today',
      '2016-10-05',
    );
    const rows = out.split('\n').filter((l) => /^2016-/.test(l));
    expect(rows.map((l) => l.split(/ {2,}/).slice(0, 3))).toEqual([
      ['2016-09-16', 'Opening balance', '$1,150.00'],
      ['2016-09-16', 'Payment', 'P-000001'],
      ['2016-09-25', 'Written off', 'INV-000007'],
      ['2016-09-30', 'Closing balance', '$880.00'],
    ]);
    expect(out).toContain('Balance $850.00, made up of:');
  });

  it('--json gives the cents: credit kept is a negative balance and a negative part', async () => {
    const W = studio();
    const v = JSON.parse(
      await ok(W, 'statement', '--client', 'c-0002', '--today', '2016-10-05', '--json'),
    ) as View;
    expect(v.client).toMatchObject({ id: 'C-0002', name: 'Chris Nguyen' });
    expect(v.written).toBe(true);
    expect(v.statement.lines.map((l) => [l.kind, l.ref, l.amount, l.balance])).toEqual([
      ['Invoice', 'INV-000006', 16000, 16000],
      ['Payment', 'P-000002', -16000, 0],
      ['Credit', 'R-000002', -20000, -20000],
    ]);
    expect(v.statement.balance).toBe(-20000);
    expect(v.statement.parts.map((p) => [p.key, p.amount])).toEqual([
      ['overdue', 0],
      ['inSentDebit', 0],
      ['notYetDue', 0],
      ['credit', -20000],
    ]);
    const { values } = await statementTab(W);
    expect(values[0]!.slice(0, 4)).toEqual(['Client', 'C-0002', 'Name', 'Chris Nguyen']);
  });

  it('refuses an unknown client, a From after To, a date after today and a bad date, changing nothing', async () => {
    const W = studio();
    await refused(
      W,
      ['--client', 'C-0099', '--today', '2016-10-05'],
      1,
      'No client C-0099 on the Clients tab.',
    );
    await refused(
      W,
      ['--client', 'C-0001', '--from', '2016-10-01', '--to', '2016-09-01', '--today', '2016-10-05'],
      1,
      'From 2016-10-01 is after To 2016-09-01.',
    );
    await refused(
      W,
      ['--client', 'C-0001', '--to', '2016-10-06', '--today', '2016-10-05'],
      1,
      'To 2016-10-06 is after today (2016-10-05): a statement shows what has happened.',
    );
    await refused(
      W,
      ['--client', 'C-0001', '--from', '2016-02-30', '--today', '2016-10-05'],
      1,
      'From: Not a date: "2016-02-30", expected YYYY-MM-DD',
    );
    await refused(
      W,
      ['--client', 'C-0001', '--from', '1/10/2016'],
      2,
      /--from 1\/10\/2016: dates are YYYY-MM-DD/,
    );
  });
});
