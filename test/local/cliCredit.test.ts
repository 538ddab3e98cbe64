// Credits are money, on a real .xlsx through the command line: Alex's DD company reports $181 for his
// $160 debit, so $21 is kept as credit. Outstanding and Balances net it off; the next upkeep spends it on
// what has fallen due (his $15 towel hire, then $6 of the recurring cycle it rolls that day), once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tab } from './cliRun';

const dir = mkdtempSync(join(tmpdir(), 'studio-ledger-credit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REPORT = [
  'PaymentID,PaymentReference,YourSystemReference,CustomerName,DebitDate,SettlementDate,PaymentAmount,ScheduledAmount,PaymentStatus,BankReturnCode,BankFailedReason',
  // No ScheduledAmount: the $181 taken settles (one that disagreed with it would be To check).
  'SCHEDULED-2001-20160916,HPT-ALEX,C-0003,"Wong, Alex",16/09/2016,19/09/2016,181.00,,S,,',
  '',
].join('\r\n');

/** A tab's rows (header first) as objects keyed by header, display values as the workbook shows them. */
function rows(values: string[][]): Record<string, string>[] {
  const [header, ...body] = values;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}
const cents = (display = '') => Math.round(Number(display.replace(/[$,]/g, '')) * 100);

describe('studio-ledger: credit from a reconciled report', () => {
  const W = join(dir, 'studio.xlsx');
  const R = join(dir, 'ezidebit-2016-09-19.csv');

  it('is netted off, then spent once by the upkeep as pairs dated that day', async () => {
    writeFileSync(R, REPORT);
    const run = async (...args: string[]) => {
      const r = await cli(args[0]!, '--workbook', W, ...args.slice(1));
      expect(r, args.join(' ')).toMatchObject({ code: 0, err: '' });
      return r.out;
    };
    await run('init', '--demo', '--today', '2016-09-09');
    await run('sell', '--client', 'C-0003', '--package', 'PT2W', '--today', '2016-09-13'); // INV-000001 $160
    await run('sell', '--client', 'C-0001', '--package', 'PT10-5F', '--today', '2016-09-13');
    await run('bill', '--date', '2016-09-16', '--today', '2016-09-16');
    await run('export', '--format', 'aba', '--out', join(dir, 'b1.aba'), '--today', '2016-09-16');
    await run('mark-processed', '--today', '2016-09-19');
    expect(await run('reconcile', '--report', R, '--apply', '--today', '2016-09-20')).toContain(
      '$21.00 more than owed, kept as a credit on the Payments tab',
    );
    expect(
      await run(
        'ad-hoc',
        '--client',
        'C-0003',
        '--description',
        'Towel hire',
        '--amount',
        '15',
        '--due',
        '2016-09-23',
        '--today',
        '2016-09-20',
      ),
    ).toContain('INV-000007');

    // 24 Sep: the towel hire is overdue, but Alex's $21 covers it: he owes nothing.
    expect(await run('outstanding', '--date', '2016-09-24', '--today', '2016-09-24')).toBe(
      'Nobody has an overdue invoice on 2016-09-24.',
    );
    const balances = await tab(W, 'Balances');
    expect(balances[0]!.slice(4, 10)).toEqual(['Owed', '$15.00', 'Credit', '$21.00', 'Net Owed', '-$6.00']);
    expect(
      rows(balances.slice(2))
        .filter((r) => r['Client ID'] === 'C-0003')
        .map((r) => [r['Sale ID'], r.Owed, r.Credit]),
    ).toEqual([
      ['S-000001', '$0.00', ''],
      ['', '$15.00', '$21.00'],
    ]);

    // 30 Sep: the upkeep rolls cycle 2 (INV-000008, $160) and spends the credit, oldest invoice first.
    expect(await run('upkeep', '--today', '2016-09-30')).toContain(
      'credit spent: C-0003 $21.00 on INV-000007 INV-000008',
    );
    const alex = () => tab(W, 'Payments').then((t) => rows(t).filter((p) => p['Client ID'] === 'C-0003'));
    const payments = await alex();
    expect(payments.map((p) => [p.Date, p['Invoice ID'], p.Amount, p.Method, p.Reference])).toEqual([
      ['16/09/2016', 'INV-000001', '$160.00', 'DD report', 'ezidebit:SCHEDULED-2001-20160916'],
      ['16/09/2016', '', '$21.00', 'DD report', 'ezidebit:SCHEDULED-2001-20160916'],
      ['30/09/2016', '', '-$15.00', 'Credit', 'Credit spent on INV-000007'],
      ['30/09/2016', 'INV-000007', '$15.00', 'Credit', 'Credit spent on INV-000007'],
      ['30/09/2016', '', '-$6.00', 'Credit', 'Credit spent on INV-000008'],
      ['30/09/2016', 'INV-000008', '$6.00', 'Credit', 'Credit spent on INV-000008'],
    ]);
    // The sum of Alex's Payments is the $181 the DD company paid.
    expect(payments.reduce((s, p) => s + cents(p.Amount), 0)).toBe(18100);
    const invoices = rows(await tab(W, 'Invoices')).filter((i) => i['Client ID'] === 'C-0003');
    expect(invoices.map((i) => [i['Invoice ID'], i['Due Date'], i.Amount, i.Paid, i.Status])).toEqual([
      ['INV-000001', '16/09/2016', '$160.00', '$160.00', 'Paid'],
      ['INV-000007', '23/09/2016', '$15.00', '$15.00', 'Paid'],
      ['INV-000008', '30/09/2016', '$160.00', '$6.00', 'Part paid'],
    ]);

    // The next day: he owes the $154 left of cycle 2, with no credit; the upkeep again spends nothing.
    const json = JSON.parse(
      await run('outstanding', '--date', '2016-10-01', '--today', '2016-10-01', '--json'),
    ) as {
      clients: { clientId: string; invoiceIds: string[]; owed: number; credit: number }[];
    };
    expect(json.clients.find((c) => c.clientId === 'C-0003')).toMatchObject({
      invoiceIds: ['INV-000008'],
      owed: 15400,
      credit: 0,
    });
    expect(await run('upkeep', '--today', '2016-10-01')).not.toContain('credit spent');
    expect((await alex()).length).toBe(6);
  });
});
