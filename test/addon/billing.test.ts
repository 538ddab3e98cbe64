import { describe, expect, it } from 'vitest';
import { parseAbaFile } from '../../src/core/aba';
import { loadAddin, records, type Addin } from './harness';
import { billingStudio, ok } from './studio';

/** The seed's studio billing on Fridays, fortnightly from 16 Sep 2016, with the fixture's bank details. */
const studio = (): Addin => billingStudio(loadAddin(), { balancing: true });

const invoice = (addin: Addin, id: string) =>
  records(addin.tab('Invoices')).find((i) => i['Invoice ID'] === id)!;

describe('Process Billing through two cycles', () => {
  it('sells, runs, sends an ABA file, marks processed, declines with a fee, and bills the decline again', () => {
    const addin = studio();
    // Sales made the invoices: Jane 5 x $220 from Fri 16 Sep; Sam $500 today; Alex and Chris recurring cycle 1.
    expect(
      records(addin.tab('Invoices')).map((i) => [i['Invoice ID'], i['Client ID'], i['Due Date'], i.Amount]),
    ).toEqual([
      ['INV-000001', 'C-0001', '2016-09-16', 220],
      ['INV-000002', 'C-0001', '2016-09-30', 220],
      ['INV-000003', 'C-0001', '2016-10-14', 220],
      ['INV-000004', 'C-0001', '2016-10-28', 220],
      ['INV-000005', 'C-0001', '2016-11-11', 220],
      ['INV-000006', 'C-0002', '2016-09-13', 500],
      ['INV-000007', 'C-0003', '2016-09-16', 160],
      ['INV-000008', 'C-0004', '2016-09-16', 160],
      ['INV-000009', 'C-0001', '2016-09-14', 49.95],
    ]);

    // Cycle 1: Friday 16 Sep.
    const form = ok<{ nextBillingDay: string }>(addin.run('getBillingForm', { today: '2016-09-14' }));
    expect(form.nextBillingDay).toBe('2016-09-16');
    const run1 = ok<{
      batchId: string;
      rows: { clientId: string; invoiceIds: string[]; amountDue: number }[];
      reminders: { clientId: string }[];
    }>(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    expect(run1.batchId).toBe('B-000001');
    expect(run1.rows.map((r) => [r.clientId, r.invoiceIds, r.amountDue])).toEqual([
      ['C-0001', ['INV-000009', 'INV-000001'], 26995],
      ['C-0004', ['INV-000008'], 16000],
      ['C-0003', ['INV-000007'], 16000],
    ]);
    expect(run1.reminders.map((r) => r.clientId)).toEqual(['C-0002']);
    const tab = addin.tab('Process Billing');
    expect(tab[0]!.slice(0, 6)).toEqual([
      'Billing Date',
      '2016-09-16',
      'Batch ID',
      'B-000001',
      'Status',
      'Draft',
    ]);
    expect(tab[2]).toEqual([
      'Client ID',
      'Name',
      'Billing Method',
      'Invoice IDs',
      'Amount Due',
      'Amount to Debit',
      'Include',
      'Reason',
    ]);
    expect(tab[3]).toEqual([
      'C-0001',
      'Jane Citizen',
      'DD Full Integration',
      'INV-000009 INV-000001',
      269.95,
      269.95,
      true,
      '',
    ]);
    expect(tab[6]!.slice(0, 5)).toEqual(['Total', '3 clients', '', '', 589.95]);
    expect(addin.sheet('Process Billing').getRange('F7').getFormula()).toBe('=SUMIF(G4:G6,TRUE,F4:F6)');
    expect(tab[9]).toEqual(['C-0002', 'Sam Lee', 'Manual', 'INV-000006', 500, '', '', '']);

    // Chris is on holiday: debit $100 of the $160. Running again keeps the edit, the batch, and creates nothing.
    ok(addin.run('setBillingRow', { clientId: 'C-0004', amountToDebit: '100', today: '2016-09-16' }));
    const invoicesBefore = addin.tab('Invoices');
    const again = ok<{ batchId: string; rows: { clientId: string; amountToDebit: number }[] }>(
      addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }),
    );
    expect(again.batchId).toBe('B-000001');
    expect(again.rows.find((r) => r.clientId === 'C-0004')!.amountToDebit).toBe(10000);
    expect(addin.tab('Invoices')).toEqual(invoicesBefore);

    // Sending: an ABA file of the Full and Partial Integration clients, with a balancing credit.
    const file = ok<{ content: string; fileName: string; debits: number; total: number }>(
      addin.run('createDebitFile', { format: 'aba', today: '2016-09-16' }),
    );
    expect(file.fileName).toBe('B-000001-2016-09-16.aba');
    expect(file.total).toBe(36995);
    const aba = parseAbaFile(file.content);
    expect(aba.header).toMatchObject({
      bank: 'CBA',
      userName: 'HARBOUR PT PTY LTD',
      userId: '301500',
      description: 'PT DEBITS',
      processingDate: '2016-09-16',
    });
    expect(
      aba.records.map((r) => [
        r.transactionCode,
        r.bsb,
        r.accountNumber,
        r.amount,
        r.accountTitle,
        r.lodgementReference,
      ]),
    ).toEqual([
      [13, '062-000', '12345678', 26995, 'Jane Citizen', 'C-0001'],
      [13, '063-111', '55501234', 10000, 'Chris Partial', 'HPT-CHRIS'],
      [50, '032-000', '123456', 36995, 'HARBOUR PT PTY LTD', 'PT DEBITS 160916'],
    ]);
    expect(aba.total).toMatchObject({ net: 0, credit: 36995, debit: 36995, count: 3 });
    expect(
      file.content
        .split('\r\n')
        .filter(Boolean)
        .every((l) => l.length === 120),
    ).toBe(true);
    expect(invoice(addin, 'INV-000009')).toMatchObject({
      Status: 'Sent',
      'Batch ID': 'B-000001',
      'Sent Amount': 49.95,
    });
    expect(invoice(addin, 'INV-000001')).toMatchObject({
      Status: 'Sent',
      'Batch ID': 'B-000001',
      'Sent Amount': 220,
    });
    expect(invoice(addin, 'INV-000008')).toMatchObject({ Status: 'Sent', 'Sent Amount': 100 });
    expect(invoice(addin, 'INV-000007')).toMatchObject({ Status: 'Open', 'Batch ID': '' });
    expect(addin.tab('Process Billing')[0]![5]).toBe('Sent');

    // Reconciliation method: Alex's row is marked paid on the billing date.
    const listPaid = ok<{ payments: unknown[]; total: number }>(
      addin.run('markListPaid', { today: '2016-09-19' }),
    );
    expect(listPaid.total).toBe(16000);
    expect(invoice(addin, 'INV-000007')).toMatchObject({
      Status: 'Paid',
      Paid: 160,
      Balance: 0,
      'Batch ID': 'B-000001',
    });

    // The bank processed the file.
    const processed = ok<{ total: number }>(
      addin.run('markBatchProcessed', { batchId: 'B-000001', today: '2016-09-19' }),
    );
    expect(processed.total).toBe(36995);
    expect(invoice(addin, 'INV-000001')).toMatchObject({ Status: 'Paid', Paid: 220, Balance: 0 });
    expect(invoice(addin, 'INV-000008')).toMatchObject({ Status: 'Part paid', Paid: 100, Balance: 60 });
    expect(
      records(addin.tab('Payments')).map((p) => [
        p['Payment ID'],
        p.Date,
        p['Client ID'],
        p['Invoice ID'],
        p.Amount,
        p.Method,
        p.Reference,
      ]),
    ).toEqual([
      ['P-000001', '2016-09-16', 'C-0003', 'INV-000007', 160, 'DD Reconciliation', 'B-000001'],
      ['P-000002', '2016-09-16', 'C-0001', 'INV-000001', 220, 'Direct debit', 'B-000001'],
      ['P-000003', '2016-09-16', 'C-0004', 'INV-000008', 100, 'Direct debit', 'B-000001'],
      ['P-000004', '2016-09-16', 'C-0001', 'INV-000009', 49.95, 'Direct debit', 'B-000001'],
    ]);
    expect(addin.run('markBatchProcessed', { batchId: 'B-000001', today: '2016-09-19' })).toMatchObject({
      ok: false,
      error: 'Batch B-000001 was marked processed already: none of its invoices is waiting as Sent.',
    });

    // Jane's debit bounced: her invoices are due again, the payments reversed, and a $15 fee added.
    const declined = ok<{ fees: unknown[] }>(
      addin.run('processDeclines', {
        batchId: 'B-000001',
        date: '2016-09-20',
        declines: [{ clientId: 'C-0001', reason: 'Refer to customer' }],
        today: '2016-09-20',
      }),
    );
    expect(declined.fees).toHaveLength(1);
    expect(invoice(addin, 'INV-000001')).toMatchObject({
      Status: 'Declined',
      Paid: 0,
      Balance: 220,
      'Decline Reason': 'Refer to customer (code 6)',
    });
    expect(invoice(addin, 'INV-000009')).toMatchObject({ Status: 'Declined', Paid: 0, Balance: 49.95 });
    expect(invoice(addin, 'INV-000010')).toMatchObject({
      'Client ID': 'C-0001',
      'Due Date': '2016-09-20',
      Amount: 15,
      Status: 'Open',
      Description: 'Dishonour fee: B-000001 declined (Refer to customer (code 6))',
    });
    const reversals = records(addin.tab('Payments')).filter((p) => p.Method === 'Decline');
    expect(reversals.map((p) => [p['Invoice ID'], p.Amount, p.Date, p.Reference, p.Reason])).toEqual([
      ['INV-000001', -220, '2016-09-20', 'B-000001 declined', 'Refer to customer (code 6)'],
      ['INV-000009', -49.95, '2016-09-20', 'B-000001 declined', 'Refer to customer (code 6)'],
    ]);
    // Declining again changes nothing.
    expect(
      addin.run('processDeclines', {
        batchId: 'B-000001',
        declines: [{ clientId: 'C-0001', reason: 'Refer to customer' }],
        today: '2016-09-20',
      }),
    ).toMatchObject({ ok: false });

    // Cycle 2: Friday 30 Sep. Recurring cycle 2 is invoiced and allocated; Jane's declined invoices and fee are due again.
    const run2 = ok<{
      batchId: string;
      invoicesCreated: number;
      rows: { clientId: string; invoiceIds: string[]; amountDue: number }[];
    }>(addin.run('runBilling', { billingDate: '2016-09-30', today: '2016-09-30' }));
    expect(run2.batchId).toBe('B-000002');
    expect(run2.invoicesCreated).toBe(2);
    expect(run2.rows.map((r) => [r.clientId, r.invoiceIds, r.amountDue])).toEqual([
      ['C-0001', ['INV-000009', 'INV-000001', 'INV-000010', 'INV-000002'], 4995 + 22000 + 1500 + 22000],
      ['C-0004', ['INV-000008', 'INV-000012'], 6000 + 16000],
      ['C-0003', ['INV-000011'], 16000],
    ]);
    expect(
      records(addin.tab('Allocations'))
        .filter((a) => a.Cycle === 2)
        .map((a) => [a['Client ID'], a.Date, a.Sessions]),
    ).toEqual([
      ['C-0003', '2016-09-30', 4],
      ['C-0004', '2016-09-30', 4],
    ]);
    // And once more for the same date: nothing new.
    const rerun = ok<{ invoicesCreated: number; batchId: string }>(
      addin.run('runBilling', { billingDate: '2016-09-30', today: '2016-09-30' }),
    );
    expect(rerun).toMatchObject({ invoicesCreated: 0, batchId: 'B-000002' });
    expect(
      records(addin.tab('Log'))
        .map((l) => l.Action)
        .filter((a) => a !== 'Add client' && a !== 'Sell package'),
    ).toEqual([
      'Set up workbook',
      'Add ad-hoc invoice',
      'Process Billing',
      'Edit billing list',
      'Process Billing',
      'Create debit file',
      'Mark list paid',
      'Mark batch processed',
      'Process declines',
      'Process Billing',
      'Process Billing',
    ]);
  });

  it('a bad bank detail leaves that client out of the file, naming the field; the rest is written', () => {
    const addin = studio();
    ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    addin.sheet('Clients').getRange('G5').setValue('12-34'); // Chris's BSB
    const file = ok<{ content: string; skipped: { clientId: string; reason: string }[] }>(
      addin.run('createDebitFile', { format: 'aba', today: '2016-09-16' }),
    );
    expect(file.skipped).toEqual([
      {
        clientId: 'C-0004',
        name: 'Chris Partial',
        billingMethod: 'DD Partial Integration',
        invoiceIds: ['INV-000008'],
        amount: 16000,
        reason: 'Left out of the ABA file: BSB "12-34" must be six digits written nnn-nnn (Clients tab)',
      },
    ]);
    expect(parseAbaFile(file.content).records.map((r) => [r.transactionCode, r.lodgementReference])).toEqual([
      [13, 'C-0001'],
      [50, 'PT DEBITS 160916'],
    ]);
    expect(invoice(addin, 'INV-000008')).toMatchObject({ Status: 'Open', 'Batch ID': '' });
    expect(invoice(addin, 'INV-000001')).toMatchObject({ Status: 'Sent', 'Batch ID': 'B-000001' });
    expect(addin.tab('Process Billing')[0]![5]).toBe('Sent');
  });

  it('an amount to debit above what is due is refused with the tab, row and column', () => {
    const addin = studio();
    ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    addin.sheet('Process Billing').getRange('F4').setValue(999);
    const r = addin.run<{ ok: boolean; error: string }>('createDebitFile', {
      format: 'csv',
      today: '2016-09-16',
    });
    expect(r).toMatchObject({
      ok: false,
      error:
        'Process Billing row 4, column Amount to Debit: $999.00 is more than the $269.95 due from Jane Citizen',
    });
  });

  it('the CSV batch lists the included Full and Partial Integration debits; an unticked client stays out and open', () => {
    const addin = studio();
    ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    ok(addin.run('setBillingRow', { clientId: 'C-0001', include: false, today: '2016-09-16' }));
    const file = ok<{ content: string }>(
      addin.run('createDebitFile', { format: 'csv', today: '2016-09-16' }),
    );
    expect(file.content).toBe(
      'Client ID,Name,DD Reference,BSB,Account Number,Amount,Invoice IDs\r\nC-0004,Chris Partial,HPT-CHRIS,063-111,55501234,160.00,INV-000008\r\n',
    );
    expect(invoice(addin, 'INV-000001')).toMatchObject({ Status: 'Open', 'Batch ID': '' });
  });
});

