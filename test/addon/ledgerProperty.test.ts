// The money invariants, for any sequence of billing runs, debit files, bank outcomes and the ways the studio
// hears of them: no invoice is ever paid more than its amount (or less than nothing), no debit is declined
// twice, and the sum of a client's Payments equals what the test's own simulated bank recorded as received
// from that client. The add-in runs as Apps Script would (the real bundle under the emulation).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadAddin, records, type Addin } from './harness';
import { billingStudio, ok } from './studio';

const BILLING_DAYS = ['2016-09-16', '2016-09-30', '2016-10-14', '2016-10-28', '2016-11-11'];
/** The Monday after each billing day: when the bank's word arrives. */
const REPORTED = ['2016-09-19', '2016-10-03', '2016-10-17', '2016-10-31', '2016-11-14'];

/** What the bank does with one client's debit. */
type Outcome = { kind: 'paid' } | { kind: 'declined'; code: string };
/** How the studio hears of the batch: marks it processed then enters declines, or declines first. */
type Telling = 'mark-then-decline' | 'decline-then-mark';

interface Cycle {
  outcomes: Outcome[];
  telling: Telling;
  /** Enter the same declines a second time (a person clicking again, or a late duplicate). */
  again: boolean;
}

const outcome: fc.Arbitrary<Outcome> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Outcome>({ kind: 'paid' }) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom('6', '6', '3', '1', '7', '8')
      .map<Outcome>((code) => ({ kind: 'declined', code })),
  },
);
const cycle: fc.Arbitrary<Cycle> = fc.record({
  outcomes: fc.array(outcome, { minLength: 4, maxLength: 4 }),
  telling: fc.constantFrom<Telling>('mark-then-decline', 'decline-then-mark'),
  again: fc.boolean(),
});

type Sent = { invoiceId: string; clientId: string; amount: number };

function play(cycles: Cycle[]): { addin: Addin; received: Map<string, number> } {
  const addin = billingStudio(loadAddin());
  const received = new Map<string, number>();
  let exported = 0;
  cycles.forEach((c, n) => {
    const day = BILLING_DAYS[n]!;
    ok(addin.run('runBilling', { billingDate: day, today: day }));
    const file = addin.run<{ ok: boolean; error?: string; value: { batchId: string; sent: Sent[] } }>(
      'createDebitFile',
      { format: 'aba', today: day },
    );
    if (!file.ok) {
      // Only when nobody may be debited this cycle (all held or stopped) or the bank refused our user ID.
      expect(file.error).toMatch(/No client on the Process Billing tab is to be debited|ABA User ID/);
      return;
    }
    exported++;
    const { batchId, sent } = file.value;
    const perClient = new Map<string, number>();
    for (const s of sent) perClient.set(s.clientId, (perClient.get(s.clientId) ?? 0) + s.amount);
    const clients = [...perClient.keys()].sort();
    const declined = clients.flatMap((clientId, i) => {
      const o = c.outcomes[i % c.outcomes.length]!;
      if (o.kind === 'paid') {
        received.set(clientId, (received.get(clientId) ?? 0) + perClient.get(clientId)!);
        return [];
      }
      return [{ clientId, code: o.code }];
    });
    const reported = REPORTED[n]!;
    const decline = () =>
      declined.length
        ? addin.run<{ ok: boolean; error?: string }>('processDeclines', {
            batchId,
            date: reported,
            declines: declined,
            today: reported,
          })
        : { ok: true };
    const mark = () => ok(addin.run('markBatchProcessed', { batchId, today: reported }));
    if (c.telling === 'mark-then-decline') {
      mark();
      expect(decline().ok).toBe(true);
    } else {
      expect(decline().ok).toBe(true);
      if (declined.length < clients.length) mark();
    }
    // A second telling of the same declines changes no money: refused, or accepted as already known.
    if (c.again && declined.length) decline();
  });
  expect(exported).toBeGreaterThan(0);
  return { addin, received };
}

function invariants(addin: Addin, received: Map<string, number>): void {
  const invoices = records(addin.tab('Invoices'));
  const payments = records(addin.tab('Payments'));
  const cents = (v: unknown) => Math.round(Number(v || 0) * 100);
  for (const inv of invoices) {
    const paid = cents(inv['Paid']);
    expect(paid, `${inv['Invoice ID']} paid`).toBeGreaterThanOrEqual(0);
    expect(paid, `${inv['Invoice ID']} paid`).toBeLessThanOrEqual(cents(inv['Amount']));
    const rows = payments
      .filter((p) => p['Invoice ID'] === inv['Invoice ID'])
      .reduce((s, p) => s + cents(p['Amount']), 0);
    expect(rows, `${inv['Invoice ID']}: Paid equals its Payments rows`).toBe(paid);
  }
  const clientIds = new Set([...payments.map((p) => String(p['Client ID'])), ...received.keys()]);
  for (const clientId of clientIds) {
    const sum = payments
      .filter((p) => p['Client ID'] === clientId)
      .reduce((s, p) => s + cents(p['Amount']), 0);
    expect(sum, `${clientId}: Payments sum to what the bank received`).toBe(received.get(clientId) ?? 0);
  }
  // One decline story per debit: each (batch, client, invoice) has at most one Decline row.
  const declines = payments
    .filter((p) => p['Method'] === 'Decline')
    .map(
      (p) => `${p['Batch ID'] || String(p['Reference']).split(' ')[0]}|${p['Client ID']}|${p['Invoice ID']}`,
    );
  expect(new Set(declines).size).toBe(declines.length);
}

describe('money invariants over any sequence of billing days, bank outcomes and tellings', () => {
  it('holds for random cycles', () => {
    fc.assert(
      fc.property(fc.array(cycle, { minLength: 1, maxLength: BILLING_DAYS.length }), (cycles) => {
        const { addin, received } = play(cycles);
        invariants(addin, received);
      }),
      { numRuns: 40 },
    );
  });
});
