// A report none of whose rows could be read is refused with its first error (and the CLI exits 1); a
// row with two bad cells is one Error row listing both problems.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/local/cli/main';
import { fixture, studio, type View } from './reconcileStudio';
import { ok } from './studio';

const [HEAD = '', BEN = '', CARA = ''] = fixture('ezidebit-payments-sample.csv').split('\n');
// Ben's row with a debit date and an amount that do not read; Cara's with an impossible date.
const BAD_BEN = BEN.replace('16/09/2016', '31/02/2016').replace(/220\.00,220\.00/, '220.00,lots');
const BAD_CARA = CARA.replace('16/09/2016', 'soon');

describe('a report whose rows do not read', () => {
  it('a row with two bad cells is one Error row naming both cells', () => {
    const addin = studio();
    const view = ok<View>(
      addin.run('previewReconcile', { text: [HEAD, BAD_BEN, CARA].join('\n'), today: '2016-09-20' }),
    );
    expect(view.rows.map((r) => [r.reportRow, r.outcome, r.note])).toEqual([
      [
        2,
        'Error',
        'Row 2, column DebitDate: "31/02/2016" is not a date; column PaymentAmount: "lots" is not an amount of money',
      ],
      [
        3,
        'Declined',
        'Matched by DD reference to B-000001: Refer to customer (code 6); dishonour fee INV-000009 $15.00',
      ],
    ]);
    expect(view.totals).toMatchObject({ errors: 1 });
  });

  it('nothing could be read: refused with the first error, and nothing is written', () => {
    const addin = studio();
    const everything = addin.emu.spreadsheet.getSheets().map((s) => s.getDataRange().getValues());
    const r = addin.run<{ ok: boolean; error: string; field: string }>('applyReconcile', {
      text: [HEAD, BAD_BEN, BAD_CARA].join('\n'),
      today: '2016-09-20',
    });
    expect(r).toMatchObject({
      ok: false,
      field: 'text',
      error:
        'No row of the report could be read (2 rows with errors). Row 2, column DebitDate: "31/02/2016" is not a date; column PaymentAmount: "lots" is not an amount of money.',
    });
    expect(addin.emu.spreadsheet.getSheets().map((s) => s.getDataRange().getValues())).toEqual(everything);
  });
});

describe('studio-ledger reconcile on a report that does not read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'studio-ledger-unreadable-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 1 with the first error and leaves the workbook as it was', async () => {
    const workbook = join(dir, 'studio.xlsx');
    const report = join(dir, 'report.csv');
    const quiet = { out: () => undefined, err: () => undefined, progress: () => undefined };
    expect(await runCli(['init', '--workbook', workbook, '--demo', '--today', '2016-09-09'], quiet)).toBe(0);
    writeFileSync(report, [HEAD, BAD_BEN].join('\n'));
    const bytes = readFileSync(workbook);
    const err: string[] = [];
    const out: string[] = [];
    const code = await runCli(
      ['reconcile', '--workbook', workbook, '--report', report, '--apply', '--today', '2016-09-20'],
      { out: (s) => out.push(s), err: (s) => err.push(s), progress: () => undefined },
    );
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain(
      'No row of the report could be read (1 row with errors). Row 2, column DebitDate: "31/02/2016" is not a date; column PaymentAmount: "lots" is not an amount of money.',
    );
    expect(readFileSync(workbook).equals(bytes)).toBe(true);
  });
});
