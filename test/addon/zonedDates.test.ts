// Date cells are converted with Apps Script's own Utilities.formatDate, never with Intl's
// timeZoneName 'longOffset' (whose support in Apps Script is unknown): here the bundle runs in a
// context where that option is refused, and dates across Sydney's daylight-saving change still land
// at midnight, read back as written, and cost service calls that do not grow with rows.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createAppsScript } from '../../src/local/gas';
import { records, type Addin } from './harness';
import { ok, setUpStudio } from './studio';

const script = new vm.Script(readFileSync('dist/Code.js', 'utf8'), { filename: 'Code.js' });

/** Intl.DateTimeFormat as an engine without 'longOffset' has it: that option is a RangeError. */
const WITHOUT_LONG_OFFSET = `(function () {
  var Real = Intl.DateTimeFormat;
  function DateTimeFormat(locales, options) {
    if (options && (options.timeZoneName === 'longOffset' || options.timeZoneName === 'shortOffset'))
      throw new RangeError('Value ' + options.timeZoneName + ' out of range for Intl.DateTimeFormat options property timeZoneName');
    return new Real(locales, options);
  }
  DateTimeFormat.prototype = Real.prototype;
  DateTimeFormat.supportedLocalesOf = Real.supportedLocalesOf;
  Intl.DateTimeFormat = DateTimeFormat;
})();`;

function addinWithoutLongOffset(): Addin {
  const emu = createAppsScript({ timeZone: 'Australia/Sydney', htmlDir: 'dist' });
  const ctx = emu.createContext();
  vm.runInContext(WITHOUT_LONG_OFFSET, ctx);
  expect(() =>
    vm.runInContext(`new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', timeZoneName: 'longOffset' })`, ctx),
  ).toThrow(/out of range for Intl.DateTimeFormat options property timeZoneName/);
  script.runInContext(ctx);
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Australia/Sydney' });
  return {
    emu,
    run<T>(fn: string, ...args: unknown[]): T {
      const f = ctx[fn] as (...a: unknown[]) => T;
      return f(...args.map((a) => (a === undefined ? a : JSON.parse(JSON.stringify(a)))));
    },
    tab(name: string) {
      const values = emu.spreadsheet.getSheetByName(name)!.getDataRange().getValues();
      return values.map((row) => row.map((v) => (v instanceof Date ? fmt.format(v) : v)));
    },
    sheet: (name: string) => emu.spreadsheet.getSheetByName(name)!,
  };
}

describe('dates without Intl longOffset', () => {
  it('instalments across the daylight-saving change are midnight in Sydney, read back as written', () => {
    const addin = addinWithoutLongOffset();
    setUpStudio(addin);
    // Fortnightly from Fri 16 Sep 2016: 30 Sep is AEST (+10), 14 Oct is AEDT (+11, from 2 Oct).
    ok(
      addin.run('sellPackage', {
        clientId: 'C-0001',
        packageCode: 'PT10-5F',
        saleDate: '2016-09-13',
        startDate: '2016-09-16',
        today: '2016-09-13',
      }),
    );
    const due = records(addin.tab('Invoices')).map((i) => i['Due Date']);
    expect(due).toEqual(['2016-09-16', '2016-09-30', '2016-10-14', '2016-10-28', '2016-11-11']);
    const instants = addin
      .sheet('Invoices')
      .getRange(2, 6, 5, 1)
      .getValues()
      .map((r) => (r[0] as Date).toISOString());
    expect(instants).toEqual([
      '2016-09-15T14:00:00.000Z',
      '2016-09-29T14:00:00.000Z',
      '2016-10-13T13:00:00.000Z',
      '2016-10-27T13:00:00.000Z',
      '2016-11-10T13:00:00.000Z',
    ]);
    // Read back by the add-in: what Outstanding lists on 15 Oct is the two instalments due by then.
    const out = ok<{ clients: { clientId: string; invoiceIds: string[] }[] }>(
      addin.run('getOutstanding', { date: '2016-10-15', today: '2016-10-15' }),
    );
    expect(out.clients.find((c) => c.clientId === 'C-0001')!.invoiceIds).toEqual([
      'INV-000001',
      'INV-000002',
      'INV-000003',
    ]);
    // The Log's Timestamp is a date-time value in the zone, not text.
    const stamp = addin.sheet('Log').getRange(addin.sheet('Log').getLastRow(), 1).getValue();
    expect(stamp).toBeInstanceOf(Date);
    expect(new Intl.DateTimeFormat('en-CA', { timeZone: 'Australia/Sydney' }).format(stamp as Date)).toBe(
      '2016-09-13',
    );
  });

  it('reading 10 or 3,000 dated rows costs no more Utilities.formatDate calls', () => {
    const counts = [10, 3000].map((n) => {
      const addin = addinWithoutLongOffset();
      setUpStudio(addin);
      const sheet = addin.sheet('Invoices');
      // Midnights in Sydney across two years, both sides of each daylight-saving change.
      const rows = Array.from({ length: n }, (_, i) => {
        const day = new Date(Date.UTC(2015, 0, 1 + (i % 700)));
        const iso = day.toISOString().slice(0, 10);
        return [`H-${i}`, '', 'C-0002', 'history', '', iso, 10, 10, 'Paid', ''];
      });
      sheet.insertRowsAfter(sheet.getMaxRows(), n + 10);
      sheet.getRange(2, 1, n, 10).setValues(rows as never);
      addin.emu.calls.reset();
      ok(addin.run('refreshOutstanding', { date: '2016-09-21', today: '2016-09-22' }));
      return addin.emu.calls.byMethod()['Utilities.formatDate'] ?? 0;
    });
    // Two calls find the zone's offsets; each new date written costs one or two; dates read cost
    // none, and a date already read is written back free (so more rows may mean fewer calls).
    expect(counts[1]).toBeLessThanOrEqual(counts[0]!);
    expect(counts[0]).toBeLessThan(10);
  });
});
