// reconcile through the command line on a real .xlsx: report files read as UTF-8 or, when their bytes are
// not UTF-8, Windows-1252; a new layout mapped with --map (saved, so the next report of it needs none);
// --confirm ROW=CLIENT and --resolve ROW=paid|reversal|ignore, each repeatable. Read back from the workbook.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tab } from './cliRun';
import { allRows } from './reconciliationTab';

const dir = mkdtempSync(join(tmpdir(), 'studio-ledger-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rows(W: string, name: string): Promise<Record<string, string>[]> {
  const [header, ...body] = await tab(W, name);
  return body
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

interface View {
  /** The rows a person acts on or that changed the ledger; the others are on the Reconciliation tab. */
  rows: { reportRow: number; outcome: string; clientId: string; invoiceIds: string[]; note: string }[];
  quiet: number;
}

/** The demo studio: Jane (PT10-5F) and Priya (PT2W) in batch B-000001; Alex (PT2W) debited by his DD company. */
async function studio(name: string) {
  const W = join(dir, `${name}.xlsx`);
  const run = async (...args: string[]) => {
    const r = await cli(args[0]!, '--workbook', W, ...args.slice(1));
    expect(r, args.join(' ')).toMatchObject({ code: 0, err: '' });
    return r.out;
  };
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
  await run('sell', '--client', 'C-0005', '--package', 'PT2W', '--today', '2016-09-13');
  await run('sell', '--client', 'C-0003', '--package', 'PT2W', '--today', '2016-09-13');
  await run('bill', '--date', '2016-09-16', '--today', '2016-09-16');
  await run('export', '--format', 'aba', '--out', join(dir, `${name}.aba`), '--today', '2016-09-16');
  const file = (fileName: string, bytes: string | Buffer) => {
    const path = join(dir, `${name}-${fileName}`);
    writeFileSync(path, bytes);
    return path;
  };
  const reconcile = async (path: string, ...more: string[]) =>
    JSON.parse(await run('reconcile', '--report', path, '--json', '--today', '2016-09-20', ...more)) as View;
  return { W, run, file, reconcile };
}

describe('reconcile: report files in and out', () => {
  const EZIDEBIT =
    'PaymentID,PaymentReference,CustomerName,DebitDate,SettlementDate,ScheduledAmount,PaymentAmount,TransactionFeeCustomer,PaymentMethod,PaymentStatus,BankReturnCode,BankFailedReason\r\n' +
    'EZ-ALEX-1,HPT-ALEX,"Wóng, Alex",16/09/2016,19/09/2016,160.00,160.99,0.99,DR,S,,\r\n' +
    'EZ-PRIYA-1,HPT-PRIYA,"Shah, Priya",16/09/2016,19/09/2016,160.00,0.00,0.99,DR,D,06,“Refer to customer” – she’ll call\r\n';

  it('reads a UTF-8 report (with or without a BOM) and a Windows-1252 one alike: names and words intact', async () => {
    const { W, file, reconcile } = await studio('text');
    const utf8 = file('utf8.csv', EZIDEBIT);
    await reconcile(utf8);
    const shown = async () => (await tab(W, 'Reconciliation')).slice(3).map((r) => [r[3], r[5]]);
    const expected = [
      ['Wóng, Alex', 'Paid'],
      ['Shah, Priya', 'Declined: “Refer to customer” – she’ll call'],
    ];
    expect(await shown()).toEqual(expected);
    await reconcile(file('bom.csv', `\ufeff${EZIDEBIT}`));
    expect(await shown()).toEqual(expected);
    // Excel on Windows saves "CSV" one byte a character, in Windows-1252.
    const cp1252 = Buffer.from(
      EZIDEBIT.replace(/[“”’–]/g, (c) => ({ '“': '\x93', '”': '\x94', '’': '\x92', '–': '\x96' })[c]!),
      'latin1',
    );
    await reconcile(file('excel.csv', cp1252));
    expect(await shown()).toEqual(expected);
  });

  it('maps a new layout with --map (saved like the sidebar’s), confirms two rows with --confirm', async () => {
    const { W, run, file, reconcile } = await studio('mapped');
    const report = file(
      'bank.csv',
      [
        'Ref,Member No,Txn,Customer,Date,Amount,Result,Reason',
        'HPT-ALEX,,T-1,"Wong, Alex",16/09/2016,160.00,Success,',
        ',,T-2,Jane Citizen,16/09/2016,220.00,OK,',
        ',,T-3,Priya Shah,16/09/2016,160.00,OK,',
        ',M-99,T-4,Zed Zulu,16/09/2016,10.00,Dishonoured,Refer to customer',
        '',
      ].join('\r\n'),
    );
    // Without a mapping it is refused, and the add-in's guess is offered as a --map to edit.
    const refused = await cli('reconcile', '--workbook', W, '--report', report, '--today', '2016-09-20');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('map its columns to read it');
    expect(refused.err).toContain(
      'Map its columns with --map "reference=Ref,payment-id=Txn,name=Customer,date=Date,amount=Amount,status=Result,reason=Reason,paid=',
    );

    const map =
      'reference=Ref|Member No,payment-id=Txn,name=Customer,date=Date,amount=Amount,status=Result,reason=Reason,paid=Success|OK,declined=Dishonoured,pending=Pending';
    const preview = await reconcile(report, '--map', map);
    expect(preview.rows.map((r) => [r.reportRow, r.outcome, r.clientId])).toEqual([
      [2, 'Paid', 'C-0003'],
      [3, 'To confirm', 'C-0001'],
      [4, 'To confirm', 'C-0005'],
      [5, 'Unmatched', ''],
    ]);
    // The mapping is saved: the apply needs no --map.
    const applied = await reconcile(report, '--apply', '--confirm', '3=C-0001', '--confirm', '4=C-0005');
    expect(applied.rows.map((r) => [r.outcome, r.clientId])).toEqual([
      ['Paid', 'C-0003'],
      ['Paid', 'C-0001'],
      ['Paid', 'C-0005'],
      ['Unmatched', ''],
    ]);
    const invoices = await rows(W, 'Invoices');
    expect(
      applied.rows.slice(0, 3).map((r) => {
        const i = invoices.find((x) => x['Invoice ID'] === r.invoiceIds[0])!;
        return [i['Client ID'], i.Status, i.Paid];
      }),
    ).toEqual([
      ['C-0003', 'Paid', '$160.00'],
      ['C-0001', 'Paid', '$220.00'],
      ['C-0005', 'Paid', '$160.00'],
    ]);
    const payments = (await rows(W, 'Payments')).map((p) => [p['Client ID'], p.Amount, p['Provider Ref']]);
    expect(payments).toEqual([
      ['C-0003', '$160.00', 'T-1'],
      ['C-0001', '$220.00', 'T-2'],
      ['C-0005', '$160.00', 'T-3'],
    ]);
    const again = await reconcile(report, '--apply');
    expect((await allRows(W, again)).map((r) => r.outcome)).toEqual([
      'Already applied',
      'Already applied',
      'Already applied',
      'Unmatched',
    ]);
    expect((await rows(W, 'Payments')).length).toBe(3);
    // As text: the heading counts every row, the table lists only the one to act on, a line the rest.
    const text = await run('reconcile', '--report', report, '--today', '2016-09-21');
    expect(text.split('\n\n')).toEqual([
      'Preview (nothing applied; see the Reconciliation tab): mapped report, 4 row(s)',
      [
        'Row  Outcome    Client  Amount  Invoices  Note',
        `---  ---------  ------  ------  --------  ${'-'.repeat(78)}`,
        '  5  Unmatched          $10.00            No invoice, client ID or DD reference matches, nor a client by name and amount',
      ].join('\n'),
      'Paid 0 ($0.00), declined 0 ($0.00), unmatched 1 ($10.00), pending 0, already applied 3, errors 0',
      '3 row(s) that change nothing (already applied or paid, pending, not a payment) are listed on the Reconciliation tab only.',
    ]);
  });

  it('settles a To check row with --resolve; a negative amount is never settled as paid', async () => {
    const { W, file, reconcile } = await studio('resolve');
    const report = file(
      'ds.txt',
      [
        'RunDate|BusinessName|BusinessAccount|ContractPrefix|CustomerID|AccountGuid|CustomerFirstName|CustomerLastName|DebitsuccessID|DocketNo|TransactionGuid|Amount|TransDate|TransType|PaymentTransactionCode|PaymentMethodCode|ReversalReasonCode|Commission|CurrencyCode',
        '2016-09-20|Harbour PT|HPT001|HPT|C-0003|ag-3|Alex|Wong|DS1|D-1|G-1|160.00|2016-09-16 06:00:00|Z|ZP|AP||3.20|AUD',
        '2016-09-20|Harbour PT|HPT001|HPT|C-0003|ag-3|Alex|Wong|DS1|D-2|G-2|-7.50|2016-09-19 06:00:00|Y|ZF|AP||0.00|AUD',
        '',
      ].join('\n'),
    );
    const preview = await reconcile(report);
    expect(preview.rows.map((r) => [r.outcome, r.clientId])).toEqual([
      ['Paid', 'C-0003'],
      ['To check', 'C-0003'],
    ]);
    const paid = await cli(
      'reconcile',
      '--workbook',
      W,
      '--report',
      report,
      '--apply',
      '--resolve',
      '3=paid',
    );
    expect(paid.code).toBe(1);
    expect(paid.err).toBe(
      'studio-ledger reconcile: Report row 3 says money went back (a negative amount or a decline): it is never a payment; settle it as reversal or ignore.',
    );
    expect(await rows(W, 'Payments')).toEqual([]);

    const settled = await reconcile(report, '--apply', '--resolve', '3=ignore');
    expect((await allRows(W, settled)).map((r) => [r.outcome, r.note])).toEqual([
      ['Paid', 'Matched by client ID; the rest paid INV-000007; $3.20 commission kept by the DD company'],
      ['Ignored', 'Settled by hand: ignored, nothing applied'],
    ]);
    expect((await rows(W, 'Reconciled')).map((r) => [r['Report Row'], r.Outcome])).toEqual([
      ['2', 'Paid'],
      ['3', 'Ignored'],
    ]);
    const again = await reconcile(report, '--apply');
    expect((await allRows(W, again)).map((r) => r.outcome)).toEqual(['Already applied', 'Already applied']);
    // As text, a report that changes nothing: no table, the line says where its rows are.
    expect(
      (await cli('reconcile', '--workbook', W, '--report', report, '--today', '2016-09-22')).out.split(
        '\n\n',
      ),
    ).toEqual([
      'Preview (nothing applied; see the Reconciliation tab): debitsuccess report, 2 row(s)',
      'Paid 0 ($0.00), declined 0 ($0.00), unmatched 0 ($0.00), pending 0, already applied 2, errors 0, fees kept by the DD company $3.20',
      '2 row(s) that change nothing (already applied or paid, pending, not a payment) are listed on the Reconciliation tab only.',
    ]);
  });

  it.each([
    [['--resolve', '3=maybe'], '--resolve 3=maybe: "maybe" is not paid, reversal or ignore'],
    [
      ['--resolve', 'three=ignore'],
      '--resolve three=ignore: write ROW=paid|reversal|ignore, ROW a report row number',
    ],
    [['--confirm', '3='], '--confirm 3=: say which client'],
    [['--confirm', '3=C-0001', '--confirm', '3=C-0005'], '--confirm: row 3 is given twice'],
    [
      ['--map', 'colour=Ref'],
      '--map: "colour" is not a role (use reference, payment-id, name, date, amount, status, reason, paid, declined, pending)',
    ],
    [['--map', 'date=Date|When'], '--map: date takes one column, not Date and When'],
  ])('a malformed option is a usage error (exit 2): %j', async (args, message) => {
    const r = await cli('reconcile', '--workbook', join(dir, 'none.xlsx'), '--report', 'r.csv', ...args);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`studio-ledger reconcile: ${message}. Run studio-ledger reconcile --help.`);
  });
});
