// The Reconcile view lists the rows a person acts on or that changed the ledger, and counts the others
// (already applied or paid, pending, not a payment): a report repeating months of history is mostly
// those. The totals and the Reconciliation tab still cover every row.
import { describe, expect, it } from 'vitest';
import { tabRows } from './reconciliationTab';
import { debitsuccessStudio, fixture, studio, type View } from './reconcileStudio';
import { ok } from './studio';

interface FullView extends View {
  rows: (View['rows'][number] & { amount: number | null; choices?: string[] })[];
  totals: View['totals'] & {
    unmatched: { count: number; amount: number };
    pending: { count: number; amount: number };
    kept: { count: number; amount: number };
    errors: number;
  };
}

const EZIDEBIT_HEAD =
  'PaymentID,PaymentReference,CustomerName,DebitDate,SettlementDate,ScheduledAmount,PaymentAmount,TransactionFeeCustomer,PaymentMethod,PaymentStatus,BankReturnCode,BankFailedReason';
const BEN_PAID = 'EZ-BEN-1,HPT-BEN,"O\'Brien, Ben",16/09/2016,19/09/2016,220.00,220.00,0.00,DR,S,,';

/** Ben's debit applied from an earlier report, then a report of it again with one row of each kind. */
function ezidebitStudio() {
  const addin = studio();
  ok(addin.run('applyReconcile', { text: [EZIDEBIT_HEAD, BEN_PAID].join('\n'), today: '2016-09-20' }));
  const text = [
    EZIDEBIT_HEAD,
    BEN_PAID, // 2: Already applied
    'EZ-CARA-1,HPT-CARA,"Smith, Cara",16/09/2016,20/09/2016,160.00,160.00,0.00,DR,D,06,Refer to customer', // 3: Declined
    'EZ-DAN-1,HPT-DAN,"Nguyen, Dan",16/09/2016,19/09/2016,99.00,99.00,0.00,DR,S,,', // 4: Paid
    'EZ-EVE-1,HPT-EVE,"Ray, Eve",16/09/2016,19/09/2016,55.00,60.00,0.00,DR,S,,', // 5: To check
    'EZ-BEN-2,HPT-BEN,"O\'Brien, Ben",30/09/2016,,220.00,220.00,0.00,DR,P,,', // 6: Pending
    'EZ-ZED-1,HPT-ZED,Zed Zulu,16/09/2016,19/09/2016,50.00,50.00,0.00,DR,S,,', // 7: Unmatched
    'EZ-BAD-1,HPT-DAN,"Nguyen, Dan",16/09/2016,19/09/2016,99.00,ninety,0.00,DR,S,,', // 8: Error
  ].join('\n');
  return { addin, text };
}

const QUIET_NOTES = {
  already: 'Applied from an earlier report',
  pending: 'Waiting on the bank; reconcile a later report',
};
const NOTES = {
  cara: 'Matched by DD reference to B-000001: Refer to customer (code 6); dishonour fee INV-000009 $15.00',
  dan: 'Matched by DD reference to B-000001',
  eve: "PaymentAmount $60.00 less the member's fee $0.00 (TransactionFeeCustomer) is $60.00, not the ScheduledAmount $55.00: check what was taken (settled as paid, $60.00 is applied)",
  zed: 'No invoice, client ID or DD reference matches, nor a client by name and amount',
  bad: 'Row 8, column PaymentAmount: "ninety" is not an amount of money',
};

/** Totals of the whole report: the rows left out of the view count as much as the ones in it. */
const EZIDEBIT_TOTALS = {
  paid: { count: 1, amount: 9900 },
  declined: { count: 1, amount: 16000 },
  unmatched: { count: 2, amount: 6000 + 5000 },
  pending: { count: 1, amount: 22000 },
  kept: { count: 0, amount: 0 },
  already: 1,
  errors: 1,
};

const rowsOf = (v: FullView) => v.rows.map((r) => [r.reportRow, r.outcome, r.clientId, r.note]);

