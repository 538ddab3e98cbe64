import { describe, expect, it } from 'vitest';
import { loadAddin } from './harness';
import { ok, setUpStudio } from './studio';

function studioWithInvoices(n: number) {
  const addin = loadAddin();
  setUpStudio(addin);
  const sheet = addin.sheet('Invoices');
  const rows: unknown[][] = [];
  for (let i = 1; i <= n; i++) {
    const due = new Date(Date.UTC(2015, 0, 1 + (i % 600), -11));
    rows.push([
      `INV-${String(i).padStart(6, '0')}`,
      'S-000001',
      'C-0001',
      'history',
      1,
      due,
      10,
      10,
      'Paid',
      '',
      0,
      '',
    ]);
  }
  sheet.insertRowsAfter(sheet.getMaxRows(), n + 10);
  sheet.getRange(2, 1, n, 12).setValues(rows as never);
  return addin;
}

describe('service calls per action do not grow with rows', () => {
  it('selling costs the same number of calls with 10 and with 10,000 invoice rows', () => {
    const counts = [10, 10_000].map((n) => {
      const addin = studioWithInvoices(n);
      addin.emu.calls.reset();
      const r = ok<{ invoices: { id: string }[] }>(
        addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10-5F', today: '2016-09-13' }),
      );
      expect(r.invoices[0]!.id).toBe(`INV-${String(n + 1).padStart(6, '0')}`);
      return { total: addin.emu.calls.total(), byMethod: addin.emu.calls.byMethod() };
    });
    expect(counts[1]).toEqual(counts[0]);
    // One write each for Sales, Invoices, Allocations and Log.
    expect(counts[0]!.byMethod['Range.setValues']).toBe(4);
    expect(counts[0]!.byMethod['Range.getValues']).toBe(7);
  });
});
