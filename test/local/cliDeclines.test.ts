// Declines by the bank's reason through the command line on a real .xlsx: each code's fee and client
// status, one story per debit, held after the Retry Limit and released, and code 8 holding back the next
// ABA file until the ABA User ID changes.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppsScript } from '../../src/local/gas';
import { loadIntoEmulation } from '../../src/local/xlsx';
import { cli } from './cliRun';
import { ok, soldStudio } from './cliStudio';
import { editWorkbook } from './workbookEdit';

const dir = mkdtempSync(join(tmpdir(), 'studio-ledger-declines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BASE = join(dir, 'base.xlsx');
let n = 0;

/**
 * Jane (C-0001, INV-000001 $220) and Chris (C-0002, INV-000006 $160 recurring) debited in B-000001 on
 * Fri 16 Sep 2016 and processed on the 19th; the demo's $15 Dishonour Fee and ABA User ID 301500.
 */
beforeAll(async () => {
  await soldStudio(BASE);
  await debit(BASE, '2016-09-16', '2016-09-19');
}, 60_000);

async function debit(W: string, billingDate: string, processed: string): Promise<void> {
  await ok(W, 'bill', '--date', billingDate, '--today', billingDate);
  await ok(W, 'export', '--format', 'aba', '--out', join(dir, `b-${++n}.aba`), '--today', billingDate);
  await ok(W, 'mark-processed', '--today', processed);
}

function studio(): string {
  const W = join(dir, `studio-${++n}.xlsx`);
  copyFileSync(BASE, W);
  return W;
}

type Row = Record<string, string>;

/** Loading a workbook is slow: the last one loaded is kept while its bytes are the same. */
let last: { path: string; bytes: Buffer; emu: ReturnType<typeof createAppsScript> } | null = null;

/** A saved tab's rows keyed by header, as display values. */
async function records(W: string, name: string): Promise<Row[]> {
  const bytes = readFileSync(W);
  if (!last || last.path !== W || !last.bytes.equals(bytes)) {
    const emu = createAppsScript();
    await loadIntoEmulation(W, emu);
    last = { path: W, bytes, emu };
  }
  const [header, ...body] = last.emu.spreadsheet.getSheetByName(name)!.getDataRange().getDisplayValues();
  return body
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}
const invoice = async (W: string, id: string) =>
  (await records(W, 'Invoices')).find((i) => i['Invoice ID'] === id)!;
const client = async (W: string, id: string) =>
  (await records(W, 'Clients')).find((c) => c['Client ID'] === id)!;
const declineRows = async (W: string) => (await records(W, 'Payments')).filter((p) => p.Method === 'Decline');
const fees = async (W: string) =>
  (await records(W, 'Invoices')).filter((i) => i.Description!.startsWith('Dishonour fee'));

async function setSetting(W: string, key: string, value: string | number): Promise<void> {
  await editWorkbook(W, (ss) => {
    const sheet = ss.getSheetByName('Settings')!;
    const row = sheet
      .getDataRange()
      .getValues()
      .findIndex((r) => r[0] === key);
    if (row < 0) throw new Error(`no setting ${key}`);
    sheet.getRange(row + 1, 2).setValue(value);
  });
}

async function refused(W: string, args: string[], error: string): Promise<void> {
  const before = readFileSync(W);
  const r = await cli(...args, '--workbook', W);
  expect(r).toMatchObject({ code: 1, err: error });
  expect(readFileSync(W).equals(before)).toBe(true);
}

const declineArgs = (...more: string[]) => ['decline', '--client', 'C-0001', '--date', '2016-09-21', ...more];

describe('studio-ledger decline --code', () => {
  const table: [string, { fee: boolean; status: string; count: string; reason: string }][] = [
    ['1', { fee: true, status: 'Update bank details', count: '1', reason: 'Invalid BSB number (code 1)' }],
    ['2', { fee: true, status: 'DD stopped', count: '1', reason: 'Payment stopped (code 2)' }],
    ['3', { fee: true, status: 'DD stopped', count: '1', reason: 'Account closed (code 3)' }],
    ['4', { fee: true, status: 'DD stopped', count: '1', reason: 'Customer deceased (code 4)' }],
    [
      '5',
      {
        fee: true,
        status: 'Update bank details',
        count: '1',
        reason: 'No account / incorrect account number (code 5)',
      },
    ],
    ['6', { fee: true, status: 'Active', count: '1', reason: 'Refer to customer (code 6)' }],
    ['7', { fee: false, status: 'Active', count: '1', reason: 'Not used (deleted) (code 7)' }],
    ['8', { fee: false, status: 'Active', count: '0', reason: 'Invalid user ID number (code 8)' }],
    ['9', { fee: true, status: 'Update bank details', count: '1', reason: 'Technically invalid (code 9)' }],
  ];

  it.each(table)('code %s: the fee, the invoice and the client as the table says', async (code, want) => {
    const W = studio();
    const out = await ok(W, ...declineArgs('--code', code, '--today', '2016-09-21'));
    expect(out).toContain(`B-000001: Jane Citizen declined $220.00 (${want.reason})`);
    expect(
      (await declineRows(W)).map((p) => [p['Invoice ID'], p.Date, p.Amount, p['Batch ID'], p.Reason]),
    ).toEqual([['INV-000001', '21/09/2016', '-$220.00', 'B-000001', want.reason]]);
    expect(await invoice(W, 'INV-000001')).toMatchObject({
      Status: 'Declined',
      Paid: '$0.00',
      Balance: '$220.00',
      'Decline Reason': want.reason,
      'Decline Count': want.count,
    });
    expect((await fees(W)).map((f) => [f['Client ID'], f['Due Date'], f.Amount, f.Status])).toEqual(
      want.fee ? [['C-0001', '21/09/2016', '$15.00', 'Open']] : [],
    );
    const jane = await client(W, 'C-0001');
    expect(jane.Status).toBe(want.status);
    expect([jane['Declined BSB'] ?? '', jane['Declined Account'] ?? '']).toEqual(
      want.status === 'Update bank details' ? ['062-000', '12345678'] : ['', ''],
    );
    // Chris's debit in the same batch stands.
    expect(await invoice(W, 'INV-000006')).toMatchObject({ Status: 'Paid', Paid: '$160.00' });
  });

  it('a second decline of the same debit changes nothing; a code over a hand reason replaces it', async () => {
    const W = studio();
    await ok(W, ...declineArgs('--reason', 'bank said no', '--today', '2016-09-21'));
    expect(await invoice(W, 'INV-000001')).toMatchObject({
      'Decline Reason': 'bank said no',
      'Decline Count': '1',
    });
    await refused(
      W,
      declineArgs('--reason', 'no again', '--today', '2016-09-22'),
      "studio-ledger decline: C-0001's debit in B-000001 was declined already (bank said no): nothing changed.",
    );
    const out = await ok(W, ...declineArgs('--code', '3', '--today', '2016-09-23'));
    expect(out).toBe(
      "B-000001: Jane Citizen's debit was declined already: the reason is now Account closed (code 3); client now DD stopped.",
    );
    // The money moved once: one reversal and one fee, the reason replaced on both rows it shows.
    expect((await declineRows(W)).map((p) => [p.Date, p.Amount, p.Reason])).toEqual([
      ['21/09/2016', '-$220.00', 'Account closed (code 3)'],
    ]);
    expect(await invoice(W, 'INV-000001')).toMatchObject({
      Status: 'Declined',
      Balance: '$220.00',
      'Decline Reason': 'Account closed (code 3)',
      'Decline Count': '1',
    });
    expect(await fees(W)).toHaveLength(1);
    expect((await client(W, 'C-0001')).Status).toBe('DD stopped');
    await refused(
      W,
      declineArgs('--code', '6', '--today', '2016-09-24'),
      "studio-ledger decline: C-0001's debit in B-000001 was declined already (Account closed (code 3)): nothing changed.",
    );
  });

  it('a code that is not a bank return code is refused, writing nothing', async () => {
    const W = studio();
    await refused(
      W,
      declineArgs('--code', 'broke', '--today', '2016-09-21'),
      'studio-ledger decline: C-0001: code "broke" is not a bank return code: give 1 to 9 or the reason\'s words (e.g. Account closed).',
    );
  });
});

describe('held after the Retry Limit, and studio-ledger release', () => {
  it('declined past the Retry Limit: held out of the next run until released, which resets the count', async () => {
    const W = studio();
    await setSetting(W, 'Retry Limit', 1);
    await ok(W, ...declineArgs('--code', '6', '--today', '2016-09-21'));
    expect(await invoice(W, 'INV-000001')).toMatchObject({ Status: 'Declined', 'Decline Count': '1' });
    await debit(W, '2016-09-30', '2016-10-03');
    expect(await invoice(W, 'INV-000001')).toMatchObject({ Status: 'Paid', 'Batch ID': 'B-000002' });
    const out = await ok(
      W,
      'decline',
      '--client',
      'C-0001',
      '--batch',
      'B-000002',
      '--code',
      '6',
      '--date',
      '2016-10-04',
      '--today',
      '2016-10-04',
    );
    expect(out).toContain('held for a person: INV-000001');
    expect(await invoice(W, 'INV-000001')).toMatchObject({
      Status: 'Held',
      Paid: '$0.00',
      'Decline Count': '2',
    });

    const billed = JSON.parse(
      await ok(W, 'bill', '--date', '2016-10-14', '--today', '2016-10-14', '--json'),
    ) as {
      rows: { clientId: string; invoiceIds: string[] }[];
    };
    expect(billed.rows.find((r) => r.clientId === 'C-0001')!.invoiceIds).not.toContain('INV-000001');

    expect(await ok(W, 'release', '--invoice', 'INV-000001', '--today', '2016-10-14')).toBe(
      'INV-000001 released (Declined, $220.00 owing).',
    );
    expect(await invoice(W, 'INV-000001')).toMatchObject({ Status: 'Declined', 'Decline Count': '0' });
    expect((await records(W, 'Log')).at(-1)).toMatchObject({
      Action: 'Release',
      Details: 'C-0001 Jane Citizen: released INV-000001 (Declined)',
    });
    const again = JSON.parse(
      await ok(W, 'bill', '--date', '2016-10-14', '--today', '2016-10-14', '--json'),
    ) as {
      rows: { clientId: string; invoiceIds: string[] }[];
    };
    expect(again.rows.find((r) => r.clientId === 'C-0001')!.invoiceIds).toContain('INV-000001');
    await refused(
      W,
      ['release', '--invoice', 'INV-000001', '--today', '2016-10-14'],
      'studio-ledger release: INV-000001 is Declined: it cannot be released.',
    );
  });

  it('release --client sets a stopped client back to Active; release needs one of --invoice or --client', async () => {
    const W = studio();
    await ok(W, ...declineArgs('--code', '2', '--today', '2016-09-21'));
    expect(await ok(W, 'release', '--client', 'C-0001', '--today', '2016-09-22')).toBe(
      'C-0001 Jane Citizen is Active again (was DD stopped).',
    );
    expect((await client(W, 'C-0001')).Status).toBe('Active');
    expect(await invoice(W, 'INV-000001')).toMatchObject({ Status: 'Declined', Balance: '$220.00' });
    const neither = await cli('release', '--workbook', W, '--today', '2016-09-22');
    expect(neither).toMatchObject({
      code: 2,
      err: 'studio-ledger release: give one of --invoice or --client. Run studio-ledger release --help.',
    });
    expect(
      (await cli('release', '--workbook', W, '--invoice', 'INV-000001', '--client', 'C-0001')).code,
    ).toBe(2);
  });
});

describe('code 8: the studio’s ABA User ID', () => {
  it('no ABA file until the ABA User ID in Settings changes', async () => {
    const W = studio();
    const out = await ok(W, ...declineArgs('--code', '8', '--today', '2016-09-21'));
    expect(out).toBe(
      'B-000001: Jane Citizen declined $220.00 (Invalid user ID number (code 8)); no ABA file until ABA User ID 301500 is changed on the Settings tab.',
    );
    await ok(W, 'bill', '--date', '2016-09-30', '--today', '2016-09-30');
    const aba = join(dir, 'after-8.aba');
    await refused(
      W,
      ['export', '--format', 'aba', '--out', aba, '--today', '2016-09-30'],
      'studio-ledger export: The bank refused ABA User ID 301500 (return code 8, invalid user ID): correct ABA User ID on the Settings tab before the next debit file.',
    );
    await setSetting(W, 'ABA User ID', '301501');
    await ok(W, 'export', '--format', 'aba', '--out', aba, '--today', '2016-09-30');
    expect(readFileSync(aba, 'utf8').split('\r\n')[0]).toContain('301501');
    expect(await invoice(W, 'INV-000001')).toMatchObject({ Status: 'Sent', 'Decline Count': '0' });
    expect(await fees(W)).toEqual([]);
  });
});
