// Record payment, refund and record sessions change one client's records: with today's reports on the
// Outstanding and Balances tabs, only that client's rows of them are worked out again (and only their rows
// of Allocations and Attendance decoded); the tabs come out as a rebuild from the whole ledger would make
// them. A tab not as the add-in wrote it for today is rebuilt whole.
import { describe, expect, it } from 'vitest';
import { loadAddin, type Addin } from './harness';
import { billingStudio } from './lifecycleStudio';
import { ok, typeRows } from './studio';

const TODAY = '2016-09-20';

/** Jane: $500 due 13 Sep and 10 PT sessions; Alex: recurring from 16 Sep, $160 due, 2 sessions used. */
function studio(): Addin {
  const addin = loadAddin();
  billingStudio(addin);
  ok(addin.run('sellPackage', { clientId: 'C-0001', packageCode: 'PT10', today: '2016-09-13' }));
  ok(addin.run('sellPackage', { clientId: 'C-0003', packageCode: 'PT2W', today: '2016-09-13' }));
  // Sessions of another client, so the rows kept are more than allocations.
  typeRows(addin, 'Attendance', [
    { Date: new Date(Date.UTC(2016, 8, 16, -10)), 'Client ID': 'C-0003', Sessions: 2 },
  ]);
  ok(addin.run('refreshOutstanding', { today: TODAY }));
  return addin;
}

/** A report tab without its Refreshed time (row 1), which differs between two writes. */
function report(addin: Addin, tab: 'Outstanding' | 'Balances'): unknown[][] {
  const values = addin.tab(tab).map((r) => [...r]);
  const at = values[0]!.indexOf('Refreshed');
  values[0]![at + 1] = '';
  return values;
}

/** Both report tabs, then both again as a rebuild from the whole ledger makes them. */
function reportsAndRebuild(addin: Addin) {
  const kept = { outstanding: report(addin, 'Outstanding'), balances: report(addin, 'Balances') };
  ok(addin.run('refreshOutstanding', { today: TODAY }));
  return {
    kept,
    rebuilt: { outstanding: report(addin, 'Outstanding'), balances: report(addin, 'Balances') },
  };
}

describe('desk actions update only their client in the report tabs', () => {
  it('a payment, a refund and sessions leave Outstanding and Balances as a whole rebuild makes them', () => {
    const addin = studio();
    const owing = () =>
      report(addin, 'Outstanding')
        .slice(3)
        .map((r) => r[0]);
    expect(owing()).toEqual(['C-0001', 'C-0003']);

    ok(addin.run('recordPayment', { clientId: 'C-0001', amount: '120', today: TODAY }));
    let r = reportsAndRebuild(addin);
    expect(r.kept).toEqual(r.rebuilt);
    // Jane owes $380 now, still first; the Balances row shows what she paid.
    expect(r.kept.outstanding[3]!.slice(0, 6)).toEqual([
      'C-0001',
      'Jane Citizen',
      'DD Full Integration',
      1,
      'INV-000001',
      380,
    ]);
    expect(r.kept.balances.find((row) => row[0] === 'C-0001')!.slice(8, 11)).toEqual([500, 120, 380]);

    ok(addin.run('recordSessions', { clientId: 'C-0001', sessions: 3, date: TODAY, today: TODAY }));
    r = reportsAndRebuild(addin);
    expect(r.kept).toEqual(r.rebuilt);
    expect(r.kept.balances.find((row) => row[0] === 'C-0001')!.slice(5, 8)).toEqual([10, 3, 7]);

    // Jane now owes less than Alex: the rows swap places (largest debt first).
    ok(addin.run('recordPayment', { clientId: 'C-0001', amount: '300', today: TODAY }));
    r = reportsAndRebuild(addin);
    expect(r.kept).toEqual(r.rebuilt);
    expect(owing()).toEqual(['C-0003', 'C-0001']);

    // She pays the rest and more (off the list, credit kept), then gets part of it back.
    const paid = ok<{ receiptId: string }>(
      addin.run('recordPayment', { clientId: 'C-0001', amount: '1000', today: TODAY }),
    );
    r = reportsAndRebuild(addin);
    expect(r.kept).toEqual(r.rebuilt);
    expect(owing()).toEqual(['C-0003']);
    ok(
      addin.run('refundPayment', {
        paymentId: paid.receiptId,
        amount: '50',
        reason: 'Overpaid',
        today: TODAY,
      }),
    );
    r = reportsAndRebuild(addin);
    expect(r.kept).toEqual(r.rebuilt);
    expect(r.kept.balances.find((row) => row[0] === 'C-0001' && !row[2])![12]).toBe(870);

    // The other clients' rows are kept as the tab holds them, not worked out: a hand-typed package
    // name on Alex's row stays through Jane's payment (the next rebuild puts it back).
    const alex = report(addin, 'Balances').findIndex((row) => row[0] === 'C-0003');
    addin
      .sheet('Balances')
      .getRange(alex + 1, 4)
      .setValue('typed over');
    ok(addin.run('recordPayment', { clientId: 'C-0001', amount: '5', today: TODAY }));
    expect(report(addin, 'Balances')[alex]![3]).toBe('typed over');
    r = reportsAndRebuild(addin);
    expect(r.rebuilt.balances[alex]![3]).toBe('PT 2 a week');
  });

  it('rebuilds both tabs whole when they are of another day or were changed by hand', () => {
    const addin = studio();
    // As of another day: every client's rows are worked out again, as of today.
    ok(addin.run('refreshOutstanding', { date: '2016-09-14', today: TODAY }));
    ok(addin.run('recordPayment', { clientId: 'C-0003', amount: '20', today: TODAY }));
    let r = reportsAndRebuild(addin);
    expect(r.kept).toEqual(r.rebuilt);
    expect(r.kept.outstanding[0]![1]).toBe(TODAY);

    // A row deleted by hand (the totals no longer add up): rebuilt, the row back.
    const balances = addin.sheet('Balances');
    const before = report(addin, 'Balances');
    balances.deleteRow(5);
    ok(addin.run('recordSessions', { clientId: 'C-0003', sessions: 1, date: TODAY, today: TODAY }));
    r = reportsAndRebuild(addin);
    expect(r.kept).toEqual(r.rebuilt);
    expect(r.kept.balances.length).toBe(before.length);
  });

  it('rebuilds both tabs whole when another action committed since they were written (a sale)', () => {
    const addin = studio();
    ok(addin.run('recordPayment', { clientId: 'C-0001', amount: '20', today: TODAY }));
    // A sale to Alex changes his Balances rows without rewriting the report tabs.
    ok(addin.run('sellPackage', { clientId: 'C-0003', packageCode: 'PT10', today: TODAY }));
    const rowsOf = (id: string) => report(addin, 'Balances').filter((row) => row[0] === id).length;
    const alexBefore = rowsOf('C-0003');
    // Jane's next payment is not the only change since the reports: both tabs come out as a rebuild.
    ok(addin.run('recordPayment', { clientId: 'C-0001', amount: '20', today: TODAY }));
    expect(rowsOf('C-0003')).toBe(alexBefore + 1);
    const r = reportsAndRebuild(addin);
    expect(r.kept).toEqual(r.rebuilt);
  });
});
