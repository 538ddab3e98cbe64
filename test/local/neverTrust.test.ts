// "Never trust what is read", through the CLI on a real .xlsx: a person's sort, paste or typed-over header
// between commands is refused with one line naming tab, row and column, and the workbook is left as it was.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cli } from './cliRun';
import { ok, soldStudio } from './cliStudio';
import { columnOf, editWorkbook } from './workbookEdit';

const dir = mkdtempSync(join(tmpdir(), 'studio-ledger-trust-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
let W = '';
/** Jane (C-0001, $220 instalments) and Chris (C-0002, $160 recurring) billed on Fri 16 Sep 2016. */
async function billedStudio(): Promise<void> {
  W = join(dir, `studio-${++n}.xlsx`);
  await soldStudio(W);
  await ok(W, 'bill', '--date', '2016-09-16', '--today', '2016-09-16');
}

async function refused(args: string[], message: RegExp): Promise<void> {
  const before = readFileSync(W);
  const r = await cli(...args, '--workbook', W);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(message);
  expect(r.err.split('\n')).toHaveLength(1);
  expect(readFileSync(W).equals(before)).toBe(true);
}

const exportArgs = () => ['export', '--format', 'aba', '--out', join(dir, 'b.aba'), '--today', '2016-09-16'];

describe('the spreadsheet is never trusted', () => {
  beforeEach(billedStudio);

  it('Process Billing rows whose Client ID cells were swapped (one column sorted) are refused', async () => {
    await editWorkbook(W, (ss) => {
      const pb = ss.getSheetByName('Process Billing')!;
      const c = columnOf(ss, 'Process Billing', 'Client ID', 3);
      const a = pb.getRange(4, c).getValue();
      pb.getRange(4, c).setValue(pb.getRange(5, c).getValue());
      pb.getRange(5, c).setValue(a);
    });
    await refused(
      exportArgs(),
      /: Process Billing row 4, column Client ID: INV-\d+ is C-000\d's invoice, not C-000\d's/,
    );
  });

  it('a pasted copy of an Invoices row (same Invoice ID) is refused, naming both rows', async () => {
    await editWorkbook(W, (ss) => {
      const inv = ss.getSheetByName('Invoices')!;
      const last = inv.getLastRow();
      const width = inv.getLastColumn();
      inv.getRange(last + 1, 1, 1, width).setValues(inv.getRange(2, 1, 1, width).getValues());
    });
    await refused(exportArgs(), /: Invoices row 8, column Invoice ID: INV-000001 is also on row 2/);
  });

  it('a duplicated Clients row is refused by export and by sell', async () => {
    await editWorkbook(W, (ss) => {
      const cl = ss.getSheetByName('Clients')!;
      const width = cl.getLastColumn();
      const last = cl.getLastRow();
      const copy = cl.getRange(2, 1, 1, width).getValues();
      copy[0]![columnOf(ss, 'Clients', 'Account Number') - 1] = '99999999';
      cl.getRange(last + 1, 1, 1, width).setValues(copy);
    });
    await refused(exportArgs(), /: Clients row 7, column Client ID: C-0001 is also on row 2/);
    await refused(
      ['sell', '--client', 'C-0001', '--package', 'PT10', '--today', '2016-09-16'],
      /: Clients row 7, column Client ID: C-0001 is also on row 2/,
    );
  });

  it('a billing date typed over in the Process Billing header is refused', async () => {
    await editWorkbook(W, (ss) => {
      ss.getSheetByName('Process Billing')!.getRange(1, 2).setValue('23/09/2016');
    });
    await refused(
      exportArgs(),
      /: Process Billing row 1, column Billing Date: batch B-000001 was made for 2016-09-16/,
    );
  });

  it('a batch ID typed over in the Process Billing header is refused', async () => {
    await editWorkbook(W, (ss) => {
      ss.getSheetByName('Process Billing')!.getRange(1, 4).setValue('B-000007');
    });
    await refused(
      exportArgs(),
      /: Process Billing row 1, column Batch ID: no billing run made batch B-000007/,
    );
  });
});

describe('a draft edit is not carried onto other money', () => {
  beforeEach(billedStudio);

  it("an untick made for Jane's old invoices is dropped when she owes something new, and the run says so", async () => {
    await editWorkbook(W, (ss) => {
      const pb = ss.getSheetByName('Process Billing')!;
      const c = columnOf(ss, 'Process Billing', 'Client ID', 3);
      const include = columnOf(ss, 'Process Billing', 'Include', 3);
      const row = pb.getRange(4, c).getValue() === 'C-0001' ? 4 : 5;
      pb.getRange(row, include).setValue(false);
    });
    const adHoc = await cli(
      'ad-hoc',
      '--workbook',
      W,
      '--client',
      'C-0001',
      '--description',
      'Towel',
      '--amount',
      '5',
      '--due',
      '2016-09-15',
      '--today',
      '2016-09-16',
    );
    expect(adHoc.code).toBe(0);
    const r = await cli('bill', '--workbook', W, '--date', '2016-09-16', '--today', '2016-09-16', '--json');
    expect(r.code).toBe(0);
    const run = JSON.parse(r.out) as {
      rows: { clientId: string; include: boolean; amountDue: number }[];
      warnings: string[];
    };
    expect(run.rows.find((x) => x.clientId === 'C-0001')).toMatchObject({ include: true, amountDue: 22500 });
    expect(run.warnings.join(' ')).toMatch(/dropped for C-0001 Jane Citizen: their invoices changed/);
  });
});