describe('the Reconcile view leaves out the rows that change nothing', () => {
  it('lists the Declined, Paid, To check, Unmatched and Error rows, counts the Already applied and Pending ones; totals cover all', () => {
    const { addin, text } = ezidebitStudio();
    const shown = [
      [3, 'Declined', 'C-0005', NOTES.cara],
      [4, 'Paid', 'C-0006', NOTES.dan],
      [5, 'To check', 'C-0007', NOTES.eve],
      [7, 'Unmatched', '', NOTES.zed],
      [8, 'Error', '', NOTES.bad],
    ];
    const preview = ok<FullView>(addin.run('previewReconcile', { text, today: '2016-09-21' }));
    expect(rowsOf(preview)).toEqual(shown);
    expect(preview.quiet).toBe(2);
    expect(preview.totals).toEqual(EZIDEBIT_TOTALS);
    // The To check row keeps what a person may settle it as.
    expect(preview.rows[2]!.choices).toEqual(['paid', 'reversal', 'ignore']);

    const applied = ok<FullView>(addin.run('applyReconcile', { text, today: '2016-09-21' }));
    expect(rowsOf(applied)).toEqual(shown);
    expect(applied).toMatchObject({ quiet: 2, totals: EZIDEBIT_TOTALS, payments: 2, fees: 1 });
    expect(applied.quietNote).toBe(
      '2 row(s) that change nothing (already applied or paid, pending, not a payment) are listed on the Reconciliation tab only.',
    );

    // Applied again: Cara and Dan change nothing now, so they too are only counted.
    const again = ok<FullView>(addin.run('applyReconcile', { text, today: '2016-09-22' }));
    expect(rowsOf(again)).toEqual([
      [5, 'To check', 'C-0007', NOTES.eve],
      [7, 'Unmatched', '', NOTES.zed],
      [8, 'Error', '', NOTES.bad],
    ]);
    expect(again).toMatchObject({ quiet: 4, payments: 0, fees: 0 });
    expect(again.totals).toEqual({
      ...EZIDEBIT_TOTALS,
      paid: { count: 0, amount: 0 },
      declined: { count: 0, amount: 0 },
      already: 3,
    });
  });

  it('the Reconciliation tab still holds every row, quiet or not, with the totals of all', () => {
    const { addin, text } = ezidebitStudio();
    ok(addin.run('applyReconcile', { text, today: '2016-09-21' }));
    expect(tabRows(addin).map((r) => [r.reportRow, r.outcome, r.clientId, r.amount, r.note])).toEqual([
      [2, 'Already applied', '', 22000, QUIET_NOTES.already],
      [3, 'Declined', 'C-0005', 16000, NOTES.cara],
      [4, 'Paid', 'C-0006', 9900, NOTES.dan],
      [5, 'To check', 'C-0007', 6000, NOTES.eve],
      [6, 'Pending: no change', '', 22000, QUIET_NOTES.pending],
      [7, 'Unmatched', '', 5000, NOTES.zed],
      [8, 'Error', '', null, NOTES.bad],
    ]);
    expect(addin.tab('Reconciliation')[1]).toEqual([
      'Paid',
      99,
      '1 row(s)',
      'Declined',
      160,
      '1 row(s)',
      'Unmatched',
      110,
      '2 row(s)',
      'Pending 1, already applied 1, errors 1',
    ]);
  });

  it('Debitsuccess: its own revenue row is counted, not listed, and what it kept stays in the totals', () => {
    const { addin } = debitsuccessStudio();
    const first = fixture('debitsuccess-transactions.txt');
    ok(addin.run('applyReconcile', { text: first, today: '2016-09-20' }));
    const negative = first.trim().split('\n')[4]!;
    const [head, ben, , fee] = fixture('debitsuccess-payout-transactions.txt').trim().split('\n');
    /** Ben's payout line with some columns replaced (by index). */
    const line = (over: Record<number, string>) =>
      ben!
        .split('|')
        .map((c, i) => over[i] ?? c)
        .join('|');
    const text = [
      head,
      ben, // 2: Already applied ($4.40 commission)
      fee, // 3: Debitsuccess Revenue: Ignored, $9.90 kept
      `${negative}|Facility Revenue|2016-09-23|PB-5501`, // 4: To check
      line({ 10: 'g-ben-rev', 11: '-220.00', 13: 'Y', 14: 'ZR', 16: 'Z1', 17: '0.00' }), // 5: Declined
      line({ 4: 'C-CARA', 6: 'Cara', 7: 'Smith', 9: 'D-40009', 10: 'g-cara-2', 11: '160.00', 17: '3.20' }), // 6: Paid
      line({ 4: 'C-ZED', 6: 'Zed', 7: 'Zulu', 8: 'DS9', 9: 'D-9', 10: 'g-zed', 11: '50.00' }), // 7: Unmatched
      line({ 10: 'g-bad', 11: 'lots' }), // 8: Error
    ].join('\n');
    const view = ok<FullView>(addin.run('previewReconcile', { text, today: '2016-09-22' }));
    expect(view.rows.map((r) => [r.reportRow, r.outcome, r.amount])).toEqual([
      [4, 'To check', 750],
      [5, 'Declined', 22000],
      [6, 'Paid', 16000],
      [7, 'Unmatched', 5000],
      [8, 'Error', null],
    ]);
    expect(view.quiet).toBe(2);
    // Kept: $4.40 (Ben, already applied) + $9.90 (the revenue row) + $3.20 (Cara) + $4.40 (Zed).
    expect(view.totals).toEqual({
      paid: { count: 1, amount: 16000 },
      declined: { count: 1, amount: 22000 },
      unmatched: { count: 2, amount: 750 + 5000 },
      pending: { count: 0, amount: 0 },
      kept: { count: 4, amount: 440 + 990 + 320 + 440 },
      already: 1,
      errors: 1,
    });
    expect(tabRows(addin).map((r) => [r.reportRow, r.outcome, r.amount, r.note])).toEqual([
      [2, 'Already applied', 22000, 'Applied from an earlier report'],
      [3, 'Ignored', 990, "The DD company's own money, kept by it: not a client payment"],
      ...view.rows.map((r) => [r.reportRow, r.outcome, r.amount, r.note]),
    ]);
    expect(addin.tab('Reconciliation')[1]![9]).toBe(
      'Pending 0, already applied 1, errors 1; fees kept by the DD company $21.90',
    );
  });
});
