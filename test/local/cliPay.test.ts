// Money at the desk on a real .xlsx through the command line: Sam (Manual) pays his $500 package in two
// goes at the desk, Jane (DD Full) pays an instalment ahead by bank transfer; then refunds withdrawn,
// still owed and to credit. Rows, cents and statuses are read back from the saved workbook; every refusal
// exits 1 with one line and leaves the file byte for byte as it was.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tab } from './cliRun';

const dir = mkdtempSync(join(tmpdir(), 'studio-ledger-pay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const W = join(dir, 'studio.xlsx');

function rows(values: string[][]): Record<string, string>[] {
  const [header, ...body] = values;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}
const cents = (display = '') => Math.round(Number(display.replace(/[$,]/g, '')) * 100);

async function run(...args: string[]): Promise<string> {
  const r = await cli(args[0]!, '--workbook', W, ...args.slice(1));
  expect(r, args.join(' ')).toMatchObject({ code: 0, err: '' });
  return r.out;
}
const payments = async (client: string) =>
  rows(await tab(W, 'Payments')).filter((p) => p['Client ID'] === client);
const invoice = async (id: string) => rows(await tab(W, 'Invoices')).find((i) => i['Invoice ID'] === id)!;
const state = (i: Record<string, string>) => [i.Amount, i.Paid, i.Balance, i.Status];

const LONG = 60_000;

beforeAll(async () => {
  await run('init', '--demo', '--today', '2016-09-09');
  await run('sell', '--client', 'C-0004', '--package', 'PT10', '--today', '2016-09-13'); // INV-000001 $500
  await run('sell', '--client', 'C-0001', '--package', 'PT10-5F', '--today', '2016-09-13'); // INV-000002..6
});

describe('studio-ledger pay and refund', () => {
  it(
    'records desk payments by the one rule, or on the invoice named',
    async () => {
      expect(
        await run(
          'pay',
          '--client',
          'C-0004',
          '--amount',
          '200',
          '--method',
          'Card',
          '--reference',
          'EFTPOS 4471',
          '--date',
          '2016-09-14',
          '--today',
          '2016-09-15',
        ),
      ).toBe('R-000001: $200.00 Card from C-0004 Sam Lee on 2016-09-14; paid INV-000001 $200.00.');
      expect(state(await invoice('INV-000001'))).toEqual(['$500.00', '$200.00', '$300.00', 'Part paid']);
      expect(await run('pay', '--client', 'C-0004', '--amount', '350', '--today', '2016-09-16')).toBe(
        'R-000002: $350.00 Cash from C-0004 Sam Lee on 2016-09-16; paid INV-000001 $300.00; $50.00 kept as credit.',
      );
      expect(state(await invoice('INV-000001'))).toEqual(['$500.00', '$500.00', '$0.00', 'Paid']);

      // Jane pays her second instalment (due 30 Sep) ahead, by bank transfer; --json answers the view.
      const jane = JSON.parse(
        await run(
          'pay',
          '--client',
          'C-0001',
          '--amount',
          '220',
          '--invoice',
          'INV-000003',
          '--method',
          'Bank transfer',
          '--today',
          '2016-09-16',
          '--json',
        ),
      ) as { receiptId: string; paid: { invoiceId: string; amount: number; status: string }[] };
      expect(jane).toMatchObject({
        receiptId: 'R-000003',
        paid: [{ invoiceId: 'INV-000003', amount: 22000, status: 'Paid' }],
      });

      const sam = await payments('C-0004');
      expect(
        sam.map((p) => [
          p['Payment ID'],
          p.Date,
          p['Invoice ID'],
          p.Amount,
          p.Method,
          p.Reference,
          p['Receipt ID'],
        ]),
      ).toEqual([
        ['P-000001', '14/09/2016', 'INV-000001', '$200.00', 'Card', 'EFTPOS 4471', 'R-000001'],
        ['P-000002', '16/09/2016', 'INV-000001', '$300.00', 'Cash', '', 'R-000002'],
        ['P-000003', '16/09/2016', '', '$50.00', 'Cash', '', 'R-000002'],
      ]);
    },
    LONG,
  );

  it(
    'refunds a receipt withdrawn (its credit first) and a payment still owed',
    async () => {
      // $100 of R-000002 back: its $50 credit first, then $50 of INV-000001, withdrawn.
      expect(
        await run(
          'refund',
          '--payment',
          'R-000002',
          '--amount',
          '100',
          '--reason',
          'Overpaid',
          '--today',
          '2016-09-17',
        ),
      ).toBe(
        'R-000004: $100.00 of R-000002 given back to C-0004 Sam Lee on 2016-09-17 (Overpaid); $50.00 from credit; from INV-000001 $50.00 withdrawn (now $450.00).',
      );
      expect(state(await invoice('INV-000001'))).toEqual(['$450.00', '$450.00', '$0.00', 'Paid']);
      // $50 of the card payment back, the charge still owed: due again.
      expect(
        await run(
          'refund',
          '--payment',
          'P-000001',
          '--amount',
          '50',
          '--reason',
          'Card refund',
          '--still-owed',
          '--today',
          '2016-09-17',
        ),
      ).toBe(
        'R-000005: $50.00 of P-000001 given back to C-0004 Sam Lee on 2016-09-17 (Card refund); from INV-000001 $50.00 still owed (Declined).',
      );
      expect(state(await invoice('INV-000001'))).toEqual(['$450.00', '$400.00', '$50.00', 'Declined']);
      const after = await payments('C-0004');
      expect(
        after
          .slice(3)
          .map((p) => [
            p.Date,
            p['Invoice ID'],
            p.Amount,
            p.Method,
            p['Refund Of'],
            p.Reason,
            p['Receipt ID'],
          ]),
      ).toEqual([
        ['17/09/2016', '', '-$50.00', 'Refund', 'R-000002', 'Overpaid', 'R-000004'],
        ['17/09/2016', 'INV-000001', '-$50.00', 'Refund', 'R-000002', 'Overpaid', 'R-000004'],
        ['17/09/2016', 'INV-000001', '-$50.00', 'Refund', 'P-000001', 'Card refund', 'R-000005'],
      ]);
      // Sam's Payments sum to the $550 received less the $150 given back.
      expect(after.reduce((s, p) => s + cents(p.Amount), 0)).toBe(40000);
      expect(await run('outstanding', '--date', '2016-09-18', '--today', '2016-09-18')).toContain('Sam Lee');
    },
    LONG,
  );

  it(
    'refunds to credit: the charge withdrawn, the money kept',
    async () => {
      // Jane's instalment was paid by mistake: withdrawn, the money kept as her credit.
      expect(
        await run(
          'refund',
          '--payment',
          'R-000003',
          '--reason',
          'Wrong instalment',
          '--to-credit',
          '--today',
          '2016-09-18',
        ),
      ).toBe(
        'R-000006: $220.00 of R-000003 moved to credit to C-0001 Jane Citizen on 2016-09-18 (Wrong instalment); from INV-000003 $220.00 withdrawn (Cancelled); $220.00 kept as credit.',
      );
      expect(state(await invoice('INV-000003'))).toEqual(['$220.00', '$0.00', '$220.00', 'Cancelled']);
      const janes = await payments('C-0001');
      expect(janes.map((p) => [p['Invoice ID'], p.Amount, p['Refund Of']])).toEqual([
        ['INV-000003', '$220.00', ''],
        ['INV-000003', '-$220.00', 'R-000003'],
        ['', '$220.00', 'R-000003'],
      ]);
      expect(janes.reduce((s, p) => s + cents(p.Amount), 0)).toBe(22000);
      const log = rows(await tab(W, 'Log')).map((l) => l.Action);
      expect(log.filter((a) => a === 'Record payment')).toHaveLength(3);
      expect(log.filter((a) => a === 'Refund')).toHaveLength(3);
    },
    LONG,
  );

  it(
    'refuses bad input with one line, exit 1, and the workbook byte for byte as it was',
    async () => {
      const bytes = readFileSync(W);
      const cases: [string[], string][] = [
        [['pay', '--client', 'C-0004', '--amount', '0'], 'Amount must be more than $0.00.'],
        [['pay', '--client', 'C-0004', '--amount', 'ten'], 'Amount: '],
        [
          ['pay', '--client', 'C-0004', '--amount', '5', '--method', 'Cheque'],
          'Method "Cheque" is not one of',
        ],
        [['pay', '--client', 'C-0009', '--amount', '5'], 'No client C-0009 on the Clients tab.'],
        [
          ['pay', '--client', 'C-0004', '--amount', '5', '--invoice', 'INV-000002'],
          "INV-000002 is C-0001's invoice",
        ],
        [
          ['pay', '--client', 'C-0004', '--amount', '5', '--date', '2016-09-20'],
          'Date 2016-09-20 is after today (2016-09-19).',
        ],
        [
          ['pay', '--client', 'C-0004', '--amount', '5', '--date', '2016-09-01'],
          "Date 2016-09-01 is before C-0004 Sam Lee's first record (sale S-000001, 2016-09-13).",
        ],
        [
          ['refund', '--payment', 'R-000004', '--reason', 'x'],
          'R-000004 is a refund: a refund cannot be refunded.',
        ],
        [
          ['refund', '--payment', 'P-000404', '--reason', 'x'],
          'No payment or receipt P-000404 on the Payments tab.',
        ],
        [
          ['refund', '--payment', 'R-000001', '--amount', '500', '--reason', 'x'],
          'A refund of $500.00 is more than',
        ],
        [
          ['refund', '--payment', 'R-000001', '--reason', 'x', '--to-credit', '--still-owed'],
          'To credit goes only with a withdrawn charge',
        ],
      ];
      for (const [args, message] of cases) {
        const r = await cli(args[0]!, '--workbook', W, ...args.slice(1), '--today', '2016-09-19');
        expect(r.code, args.join(' ')).toBe(1);
        expect(r.err.split('\n')).toHaveLength(1);
        expect(r.err).toContain(message);
        expect(readFileSync(W).equals(bytes), args.join(' ')).toBe(true);
      }
      // A missing --reason is a bad command line.
      expect((await cli('refund', '--workbook', W, '--payment', 'R-000001')).code).toBe(2);
    },
    LONG,
  );
});
