// Every malformed report in the corpus, through the add-in: a report that cannot be read (as a whole, or
// not one of its rows) is refused with its one-line reason and the workbook is unchanged; rows that fail
// to read are listed as errors, one per row, and nothing is applied from them.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorsByRow, readAbaReturnRecords, readReportText, ReportFormatError } from '../../src/core/reports';
import { loadAddin, type Addin } from './harness';
import { tabRows } from './reconciliationTab';
import { ok, setUpStudio } from './studio';

const DIR = 'test/fixtures/reports/malformed';
const files = readdirSync(DIR).sort();

function studio(): Addin {
  const addin = loadAddin();
  setUpStudio(addin, '2016-09-13');
  ok(addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10-5F', today: '2016-09-13' }));
  ok(addin.run('runBilling', { billingDate: '2016-09-13', today: '2016-09-13' }));
  return addin;
}

const snapshot = (addin: Addin, tabs: string[]) => tabs.map((t) => addin.tab(t));
const LEDGER = ['Invoices', 'Payments', 'Reconciled', 'Sales', 'Clients'];

describe('the malformed report corpus, through Reconcile', () => {
  it('has at least 20 reports', () => expect(files.length).toBeGreaterThanOrEqual(20));

  it.each(files)('%s', (file) => {
    const text = readFileSync(`${DIR}/${file}`, 'latin1');
    const addin = studio();
    const everything = addin.emu.spreadsheet.getSheets().map((s) => s.getDataRange().getValues());
    const ledger = snapshot(addin, LEDGER);
    let expected: ReturnType<typeof readReportText> | string;
    try {
      expected = readReportText(text, { parseAbaReturn: readAbaReturnRecords });
      if (!expected.rows.length && expected.errors.length)
        expected = `No row of the report could be read (${errorsByRow(expected.errors).length}`;
    } catch (e) {
      if (!(e instanceof ReportFormatError)) throw e;
      expected = e.message;
    }
    const r = addin.run<{
      ok: boolean;
      error: string;
      value: { rows: { outcome: string; note: string; reportRow: number }[] };
    }>('applyReconcile', { text, today: '2016-09-20' });
    if (typeof expected === 'string') {
      expect(r.ok).toBe(false);
      if (text.trim()) expect(r.error.startsWith(expected.replace(/\.$/, ''))).toBe(true);
      expect(r.error).not.toContain('\n');
      expect(addin.emu.spreadsheet.getSheets().map((s) => s.getDataRange().getValues())).toEqual(everything);
      return;
    }
    expect(r.ok).toBe(true);
    const errors = r.value.rows.filter((x) => x.outcome === 'Error');
    expect(errors.map((x) => [x.reportRow, x.note])).toEqual(
      errorsByRow(expected.errors).map((e) => [e.rowNumber, e.message]),
    );
    // None of these reports names a client of this studio: whatever read is unmatched, nothing applied.
    // Every row is on the Reconciliation tab (the view leaves out those that change nothing).
    const all = tabRows(addin);
    expect(all.filter((x) => x.outcome === 'Error').map((x) => [x.reportRow, x.note])).toEqual(
      errors.map((x) => [x.reportRow, x.note]),
    );
    expect(
      all.filter((x) => !['Error', 'Unmatched', 'Pending: no change', 'Ignored'].includes(x.outcome)),
    ).toEqual([]);
    expect(snapshot(addin, LEDGER)).toEqual(ledger);
  });
});
