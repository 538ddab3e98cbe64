import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAddin, records } from './harness';
import { allRows } from './reconciliationTab';
import { fixture, invoice, studio, type View } from './reconcileStudio';
import { ok, setSetting, setUpStudio } from './studio';

describe('Reconcile a DD report', () => {
  it('Ezidebit: paid, declined with fee, pending, fatal dishonour; preview first, then apply, then again changes nothing', () => {
    const addin = studio();
    const text = fixture('ezidebit-payments-sample.csv');
    const before = addin.tab('Invoices');
    const preview = ok<View>(addin.run('previewReconcile', { text, today: '2016-09-20' }));
    // The pending row is on the Reconciliation tab only: the view lists the rows that change something.
    expect(allRows(addin, preview).map((r) => [r.reportRow, r.outcome, r.clientId, r.invoiceIds])).toEqual([
      [2, 'Paid', 'C-0004', ['INV-000001']],
      [3, 'Declined', 'C-0005', ['INV-000006']],
      [4, 'Pending: no change', '', []],
      [5, 'Declined', 'C-0007', ['INV-000008']],
    ]);
    expect(addin.tab('Invoices')).toEqual(before);
    const tab = addin.tab('Reconciliation');
    expect(tab[0]!.slice(0, 3)).toEqual(['Report', 'ezidebit', 'Status']);
    expect(tab[2]).toEqual([
      'Report Row',
      'Date',
      'Reference',
      'Name',
      'Amount',
      'Report Status',
      'Outcome',
      'Client ID',
      'Invoice IDs',
      'Note',
    ]);
    expect(tab[4]!.slice(0, 9)).toEqual([
      3,
      '2016-09-16',
      'C-CARA HPT-CARA 100232',
      'Smith, Cara',
      160,
      'Declined: Refer to customer',
      'Declined',
      'C-0005',
      'INV-000006',
    ]);

    const applied = ok<View>(addin.run('applyReconcile', { text, today: '2016-09-20' }));
    expect(applied.totals).toMatchObject({
      paid: { count: 1, amount: 22000 },
      declined: { count: 2, amount: 21500 },
      pending: { count: 1 },
    });
    expect(invoice(addin, 'INV-000001')).toMatchObject({ Status: 'Paid', Paid: 220, Balance: 0 });
    // The bank's code decides: 6 is a retry, 3 (account closed) stops the client's debits.
    expect(invoice(addin, 'INV-000006')).toMatchObject({
      Status: 'Declined',
      Paid: 0,
      Balance: 160,
      'Decline Reason': 'Refer to customer (code 6)',
      'Decline Count': 1,
    });
    expect(invoice(addin, 'INV-000008')).toMatchObject({
      Status: 'Declined',
      'Decline Reason': 'Account closed (code 3)',
    });
    expect(records(addin.tab('Clients')).find((c) => c['Client ID'] === 'C-0007')).toMatchObject({
      Status: 'DD stopped',
    });
    expect(invoice(addin, 'INV-000007')).toMatchObject({ Status: 'Sent' });
    // The report gives no settlement date for the dishonours: they were reported when it was read.
    const fees = records(addin.tab('Invoices')).filter((i) =>
      String(i.Description).startsWith('Dishonour fee'),
    );
    expect(fees.map((f) => [f['Client ID'], f['Due Date'], f.Amount])).toEqual([
      ['C-0005', '2016-09-20', 15],
      ['C-0007', '2016-09-20', 15],
    ]);
    expect(
      records(addin.tab('Payments')).map((p) => [
        p['Invoice ID'],
        p.Amount,
        p.Method,
        p.Reference,
        p['Batch ID'],
        p['Provider Ref'],
      ]),
    ).toEqual([
      [
        'INV-000001',
        220,
        'DD report',
        'ezidebit:SCHEDULED-100231-20160916',
        'B-000001',
        'SCHEDULED-100231-20160916',
      ],
      [
        'INV-000006',
        0,
        'Decline',
        'B-000001 declined: Refer to customer',
        'B-000001',
        'SCHEDULED-100232-20160916',
      ],
      [
        'INV-000008',
        0,
        'Decline',
        'B-000001 declined: Account closed',
        'B-000001',
        'SCHEDULED-100234-20160916',
      ],
    ]);

    // The same report again: nothing changes, no double payment.
    const invoicesAfter = addin.tab('Invoices');
    const paymentsAfter = addin.tab('Payments');
    const again = ok<View>(addin.run('applyReconcile', { text, today: '2016-09-21' }));
    expect(allRows(addin, again).map((r) => r.outcome)).toEqual([
      'Already applied',
      'Already applied',
      'Pending: no change',
      'Already applied',
    ]);
    expect(again.payments).toBe(0);
    expect(addin.tab('Invoices')).toEqual(invoicesAfter);
    expect(addin.tab('Payments')).toEqual(paymentsAfter);

    // Cara's declined invoice and fee come back in the next run; Eve's account is closed: not debited.
    const run = ok<{
      rows: { clientId: string; amountDue: number }[];
      skipped: { clientId: string; amount: number }[];
    }>(addin.run('runBilling', { billingDate: '2016-09-30', today: '2016-09-30' }));
    expect(run.rows.find((r) => r.clientId === 'C-0005')!.amountDue).toBe(16000 + 1500 + 16000);
    expect(run.rows.find((r) => r.clientId === 'C-0007')).toBeUndefined();
    expect(run.skipped.find((r) => r.clientId === 'C-0007')!.amount).toBe(5500 + 1500);
  });

  it('part paid, overpaid (a credit), unmatched, and a name-and-amount match that waits for a person', () => {
    const addin = studio();
    const text = [
      'PaymentID,PaymentReference,YourSystemReference,CustomerName,DebitDate,SettlementDate,PaymentAmount,ScheduledAmount,PaymentStatus,BankReturnCode,BankFailedReason',
      // No ScheduledAmount: what was taken is what settles (a ScheduledAmount that disagrees is To check).
      'P1,HPT-BEN,,"O\'Brien, Ben",16/09/2016,19/09/2016,$100.00,,S,,',
      'P2,HPT-DAN,,"Nguyen, Dan",16/09/2016,19/09/2016,120.00,,S,,',
      'P3,HPT-ZED,,Zed Zulu,16/09/2016,,50.00,50.00,S,,',
      'P4,,,"Ray, Eve",17/09/2016,,55.00,55.00,S,,',
    ].join('\n');
    const view = ok<View>(addin.run('applyReconcile', { text, today: '2016-09-20' }));
    expect(view.rows.map((r) => [r.outcome, r.clientId])).toEqual([
      ['Part paid', 'C-0004'],
      ['Paid', 'C-0006'],
      ['Unmatched', ''],
      ['To confirm', 'C-0007'],
    ]);
    expect(view.rows[1]!.note).toContain('$21.00 more than owed, kept as a credit on the Payments tab');
    expect(invoice(addin, 'INV-000001')).toMatchObject({ Status: 'Part paid', Paid: 100, Balance: 120 });
    expect(
      records(addin.tab('Payments')).map((p) => [p['Client ID'], p['Invoice ID'], p.Amount, p.Method]),
    ).toEqual([
      ['C-0004', 'INV-000001', 100, 'DD report'],
      ['C-0006', 'INV-000007', 99, 'DD report'],
      ['C-0006', '', 21, 'DD report'],
    ]);
    expect(invoice(addin, 'INV-000008')).toMatchObject({ Status: 'Sent' });
    // A person confirms row 5 is Eve: now it applies, and the rest stay as they were.
    const confirmed = ok<View>(
      addin.run('applyReconcile', { text, confirm: { '5': 'C-0007' }, today: '2016-09-20' }),
    );
    expect(allRows(addin, confirmed).map((r) => r.outcome)).toEqual([
      'Already applied',
      'Already applied',
      'Unmatched',
      'Paid',
    ]);
    expect(invoice(addin, 'INV-000008')).toMatchObject({ Status: 'Paid', Paid: 55 });
  });

  it('an ABA return file declines by lodgement reference with the bank reason', () => {
    const addin = studio();
    const view = ok<View>(
      addin.run('applyReconcile', { text: fixture('aba-return-sample.txt'), today: '2016-09-20' }),
    );
    expect(view.rows.map((r) => [r.outcome, r.clientId, r.note.split(': ')[1]])).toEqual([
      ['Declined', 'C-0005', 'Refer to customer (code 6); dishonour fee INV-000009 $15.00'],
      [
        'Declined',
        'C-0006',
        'Account closed (code 3); dishonour fee INV-000010 $15.00; client now DD stopped',
      ],
    ]);
    // Declined the day the bank's return file was made (20 Sep), not the day of the debit.
    expect(
      records(addin.tab('Payments')).map((p) => [
        p['Invoice ID'],
        p.Amount,
        p.Date,
        p['Provider Ref'],
        p.Reason,
      ]),
    ).toEqual([
      ['INV-000006', 0, '2016-09-20', 'B-000001 HPT-CARA', 'Refer to customer (code 6)'],
      ['INV-000007', 0, '2016-09-20', 'B-000001 HPT-DAN', 'Account closed (code 3)'],
    ]);
  });

  it('reads the DD Report tab when nothing is pasted', () => {
    const addin = studio();
    const lines = fixture('ezidebit-payments-sample.csv').trim().split('\n');
    const cells = lines.map((l) =>
      l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c) => c.replace(/^"|"$/g, '')),
    );
    const sheet = addin.sheet('DD Report');
    sheet.getRange(1, 1, cells.length, cells[0]!.length).setValues(cells);
    const view = ok<View>(addin.run('previewReconcile', { today: '2016-09-20' }));
    expect(allRows(addin, view).map((r) => r.outcome)).toEqual([
      'Paid',
      'Declined',
      'Pending: no change',
      'Declined',
    ]);
  });

  it('bad input names the problem and writes nothing', () => {
    const addin = studio();
    const before = addin.emu.spreadsheet.getSheets().map((s) => s.getDataRange().getValues());
    const cases: [string, RegExp][] = [
      ['', /^The report is empty: paste the DD report first\.$/],
      [
        readFileSync('test/fixtures/reports/malformed/aba-debit-file.aba', 'utf8'),
        /^This is an ABA debit file/,
      ],
      [
        'Name,Email\nJane,j@x.com\n',
        /^Not a recognised payment report \(columns: Name, Email\): map its columns/,
      ],
    ];
    for (const [text, message] of cases) {
      const r = addin.run<{ ok: boolean; error: string }>('applyReconcile', { text, today: '2016-09-20' });
      expect(r.ok).toBe(false);
      expect(r.error).toMatch(message);
    }
    expect(addin.emu.spreadsheet.getSheets().map((s) => s.getDataRange().getValues())).toEqual(before);
  });

  it('an unknown layout is mapped once, remembered, and read the next time', () => {
    const addin = studio();
    const text = 'Ref;When;Dollars;Result\nHPT-BEN;16/09/2016;220,00;OK\n'.replace('220,00', '220.00');
    const first = addin.run<{ ok: boolean; field: string; headers: string[] }>('previewReconcile', {
      text,
      today: '2016-09-20',
    });
    expect(first).toMatchObject({
      ok: false,
      field: 'mapping',
      headers: ['Ref', 'When', 'Dollars', 'Result'],
    });
    ok(
      addin.run('saveReportMapping', {
        headers: first.headers,
        mapping: {
          reference: ['Ref'],
          date: 'When',
          amount: 'Dollars',
          status: 'Result',
          paidValues: ['OK'],
          declinedValues: ['BOUNCED'],
        },
      }),
    );
    const view = ok<View>(addin.run('applyReconcile', { text, today: '2016-09-20' }));
    expect(view.rows.map((r) => [r.outcome, r.clientId])).toEqual([['Paid', 'C-0004']]);
  });
});