describe('the debit file follows the invoices, not a stale list', () => {
  it('refuses a list made before a payment came in, naming the row and column', () => {
    const addin = studio();
    ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    const report =
      'PaymentID,PaymentReference,YourSystemReference,CustomerName,DebitDate,SettlementDate,PaymentAmount,ScheduledAmount,PaymentStatus,BankReturnCode,BankFailedReason\nP9,C-0001,,Jane,16/09/2016,,100.00,100.00,S,,\n';
    ok(addin.run('applyReconcile', { text: report, today: '2016-09-16' }));
    const before = addin.tab('Invoices');
    const r = addin.run<{ ok: boolean; error: string }>('createDebitFile', {
      format: 'aba',
      today: '2016-09-16',
    });
    expect(r).toMatchObject({
      ok: false,
      error:
        'Process Billing row 4, column Amount Due: Jane Citizen owed $269.95 when the list was made, but INV-000009 is now Paid: run Process Billing again',
    });
    expect(addin.tab('Invoices')).toEqual(before);
    // Run again: the list now asks for what is owed.
    const run = ok<{ rows: { clientId: string; amountDue: number }[] }>(
      addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }),
    );
    expect(run.rows.find((x) => x.clientId === 'C-0001')!.amountDue).toBe(16995);
  });

  it('making the file of a sent batch again gives the same file, whatever was changed on the tab since', () => {
    const addin = studio();
    ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    ok(addin.run('setBillingRow', { clientId: 'C-0004', include: false, today: '2016-09-16' }));
    const first = ok<{ content: string; total: number }>(
      addin.run('createDebitFile', { format: 'aba', today: '2016-09-16' }),
    );
    expect(first.total).toBe(26995);
    // Someone ticks Chris on the tab after the file went to the bank.
    addin.sheet('Process Billing').getRange('G5').setValue(true);
    const again = ok<{ content: string; again: boolean; total: number }>(
      addin.run('createDebitFile', { format: 'aba', today: '2016-09-16' }),
    );
    expect(again).toMatchObject({ again: true, total: 26995 });
    expect(again.content).toBe(first.content);
    expect(invoice(addin, 'INV-000008')).toMatchObject({ Status: 'Open', 'Batch ID': '' });
  });
});

