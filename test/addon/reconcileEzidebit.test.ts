// Ezidebit's payment records as published, through the add-in: the member's fee is never a credit, a card
// debit's code is its own (not the bank's table), a decline is dated the day Ezidebit was told, and API
// date-times are the studio's dates (the add-in hands the reader the spreadsheet's zone).
import { describe, expect, it } from 'vitest';
import { records } from './harness';
import { allRows } from './reconciliationTab';
import { fixture, invoice, studio, type View } from './reconcileStudio';
import { ok } from './studio';

/** The first rows of ezidebit-member-fees.csv (Ben, Cara, Dan, Eve), moved to the studio's batch of 16 Sep. */
const memberFees = () =>
  fixture('ezidebit-member-fees.csv')
    .split('\r\n')
    .slice(0, 5)
    .join('\r\n')
    .replace(/14\/10\/2016/g, '16/09/2016')
    .replace(/17\/10\/2016/g, '19/09/2016')
    .replace(/18\/10\/2016/g, '20/09/2016');

const payments = (addin: ReturnType<typeof studio>) =>
  records(addin.tab('Payments')).map((p) => [p['Client ID'], p['Invoice ID'], p.Amount, p.Date, p.Method]);

describe('Reconcile an Ezidebit report with member-paid fees', () => {
  it('ScheduledAmount settles the invoice: the member’s fee is no false credit; figures that disagree are To check', () => {
    const addin = studio();
    const view = ok<View>(addin.run('applyReconcile', { text: memberFees(), today: '2016-09-21' }));
    expect(view.rows.map((r) => [r.reportRow, r.outcome, r.clientId, r.invoiceIds])).toEqual([
      [2, 'Paid', 'C-0004', ['INV-000001']],
      [3, 'Declined', 'C-0005', ['INV-000006']],
      [4, 'Paid', 'C-0006', ['INV-000007']],
      [5, 'To check', 'C-0007', []],
    ]);
    // $220.99 taken from Ben, $0.99 of it his fee: $220 on the invoice and no credit row.
    // Cara's decline row (the debit story's record, nothing was paid) is dated by SettlementDate.
    expect(payments(addin)).toEqual([
      ['C-0004', 'INV-000001', 220, '2016-09-16', 'DD report'],
      ['C-0005', 'INV-000006', 0, '2016-09-20', 'Decline'],
      ['C-0006', 'INV-000007', 99, '2016-09-16', 'DD report'],
    ]);
    expect(invoice(addin, 'INV-000001')).toMatchObject({ Status: 'Paid', Paid: 220, Balance: 0 });
    expect(invoice(addin, 'INV-000008')).toMatchObject({ Status: 'Sent', Paid: 0 });
    // So is her dishonour fee: the day Ezidebit was told.
    expect(invoice(addin, 'INV-000009')).toMatchObject({ 'Client ID': 'C-0005', 'Due Date': '2016-09-20' });

    // Eve's row, settled as paid, applies the money taken for the studio: $56.01, $1.01 of it credit.
    const settled = ok<View>(
      addin.run('applyReconcile', { text: memberFees(), resolve: { '5': 'paid' }, today: '2016-09-21' }),
    );
    expect(allRows(addin, settled)[3]).toMatchObject({
      outcome: 'Paid',
      clientId: 'C-0007',
      invoiceIds: ['INV-000008'],
    });
    expect(payments(addin).slice(-2)).toEqual([
      ['C-0007', 'INV-000008', 55, '2016-09-16', 'DD report'],
      ['C-0007', '', 1.01, '2016-09-16', 'DD report'],
    ]);
  });

  it('a card debit’s code is shown as given: a card’s 05 is not the bank’s “no account”', () => {
    const addin = studio();
    const text = [
      'PaymentID,PaymentReference,CustomerName,DebitDate,SettlementDate,ScheduledAmount,PaymentAmount,TransactionFeeCustomer,PaymentMethod,PaymentStatus,BankReturnCode,BankFailedReason',
      'EZ-DAN-1,HPT-DAN,"Nguyen, Dan",16/09/2016,20/09/2016,99.00,0.00,1.49,CR,F,05,Do not honour',
      'EZ-EVE-1,HPT-EVE,"Ray, Eve",16/09/2016,20/09/2016,55.00,0.00,0.99,DR,F,05,',
    ].join('\n');
    const view = ok<View>(addin.run('applyReconcile', { text, today: '2016-09-21' }));
    expect(view.rows.map((r) => [r.outcome, r.clientId])).toEqual([
      ['Declined', 'C-0006'],
      ['Declined', 'C-0007'],
    ]);
    expect(invoice(addin, 'INV-000007')).toMatchObject({
      Status: 'Declined',
      'Decline Reason': 'Do not honour (card code 05)',
    });
    expect(invoice(addin, 'INV-000008')).toMatchObject({
      'Decline Reason': 'No account / incorrect account number (code 5)',
    });
    // The bank's 5 means wrong details; the card's 05 leaves the client as they were.
    const status = (id: string) => records(addin.tab('Clients')).find((c) => c['Client ID'] === id)!.Status;
    expect([status('C-0006'), status('C-0007')]).toEqual(['Active', 'Update bank details']);
  });

  it('API date-times with a zone are the studio’s dates (Sydney), for the payment and the decline', () => {
    const addin = studio();
    const text = [
      'PaymentID,PaymentReference,CustomerName,DebitDate,SettlementDate,ScheduledAmount,PaymentAmount,TransactionFeeCustomer,PaymentMethod,PaymentStatus,BankReturnCode,BankFailedReason',
      // 21:30 UTC on 15 Sep is 07:30 on 16 Sep in Sydney (AEST).
      'API-1,HPT-BEN,"O\'Brien, Ben",2016-09-15T21:30:00.000Z,2016-09-18T22:00:00.000Z,220.00,220.99,0.99,DR,S,,',
      'API-2,HPT-CARA,"Smith, Cara",2016-09-15T21:30:00.000Z,2016-09-19T15:00:00Z,160.00,0.00,0.99,DR,D,06,Refer to customer',
    ].join('\n');
    ok(addin.run('applyReconcile', { text, today: '2016-09-22' }));
    // Cara's dishonour was reported at 01:00 on 20 Sep in Sydney: it and its fee are dated that day.
    expect(payments(addin)).toEqual([
      ['C-0004', 'INV-000001', 220, '2016-09-16', 'DD report'],
      ['C-0005', 'INV-000006', 0, '2016-09-20', 'Decline'],
    ]);
    expect(invoice(addin, 'INV-000009')).toMatchObject({ 'Client ID': 'C-0005', 'Due Date': '2016-09-20' });
  });
});