describe('reconcile after the batch was recorded, and declines with no batch', () => {
  it('a lowered debit marked processed is not paid twice when the DD report arrives', () => {
    const addin = studio({ send: false });
    ok(addin.run('setBillingRow', { clientId: 'C-0004', amountToDebit: '100', today: '2016-09-16' }));
    ok(addin.run('createDebitFile', { format: 'aba', today: '2016-09-16' }));
    ok(addin.run('markBatchProcessed', { today: '2016-09-19' }));
    expect(invoice(addin, 'INV-000001')).toMatchObject({ Status: 'Part paid', Paid: 100 });
    const payments = addin.tab('Payments');
    const text =
      'PaymentID,PaymentReference,YourSystemReference,CustomerName,DebitDate,SettlementDate,PaymentAmount,ScheduledAmount,PaymentStatus,BankReturnCode,BankFailedReason\nX1,HPT-BEN,,"O\'Brien, Ben",16/09/2016,19/09/2016,100.00,100.00,S,,\n';
    const view = ok<View>(addin.run('applyReconcile', { text, today: '2016-09-20' }));
    expect(allRows(addin, view).map((r) => [r.outcome, r.clientId])).toEqual([['Already paid', 'C-0004']]);
    expect(addin.tab('Payments')).toEqual(payments);
    expect(invoice(addin, 'INV-000001')).toMatchObject({ Status: 'Part paid', Paid: 100 });
  });

  it('a weekly Reconciliation client: the declined debit is the one of its date, never an earlier paid one', () => {
    const addin = loadAddin();
    setUpStudio(addin, '2016-09-13');
    setSetting(addin, 'Billing Day', '2016-09-16');
    setSetting(addin, 'Billing Frequency', 'Weekly');
    const sheet = addin.sheet('Packages');
    sheet
      .getRange(sheet.getLastRow() + 1, 1, 1, 8)
      .setValues([['PT1W', 'PT weekly', 'Recurring', 2, 80, '', 'Weekly', true]]);
    ok(addin.run('sellPackage', { clientId: 'C-0003', packageCode: 'PT1W', today: '2016-09-13' }));
    ok(addin.run('runBilling', { billingDate: '2016-09-30', today: '2016-09-30' }));
    const ids = records(addin.tab('Invoices')).map((i) => [i['Invoice ID'], i['Due Date']]);
    expect(ids).toEqual([
      ['INV-000001', '2016-09-16'],
      ['INV-000002', '2016-09-23'],
      ['INV-000003', '2016-09-30'],
    ]);
    const head =
      'PaymentID,PaymentReference,YourSystemReference,CustomerName,DebitDate,SettlementDate,PaymentAmount,ScheduledAmount,PaymentStatus,BankReturnCode,BankFailedReason';
    const text = [
      head,
      'W1,C-0003,,Alex,16/09/2016,,80.00,80.00,S,,',
      'W2,C-0003,,Alex,23/09/2016,,80.00,80.00,S,,',
      'W3,C-0003,,Alex,30/09/2016,,80.00,80.00,D,06,Refer to customer',
      '',
    ].join('\n');
    const view = ok<View>(addin.run('applyReconcile', { text, today: '2016-10-03' }));
    expect(view.rows.map((r) => [r.outcome, r.invoiceIds])).toEqual([
      ['Paid', ['INV-000001']],
      ['Paid', ['INV-000002']],
      ['Declined', ['INV-000003']],
    ]);
    expect(invoice(addin, 'INV-000002')).toMatchObject({ Status: 'Paid', Paid: 80 });
    expect(invoice(addin, 'INV-000003')).toMatchObject({ Status: 'Declined', Paid: 0, Balance: 80 });
    expect(records(addin.tab('Payments')).filter((p) => p.Method === 'Decline')).toEqual([]);
  });
});