describe('Process Billing guards', () => {
  it("a re-run keeps the owner's edits only for the same date and the same invoices, and names the rest", () => {
    const addin = studio();
    ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    ok(addin.run('setBillingRow', { clientId: 'C-0001', include: false, today: '2016-09-16' }));
    ok(addin.run('setBillingRow', { clientId: 'C-0004', amountToDebit: '100', today: '2016-09-16' }));
    // The same run again: both edits stay.
    type Run = {
      rows: { clientId: string; include: boolean; amountDue: number; amountToDebit: number }[];
      warnings: string[];
    };
    const same = ok<Run>(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    expect(same.rows.find((r) => r.clientId === 'C-0001')).toMatchObject({ include: false });
    expect(same.rows.find((r) => r.clientId === 'C-0004')).toMatchObject({ amountToDebit: 10000 });
    expect(same.warnings).toEqual([]);
    // New money for both clients: an old untick or a lowered amount is not carried onto it.
    for (const clientId of ['C-0001', 'C-0004'])
      ok(
        addin.run('addAdHocInvoice', {
          clientId,
          description: 'Towel',
          amount: '5',
          dueDate: '2016-09-15',
          today: '2016-09-16',
        }),
      );
    const run = ok<Run>(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    expect(run.rows.find((r) => r.clientId === 'C-0001')).toMatchObject({
      include: true,
      amountDue: 27495,
      amountToDebit: 27495,
    });
    expect(run.rows.find((r) => r.clientId === 'C-0004')).toMatchObject({
      include: true,
      amountDue: 16500,
      amountToDebit: 16500,
    });
    expect(run.warnings).toEqual([
      expect.stringMatching(
        /^The draft's edits \(Amount to Debit, Include\) were dropped for C-0001 .+, C-0004 .+: their invoices changed/,
      ),
    ]);
  });

  it('a draft edited for one date is not carried into a run for another date', () => {
    const addin = studio();
    ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    ok(addin.run('setBillingRow', { clientId: 'C-0001', include: false, today: '2016-09-16' }));
    const run = ok<{ rows: { clientId: string; include: boolean }[]; warnings: string[] }>(
      addin.run('runBilling', { billingDate: '2016-09-30', today: '2016-09-16' }),
    );
    expect(run.rows.find((r) => r.clientId === 'C-0001')).toMatchObject({ include: true });
    expect(run.warnings.join(' ')).toMatch(/dropped for C-0001 .*: the draft was for/);
  });

  it('refuses a billing date far ahead (a typo in the year), writing nothing', () => {
    const addin = studio();
    const before = addin.tab('Invoices');
    const r = addin.run<{ ok: boolean; error: string; field: string }>('runBilling', {
      billingDate: '2017-09-16',
      today: '2016-09-14',
    });
    expect(r).toMatchObject({
      ok: false,
      field: 'billingDate',
      error:
        'Billing date 2017-09-16 is more than 35 days after today (2016-09-14): check the year, or run it closer to the day.',
    });
    expect(addin.tab('Invoices')).toEqual(before);
  });

  it('a recurring sale with no frequency is named by tab, row and column', () => {
    const addin = studio();
    const sales = addin.sheet('Sales');
    const header = sales.getRange(1, 1, 1, sales.getLastColumn()).getValues()[0]!;
    sales.getRange(4, header.indexOf('Frequency') + 1).setValue('');
    const r = addin.run<{ ok: boolean; error: string }>('runBilling', {
      billingDate: '2016-09-16',
      today: '2016-09-16',
    });
    expect(r).toMatchObject({
      ok: false,
      error: 'Sales row 4, column Frequency: is empty; a Recurring sale needs one',
    });
  });
});
