// @vitest-environment happy-dom
// The Reconcile sidebar: a To check row offers the ways a person may settle it (never "paid" for money
// that went back), Apply sends what was chosen, rows left alone are not sent; the fees the DD company kept
// are in the totals. Text from the report is shown as text. Rows the server left out (they change
// nothing) are counted in the heading and in one line, with no table row.
import { describe, expect, it } from 'vitest';
import { mountReconcile } from '../../src/ui/reconcile';
import type { ServerValue } from '../../src/ui/lib/server';
import { fakeServer } from './fakeServer';

type View = ServerValue<'previewReconcile'>;
type Row = View['rows'][number];

const settle = () => new Promise((r) => setTimeout(r, 20));

const row = (over: Partial<Row>): Row => ({
  reportRow: 2,
  key: 'debitsuccess:G-1:paid',
  date: '2016-09-16',
  reference: 'C-BEN DS7713021',
  name: "Ben O'Brien",
  amount: 22000,
  reportStatus: 'Paid',
  outcome: 'Paid',
  clientId: 'C-0004',
  invoiceIds: ['INV-000001'],
  note: 'Matched by DD reference',
  ...over,
});

const rows: Row[] = [
  row({ kept: 440 }),
  row({
    reportRow: 5,
    key: 'debitsuccess:G-4:ignored',
    amount: 750,
    outcome: 'To check',
    clientId: 'C-0005',
    invoiceIds: [],
    note: 'A negative Amount with no ReversalReasonCode: <b>check</b> what it is',
    choices: ['reversal', 'ignore'],
  }),
  row({
    reportRow: 6,
    key: 'ezidebit:P6:paid',
    amount: 5601,
    outcome: 'To check',
    clientId: 'C-0007',
    invoiceIds: [],
    note: 'PaymentAmount $57.00 …',
    choices: ['paid', 'reversal', 'ignore'],
  }),
];

const view = (applied: boolean, list: Row[], quiet = 0): View => ({
  shape: 'debitsuccess',
  applied,
  rows: list,
  quiet,
  quietNote: quiet
    ? `${quiet.toLocaleString('en-US')} row(s) that change nothing (already applied or paid, pending, not a payment) are listed on the Reconciliation tab only.`
    : '',
  totals: {
    paid: { count: 1, amount: 22000 },
    declined: { count: 0, amount: 0 },
    unmatched: { count: 2, amount: 6351 },
    pending: { count: 0, amount: 0 },
    kept: { count: 1, amount: 440 },
    already: 0,
    errors: 0,
  },
  invoicesChanged: applied ? 1 : 0,
  payments: applied ? 1 : 0,
  fees: 0,
  notice: '',
  mapping: null,
});

describe('Reconcile sidebar: settling To check rows', () => {
  it('offers only the ways each row may be settled, and sends the chosen ones on Apply', async () => {
    const { call, calls } = fakeServer({
      previewReconcile: () => ({ ok: true, value: view(false, rows) }),
      // Row 5, settled as ignored, changes nothing: the server leaves it out and counts it.
      applyReconcile: () => ({ ok: true, value: view(true, [rows[0]!, rows[2]!], 1) }),
    });
    document.body.innerHTML = '<main id="app"></main>';
    const app = document.getElementById('app')!;
    await mountReconcile(app, call);
    app.querySelector('textarea')!.value = 'RunDate|…';
    app.querySelector<HTMLButtonElement>('button.action')!.click();
    await settle();

    expect(app.querySelector('[data-testid="reconcile-totals"]')!.textContent).toContain(
      'Fees kept by the DD company: $4.40.',
    );
    const pick = (n: number) => app.querySelector<HTMLSelectElement>(`#settle-${n}`)!;
    expect(app.querySelector('#settle-2')).toBeNull();
    expect(Array.from(pick(5).options).map((o) => [o.value, o.textContent])).toEqual([
      ['', 'Leave to check'],
      ['reversal', 'Settle as a reversal of its payment'],
      ['ignore', 'Ignore it for good'],
    ]);
    expect(Array.from(pick(6).options).map((o) => o.value)).toEqual(['', 'paid', 'reversal', 'ignore']);
    // The report's words are text, not markup.
    expect(app.querySelector('td b')).toBeNull();
    // Every row is shown: no line about rows left out.
    expect(app.querySelector('[data-testid="reconcile-quiet"]')).toBeNull();

    pick(5).value = 'ignore';
    app.querySelectorAll<HTMLButtonElement>('button')[1]!.click();
    await settle();
    expect(calls.map((c) => c.fn)).toEqual(['previewReconcile', 'applyReconcile']);
    expect(calls[1]!.arg).toEqual({ text: 'RunDate|…', confirm: {}, resolve: { '5': 'ignore' } });
    expect(app.querySelector('#settle-5')).toBeNull();
    expect(app.querySelector('[data-testid="reconcile-results"] h2')!.textContent).toBe(
      'Applied: debitsuccess report, 3 row(s)',
    );
    expect([...app.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('td')!.textContent)).toEqual([
      '2',
      '6',
    ]);
    expect(app.querySelector('[data-testid="reconcile-quiet"]')!.textContent).toBe(
      '1 row(s) that change nothing (already applied or paid, pending, not a payment) are listed on the Reconciliation tab only.',
    );
  });
});

describe('Reconcile sidebar: rows that change nothing', () => {
  it('counts them in the heading and in one line, with thousands separated', async () => {
    const { call } = fakeServer({
      previewReconcile: () => ({ ok: true, value: view(false, rows, 18562) }),
    });
    document.body.innerHTML = '<main id="app"></main>';
    const app = document.getElementById('app')!;
    await mountReconcile(app, call);
    app.querySelector<HTMLButtonElement>('button.action')!.click();
    await settle();
    expect(app.querySelector('[data-testid="reconcile-results"] h2')!.textContent).toBe(
      'Preview: debitsuccess report, 18,565 row(s)',
    );
    expect(app.querySelectorAll('tbody tr').length).toBe(3);
    expect(app.querySelector('[data-testid="reconcile-quiet"]')!.textContent).toBe(
      '18,562 row(s) that change nothing (already applied or paid, pending, not a payment) are listed on the Reconciliation tab only.',
    );
  });

  it('shows no table when every row changes nothing', async () => {
    const { call } = fakeServer({ previewReconcile: () => ({ ok: true, value: view(false, [], 4) }) });
    document.body.innerHTML = '<main id="app"></main>';
    const app = document.getElementById('app')!;
    await mountReconcile(app, call);
    app.querySelector<HTMLButtonElement>('button.action')!.click();
    await settle();
    expect(app.querySelector('[data-testid="reconcile-results"] h2')!.textContent).toBe(
      'Preview: debitsuccess report, 4 row(s)',
    );
    expect(app.querySelector('table')).toBeNull();
    expect(app.querySelector('[data-testid="reconcile-quiet"]')!.textContent).toMatch(
      /^4 row\(s\) that change nothing/,
    );
  });
});
