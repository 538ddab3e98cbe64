// One debit, one story, through the command line on a real .xlsx: a bank's return after the decline was
// processed by hand adds no second fee and leaves the invoice re-sent in a newer batch alone; a payment a
// report made, then dishonoured under the same Provider Ref, is taken back; a negative amount is never a
// payment. Rows, cents and statuses are read back from the saved workbook.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tab } from './cliRun';
import { allRows } from './reconciliationTab';

const dir = mkdtempSync(join(tmpdir(), 'studio-ledger-story-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A tab's rows as objects keyed by header, display values as the workbook shows them. */
async function rows(W: string, name: string): Promise<Record<string, string>[]> {
  const [header, ...body] = await tab(W, name);
  return body
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}
const cents = (display: string | undefined) => Math.round(Number((display ?? '').replace(/[$,]/g, '')) * 100);

interface View {
  /** The rows a person acts on or that changed the ledger; the others are on the Reconciliation tab. */
  rows: { reportRow: number; outcome: string; clientId: string; invoiceIds: string[]; note: string }[];
  quiet: number;
  payments: number;
  fees: number;
}

function workbook(name: string) {
  const W = join(dir, `${name}.xlsx`);
  const run = async (...args: string[]) => {
    const r = await cli(args[0]!, '--workbook', W, ...args.slice(1));
    expect(r, args.join(' ')).toMatchObject({ code: 0, err: '' });
    return r.out;
  };
  /** Writes a report file and reconciles it (applied), answering the server's view. */
  const reconcile = async (file: string, text: string, today: string): Promise<View> => {
    const path = join(dir, `${name}-${file}`);
    writeFileSync(path, text, 'latin1');
    return JSON.parse(
      await run('reconcile', '--report', path, '--apply', '--json', '--today', today),
    ) as View;
  };
  return { W, run, reconcile };
}

const pad = (s: string, n: number) => s.padEnd(n).slice(0, n);
const zeros = (n: number, w: number) => String(n).padStart(w, '0');

/** A bank's ABA return file made on `made` (DDMMYY) with one returned debit. */
function abaReturn(
  made: string,
  r: { bsb: string; account: string; code: number; cents: number; title: string; ref: string; day: number },
): string {
  const header = `0${' '.repeat(17)}01CBA${' '.repeat(7)}${pad('HARBOUR PT PTY LTD', 26)}301500${pad('RETURNS', 12)}${made}${' '.repeat(40)}`;
  const detail =
    `2${r.bsb}${r.account.padStart(9)}${r.code}13${zeros(r.cents, 10)}${pad(r.title, 32)}${pad(r.ref, 18)}` +
    `032-000${'123456'.padStart(9)}${pad('HARBOUR PT', 16)}${zeros(r.day, 2)}301500`;
  const total = `7999-999${' '.repeat(12)}${zeros(r.cents, 10)}${zeros(0, 10)}${zeros(r.cents, 10)}${' '.repeat(24)}${zeros(1, 6)}${' '.repeat(40)}`;
  return [header, detail, total, ''].join('\r\n');
}

const EZIDEBIT =
  'PaymentID,PaymentReference,YourSystemReference,CustomerName,DebitDate,SettlementDate,PaymentAmount,ScheduledAmount,PaymentMethod,PaymentStatus,BankReturnCode,BankFailedReason';
const ezidebit = (...lines: string[]) => [EZIDEBIT, ...lines, ''].join('\r\n');

const fees = (invoices: Record<string, string>[]) =>
  invoices.filter((i) => (i.Description ?? '').startsWith('Dishonour fee'));

describe('reconcile: one story per debit', () => {
  it('a return after a hand decline adds no fee, gives the bank reason, and leaves the newer Sent batch alone', async () => {
    const { W, run, reconcile } = workbook('hand-then-return');
    await run('init', '--demo', '--today', '2016-09-09');
    await run(
      'sell',
      '--client',
      'C-0001',
      '--package',
      'PT10-5F',
      '--start',
      '2016-09-13',
      '--today',
      '2016-09-13',
    );
    await run('bill', '--date', '2016-09-16', '--today', '2016-09-16');
    await run('export', '--format', 'aba', '--out', join(dir, 'hand-b1.aba'), '--today', '2016-09-16');
    await run('mark-processed', '--today', '2016-09-19');
    // The studio hears first from Jane: processed by hand, with a note of its own (no bank code yet).
    await run(
      'decline',
      '--client',
      'C-0001',
      '--batch',
      'B-000001',
      '--reason',
      'Jane rang: card stolen',
      '--date',
      '2016-09-20',
      '--today',
      '2016-09-20',
    );
    await run('bill', '--date', '2016-09-30', '--today', '2016-09-30');
    await run('export', '--format', 'aba', '--out', join(dir, 'hand-b2.aba'), '--today', '2016-09-30');
    const before = await rows(W, 'Invoices');
    expect(before.filter((i) => i.Status === 'Sent').map((i) => [i['Invoice ID'], i['Batch ID']])).toEqual([
      ['INV-000001', 'B-000002'],
      ['INV-000002', 'B-000002'],
      ['INV-000006', 'B-000002'],
    ]);
    expect(fees(before).map((f) => [f['Invoice ID'], f.Amount])).toEqual([['INV-000006', '$15.00']]);
    const paymentsBefore = await rows(W, 'Payments');

    // The bank's return of the 16 Sep debit arrives late, on 3 Oct, with its code.
    const text = abaReturn('031016', {
      bsb: '062-000',
      account: '12345678',
      code: 6,
      cents: 22000,
      title: 'JANE CITIZEN',
      ref: 'HPT-JANE',
      day: 16,
    });
    const view = await reconcile('return.aba', text, '2016-10-03');
    // The row changes nothing now: it is on the Reconciliation tab, not in the view.
    const shown = await allRows(W, view);
    expect(shown.map((r) => [r.outcome, r.clientId, r.invoiceIds])).toEqual([
      ['Already applied', 'C-0001', ['INV-000001']],
    ]);
    expect(shown[0]!.note).toBe(
      "Matched by DD reference to B-000001; this debit was declined already (Refer to customer (code 6)): no money moves, no second fee; the bank's reason replaces the one entered by hand",
    );
    expect(view).toMatchObject({ payments: 0, fees: 0 });

    const after = await rows(W, 'Invoices');
    // No second fee, and the invoice inside the newer Sent batch is not flipped to Declined.
    expect(fees(after).map((f) => [f['Invoice ID'], f.Amount])).toEqual([['INV-000006', '$15.00']]);
    expect(after.find((i) => i['Invoice ID'] === 'INV-000001')).toMatchObject({
      Status: 'Sent',
      'Batch ID': 'B-000002',
      Paid: '$0.00',
    });
    // The one decline row keeps its money; only its reason is now the bank's.
    const payments = await rows(W, 'Payments');
    expect(payments.length).toBe(paymentsBefore.length);
    expect(payments.map((p) => [p['Invoice ID'], p.Amount, p.Method, p['Batch ID'], p.Reason])).toEqual([
      ['INV-000001', '$220.00', 'Direct debit', 'B-000001', ''],
      ['INV-000001', '-$220.00', 'Decline', 'B-000001', 'Refer to customer (code 6)'],
    ]);
    expect(payments.reduce((s, p) => s + cents(p.Amount), 0)).toBe(0);

    // The same return again: already applied, nothing changes.
    const again = await reconcile('return.aba', text, '2016-10-04');
    expect((await allRows(W, again)).map((r) => [r.outcome, r.note])).toEqual([
      ['Already applied', 'Applied from an earlier report'],
    ]);
    expect(await rows(W, 'Invoices')).toEqual(after);
  });

  it('paid, then dishonoured under the same Provider Ref: the payment is taken back, once, with one fee', async () => {
    const { W, run, reconcile } = workbook('paid-then-dishonoured');
    await run('init', '--demo', '--today', '2016-09-09');
    await run(
      'sell',
      '--client',
      'C-0001',
      '--package',
      'PT10-5F',
      '--start',
      '2016-09-13',
      '--today',
      '2016-09-13',
    ); // INV-000001..5
    await run('sell', '--client', 'C-0003', '--package', 'PT2W', '--today', '2016-09-13'); // INV-000006
    await run('bill', '--date', '2016-09-16', '--today', '2016-09-16');
    await run('export', '--format', 'aba', '--out', join(dir, 'paid-b1.aba'), '--today', '2016-09-16');

    // Jane's debit is in batch B-000001; Alex's DD company debits him on its own (no batch).
    const paid = await reconcile(
      'paid.csv',
      ezidebit(
        'EZ-JANE-1,HPT-JANE,C-0001,"Citizen, Jane",16/09/2016,19/09/2016,220.00,220.00,DR,S,,',
        'EZ-ALEX-1,HPT-ALEX,C-0003,"Wong, Alex",16/09/2016,19/09/2016,160.00,160.00,DR,S,,',
      ),
      '2016-09-20',
    );
    expect(paid.rows.map((r) => [r.outcome, r.clientId, r.invoiceIds])).toEqual([
      ['Paid', 'C-0001', ['INV-000001']],
      ['Paid', 'C-0003', ['INV-000006']],
    ]);

    // A later report: both dishonoured, reported on 22 Sep, under the same PaymentIDs.
    const report = ezidebit(
      'EZ-JANE-1,HPT-JANE,C-0001,"Citizen, Jane",16/09/2016,22/09/2016,220.00,220.00,DR,D,06,Refer to customer',
      'EZ-ALEX-1,HPT-ALEX,C-0003,"Wong, Alex",16/09/2016,22/09/2016,160.00,160.00,DR,D,06,Refer to customer',
    );
    const dishonoured = await reconcile('dishonoured.csv', report, '2016-09-23');
    expect(dishonoured.rows.map((r) => [r.outcome, r.clientId, r.invoiceIds, r.note])).toEqual([
      [
        'Declined',
        'C-0001',
        ['INV-000001'],
        'Matched by Provider Ref EZ-JANE-1 to B-000001: Refer to customer (code 6); dishonour fee INV-000007 $15.00',
      ],
      [
        'Declined',
        'C-0003',
        ['INV-000006'],
        'Matched by Provider Ref EZ-ALEX-1: Refer to customer (code 6); dishonour fee INV-000008 $15.00',
      ],
    ]);
    const payments = await rows(W, 'Payments');
    expect(
      payments.map((p) => [
        p['Payment ID'],
        p.Date,
        p['Client ID'],
        p['Invoice ID'],
        p.Amount,
        p.Method,
        p['Batch ID'],
        p['Provider Ref'],
        p['Refund Of'],
      ]),
    ).toEqual([
      ['P-000001', '16/09/2016', 'C-0001', 'INV-000001', '$220.00', 'DD report', 'B-000001', 'EZ-JANE-1', ''],
      ['P-000002', '16/09/2016', 'C-0003', 'INV-000006', '$160.00', 'DD report', '', 'EZ-ALEX-1', ''],
      ['P-000003', '22/09/2016', 'C-0001', 'INV-000001', '-$220.00', 'Decline', 'B-000001', 'EZ-JANE-1', ''],
      ['P-000004', '22/09/2016', 'C-0003', 'INV-000006', '-$160.00', 'Decline', '', 'EZ-ALEX-1', 'P-000002'],
    ]);
    // Each client's Payments sum to what the bank kept: nothing.
    for (const c of ['C-0001', 'C-0003'])
      expect(payments.filter((p) => p['Client ID'] === c).reduce((s, p) => s + cents(p.Amount), 0)).toBe(0);
    const invoices = await rows(W, 'Invoices');
    const inv = (id: string) => invoices.find((i) => i['Invoice ID'] === id)!;
    expect([inv('INV-000001').Status, inv('INV-000001').Paid, inv('INV-000001')['Decline Count']]).toEqual([
      'Declined',
      '$0.00',
      '1',
    ]);
    expect([inv('INV-000006').Status, inv('INV-000006').Paid, inv('INV-000006')['Decline Count']]).toEqual([
      'Declined',
      '$0.00',
      '1',
    ]);
    // One fee each, dated the day the dishonour was reported.
    expect(fees(invoices).map((f) => [f['Client ID'], f['Due Date'], f.Amount])).toEqual([
      ['C-0001', '22/09/2016', '$15.00'],
      ['C-0003', '22/09/2016', '$15.00'],
    ]);

    // The dishonour again, in the next day's report: nothing more.
    const again = await reconcile('dishonoured-again.csv', report, '2016-09-24');
    expect((await allRows(W, again)).map((r) => r.outcome)).toEqual(['Already applied', 'Already applied']);
    expect(await rows(W, 'Payments')).toEqual(payments);
    expect(fees(await rows(W, 'Invoices')).length).toBe(2);
  });

  it('a negative amount is never a payment: a late return takes back its payment, one with no payment is To check', async () => {
    const { W, run, reconcile } = workbook('negative');
    await run('init', '--demo', '--today', '2016-09-09');
    await run('sell', '--client', 'C-0003', '--package', 'PT2W', '--today', '2016-09-13'); // INV-000001 $160
    await run('bill', '--date', '2016-09-16', '--today', '2016-09-16');
    await reconcile(
      'paid.csv',
      ezidebit('EZ-ALEX-1,HPT-ALEX,C-0003,"Wong, Alex",16/09/2016,19/09/2016,160.00,160.00,DR,S,,'),
      '2016-09-20',
    );
    const late = await reconcile(
      'late.csv',
      ezidebit(
        'EZ-ALEX-1,HPT-ALEX,C-0003,"Wong, Alex",16/09/2016,27/09/2016,-160.00,160.00,DR,S,,Late Return',
        'EZ-ALEX-9,HPT-ALEX,C-0003,"Wong, Alex",16/09/2016,27/09/2016,-55.00,55.00,DR,S,,Late Return',
      ),
      '2016-09-28',
    );
    expect(late.rows.map((r) => [r.outcome, r.clientId, r.note])).toEqual([
      [
        'Declined',
        'C-0003',
        'Matched by Provider Ref EZ-ALEX-1: Late Return; dishonour fee INV-000002 $15.00',
      ],
      [
        'To check',
        'C-0003',
        'No standing payment has Provider Ref EZ-ALEX-9: a negative amount is never a payment, check what it takes back',
      ],
    ]);
    const payments = await rows(W, 'Payments');
    expect(
      payments.map((p) => [p['Payment ID'], p.Date, p.Amount, p.Method, p['Refund Of'], p.Reason]),
    ).toEqual([
      ['P-000001', '16/09/2016', '$160.00', 'DD report', '', ''],
      ['P-000002', '27/09/2016', '-$160.00', 'Decline', 'P-000001', 'Late Return'],
    ]);
    expect(payments.reduce((s, p) => s + cents(p.Amount), 0)).toBe(0);
    const invoices = await rows(W, 'Invoices');
    expect(invoices.map((i) => [i['Invoice ID'], i.Amount, i.Paid, i.Status])).toEqual([
      ['INV-000001', '$160.00', '$0.00', 'Declined'],
      ['INV-000002', '$15.00', '$0.00', 'Open'],
    ]);
    // The row to check is listed on the Reconciliation tab, and not kept as applied: it is shown again.
    const shown = (await tab(W, 'Reconciliation')).slice(3).map((r) => r[6]);
    expect(shown).toEqual(['Declined', 'To check']);
    expect((await rows(W, 'Reconciled')).map((r) => r.Outcome)).toEqual(['Paid', 'Declined']);
  });
});
