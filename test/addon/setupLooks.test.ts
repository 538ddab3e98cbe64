// The workbook as a person sees it after Set up workbook: column widths, Settings values formatted by
// kind, the DD Report instruction row, Include ticks, readable timestamps.
import { describe, expect, it } from 'vitest';
import { parseAbaFile } from '../../src/core/aba';
import { TABS, TAB_ORDER } from '../../src/sheets/schema';
import { DD_REPORT_INSTRUCTION } from '../../src/sheets/tabs/ddReport';
import { columnWidth } from '../../src/sheets/tabs/widths';
import { loadAddin, records, type Addin } from './harness';
import { allRows } from './reconciliationTab';
import { fixture, invoice, studio, type View } from './reconcileStudio';
import { billingStudio, ok, setSetting } from './studio';

const setUp = (addin: Addin, today = '2016-09-09') => ok(addin.run('setUpWorkbook', { today }));

/** Sheet row of a setting's row on the Settings tab. */
function settingRow(addin: Addin, key: string): number {
  const i = addin
    .sheet('Settings')
    .getDataRange()
    .getValues()
    .findIndex((r) => r[0] === key);
  if (i < 0) throw new Error(`no setting ${key}`);
  return i + 1;
}
const valueCell = (addin: Addin, key: string) => addin.sheet('Settings').getRange(settingRow(addin, key), 2);