describe('reports without payment IDs', () => {
  it('two identical debits on one day are two payments, and applying again still changes nothing', () => {
    const addin = studio();
    const text = 'Ref;When;Dollars;Result\nHPT-DAN;16/09/2016;49.50;OK\nHPT-DAN;16/09/2016;49.50;OK\n';
    const first = addin.run<{ headers: string[] }>('previewReconcile', { text, today: '2016-09-20' });
    ok(
      addin.run('saveReportMapping', {
        headers: first.headers,
        mapping: {
          reference: ['Ref'],
          date: 'When',
          amount: 'Dollars',
          status: 'Result',
          paidValues: ['OK'],
          declinedValues: ['BOUNCED'],
        },
      }),
    );
    const view = ok<View>(addin.run('applyReconcile', { text, today: '2016-09-20' }));
    expect(view.rows.map((r) => r.outcome)).toEqual(['Part paid', 'Paid']);
    expect(invoice(addin, 'INV-000007')).toMatchObject({ Status: 'Paid', Paid: 99 });
    const again = ok<View>(addin.run('applyReconcile', { text, today: '2016-09-21' }));
    expect(allRows(addin, again).map((r) => r.outcome)).toEqual(['Already applied', 'Already applied']);
  });
});

describe('an overpayment', () => {
  it('pays the debit, then what is due by its date (oldest first); the rest is credit, by the method it came', () => {
    const addin = studio();
    // Dan owes a $30 towel hire due 10 Sep, outside the batch; Ben's next instalment is due 30 Sep.
    ok(
      addin.run('addAdHocInvoice', {
        clientId: 'C-0006',
        description: 'Towel hire',
        amount: '30',
        dueDate: '2016-09-10',
        today: '2016-09-16',
      }),
    ); // INV-000009
    const text = [
      'PaymentID,PaymentReference,YourSystemReference,CustomerName,DebitDate,SettlementDate,PaymentAmount,ScheduledAmount,PaymentStatus,BankReturnCode,BankFailedReason',
      'O1,HPT-BEN,,Ben,16/09/2016,,450.00,220.00,S,,',
      'O2,HPT-DAN,,Dan,16/09/2016,,150.00,99.00,S,,',
    ].join('\n');
    // More taken than ScheduledAmount: To check, until a person says it was paid.
    const preview = ok<View>(addin.run('previewReconcile', { text, today: '2016-09-20' }));
    expect(preview.rows.map((r) => [r.outcome, r.clientId, r.note])).toEqual([
      [
        'To check',
        'C-0004',
        "PaymentAmount $450.00 less the member's fee $0.00 (TransactionFeeCustomer) is $450.00, not the ScheduledAmount $220.00: check what was taken (settled as paid, $450.00 is applied)",
      ],
      [
        'To check',
        'C-0006',
        "PaymentAmount $150.00 less the member's fee $0.00 (TransactionFeeCustomer) is $150.00, not the ScheduledAmount $99.00: check what was taken (settled as paid, $150.00 is applied)",
      ],
    ]);
    const view = ok<View>(
      addin.run('applyReconcile', { text, resolve: { '2': 'paid', '3': 'paid' }, today: '2016-09-20' }),
    );
    expect(view.rows.map((r) => [r.outcome, r.invoiceIds, r.note])).toEqual([
      [
        'Paid',
        ['INV-000001'],
        'Settled by hand as paid; Matched by DD reference to B-000001; $230.00 more than owed, kept as a credit on the Payments tab',
      ],
      [
        'Paid',
        ['INV-000007', 'INV-000009'],
        'Settled by hand as paid; Matched by DD reference to B-000001; the rest paid INV-000009; $21.00 more than owed, kept as a credit on the Payments tab',
      ],
    ]);
    // Ben's instalment of 30 Sep is not due on the 16th: it stays owed, the money is his credit.
    expect(invoice(addin, 'INV-000002')).toMatchObject({ Status: 'Open', Paid: 0 });
    expect(invoice(addin, 'INV-000009')).toMatchObject({ Status: 'Paid', Paid: 30 });
    expect(
      records(addin.tab('Payments')).map((p) => [
        p['Client ID'],
        p['Invoice ID'],
        p.Amount,
        p.Method,
        p['Batch ID'],
      ]),
    ).toEqual([
      ['C-0004', 'INV-000001', 220, 'DD report', 'B-000001'],
      ['C-0004', '', 230, 'DD report', 'B-000001'],
      ['C-0006', 'INV-000007', 99, 'DD report', 'B-000001'],
      ['C-0006', 'INV-000009', 30, 'DD report', 'B-000001'],
      ['C-0006', '', 21, 'DD report', 'B-000001'],
    ]);
  });
});

