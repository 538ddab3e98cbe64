// Write off and undo through the command line on a real .xlsx: the row's status, reason, date and cents,
// the balance out of Outstanding and the next billing run, undo putting it back, a workbook without the
// write-off columns gaining them, and every refusal leaving the file byte-for-byte as it was.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppsScript } from '../../src/local/gas';
import { loadIntoEmulation } from '../../src/local/xlsx';
import { cli } from './cliRun';
import { ok, soldStudio } from './cliStudio';
import { columnOf, editWorkbook } from './workbookEdit';

const dir = mkdtempSync(join(tmpdir(), 'studio-ledger-write-off-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BASE = join(dir, 'base.xlsx');
let n = 0;

/** Jane (C-0001) 5 x $220 from Tue 13 Sep 2016 (INV-000001..5) and Chris (C-0002) $160 recurring (INV-000006). */
beforeAll(async () => {
  await soldStudio(BASE);
}, 60_000);

function studio(): string {
  const W = join(dir, `studio-${++n}.xlsx`);
  copyFileSync(BASE, W);
  return W;
}

type Row = Record<string, string>;

async function rowsOf(W: string, name: string, headerRow = 1): Promise<Row[]> {
  const emu = createAppsScript();
  await loadIntoEmulation(W, emu);
  const values = emu.spreadsheet
    .getSheetByName(name)!
    .getDataRange()
    .getDisplayValues()
    .slice(headerRow - 1);
  const [header, ...body] = values;
  return body
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}
const invoice = async (W: string, id: string) =>
  (await rowsOf(W, 'Invoices')).find((i) => i['Invoice ID'] === id)!;

async function refused(W: string, args: string[], code: number, error: unknown): Promise<void> {
  const before = readFileSync(W);
  const r = await cli(...args, '--workbook', W);
  expect(r).toMatchObject({ code, err: code === 1 ? `studio-ledger write-off: ${error}` : error });
  expect(readFileSync(W).equals(before)).toBe(true);
}

describe('studio-ledger write-off', () => {
  it('writes an invoice off with its reason and date; it leaves Outstanding and billing; --undo puts it back', async () => {
    const W = studio();
    const out = await ok(
      W,
      'write-off',
      '--invoice',
      'INV-000001',
      '--reason',
      'Moved interstate',
      '--date',
      '2016-09-20',
      '--today',
      '2016-09-21',
    );
    expect(out).toBe('INV-000001 C-0001 Jane Citizen: $220.00 written off on 2016-09-20 (Moved interstate)');
    expect(await invoice(W, 'INV-000001')).toMatchObject({
      Status: 'Written off',
      Amount: '$220.00',
      Paid: '$0.00',
      Balance: '$220.00',
      'Write-off Reason': 'Moved interstate',
      'Write-off Date': '20/09/2016',
    });
    // Outstanding on the 21st: Chris's $160 due 13 Sep only.
    const owed = JSON.parse(
      await ok(W, 'outstanding', '--date', '2016-09-21', '--today', '2016-09-21', '--json'),
    );
    expect(owed.clients.map((c: { clientId: string; owed: number }) => [c.clientId, c.owed])).toEqual([
      ['C-0002', 16000],
    ]);
    // Balances (rewritten by the write-off): Jane's $220 is written off, not owed.
    const jane = (await rowsOf(W, 'Balances', 3)).find((r) => r['Client ID'] === 'C-0001')!;
    expect([jane.Owed, jane['Written Off']]).toEqual(['$0.00', '$220.00']);

    await ok(W, 'bill', '--date', '2016-09-27', '--today', '2016-09-27');
    const billed = (await rowsOf(W, 'Process Billing', 3)).map((r) => [r['Client ID'], r['Invoice IDs']]);
    expect(billed).toContainEqual(['C-0001', 'INV-000002']);
    expect(JSON.stringify(billed)).not.toContain('INV-000001');

    const back = JSON.parse(
      await ok(W, 'write-off', '--invoice', 'INV-000001', '--undo', '--today', '2016-09-28', '--json'),
    );
    expect(back).toMatchObject({
      invoiceId: 'INV-000001',
      status: 'Open',
      was: 'Written off',
      balance: 22000,
    });
    expect(await invoice(W, 'INV-000001')).toMatchObject({
      Status: 'Open',
      Balance: '$220.00',
      'Write-off Reason': '',
      'Write-off Date': '',
    });
    const log = (await rowsOf(W, 'Log')).slice(-2).map((l) => l.Action);
    expect(log).toEqual(['Process Billing', 'Undo write-off']);
  });

  it('a workbook made before the write-off columns gains them at the end of the Invoices header', async () => {
    const W = studio();
    await editWorkbook(W, (ss) => {
      const sheet = ss.getSheetByName('Invoices')!;
      sheet.deleteColumns(columnOf(ss, 'Invoices', 'Write-off Reason'), 2);
    });
    expect(Object.keys(await invoice(W, 'INV-000006'))).not.toContain('Write-off Reason');
    // An ordinary action on invoices adds no column.
    await ok(W, 'bill', '--date', '2016-09-13', '--today', '2016-09-13');
    expect(Object.keys(await invoice(W, 'INV-000006'))).not.toContain('Write-off Reason');

    await ok(
      W,
      'write-off',
      '--invoice',
      'INV-000005',
      '--reason',
      'Package ended early',
      '--today',
      '2016-09-14',
    );
    const header = Object.keys(await invoice(W, 'INV-000005'));
    expect(header.slice(-2)).toEqual(['Write-off Reason', 'Write-off Date']);
    expect(await invoice(W, 'INV-000005')).toMatchObject({
      Status: 'Written off',
      'Write-off Reason': 'Package ended early',
      'Write-off Date': '14/09/2016',
    });
  });

  it('refuses bad input with one line, the workbook left byte-for-byte as it was', async () => {
    const W = studio();
    await ok(W, 'bill', '--date', '2016-09-13', '--today', '2016-09-13');
    await ok(W, 'export', '--format', 'aba', '--out', join(dir, `b-${++n}.aba`), '--today', '2016-09-13');
    const base = ['write-off', '--today', '2016-09-14'];
    await refused(
      W,
      [...base, '--invoice', 'INV-000001', '--reason', 'x'],
      1,
      'INV-000001 is in batch B-000001, sent to the bank: write it off once that batch is processed or declined.',
    );
    await refused(
      W,
      [...base, '--invoice', 'INV-999', '--reason', 'x'],
      1,
      'No invoice INV-999 on the Invoices tab.',
    );
    await refused(
      W,
      [...base, '--invoice', 'INV-000002', '--reason', 'x', '--date', '2016-09-15'],
      1,
      'Date 2016-09-15 is after today (2016-09-14): a write-off is dated when it happens.',
    );
    await refused(
      W,
      [...base, '--invoice', 'INV-000002', '--undo'],
      1,
      'INV-000002 is Open, not written off: there is nothing to undo.',
    );
    await refused(
      W,
      [...base, '--invoice', 'INV-000002'],
      2,
      expect.stringContaining('--reason is required (or --undo)'),
    );
    await refused(
      W,
      [...base, '--invoice', 'INV-000002', '--undo', '--reason', 'x'],
      2,
      expect.stringContaining('--undo takes no --reason or --date'),
    );
    await refused(
      W,
      [...base, '--invoice', 'INV-000002', '--reason', 'x', '--date', '14/09/2016'],
      2,
      expect.stringContaining('--date 14/09/2016: dates are YYYY-MM-DD'),
    );

    // Refused with --json: the one line on stderr and {"ok":false,...} on stdout.
    const r = await cli(...base, '--invoice', 'INV-999', '--reason', 'x', '--json', '--workbook', W);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({ ok: false, error: 'No invoice INV-999 on the Invoices tab.' });
  });
});
