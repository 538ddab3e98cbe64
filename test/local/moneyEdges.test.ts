// Money at the edges, through the CLI on a real .xlsx: a Payments column sorted on its own, a refund then the
// bank's decline of the same debit, a bounced overpayment whose credit was spent, a decline after a write-off,
// a decline dated ahead, and a desk payment from a client with credit.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cli, tab } from './cliRun';
import { columnOf, editWorkbook } from './workbookEdit';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const T = 60_000;
const rows = (v: string[][]) =>
  v.slice(1).map((r) => Object.fromEntries(v[0]!.map((h, i) => [h, r[i] ?? ''])));
const c = (s = '') => Math.round(Number(s.replace(/[$,]/g, '')) * 100);
function studio() {
  const dir = mkdtempSync(join(tmpdir(), 'rv-'));
  const W = join(dir, 'w.xlsx');
  const run = async (...a: string[]) => {
    const r = await cli(a[0]!, '--workbook', W, ...a.slice(1));
    expect(r, a.join(' ')).toMatchObject({ code: 0, err: '' });
    return r.out;
  };
  const get = async (name: string) => rows(await tab(W, name));
  return { dir, W, run, get };
}
/** Paid on the Invoices tab vs the sum of the invoice's Payments rows. */
async function paidVsRows(get: (n: string) => Promise<Record<string, string>[]>, id: string) {
  const inv = (await get('Invoices')).find((i) => i['Invoice ID'] === id)!;
  const sum = (await get('Payments'))
    .filter((p) => p['Invoice ID'] === id)
    .reduce((s, p) => s + c(p.Amount), 0);
  return { paid: c(inv.Paid), rows: sum };
}
const jane = [
  'sell',
  '--client',
  'C-0001',
  '--package',
  'PT10-5F',
  '--start',
  '2016-09-13',
  '--today',
  '2016-09-13',
];

it(
  "1. a Payments Client ID column sorted on its own is refused, not spent as another client's credit",
  async () => {
    const { W, run, get } = studio();
    await run('init', '--demo', '--today', '2016-09-09');
    await run(...jane);
    await run('sell', '--client', 'C-0004', '--package', 'PT10', '--today', '2016-09-13');
    await run(
      'pay',
      '--client',
      'C-0001',
      '--amount',
      '220',
      '--invoice',
      'INV-000001',
      '--today',
      '2016-09-14',
    );
    await run('pay', '--client', 'C-0004', '--amount', '600', '--today', '2016-09-14'); // Sam: $100 credit
    await editWorkbook(W, (ss) => {
      const s = ss.getSheetByName('Payments')!;
      const col = columnOf(ss, 'Payments', 'Client ID');
      const n = s.getLastRow() - 1;
      const v = s
        .getRange(2, col, n, 1)
        .getValues()
        .map((r) => String(r[0]))
        .sort()
        .reverse();
      s.getRange(2, col, n, 1).setValues(v.map((x) => [x])); // C-0004, C-0004, C-0001
    });
    const r = await cli('bill', '--workbook', W, '--date', '2016-09-30', '--today', '2016-09-30');
    // Today: exit 0, Sam's $100 credit row now reads C-0001 and is spent on Jane's INV-000002; Jane debited $120.
    const spent = (await get('Payments')).filter((p) => p.Method === 'Credit');
    expect(spent).toEqual([]);
    expect(r.code).toBe(1);
  },
  T,
);

it(
  '2. a bank decline after a refund of that debit never takes the money back twice',
  async () => {
    const { dir, run, get } = studio();
    await run('init', '--demo', '--today', '2016-09-09');
    await run(...jane);
    await run('bill', '--date', '2016-09-16', '--today', '2016-09-16');
    await run('export', '--format', 'aba', '--out', join(dir, 'b.aba'), '--today', '2016-09-16');
    await run('mark-processed', '--today', '2016-09-17'); // P-000001 +$220 on INV-000001
    await run(
      'refund',
      '--payment',
      'P-000001',
      '--reason',
      'double charged',
      '--still-owed',
      '--today',
      '2016-09-18',
    );
    // Nothing of that debit still stands (it was given back), so the decline is refused, writing nothing.
    const r = await cli(
      'decline',
      '--workbook',
      join(dir, 'w.xlsx'),
      '--client',
      'C-0001',
      '--code',
      '6',
      '--date',
      '2016-09-19',
      '--today',
      '2016-09-19',
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/C-0001 has nothing in batch B-000001 to decline/);
    expect(await paidVsRows(get, 'INV-000001')).toEqual({ paid: 0, rows: 0 });
  },
  T,
);

