// Reconcile indexes Provider Refs only for the rows that can look one up (declines, negative amounts,
// rows settled by hand); any other look-up throws. These reports reach every look-up a person can cause:
// late returns under the payment's own PaymentID and under a new one, disagreeing figures settled as
// paid then taken back, a Debitsuccess negative row settled as a reversal, repeated rows, a report
// applied twice. Each is applied as it was before the index was narrowed, and none throws.
import { describe, expect, it } from 'vitest';
import { records } from '../addon/harness';
import { allRows } from '../addon/reconciliationTab';
import { debitsuccessStudio, fixture, invoice, studio, type View } from '../addon/reconcileStudio';
import { ok } from '../addon/studio';

const HEAD =
  'PaymentID,PaymentReference,CustomerName,DebitDate,SettlementDate,ScheduledAmount,PaymentAmount,TransactionFeeCustomer,PaymentMethod,PaymentStatus,BankReturnCode,BankFailedReason';
const ezi = (...lines: string[]) => [HEAD, ...lines].join('\r\n') + '\r\n';

const payments = (addin: ReturnType<typeof studio>) =>
  records(addin.tab('Payments')).map((p) => [
    p['Payment ID'],
    p['Client ID'],
    p['Invoice ID'],
    p.Amount,
    p.Date,
    p.Method,
    p['Provider Ref'],
    p['Refund Of'],
  ]);
const notes = (addin: ReturnType<typeof studio>, view: View) =>
  allRows(addin, view).map((r) => [r.reportRow, r.outcome, r.note]);
const outcomes = (addin: ReturnType<typeof studio>, view: View) =>
  allRows(addin, view).map((r) => [r.reportRow, r.outcome, r.clientId, r.invoiceIds]);

