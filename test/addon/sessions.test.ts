import { describe, expect, it } from 'vitest';
import { loadAddin, type Addin } from './harness';
import { ok, typeRows } from './studio';
import { billingStudio, logActions, reportRows, rowsOf } from './lifecycleStudio';

interface ClientSessions {
  asOf: string;
  left: number;
  nextSaleId: string;
  packages: { saleId: string; allocated: number; used: number; left: number; status: string }[];
  overdue: { count: number; owed: number; oldestDue: string } | null;
  warnings: string[];
}
interface Recorded {
  date: string;
  clientId: string;
  sessions: number;
  parts: { saleId: string; sessions: number }[];
  warnings: string[];
  after: ClientSessions;
}

/** Jane: 10 PT paid in full ($500 due 13 Sep). Alex: recurring, 4 sessions a fortnight from Fri 16 Sep. */
function studio(): Addin {
  const addin = loadAddin();
  billingStudio(addin);
  ok(addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10', today: '2016-09-13' }));
  ok(addin.run('sellPackage', { clientId: 'C-0003', packageCode: 'PT2W', today: '2016-09-13' }));
  return addin;
}

const record = (addin: Addin, req: Record<string, unknown>) => ok<Recorded>(addin.run('recordSessions', req));

describe('Record sessions used', () => {
  it('shows sessions left per package and warns, without blocking, about overdue invoices', () => {
    const addin = studio();
    const jane = ok<ClientSessions>(
      addin.run('getClientSessions', { clientId: 'c-0001', date: '2016-09-13', today: '2016-09-13' }),
    );
    expect(jane).toMatchObject({
      asOf: '2016-09-13',
      left: 10,
      nextSaleId: 'S-000001',
      packages: [{ saleId: 'S-000001', allocated: 10, used: 0, left: 10, status: 'Active' }],
      overdue: null,
      warnings: [],
    });
    const r = record(addin, { clientId: 'C-0001', date: '2016-09-14', sessions: '2', today: '2016-09-14' });
    expect(r).toMatchObject({
      date: '2016-09-14',
      clientId: 'C-0001',
      sessions: 2,
      parts: [{ saleId: 'S-000001', sessions: 2 }],
    });
    // The $500 fell due on 13 Sep and is unpaid: a warning, and the sessions are recorded anyway.
    expect(r.warnings).toEqual([
      'Jane Citizen has 1 overdue invoice ($500.00), the oldest due Tue 13 Sep 2016.',
    ]);
    expect(r.after.left).toBe(8);
    expect(rowsOf(addin, 'Attendance')).toEqual([
      { Date: '2016-09-14', 'Client ID': 'C-0001', Sessions: 2, 'Sale ID': 'S-000001' },
    ]);
    expect(logActions(addin).at(-1)).toBe('Record sessions');
    expect(String(rowsOf(addin, 'Log').at(-1)!.Details)).toBe(
      // The Log's dates are YYYY-MM-DD whoever recorded.
      'C-0001 2 session(s) on 2016-09-14 (2 from S-000001); 8 left; warned: Jane Citizen has 1 overdue invoice ($500.00), the oldest due 2016-09-13.',
    );
  });

  it('recording past the last session warns and still records; the next lot arrives on its due date', () => {
    const addin = studio();
    expect(
      record(addin, { clientId: 'C-0003', date: '2016-09-20', sessions: 4, today: '2016-09-20' }).after.left,
    ).toBe(0);
    const over = record(addin, { clientId: 'C-0003', date: '2016-09-22', sessions: 1, today: '2016-09-22' });
    expect(over.warnings).toContain('Alex Wong is 1 session over the balance (none were left).');
    expect(over.after.left).toBe(-1);
    const form = ok<ClientSessions>(
      addin.run('getClientSessions', { clientId: 'C-0003', today: '2016-09-22' }),
    );
    expect(form.warnings).toEqual([
      'Alex Wong has 1 overdue invoice ($160.00), the oldest due Fri 16 Sep 2016.',
      'Alex Wong has no sessions left (-1).',
    ]);
    // Cycle 2 (due and allocated Fri 30 Sep) comes with Process Billing.
    ok(addin.run('runBilling', { billingDate: '2016-09-30', today: '2016-09-30' }));
    const later = ok<ClientSessions>(
      addin.run('getClientSessions', { clientId: 'C-0003', today: '2016-09-30' }),
    );
    expect(later.packages).toMatchObject([{ saleId: 'S-000002', allocated: 8, used: 5, left: 3 }]);
    expect(
      rowsOf(addin, 'Attendance').map((a) => [a.Date, a['Client ID'], a.Sessions, a['Sale ID']]),
    ).toEqual([
      ['2016-09-20', 'C-0003', 4, 'S-000002'],
      ['2016-09-22', 'C-0003', 1, 'S-000002'],
    ]);
  });

  it('takes sessions from the oldest packages with sessions left; the Balances tab shows sessions and money', () => {
    const addin = studio();
    ok(addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10-5F', today: '2016-09-20' }));
    // Jane used 9 of her first 10, typed by hand with no package (as a trainer might).
    typeRows(addin, 'Attendance', [{ Date: '2016-09-19', 'Client ID': 'C-0001', Sessions: 9 }]);
    // 3 more: the last one of the first package, then 2 from the second: two Attendance rows.
    const a = record(addin, { clientId: 'C-0001', date: '2016-09-21', sessions: 3, today: '2016-09-21' });
    expect(a.parts).toEqual([
      { saleId: 'S-000001', sessions: 1 },
      { saleId: 'S-000003', sessions: 2 },
    ]);
    expect(a.warnings).toEqual([
      'Jane Citizen has 1 overdue invoice ($500.00), the oldest due Tue 13 Sep 2016.',
    ]);
    expect(a.after.packages.map((p) => [p.saleId, p.allocated, p.used, p.left])).toEqual([
      ['S-000001', 10, 10, 0],
      ['S-000003', 10, 2, 8],
    ]);
    expect(a.after.nextSaleId).toBe('S-000003');
    // A package chosen by hand is used as chosen, even past its last session.
    const b = record(addin, { clientId: 'C-0001', sessions: 2, saleId: 's-000001', today: '2016-09-21' });
    expect(b.parts).toEqual([{ saleId: 'S-000001', sessions: 2 }]);
    expect(b.after.left).toBe(6);
    expect(
      rowsOf(addin, 'Attendance').map((r) => [r.Date, r['Client ID'], r.Sessions, r['Sale ID']]),
    ).toEqual([
      ['2016-09-19', 'C-0001', 9, ''],
      ['2016-09-21', 'C-0001', 1, 'S-000001'],
      ['2016-09-21', 'C-0001', 2, 'S-000003'],
      ['2016-09-21', 'C-0001', 2, 'S-000001'],
    ]);
    const balances = reportRows(addin, 'Balances');
    expect(
      balances.map((r) => [
        r['Client ID'],
        r['Sale ID'],
        r.Status,
        r['Sessions Allocated'],
        r['Sessions Used'],
        r['Sessions Left'],
        r.Invoiced,
        r.Paid,
        r.Owed,
        r['Not Yet Due'],
      ]),
    ).toEqual([
      ['C-0003', 'S-000002', 'Active', 4, 0, 4, 160, 0, 160, 0],
      ['C-0001', 'S-000001', 'Active', 10, 12, -2, 500, 0, 500, 0],
      ['C-0001', 'S-000003', 'Active', 10, 2, 8, 1100, 0, 0, 1100],
    ]);
    expect(addin.tab('Balances')[0]!.slice(0, 3)).toEqual(['As Of', '2016-09-21', 'Refreshed']);
  });

  it('refuses a bad number, an unknown client or another client’s package, naming the field; writes nothing', () => {
    const addin = studio();
    const before = addin.tab('Attendance');
    const bad = (req: Record<string, unknown>) =>
      addin.run<{ ok: boolean; error: string; field: string }>('recordSessions', {
        today: '2016-09-14',
        ...req,
      });
    expect(bad({ clientId: 'C-0001', sessions: 0 })).toEqual({
      ok: false,
      error: 'Sessions must be a whole number from 1 to 50, got "0".',
      field: 'sessions',
    });
    expect(bad({ clientId: 'C-0001', sessions: '1.5' })).toMatchObject({ field: 'sessions' });
    expect(bad({ clientId: 'C-0099', sessions: 1 })).toEqual({
      ok: false,
      error: 'No client C-0099 on the Clients tab.',
      field: 'clientId',
    });
    expect(bad({ clientId: 'C-0001', sessions: 1, saleId: 'S-000002' })).toEqual({
      ok: false,
      error: "S-000002 is not one of Jane Citizen's packages.",
      field: 'saleId',
    });
    expect(bad({ clientId: 'C-0001', sessions: 1, date: '2016-02-30' })).toMatchObject({ field: 'date' });
    expect(addin.tab('Attendance')).toEqual(before);
    // A client with no package: recorded, with a warning.
    const sam = record(addin, { clientId: 'C-0002', sessions: 1, today: '2016-09-14' });
    expect(sam.parts).toEqual([{ saleId: '', sessions: 1 }]);
    expect(sam.warnings).toEqual(['Sam Lee has no package: no sessions were allocated.']);
  });

  it('recording sessions, cancelling and pausing cost the same service calls with 10 or 3,000 invoice rows', () => {
    const counts = [10, 3000].map((n) => {
      const addin = studio();
      ok(addin.run('sellPackage', { clientId: 'C-0002', packageCode: 'PT10-5F', today: '2016-09-13' }));
      const sheet = addin.sheet('Invoices');
      const rows = Array.from({ length: n }, (_, i) => [
        `INV-${String(100 + i).padStart(6, '0')}`,
        '',
        'C-0002',
        'history',
        '',
        new Date(Date.UTC(2015, 0, 1 + (i % 300), -10)),
        10,
        10,
        'Paid',
        '',
      ]);
      sheet.insertRowsAfter(sheet.getMaxRows(), n + 10);
      sheet.getRange(sheet.getLastRow() + 1, 1, n, 10).setValues(rows as never);
      const calls = (fn: string, req: Record<string, unknown>) => {
        addin.emu.calls.reset();
        ok(addin.run(fn, { today: '2016-09-20', ...req }));
        // Zone lookups (Utilities.formatDate) follow the distinct moments read (the Log's timestamps
        // are the clock's seconds), not the rows: bounded, and left out of the comparison.
        const byMethod = { ...addin.emu.calls.byMethod() };
        expect(byMethod['Utilities.formatDate'] ?? 0).toBeLessThanOrEqual(30);
        delete byMethod['Utilities.formatDate'];
        return byMethod;
      };
      return [
        calls('recordSessions', { clientId: 'C-0001', sessions: 1 }),
        calls('pauseSale', { saleId: 'S-000003', from: '2016-09-28', to: '2016-10-05' }),
        calls('cancelSale', { saleId: 'S-000003', from: '2016-11-01' }),
      ];
    });
    expect(counts[1]).toEqual(counts[0]);
    // Attendance, the two report tabs and the Log: one write each.
    expect(counts[0]![0]!['Range.setValues']).toBe(4);
  });

  it('the form lists active clients by name', () => {
    const addin = studio();
    const form = ok<{ today: string; clients: { id: string; name: string }[] }>(
      addin.run('getSessionsForm', { today: '2016-09-14' }),
    );
    expect(form).toEqual({
      today: '2016-09-14',
      clients: [
        { id: 'C-0003', name: 'Alex Wong' },
        { id: 'C-0001', name: 'Jane Citizen' },
        { id: 'C-0002', name: 'Sam Lee' },
      ],
    });
  });
});
