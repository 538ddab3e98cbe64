// A checkbox clicked on an empty row (TRUE or FALSE and nothing else) is not a record: Packages and
// Process Billing read on as if the row were blank.
import { describe, expect, it } from 'vitest';
import { loadAddin, records } from './harness';
import { billingStudio, ok, setUpStudio } from './studio';

function columnOf(sheet: GoogleAppsScript.Spreadsheet.Sheet, header: string, headerRow = 1): number {
  const row = sheet.getRange(headerRow, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  return row.indexOf(header) + 1;
}

describe('a stray TRUE/FALSE is not a row', () => {
  it('a ticked and an unticked Active cell under the packages leave selling as it was', () => {
    const addin = loadAddin();
    setUpStudio(addin);
    const packages = addin.sheet('Packages');
    const active = columnOf(packages, 'Active');
    const last = packages.getLastRow();
    packages.getRange(last + 2, active).setValue(true);
    packages.getRange(last + 4, active).setValue(false);
    const form = ok<{ packages: { code: string }[] }>(addin.run('getSellForm', { today: '2016-09-13' }));
    expect(form.packages.map((p) => p.code)).toEqual(['PT10', 'PT10-5F', 'PT2W']);
    const sale = ok<{ saleId: string }>(
      addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10', today: '2016-09-13' }),
    );
    expect(sale.saleId).toBe('S-000001');
    expect(records(addin.tab('Sales')).map((s) => s['Package Code'])).toEqual(['PT10']);
  });

  it('an Include ticked below the debits does not stop the debit file', () => {
    const addin = billingStudio(loadAddin());
    ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    const tab = addin.sheet('Process Billing');
    const include = columnOf(tab, 'Include', 3);
    tab.getRange(tab.getLastRow() + 3, include).setValue(true);
    const file = ok<{ debits: number; total: number }>(
      addin.run('createDebitFile', { format: 'aba', today: '2016-09-16' }),
    );
    expect(file.debits).toBe(2);
    expect(file.total).toBe(26995 + 16000);
  });
});
