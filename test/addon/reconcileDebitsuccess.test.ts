// Debitsuccess's published client data files through the add-in: payments by TransactionGuid, a reversal
// taking back the payment with its DocketNo, a negative amount with no reason To check until a person
// settles it, and the provider's own money (Debitsuccess Revenue, Commission) shown as fees it kept.
import { describe, expect, it } from 'vitest';
import { loadAddin, records } from './harness';
import { allRows } from './reconciliationTab';
import { debitsuccessStudio, fixture, invoice, type View } from './reconcileStudio';
import { ok } from './studio';

interface DsView extends View {
  rows: (View['rows'][number] & { choices?: string[]; kept?: number; amount: number | null })[];
  totals: View['totals'] & { kept: { count: number; amount: number } };
}

const payments = (addin: ReturnType<typeof loadAddin>) =>
  records(addin.tab('Payments')).map((p) => [
    p['Payment ID'],
    p['Invoice ID'],
    p.Amount,
    p.Date,
    p.Method,
    p['Provider Ref'],
    p['Refund Of'],
  ]);

describe('Reconcile a Debitsuccess Transactions file', () => {
  it('pays by TransactionGuid, takes back the payment the reversal’s DocketNo names, and leaves the negative row To check', () => {
    const { addin, ben, cara } = debitsuccessStudio();
    const text = fixture('debitsuccess-transactions.txt');
    const view = ok<DsView>(addin.run('applyReconcile', { text, today: '2016-09-20' }));
    expect(view.rows.map((r) => [r.reportRow, r.outcome, r.clientId, r.invoiceIds])).toEqual([
      [2, 'Paid', ben, ['INV-000001']],
      [3, 'Paid', cara, ['INV-000006']],
      [4, 'Declined', cara, ['INV-000006']],
      [5, 'To check', cara, []],
    ]);
    expect(view.rows[0]!.note).toBe(
      'Matched by DD reference; the rest paid INV-000001; $4.40 commission kept by the DD company',
    );
    // The made-up code means nothing to us: shown as given, retried once, never read as a bank's.
    expect(view.rows[2]!.note).toBe(
      'Matched by Provider Ref D-40002: Reversal code Z1; dishonour fee INV-000007 $15.00',
    );
    expect(view.rows[3]).toMatchObject({
      note: 'A negative Amount with no ReversalReasonCode: not a payment, and not said to reverse one; check what it is',
      choices: ['reversal', 'ignore'],
    });
    expect(view.totals.kept).toEqual({ count: 2, amount: 760 });
    expect(payments(addin)).toEqual([
      ['P-000001', 'INV-000001', 220, '2016-09-16', 'DD report', 'D-40001', ''],
      ['P-000002', 'INV-000006', 160, '2016-09-16', 'DD report', 'D-40002', ''],
      ['P-000003', 'INV-000006', -160, '2016-09-19', 'Decline', 'D-40002', 'P-000002'],
    ]);
    expect(invoice(addin, 'INV-000006')).toMatchObject({
      Status: 'Declined',
      Paid: 0,
      'Decline Reason': 'Reversal code Z1',
    });
    expect(invoice(addin, 'INV-000007')).toMatchObject({
      'Client ID': cara,
      'Due Date': '2016-09-19',
      Amount: 15,
    });

    const tab = addin.tab('Reconciliation');
    expect(tab[1]![9]).toBe('Pending 0, already applied 0, errors 0; fees kept by the DD company $7.60');
    // The names come from first + last name; the codes are shown as given.
    expect(tab.slice(3).map((r) => [r[3], r[5]])).toEqual([
      ["Ben O'Brien", 'Paid; TransType Z, PaymentTransactionCode ZP, PaymentMethodCode AP'],
      ['Cara Smith', 'Paid; TransType Z, PaymentTransactionCode ZP, PaymentMethodCode AP'],
      [
        'Cara Smith',
        'Declined (negative amount): Reversal code Z1; TransType Y, PaymentTransactionCode ZR, PaymentMethodCode AP, ReversalReasonCode Z1',
      ],
      ['Cara Smith', 'Other (negative amount); TransType Y, PaymentTransactionCode ZF, PaymentMethodCode AP'],
    ]);
    // Not kept as applied: shown again until a person settles it.
    expect(records(addin.tab('Reconciled')).map((r) => r.Outcome)).toEqual(['Paid', 'Paid', 'Declined']);
  });

  it('a person settles the To check row (ignore): kept as settled, shown as applied the next time', () => {
    const { addin } = debitsuccessStudio();
    const text = fixture('debitsuccess-transactions.txt');
    ok(addin.run('applyReconcile', { text, today: '2016-09-20' }));
    const before = payments(addin);
    const settled = ok<DsView>(
      addin.run('applyReconcile', { text, resolve: { '5': 'ignore' }, today: '2016-09-21' }),
    );
    expect(allRows(addin, settled).map((r) => [r.outcome, r.note])).toEqual([
      ['Already applied', 'Applied from an earlier report'],
      ['Already applied', 'Applied from an earlier report'],
      ['Already applied', 'Applied from an earlier report'],
      ['Ignored', 'Settled by hand: ignored, nothing applied'],
    ]);
    expect(payments(addin)).toEqual(before);
    expect(records(addin.tab('Reconciled')).map((r) => [r['Report Row'], r.Outcome])).toEqual([
      [2, 'Paid'],
      [3, 'Paid'],
      [4, 'Declined'],
      [5, 'Ignored'],
    ]);
    const again = ok<DsView>(addin.run('previewReconcile', { text, today: '2016-09-22' }));
    expect(allRows(addin, again).map((r) => r.outcome)).toEqual([
      'Already applied',
      'Already applied',
      'Already applied',
      'Already applied',
    ]);
  });

  it('refuses to settle a negative amount as paid, or a row that is not To check; nothing is written', () => {
    const { addin } = debitsuccessStudio();
    const text = fixture('debitsuccess-transactions.txt');
    const before = [addin.tab('Payments'), addin.tab('Invoices'), addin.tab('Reconciled')];
    expect(addin.run('applyReconcile', { text, resolve: { '5': 'paid' }, today: '2016-09-20' })).toEqual({
      ok: false,
      error:
        'Report row 5 says money went back (a negative amount or a decline): it is never a payment; settle it as reversal or ignore.',
      field: 'resolve',
    });
    expect(addin.run('applyReconcile', { text, resolve: { '2': 'ignore' }, today: '2016-09-20' })).toEqual({
      ok: false,
      error: 'Report row 2 is Paid, not To check: there is nothing to settle.',
      field: 'resolve',
    });
    expect(addin.run('applyReconcile', { text, resolve: { '5': 'refund' }, today: '2016-09-20' })).toEqual({
      ok: false,
      error: 'Report row 5: "refund" is not a way to settle it (paid, reversal or ignore).',
      field: 'resolve',
    });
    expect([addin.tab('Payments'), addin.tab('Invoices'), addin.tab('Reconciled')]).toEqual(before);
  });

  it('a name or code that looks like a formula reaches the Reconciliation tab as text', () => {
    const { addin } = debitsuccessStudio();
    const text = fixture('debitsuccess-transactions.txt')
      .replace("|Ben|O'Brien|", '|=HYPERLINK("http://x.test")|+1|')
      .replace('|Z|ZP|AP||4.40|', '|@SUM(A1)|ZP|AP||4.40|');
    ok(addin.run('previewReconcile', { text, today: '2016-09-20' }));
    const sheet = addin.sheet('Reconciliation');
    expect(sheet.getRange(4, 4).getValue()).toBe('=HYPERLINK("http://x.test") +1');
    expect(sheet.getRange(4, 6).getValue()).toBe(
      'Paid; TransType @SUM(A1), PaymentTransactionCode ZP, PaymentMethodCode AP',
    );
    expect(sheet.getRange(4, 1, 1, 10).getFormulas()).toEqual([Array(10).fill('')]);
  });

  it('the PayoutTransactions file after it: the same TransactionGuids are applied already; Debitsuccess Revenue is its own money', () => {
    const { addin } = debitsuccessStudio();
    ok(addin.run('applyReconcile', { text: fixture('debitsuccess-transactions.txt'), today: '2016-09-20' }));
    const before = payments(addin);
    const invoices = addin.tab('Invoices');
    const payout = ok<DsView>(
      addin.run('applyReconcile', {
        text: fixture('debitsuccess-payout-transactions.txt'),
        today: '2016-09-24',
      }),
    );
    expect(allRows(addin, payout).map((r) => [r.outcome, r.amount, r.note])).toEqual([
      ['Already applied', 22000, 'Applied from an earlier report'],
      ['Already applied', 16000, 'Applied from an earlier report'],
      ['Ignored', 990, "The DD company's own money, kept by it: not a client payment"],
    ]);
    // No row is shown, yet the totals count what the DD company kept of every row: $4.40 and $3.20 of
    // the commissions (as the first file's rows show) and the $9.90 of its own revenue.
    expect(payout.rows).toEqual([]);
    expect(payout.totals.kept).toEqual({ count: 3, amount: 440 + 320 + 990 });
    expect(addin.tab('Reconciliation')[1]![9]).toBe(
      'Pending 0, already applied 2, errors 0; fees kept by the DD company $17.50',
    );
    expect(payments(addin)).toEqual(before);
    expect(addin.tab('Invoices')).toEqual(invoices);
  });
});