describe('Set up workbook: how the workbook looks', () => {
  it('gives every column of ours a width that fits what it holds', () => {
    const addin = loadAddin();
    setUp(addin);
    for (const key of TAB_ORDER) {
      const spec = TABS[key];
      spec.columns.forEach((c, i) => {
        expect(addin.sheet(spec.name).getColumnWidth(i + 1), `${spec.name}: ${c.header}`).toBe(
          columnWidth(c),
        );
      });
    }
    const clients = addin.sheet('Clients');
    expect(clients.getColumnWidth(2)).toBe(180); // Name
    expect(clients.getColumnWidth(3)).toBe(220); // Email
    expect(clients.getColumnWidth(5)).toBe(170); // Billing Method
    expect(addin.sheet('Sales').getColumnWidth(2)).toBeGreaterThanOrEqual(100); // Sale Date: dd/mm/yyyy
    expect(addin.sheet('Log').getColumnWidth(3)).toBe(600); // Details
  });

  it('run again on a workbook it sized changes no width', () => {
    const addin = loadAddin();
    setUp(addin);
    const widths = () =>
      TAB_ORDER.map((k) => TABS[k].columns.map((_, i) => addin.sheet(TABS[k].name).getColumnWidth(i + 1)));
    const before = widths();
    const set = () => addin.emu.calls.byMethod()['Sheet.setColumnWidth'] ?? 0;
    const calls = set();
    setUp(addin);
    expect(set()).toBe(calls);
    expect(widths()).toEqual(before);
  });

  it('run again keeps a width the user set, and sizes columns still at the default and added ones', () => {
    const addin = loadAddin();
    setUp(addin);
    const clients = addin.sheet('Clients');
    clients.setColumnWidth(2, 333); // the user widened Name
    clients.setColumnWidth(3, 100); // Email as an older set-up left it
    // The user types Notes over our last header: set-up adds that header back after Notes.
    const ours = TABS.clients.columns;
    const last = ours.length;
    clients.getRange(1, last).setValue('Notes');
    const again = ok<{ headersAdded: string[] }>(addin.run('setUpWorkbook', { today: '2016-09-09' }));
    expect(again.headersAdded).toEqual([`Clients: ${ours[last - 1]!.header}`]);
    expect(clients.getColumnWidth(2)).toBe(333);
    expect(clients.getColumnWidth(3)).toBe(220);
    // The Notes column is the user's now: it keeps the width it had (one of ours, not reset).
    expect(clients.getColumnWidth(last)).toBe(columnWidth(ours[last - 1]!));
    expect(clients.getRange(1, last + 1).getValue()).toBe(ours[last - 1]!.header);
    expect(clients.getColumnWidth(last + 1)).toBe(columnWidth(ours[last - 1]!));
    clients.setColumnWidth(last, 100);
    setUp(addin);
    expect(clients.getColumnWidth(last)).toBe(100); // set-up never sizes a user's column
  });

  it('formats each Settings value by kind before anything is typed in', () => {
    const addin = loadAddin();
    setUp(addin);
    expect(valueCell(addin, 'Billing Day').getNumberFormat()).toBe('dd/mm/yyyy');
    expect(valueCell(addin, 'Billing Day').getDisplayValue()).toBe('09/09/2016');
    expect(valueCell(addin, 'Dishonour Fee').getNumberFormat()).toBe('$#,##0.00');
    for (const key of ['ABA User ID', 'Studio BSB', 'Studio Account Number', 'Business Name'])
      expect(valueCell(addin, key).getNumberFormat(), key).toBe('@');
    expect(valueCell(addin, 'Billing Frequency').getDataValidation()?.getCriteriaValues()[0]).toEqual([
      'Weekly',
      'Fortnightly',
      'Four-weekly',
      'Monthly',
    ]);
    expect(valueCell(addin, 'ABA Balancing Record').getDataValidation()?.getCriteriaValues()[0]).toEqual([
      'Yes',
      'No',
    ]);
    // Typed as a person types them: the leading zeros stay, the fee shows as currency.
    setSetting(addin, 'Studio Account Number', '012345678');
    setSetting(addin, 'ABA User ID', '012345');
    setSetting(addin, 'Dishonour Fee', 15);
    expect(valueCell(addin, 'Studio Account Number').getValue()).toBe('012345678');
    expect(valueCell(addin, 'ABA User ID').getValue()).toBe('012345');
    expect(valueCell(addin, 'Dishonour Fee').getDisplayValue()).toBe('$15.00');
    // The Setting column is left alone: only the Value cells are formatted.
    expect(addin.sheet('Settings').getRange('A5').getNumberFormat()).not.toBe('dd/mm/yyyy');
  });

  it('an ABA file keeps the leading zeros of the studio account number and user ID typed in Settings', () => {
    const addin = billingStudio(loadAddin(), { balancing: true });
    setSetting(addin, 'Studio Account Number', '012345678');
    setSetting(addin, 'ABA User ID', '012345');
    ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    const file = ok<{ content: string }>(
      addin.run('createDebitFile', { format: 'aba', today: '2016-09-16' }),
    );
    const aba = parseAbaFile(file.content);
    expect(aba.header.userId).toBe('012345');
    const balancing = aba.records.at(-1)!;
    expect(balancing.transactionCode).toBe(50);
    expect(balancing.accountNumber).toBe('012345678');
    // The bytes: the descriptive record's user ID field (columns 57-62) and the credit's account (24-32).
    const lines = file.content.split('\r\n');
    expect(lines[0]!.slice(56, 62)).toBe('012345');
    expect(
      lines
        .filter((l) => l.startsWith('1'))
        .at(-1)!
        .slice(8, 17),
    ).toBe('012345678');
  });

  it('run again on an older workbook formats the Settings values and keeps every value', () => {
    const addin = loadAddin();
    setUp(addin);
    const settings = addin.sheet('Settings');
    // An older set-up formatted nothing; the owner typed values in, and deleted the Dishonour Fee row.
    settings.getRange(1, 1, settings.getMaxRows(), 2).clearFormat().clearDataValidations();
    setSetting(addin, 'Studio Account Number', '12345678');
    setSetting(addin, 'Billing Day', '2016-09-16');
    settings.deleteRows(settingRow(addin, 'Dishonour Fee'), 1);
    const before = settings.getDataRange().getValues();

    const again = ok<{ settingsAdded: string[] }>(addin.run('setUpWorkbook', { today: '2016-10-01' }));
    expect(again.settingsAdded).toEqual(['Dishonour Fee']);
    expect(settings.getRange(1, 1, before.length, 2).getValues()).toEqual(before);
    expect(valueCell(addin, 'Studio Account Number').getNumberFormat()).toBe('@');
    expect(valueCell(addin, 'Billing Day').getNumberFormat()).toBe('dd/mm/yyyy');
    expect(valueCell(addin, 'Billing Day').getDisplayValue()).toBe('16/09/2016');
    // The re-added row went in formatted, at the end.
    expect(settingRow(addin, 'Dishonour Fee')).toBe(before.length + 1);
    expect(valueCell(addin, 'Dishonour Fee').getNumberFormat()).toBe('$#,##0.00');
    expect(records(addin.tab('Settings')).filter((s) => s.Setting === 'Dishonour Fee')).toHaveLength(1);
  });

  it('the DD Report tab says what to paste from A2, and set-up never writes over a pasted report', () => {
    const addin = loadAddin();
    setUp(addin);
    const dd = addin.sheet('DD Report');
    expect(dd.getRange('A1').getValue()).toBe(DD_REPORT_INSTRUCTION);
    expect(dd.getLastRow()).toBe(1);
    // A report pasted over row 1 stays as it is when set-up runs again.
    dd.getRange('A1:B1').setValues([['Client ID', 'Amount']]);
    setUp(addin);
    expect(dd.getRange('A1:B1').getValues()).toEqual([['Client ID', 'Amount']]);
    // An emptied tab gets the instruction back.
    dd.clear();
    setUp(addin);
    expect(dd.getRange('A1').getValue()).toBe(DD_REPORT_INSTRUCTION);
  });

  it('a report pasted from A2 under the instruction is read, its rows numbered as the sheet rows', () => {
    const addin = studio();
    const dd = addin.sheet('DD Report');
    expect(dd.getRange('A1').getValue()).toBe(DD_REPORT_INSTRUCTION);
    // Only the instruction: the tab is empty.
    const empty = addin.run<{ ok: boolean; error: string }>('previewReconcile', { today: '2016-09-20' });
    expect(empty).toMatchObject({ ok: false });
    expect(empty.error).toMatch(/^The DD Report tab is empty/);
    const cells = fixture('ezidebit-payments-sample.csv')
      .trim()
      .split('\n')
      .map((l) => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c) => c.replace(/^"|"$/g, '')));
    dd.getRange(2, 1, cells.length, cells[0]!.length).setValues(cells);
    const view = ok<View>(addin.run('applyReconcile', { today: '2016-09-20' }));
    expect(allRows(addin, view).map((r) => [r.reportRow, r.outcome, r.clientId])).toEqual([
      [3, 'Paid', 'C-0004'],
      [4, 'Declined', 'C-0005'],
      [5, 'Pending: no change', ''],
      [6, 'Declined', 'C-0007'],
    ]);
    expect(invoice(addin, 'INV-000001')).toMatchObject({ Status: 'Paid', Paid: 220 });
    expect(dd.getRange('A1').getValue()).toBe(DD_REPORT_INSTRUCTION);
  });

  it('the Log timestamps and the report tabs’ Refreshed cells show day first', () => {
    const addin = loadAddin();
    setUp(addin);
    const log = addin.sheet('Log');
    expect(log.getRange('A2').getNumberFormat()).toBe('dd/mm/yyyy hh:mm:ss');
    expect(log.getRange('A2').getDisplayValue()).toMatch(/^09\/09\/2016 \d\d:\d\d:\d\d$/);
    ok(addin.run('refreshOutstanding', { today: '2016-09-20' }));
    expect(addin.sheet('Outstanding').getRange('H1').getDisplayValue()).toMatch(
      /^20\/09\/2016 \d\d:\d\d:\d\d$/,
    );
    expect(addin.sheet('Balances').getRange('D1').getDisplayValue()).toMatch(/^20\/09\/2016 \d\d:\d\d:\d\d$/);
  });

  it('Include is a tick box on every client row to debit, also when Process Billing is made again', () => {
    const addin = billingStudio(loadAddin());
    const enumOf = (
      addin.emu.globals.SpreadsheetApp as unknown as {
        DataValidationCriteria: Record<string, unknown>;
      }
    ).DataValidationCriteria;
    for (let run = 0; run < 2; run++) {
      ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
      const tab = addin.sheet('Process Billing');
      const values = tab.getDataRange().getValues();
      const header = values.findIndex((r) => r[0] === 'Client ID');
      const include = values[header]!.indexOf('Include') + 1;
      const debitRows = values
        .map((r, i) => [r, i + 1] as const)
        .filter(([r, i]) => i > header + 1 && /^DD /.test(String(r[2])));
      expect(debitRows.map(([r]) => r[0]).sort()).toEqual(['C-0001', 'C-0003', 'C-0004']);
      for (const [r, i] of debitRows) {
        expect(tab.getRange(i, include).getDataValidation()?.getCriteriaType(), String(r[0])).toBe(
          enumOf.CHECKBOX,
        );
        expect(r[include - 1]).toBe(true);
      }
      // The totals row and the Manual reminders are not ticked.
      const total = values.findIndex((r) => r[0] === 'Total') + 1;
      expect(tab.getRange(total, include).getDataValidation()).toBeNull();
      const sam = values.findIndex((r) => r[0] === 'C-0002') + 1;
      expect(tab.getRange(sam, include).getDataValidation()).toBeNull();
    }
  });
});
