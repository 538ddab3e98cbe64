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
/**
 * How the studio hears of the batch: marks it processed then enters the declines by hand, or enters them
 * first; or marks it processed and reconciles the bank's ABA return file; or does both (a hand decline,
 * then the bank's return arrives anyway).
 */
type Telling = 'mark-then-decline' | 'decline-then-mark' | 'mark-then-return' | 'decline-then-return';

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
  telling: fc.constantFrom<Telling>(
    'mark-then-decline',
    'decline-then-mark',
    'mark-then-return',
    'decline-then-return',
  ),
  again: fc.boolean(),
});

type Sent = { invoiceId: string; clientId: string; amount: number };

/**
 * The bank's ABA return file for the declined debits of a debit file: each one's detail record as type 2,
 * with the return code in position 18, the original day in 113-114 and the user ID in 115-120.
 */
function returnFile(debitFile: string, codes: Map<string, string>, returned: string): string {
  const lines = debitFile.split('\r\n').filter(Boolean);
  const header = lines[0]!;
  const day = header.slice(74, 76);
  const userId = header.slice(56, 62);
  const ddmmyy = `${returned.slice(8, 10)}${returned.slice(5, 7)}${returned.slice(2, 4)}`;
  const out = [`${header.slice(0, 62)}${'RETURNS'.padEnd(12)}${ddmmyy}${header.slice(80)}`];
  let total = 0;
  for (const line of lines.slice(1)) {
    if (line[0] !== '1' || line.slice(18, 20) !== '13') continue;
    const code = codes.get(line.slice(62, 80).trim());
    if (!code) continue;
    out.push(`2${line.slice(1, 17)}${code}${line.slice(18, 112)}${day}${userId}`);
    total += Number(line.slice(20, 30));
  }
  const n = out.length - 1;
  const cents = (c: number) => String(c).padStart(10, '0');
  out.push(
    `7999-999${' '.repeat(12)}${cents(total)}${cents(0)}${cents(total)}${' '.repeat(24)}${String(n).padStart(6, '0')}${' '.repeat(40)}`,
  );
  return out.join('\r\n') + '\r\n';
}

function play(cycles: Cycle[]): { addin: Addin; received: Map<string, number>; declinedDebits: string[] } {
  const addin = billingStudio(loadAddin());
  const received = new Map<string, number>();
  const declinedDebits: string[] = [];
  let exported = 0;
  cycles.forEach((c, n) => {
    const day = BILLING_DAYS[n]!;
    ok(addin.run('runBilling', { billingDate: day, today: day }));
    const file = addin.run<{
      ok: boolean;
      error?: string;
      value: { batchId: string; sent: Sent[]; content: string };
    }>('createDebitFile', { format: 'aba', today: day });
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
    for (const d of declined) declinedDebits.push(`${batchId}|${d.clientId}`);
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
    const refs = new Map(
      records(addin.tab('Clients')).map((r) => [
        String(r['Client ID']),
        String(r['DD Reference'] || r['Client ID']),
      ]),
    );
    const codes = new Map(declined.map((d) => [refs.get(d.clientId)!, d.code]));
    const bankReturn = () => {
      if (!declined.length) return;
      const text = returnFile(file.value.content, codes, reported);
      const r = addin.run<{ ok: boolean; error?: string }>('applyReconcile', { text, today: reported });
      expect(r.error).toBeUndefined();
    };
    if (c.telling === 'mark-then-decline') {
      mark();
      expect(decline().ok).toBe(true);
    } else if (c.telling === 'decline-then-mark') {
      expect(decline().ok).toBe(true);
      if (declined.length < clients.length) mark();
    } else if (c.telling === 'mark-then-return') {
      mark();
      bankReturn();
    } else {
      mark();
      expect(decline().ok).toBe(true);
      bankReturn();
    }
    // A second telling of the same declines changes no money: refused, or accepted as already known.
    if (c.again && declined.length) {
      decline();
      if (c.telling.endsWith('return')) bankReturn();
    }
  });
  expect(exported).toBeGreaterThan(0);
  return { addin, received, declinedDebits };
}

function invariants(addin: Addin, received: Map<string, number>, declinedDebits: string[]): void {
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
  // Every debit the bank declined was recorded as declined, however the studio heard of it.
  const recorded = new Set(declines.map((d) => d.split('|').slice(0, 2).join('|')));
  for (const d of declinedDebits) expect(recorded.has(d), `${d} recorded as declined`).toBe(true);
}

describe('money invariants over any sequence of billing days, bank outcomes and tellings', () => {
  it('holds for random cycles', () => {
    fc.assert(
      fc.property(fc.array(cycle, { minLength: 1, maxLength: BILLING_DAYS.length }), (cycles) => {
        const { addin, received, declinedDebits } = play(cycles);
        invariants(addin, received, declinedDebits);
      }),
      { numRuns: 40 },
    );
  });
});