describe('one story per debit, and nothing read is trusted', () => {
  it('a DD report after the decline was processed by hand: no second fee, the newer Sent batch left alone', () => {
    const addin = studio();
    ok(addin.run('markBatchProcessed', { today: '2016-09-19' }));
    ok(
      addin.run('processDeclines', {
        batchId: 'B-000001',
        date: '2016-09-19',
        declines: [{ clientId: 'C-0005', reason: 'Cara rang: new card coming' }],
        today: '2016-09-19',
      }),
    );
    ok(addin.run('runBilling', { billingDate: '2016-09-30', today: '2016-09-30' }));
    ok(addin.run('createDebitFile', { format: 'aba', today: '2016-09-30' }));
    expect(invoice(addin, 'INV-000006')).toMatchObject({ Status: 'Sent', 'Batch ID': 'B-000002' });
    const feesBefore = records(addin.tab('Invoices')).filter((i) =>
      String(i.Description).startsWith('Dishonour fee'),
    );
    expect(feesBefore.map((f) => f['Client ID'])).toEqual(['C-0005']);
    const paymentsBefore = records(addin.tab('Payments'));

    const text = fixture('ezidebit-payments-sample.csv').split('\n').slice(0, 3).join('\n');
    const view = ok<View>(addin.run('applyReconcile', { text, today: '2016-10-03' }));
    const rows = allRows(addin, view);
    expect(rows.map((r) => [r.outcome, r.clientId, r.invoiceIds])).toEqual([
      ['Already paid', 'C-0004', ['INV-000001']],
      ['Already applied', 'C-0005', ['INV-000006']],
    ]);
    expect(rows[1]!.note).toBe(
      "Matched by DD reference to B-000001; this debit was declined already (Refer to customer (code 6)): no money moves, no second fee; the bank's reason replaces the one entered by hand",
    );
    expect(invoice(addin, 'INV-000006')).toMatchObject({ Status: 'Sent', 'Batch ID': 'B-000002', Paid: 0 });
    expect(
      records(addin.tab('Invoices')).filter((i) => String(i.Description).startsWith('Dishonour fee')),
    ).toEqual(feesBefore);
    const payments = records(addin.tab('Payments'));
    expect(payments.map((p) => [p['Payment ID'], p.Amount])).toEqual(
      paymentsBefore.map((p) => [p['Payment ID'], p.Amount]),
    );
    expect(payments.find((p) => p.Method === 'Decline')).toMatchObject({
      'Client ID': 'C-0005',
      Amount: -160,
      Reason: 'Refer to customer (code 6)',
    });
  });

  it('a pasted copy of an Invoices row is refused, naming tab, row and column, and nothing is written', () => {
    const addin = studio();
    const sheet = addin.sheet('Invoices');
    const width = sheet.getLastColumn();
    sheet.getRange(sheet.getLastRow() + 1, 1, 1, width).setValues(sheet.getRange(2, 1, 1, width).getValues());
    const before = addin.emu.spreadsheet.getSheets().map((s) => s.getDataRange().getValues());
    const r = addin.run<{ ok: boolean; error: string }>('applyReconcile', {
      text: fixture('ezidebit-payments-sample.csv'),
      today: '2016-09-20',
    });
    expect(r).toMatchObject({ ok: false });
    expect(r.error).toMatch(/^Invoices row 10, column Invoice ID: INV-000001 is also on row 2/);
    expect(addin.emu.spreadsheet.getSheets().map((s) => s.getDataRange().getValues())).toEqual(before);
  });

  it('keys kept by an older version (no status in them) still make the same report change nothing', () => {
    const addin = studio();
    const text = fixture('ezidebit-payments-sample.csv');
    ok(addin.run('applyReconcile', { text, today: '2016-09-20' }));
    const sheet = addin.sheet('Reconciled');
    const keys = sheet.getRange(2, 1, sheet.getLastRow() - 1, 1).getValues();
    sheet
      .getRange(2, 1, keys.length, 1)
      .setValues(keys.map(([k]) => [String(k).replace(/:(paid|declined)$/, '')]));
    expect(String(sheet.getRange(2, 1).getValue())).toBe('ezidebit:SCHEDULED-100231-20160916');
    const invoices = addin.tab('Invoices');
    const payments = addin.tab('Payments');
    const again = ok<View>(addin.run('applyReconcile', { text, today: '2016-09-21' }));
    expect(allRows(addin, again).map((r) => r.outcome)).toEqual([
      'Already applied',
      'Already applied',
      'Pending: no change',
      'Already applied',
    ]);
    expect(addin.tab('Invoices')).toEqual(invoices);
    expect(addin.tab('Payments')).toEqual(payments);
  });
});