describe('Reconcile look-ups by Provider Ref', () => {
  it('late returns, settled rows and repeats of an Ezidebit report', () => {
    const addin = studio();
    const first = ezi(
      'EZ-BEN-1,HPT-BEN,"O\'Brien, Ben",16/09/2016,19/09/2016,220.00,220.00,0.00,DR,S,,',
      // Eve's figures disagree: To check until settled.
      'EZ-EVE-1,HPT-EVE,"Ray, Eve",16/09/2016,19/09/2016,55.00,60.00,0.00,DR,S,,',
      'EZ-DAN-1,HPT-DAN,"Nguyen, Dan",16/09/2016,19/09/2016,99.00,99.00,0.00,DR,S,,',
    );
    const v1 = ok<View>(addin.run('applyReconcile', { text: first, today: '2016-09-20' }));
    expect(outcomes(addin, v1)).toEqual([
      [2, 'Paid', 'C-0004', ['INV-000001']],
      [3, 'To check', 'C-0007', []],
      [4, 'Paid', 'C-0006', ['INV-000007']],
    ]);
    const lines = first.trim().split('\r\n').slice(1);
    const second = ezi(
      ...lines,
      // Ben's payment returned late under its own PaymentID; Dan's under a new one; Ben's again.
      'EZ-BEN-1,HPT-BEN,"O\'Brien, Ben",16/09/2016,22/09/2016,220.00,-220.00,0.00,DR,S,,',
      'EZ-DAN-R,HPT-DAN,"Nguyen, Dan",16/09/2016,22/09/2016,99.00,-99.00,0.00,DR,S,,',
      'EZ-BEN-1,HPT-BEN,"O\'Brien, Ben",16/09/2016,22/09/2016,220.00,-220.00,0.00,DR,S,,',
    );
    const v2 = ok<View>(
      addin.run('applyReconcile', { text: second, resolve: { '3': 'paid' }, today: '2016-09-23' }),
    );
    expect(notes(addin, v2)).toEqual([
      [2, 'Already applied', 'Applied from an earlier report'],
      [
        3,
        'Paid',
        'Settled by hand as paid; Matched by DD reference to B-000001; $5.00 more than owed, kept as a credit on the Payments tab',
      ],
      [4, 'Already applied', 'Applied from an earlier report'],
      [
        5,
        'Declined',
        'Matched by Provider Ref EZ-BEN-1 to B-000001: Declined; dishonour fee INV-000009 $15.00',
      ],
      [
        6,
        'To check',
        'No standing payment has Provider Ref EZ-DAN-R: a negative amount is never a payment, check what it takes back',
      ],
      [7, 'Already applied', 'The same row appears twice in this report'],
    ]);
    // Dan's late return settled as a reversal: his debit of 16 Sep, found by date.
    const v3 = ok<View>(
      addin.run('applyReconcile', { text: second, resolve: { '6': 'reversal' }, today: '2016-09-23' }),
    );
    expect(notes(addin, v3)[4]).toEqual([
      6,
      'Declined',
      'Settled by hand as a reversal; Matched by DD reference to B-000001: Declined; dishonour fee INV-000010 $15.00',
    ]);
    // Eve's settled payment returned late (its $5 credit too), and a return of nothing she paid, ignored.
    const third = ezi(
      'EZ-EVE-1,HPT-EVE,"Ray, Eve",16/09/2016,26/09/2016,55.00,-60.00,0.00,DR,S,,',
      'EZ-EVE-9,HPT-EVE,"Ray, Eve",16/09/2016,26/09/2016,55.00,-55.00,0.00,DR,S,,',
    );
    const v4 = ok<View>(addin.run('previewReconcile', { text: third, today: '2016-09-27' }));
    expect(outcomes(addin, v4)).toEqual([
      [2, 'Declined', 'C-0007', ['INV-000008']],
      [3, 'To check', 'C-0007', []],
    ]);
    const v5 = ok<View>(
      addin.run('applyReconcile', { text: third, resolve: { '3': 'ignore' }, today: '2016-09-27' }),
    );
    expect(notes(addin, v5)).toEqual([
      [
        2,
        'Declined',
        'Matched by Provider Ref EZ-EVE-1 to B-000001: Declined; dishonour fee INV-000011 $15.00',
      ],
      [3, 'Ignored', 'Settled by hand: ignored, nothing applied'],
    ]);
    // The second report once more: nothing left to apply.
    const v6 = ok<View>(
      addin.run('applyReconcile', { text: second, resolve: { '6': 'reversal' }, today: '2016-09-27' }),
    );
    expect(notes(addin, v6).map((r) => r[1])).toEqual(Array(6).fill('Already applied'));
    expect(payments(addin)).toEqual([
      ['P-000001', 'C-0004', 'INV-000001', 220, '2016-09-16', 'DD report', 'EZ-BEN-1', ''],
      ['P-000002', 'C-0006', 'INV-000007', 99, '2016-09-16', 'DD report', 'EZ-DAN-1', ''],
      ['P-000003', 'C-0007', 'INV-000008', 55, '2016-09-16', 'DD report', 'EZ-EVE-1', ''],
      ['P-000004', 'C-0007', '', 5, '2016-09-16', 'DD report', 'EZ-EVE-1', ''],
      ['P-000005', 'C-0004', 'INV-000001', -220, '2016-09-22', 'Decline', 'EZ-BEN-1', ''],
      ['P-000006', 'C-0006', 'INV-000007', -99, '2016-09-22', 'Decline', 'EZ-DAN-R', ''],
      ['P-000007', 'C-0007', 'INV-000008', -55, '2016-09-26', 'Decline', 'EZ-EVE-1', ''],
      ['P-000008', 'C-0007', '', -5, '2016-09-26', 'Decline', 'EZ-EVE-1', 'P-000004'],
    ]);
    expect(['INV-000001', 'INV-000007', 'INV-000008'].map((id) => invoice(addin, id).Status)).toEqual([
      'Declined',
      'Declined',
      'Declined',
    ]);
  });

  it('a Debitsuccess negative row settled as a reversal, and a late one under a new TransactionGuid', () => {
    const { addin, ben, cara } = debitsuccessStudio();
    const text = fixture('debitsuccess-transactions.txt');
    const v1 = ok<View>(addin.run('applyReconcile', { text, today: '2016-09-20' }));
    expect(v1.rows.map((r) => [r.reportRow, r.outcome])).toEqual([
      [2, 'Paid'],
      [3, 'Paid'],
      [4, 'Declined'],
      [5, 'To check'],
    ]);
    // Row 5 (-$7.50, DocketNo D-40004 that no payment has) settled as a reversal: Cara's debit by date.
    const v2 = ok<View>(
      addin.run('applyReconcile', { text, resolve: { '5': 'reversal' }, today: '2016-09-20' }),
    );
    expect(notes(addin, v2)[3]).toEqual([
      5,
      'Declined',
      'Settled by hand as a reversal; Matched by DD reference: Declined; dishonour fee INV-000008 $15.00',
    ]);
    // Ben's payment (DocketNo D-40001) returned under a TransactionGuid of its own, with no reason code.
    const [head, benPaid] = text.trim().split('\n');
    const late =
      [
        head,
        benPaid,
        benPaid!
          .replace('6f1c2a9e-0b1d-4e55-9a41-1f7f0f2a3b01', 'late-guid')
          .replace('|220.00|', '|-220.00|')
          .replace('|Z|ZP|AP||4.40|', '|Y|ZR|AP||0.00|'),
      ].join('\n') + '\n';
    const v3 = ok<View>(addin.run('applyReconcile', { text: late, today: '2016-09-22' }));
    expect(outcomes(addin, v3)).toEqual([
      [2, 'Already applied', '', []],
      [3, 'To check', ben, []],
    ]);
    const settle = () =>
      ok<View>(
        addin.run('applyReconcile', { text: late, resolve: { '3': 'reversal' }, today: '2016-09-22' }),
      );
    expect(notes(addin, settle())[1]).toEqual([
      3,
      'Declined',
      'Settled by hand as a reversal; Matched by Provider Ref D-40001: Declined; dishonour fee INV-000009 $15.00',
    ]);
    expect(notes(addin, settle()).map((r) => r[1])).toEqual(['Already applied', 'Already applied']);
    expect(payments(addin)).toEqual([
      ['P-000001', ben, 'INV-000001', 220, '2016-09-16', 'DD report', 'D-40001', ''],
      ['P-000002', cara, 'INV-000006', 160, '2016-09-16', 'DD report', 'D-40002', ''],
      ['P-000003', cara, 'INV-000006', -160, '2016-09-19', 'Decline', 'D-40002', 'P-000002'],
      ['P-000004', ben, 'INV-000001', -220, '2016-09-16', 'Decline', 'D-40001', 'P-000001'],
    ]);
  });

  it('a mapped report: a late return under its own payment ID, a decline, a new ID settled, repeats', () => {
    const addin = studio();
    const mapping = {
      reference: ['Ref'],
      date: 'When',
      amount: 'Dollars',
      status: 'Result',
      paidValues: ['OK'],
      declinedValues: ['BOUNCED'],
      paymentId: 'Txn',
    };
    const t1 =
      'Ref;When;Dollars;Result;Txn\nHPT-BEN;16/09/2016;220.00;OK;T-1\nHPT-EVE;16/09/2016;55.00;OK;T-3\n';
    const headers = ['Ref', 'When', 'Dollars', 'Result', 'Txn'];
    ok(addin.run('saveReportMapping', { headers, mapping, text: t1, today: '2016-09-20' }));
    const v1 = ok<View>(addin.run('applyReconcile', { text: t1, today: '2016-09-20' }));
    expect(outcomes(addin, v1)).toEqual([
      [2, 'Paid', 'C-0004', ['INV-000001']],
      [3, 'Paid', 'C-0007', ['INV-000008']],
    ]);
    const t2 =
      t1 +
      'HPT-BEN;22/09/2016;-220.00;OK;T-1\nHPT-DAN;16/09/2016;99.00;BOUNCED;T-2\n' +
      'HPT-EVE;22/09/2016;-55.00;OK;T-9\nHPT-BEN;22/09/2016;-220.00;OK;T-1\n';
    const v2 = ok<View>(addin.run('applyReconcile', { text: t2, today: '2016-09-23' }));
    expect(notes(addin, v2).slice(2)).toEqual([
      [4, 'Declined', 'Matched by Provider Ref T-1 to B-000001: Declined; dishonour fee INV-000009 $15.00'],
      [5, 'Declined', 'Matched by DD reference to B-000001: Declined; dishonour fee INV-000010 $15.00'],
      [
        6,
        'To check',
        'No standing payment has Provider Ref T-9: a negative amount is never a payment, check what it takes back',
      ],
      [7, 'Already applied', 'The same row appears twice in this report'],
    ]);
    const settle = () =>
      ok<View>(addin.run('applyReconcile', { text: t2, resolve: { '6': 'reversal' }, today: '2016-09-23' }));
    expect(notes(addin, settle())[4]).toEqual([
      6,
      'Declined',
      'Settled by hand as a reversal; Matched by DD reference to B-000001: Declined; dishonour fee INV-000011 $15.00',
    ]);
    expect(notes(addin, settle()).map((r) => r[1])).toEqual(Array(6).fill('Already applied'));
    expect(payments(addin)).toEqual([
      ['P-000001', 'C-0004', 'INV-000001', 220, '2016-09-16', 'DD report', 'T-1', ''],
      ['P-000002', 'C-0007', 'INV-000008', 55, '2016-09-16', 'DD report', 'T-3', ''],
      ['P-000003', 'C-0004', 'INV-000001', -220, '2016-09-22', 'Decline', 'T-1', ''],
      ['P-000004', 'C-0006', 'INV-000007', 0, '2016-09-16', 'Decline', 'T-2', ''],
      ['P-000005', 'C-0007', 'INV-000008', -55, '2016-09-22', 'Decline', 'T-9', ''],
    ]);
  });

  it('a payment whose figures disagree, settled as a reversal: a paid row looks up its Provider Ref', () => {
    const addin = studio();
    const text = ezi(
      'EZ-BEN-1,HPT-BEN,"O\'Brien, Ben",16/09/2016,19/09/2016,220.00,220.00,0.00,DR,S,,',
      'EZ-EVE-1,HPT-EVE,"Ray, Eve",16/09/2016,19/09/2016,55.00,60.00,0.00,DR,S,,',
    );
    const settle = () =>
      ok<View>(addin.run('applyReconcile', { text, resolve: { '3': 'reversal' }, today: '2016-09-20' }));
    expect(notes(addin, settle())).toEqual([
      [2, 'Paid', 'Matched by DD reference to B-000001'],
      [
        3,
        'Declined',
        'Settled by hand as a reversal; Matched by DD reference to B-000001: Declined; dishonour fee INV-000009 $15.00',
      ],
    ]);
    expect(notes(addin, settle()).map((r) => r[1])).toEqual(['Already applied', 'Already applied']);
    expect(invoice(addin, 'INV-000008')).toMatchObject({ Status: 'Declined', Paid: 0 });
    expect(payments(addin)).toEqual([
      ['P-000001', 'C-0004', 'INV-000001', 220, '2016-09-16', 'DD report', 'EZ-BEN-1', ''],
      ['P-000002', 'C-0007', 'INV-000008', 0, '2016-09-19', 'Decline', 'EZ-EVE-1', ''],
    ]);
  });
});
