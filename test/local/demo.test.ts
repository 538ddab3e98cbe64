// npm start's demo, run for real in a temporary folder: every command succeeds, the workbook reopens
// with every tab intact, the figures are the seed's, and only the files of an earlier run are replaced.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAbaFile } from '../../src/core/aba';
import { runDemo } from '../../src/local/demo';
import { createAppsScript } from '../../src/local/gas';
import { loadIntoEmulation } from '../../src/local/xlsx';
import { TABS, TAB_ORDER } from '../../src/sheets/schema';

const dir = join(mkdtempSync(join(tmpdir(), 'studio-ledger-demo-')), 'demo');
afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

// Twenty commands, each reading and saving a real .xlsx workbook with exceljs (about 1 s each on an
// idle core, 20 s in all), run in-process: on a busy two-core machine that takes several times longer.
const DEMO_LIMIT_MS = 120_000;

describe('npm start', () => {
  it(
    'runs the demo studio through two billing cycles and leaves a workbook that reopens intact',
    { timeout: DEMO_LIMIT_MS },
    async () => {
      // An earlier run's files, and the owner's own beside them.
      mkdirSync(join(dir, 'notes'), { recursive: true });
      writeFileSync(join(dir, 'notes', 'todo.txt'), 'call the bank');
      writeFileSync(join(dir, 'my-studio.xlsx'), 'not the demo');
      writeFileSync(join(dir, 'studio.xlsx'), 'an earlier run');
      writeFileSync(join(dir, 'B-000001-2016-09-16.aba'), 'an earlier run');
      writeFileSync(join(dir, '.studio.xlsx.4242.0123456789ab.tmp'), 'a save that did not finish');
      const lines: string[] = [];
      const errors: string[] = [];
      const code = await runDemo(dir, { log: (s) => lines.push(s), error: (s) => errors.push(s) });
      expect(errors).toEqual([]);
      expect(code).toBe(0);

      const emu = createAppsScript();
      await loadIntoEmulation(join(dir, 'studio.xlsx'), emu);
      const names = emu.spreadsheet.getSheets().map((s) => s.getName());
      for (const key of TAB_ORDER) {
        const spec: { name: string; columns: readonly { header: string }[] } = TABS[key];
        expect(names, spec.name).toContain(spec.name);
      }
      const rows = (tab: string) => {
        const [header, ...body] = emu.spreadsheet.getSheetByName(tab)!.getDataRange().getValues();
        return body
          .filter((r) => r.some((v) => v !== ''))
          .map((r) => Object.fromEntries(header!.map((h, i) => [String(h), r[i]])));
      };
      // The seed's instalments: Jane's five $220 invoices from Tue 13 Sep, fortnightly.
      const jane = rows('Invoices').filter((i) => i['Client ID'] === 'C-0001' && i['Sale ID'] === 'S-000001');
      expect(jane.map((i) => [(i['Due Date'] as Date).toISOString().slice(0, 10), i.Amount])).toEqual([
        ['2016-09-12', 220],
        ['2016-09-26', 220],
        ['2016-10-10', 220],
        ['2016-10-24', 220],
        ['2016-11-07', 220],
      ]); // Sydney midnight of 13 Sep is 12 Sep 14:00 UTC
      const first = parseAbaFile(readFileSync(join(dir, 'B-000001-2016-09-16.aba'), 'latin1'));
      expect(first.header.processingDate).toBe('2016-09-16');
      expect(first.total.debit).toBe(first.total.credit);
      expect(existsSync(join(dir, 'B-000002-2016-09-30.aba'))).toBe(true);
      // Priya's dishonoured debit was reversed, then billed and paid again in cycle 2; Chris's cycle-2
      // debit came back with code 3, and he was stopped, then released.
      const reversal = rows('Payments').filter((p) => p.Method === 'Decline');
      expect(reversal.map((p) => [p['Client ID'], p.Amount])).toEqual([
        ['C-0005', -220],
        ['C-0002', -160],
      ]);
      expect(`${reversal[0]!.Reference} ${reversal[0]!.Reason ?? ''}`).toMatch(/Refer to customer/);
      expect(reversal[1]!.Reason).toBe('Account closed (code 3)');
      expect(rows('Clients').find((c) => c['Client ID'] === 'C-0002')!.Status).toBe('Active');
      expect(rows('Invoices').some((i) => String(i.Description).startsWith('Dishonour fee'))).toBe(true);
      expect(rows('Reconciled').length).toBe(2);
      // Chris's $15 fee was written off on 5 Oct: kept on the row with its reason, no longer owed.
      const fee = rows('Invoices').find((i) => i['Invoice ID'] === 'INV-000018')!;
      expect([fee['Client ID'], fee.Amount, fee.Status, fee['Write-off Reason']]).toEqual([
        'C-0002',
        15,
        'Written off',
        'Fee waived: the bank closed the account',
      ]);
      expect(lines.join('\n')).toContain('already applied 2');
      // Chris's statement: his reversed debit owed again, the written-off fee not owed.
      expect(lines.join('\n')).toMatch(/Balance \$160\.00, made up of:\n +Overdue now +\$160\.00/);
      const statement = emu.spreadsheet.getSheetByName('Statement')!.getDataRange().getValues();
      expect(statement[0]!.slice(0, 4)).toEqual(['Client', 'C-0002', 'Name', 'Chris Nguyen']);

      expect(readFileSync(join(dir, 'notes', 'todo.txt'), 'utf8')).toBe('call the bank');
      expect(readFileSync(join(dir, 'my-studio.xlsx'), 'utf8')).toBe('not the demo');
      expect(existsSync(join(dir, '.studio.xlsx.4242.0123456789ab.tmp'))).toBe(false);
    },
  );
});
