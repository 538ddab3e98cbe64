// Reconcile apply takes its highest IDs from the integrity check's indexes of Invoices and Payments (no
// pass of its own): a pasted higher ID must still push what apply hands out above it.
import { describe, expect, it } from 'vitest';
import { records, type Addin } from './harness';
import { fixture, studio } from './reconcileStudio';
import { ok } from './studio';

/** Types over the first cell of the row holding `from`, as a person would. */
function retype(addin: Addin, tab: string, column: number, from: string, to: string): void {
  const r = addin.tab(tab).findIndex((row) => row[column] === from);
  expect(r, `${tab} holds ${from}`).toBeGreaterThan(0);
  addin
    .sheet(tab)
    .getRange(r + 1, column + 1)
    .setValue(to);
}

describe('Reconcile apply and pasted higher IDs', () => {
  it('hands out Payment and fee Invoice IDs above the highest on the tabs', () => {
    const addin = studio();
    const invoices = records(addin.tab('Invoices')).map((i) => String(i['Invoice ID']));
    retype(addin, 'Invoices', 0, invoices.at(-1)!, 'INV-000900');
    ok(addin.run('applyReconcile', { text: fixture('ezidebit-payments-sample.csv'), today: '2016-09-20' }));
    const fees = records(addin.tab('Invoices')).filter((i) =>
      String(i.Description).startsWith('Dishonour fee'),
    );
    expect(fees.map((i) => i['Invoice ID'])).toEqual(['INV-000901', 'INV-000902']);
  });

  it('hands out Payment IDs above a pasted higher one', () => {
    const addin = studio();
    ok(addin.run('recordPayment', { clientId: 'C-0005', amount: 10, method: 'Cash', today: '2016-09-19' }));
    const desk = records(addin.tab('Payments')).map((p) => String(p['Payment ID']));
    retype(addin, 'Payments', 0, desk.at(-1)!, 'P-000500');
    ok(addin.run('applyReconcile', { text: fixture('ezidebit-payments-sample.csv'), today: '2016-09-20' }));
    const ids = records(addin.tab('Payments')).map((p) => String(p['Payment ID']));
    const fresh = ids.slice(desk.length);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh[0]).toBe('P-000501');
  });
});