it(
  '3. credit spent from an overpayment that later bounces is collected again, not left as negative credit',
  async () => {
    const { dir, W, run } = studio();
    const H =
      'PaymentID,PaymentReference,YourSystemReference,CustomerName,DebitDate,SettlementDate,PaymentAmount,ScheduledAmount,PaymentMethod,PaymentStatus,BankReturnCode,BankFailedReason';
    const rep = (f: string, line: string) => (
      writeFileSync(join(dir, f), [H, line, ''].join('\r\n')),
      join(dir, f)
    );
    await run('init', '--demo', '--today', '2016-09-09');
    await run(...jane);
    await run('bill', '--date', '2016-09-16', '--today', '2016-09-16');
    await run('export', '--format', 'aba', '--out', join(dir, 'b.aba'), '--today', '2016-09-16');
    await run(
      'reconcile',
      '--apply',
      '--today',
      '2016-09-20',
      '--report',
      rep('p.csv', 'EZ-JANE-1,HPT-JANE,C-0001,"Citizen, Jane",16/09/2016,19/09/2016,250.00,220.00,DR,S,,'),
    ); // $30 credit
    await run('upkeep', '--today', '2016-09-27'); // $30 credit spent on INV-000002
    await run(
      'reconcile',
      '--apply',
      '--today',
      '2016-09-28',
      '--report',
      rep(
        'd.csv',
        'EZ-JANE-1,HPT-JANE,C-0001,"Citizen, Jane",16/09/2016,28/09/2016,250.00,220.00,DR,D,06,Refer to customer',
      ),
    );
    await run('bill', '--date', '2016-09-30', '--today', '2016-09-30');
    const pb = (await tab(W, 'Process Billing')).find((r) => r.includes('C-0001'))!;
    // Jane received nothing net, owes INV-000001 $220 + INV-000002 $220 + fee $15 = $455 due by 30 Sep.
    // Today: Amount Due $425.00 (INV-000002 keeps $30 "paid" by credit that bounced; credit is -$30, never billed).
    expect(pb).toContain('$455.00');
  },
  T,
);

it(
  '4. a decline of a debit whose invoice was since written off keeps Paid = sum of its Payments rows',
  async () => {
    const { dir, W, run, get } = studio();
    await run('init', '--demo', '--today', '2016-09-09');
    await run(...jane);
    await run('bill', '--date', '2016-09-16', '--today', '2016-09-16');
    await editWorkbook(W, (ss) => {
      // the studio lowers Amount to Debit to $100
      const s = ss.getSheetByName('Process Billing')!;
      const v = s.getDataRange().getValues();
      const r = v.findIndex((row) => row.includes('Amount to Debit'));
      s.getRange(r + 2, v[r]!.indexOf('Amount to Debit') + 1).setValue(100);
    });
    await run('export', '--format', 'aba', '--out', join(dir, 'b.aba'), '--today', '2016-09-16');
    await run('mark-processed', '--today', '2016-09-17');
    await run('write-off', '--invoice', 'INV-000001', '--reason', 'hardship', '--today', '2016-09-18'); // $120 off
    await run(
      'decline',
      '--client',
      'C-0001',
      '--batch',
      'B-000001',
      '--code',
      '6',
      '--date',
      '2016-09-19',
      '--today',
      '2016-09-19',
    );
    // Today: Paid stays $100.00 while its rows are +100 -100 = $0.
    expect(await paidVsRows(get, 'INV-000001')).toEqual({ paid: 0, rows: 0 });
  },
  T,
);

it(
  '5. a decline dated in the future is refused, writing nothing',
  async () => {
    const { dir, run, get } = studio();
    await run('init', '--demo', '--today', '2016-09-09');
    await run(...jane);
    await run('bill', '--date', '2016-09-16', '--today', '2016-09-16');
    await run('export', '--format', 'aba', '--out', join(dir, 'b.aba'), '--today', '2016-09-16');
    const r = await cli(
      'decline',
      '--workbook',
      join(dir, 'w.xlsx'),
      '--client',
      'C-0001',
      '--date',
      '2016-10-25',
      '--today',
      '2016-09-20',
    );
    // Today: exit 0, reversal row and a $15 fee INV-000006 dated 25/10/2016 (a month ahead).
    expect(r.code).toBe(1);
    expect((await get('Invoices')).length).toBe(5);
  },
  T,
);

it(
  "6. record payment spends the client's credit on what is due before taking the new money",
  async () => {
    const { run, get } = studio();
    await run('init', '--demo', '--today', '2016-09-09');
    await run('sell', '--client', 'C-0004', '--package', 'PT10', '--today', '2016-09-13');
    await run('pay', '--client', 'C-0004', '--amount', '600', '--today', '2016-09-14'); // $100 credit
    await run(
      'ad-hoc',
      '--client',
      'C-0004',
      '--description',
      'Powder',
      '--amount',
      '50',
      '--due',
      '2016-09-15',
      '--today',
      '2016-09-15',
    );
    await run('pay', '--client', 'C-0004', '--amount', '50', '--today', '2016-09-15');
    // Issue 11/10: record payment is one of the actions that applies credit; today no Credit pair is written
    // and the $50 cash pays the powder while $100 credit sits beside it.
    expect((await get('Payments')).some((p) => p.Method === 'Credit')).toBe(true);
  },
  T,
);
