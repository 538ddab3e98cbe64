// Money at the desk through the real bundle: a payment follows the one rule for receipts (or pays the
// invoice named; of a Sent invoice only the part its debit does not take), its rows share a Receipt ID; a
// refund takes back the receipt's credit first, then its invoices newest first, withdrawn or still owed, or
// kept as credit; bad input is refused in one line with nothing written.
import { describe, expect, it } from 'vitest';
import { loadAddin, records, type Addin } from './harness';
import { billingStudio, ok } from './studio';

const rows = (addin: Addin, tab: string) => records(addin.tab(tab));
const invoice = (addin: Addin, id: string) => rows(addin, 'Invoices').find((i) => i['Invoice ID'] === id)!;
const paymentsOf = (addin: Addin, clientId: string) =>
  rows(addin, 'Payments').filter((p) => p['Client ID'] === clientId);
const cents = (list: Record<string, unknown>[]) =>
  Math.round(list.reduce((s, p) => s + Number(p.Amount) * 100, 0));
const refused = (r: unknown) => r as { ok: false; error: string; field?: string };

interface PaymentView {
  receiptId: string;
  paid: { invoiceId: string; amount: number; status: string }[];
  credit: number;
  recovered: { invoiceId: string; amount: number } | null;
  skipped: { invoiceId: string; batchId: string }[];
  paymentIds: string[];
  creditAfter: number;
  summary: string;
}
interface RefundView {
  refundId: string;
  of: string;
  amount: number;
  fromCredit: number;
  parts: { invoiceId: string; amount: number; status: string; invoiceAmount: number; balance: number }[];
  keptAsCredit: number;
  left: number;
  creditAfter: number;
  summary: string;
}

/** The seed's studio on 13 Sep: Jane (DD Full) INV-000001..5 $220 and $49.95 INV-000009, Sam (Manual) INV-000006 $500. */
const studio = () => billingStudio(loadAddin());

describe('Record payment', () => {
  it('a Manual client pays cash at the desk: the one rule, one Receipt ID, the rest credit; a preview reserves nothing', () => {
    const addin = studio();
    const before = addin.tab('Payments');
    const preview = ok<PaymentView>(
      addin.run('previewPayment', { clientId: 'C-0002', amount: '600', today: '2016-09-20' }),
    );
    expect(preview).toMatchObject({
      receiptId: '',
      paid: [{ invoiceId: 'INV-000006', amount: 50000, status: 'Paid' }],
      credit: 10000,
      paymentIds: ['', ''],
    });
    expect(addin.tab('Payments')).toEqual(before);

    const saved = ok<PaymentView>(
      addin.run('recordPayment', {
        clientId: 'C-0002',
        amount: '600',
        reference: 'Receipt book 112',
        today: '2016-09-20',
      }),
    );
    expect(saved).toMatchObject({ receiptId: 'R-000001', paymentIds: ['P-000001', 'P-000002'] });
    expect(
      paymentsOf(addin, 'C-0002').map((p) => [
        p['Payment ID'],
        p.Date,
        p['Invoice ID'],
        p.Amount,
        p.Method,
        p.Reference,
        p['Receipt ID'],
      ]),
    ).toEqual([
      ['P-000001', '2016-09-20', 'INV-000006', 500, 'Cash', 'Receipt book 112', 'R-000001'],
      ['P-000002', '2016-09-20', '', 100, 'Cash', 'Receipt book 112', 'R-000001'],
    ]);
    expect(invoice(addin, 'INV-000006')).toMatchObject({ Paid: 500, Status: 'Paid', Balance: 0 });
    expect(rows(addin, 'Log').at(-1)).toMatchObject({
      Action: 'Record payment',
      Details:
        'R-000001: $600.00 Cash from C-0002 Sam Lee on 2016-09-20; paid INV-000006 $500.00; $100.00 kept as credit',
    });
    // The Outstanding tab was refreshed: Sam owes nothing.
    expect(records(addin.tab('Outstanding').slice(2)).map((r) => r['Client ID'])).not.toContain('C-0002');
  });

  it('pays the invoices due by its date oldest first, and an invoice named even before it is due', () => {
    const addin = studio();
    // 15 Sep: only the protein powder (due 14 Sep) is due; the rest of $100 is credit.
    const byRule = ok<PaymentView>(
      addin.run('recordPayment', { clientId: 'C-0001', amount: '100', method: 'card', today: '2016-09-15' }),
    );
    expect(byRule.paid).toEqual([expect.objectContaining({ invoiceId: 'INV-000009', amount: 4995 })]);
    expect(byRule.credit).toBe(5005);
    // Named: INV-000003 (due 14 Oct) is paid now, at the desk.
    const named = ok<PaymentView>(
      addin.run('recordPayment', {
        clientId: 'C-0001',
        amount: '220',
        invoiceId: 'inv-000003',
        method: 'Bank transfer',
        date: '2016-09-15',
        today: '2016-09-16',
      }),
    );
    expect(named).toMatchObject({ receiptId: 'R-000002', credit: 0 });
    expect(invoice(addin, 'INV-000003')).toMatchObject({ Paid: 220, Status: 'Paid' });
    expect(
      paymentsOf(addin, 'C-0001').map((p) => [p['Invoice ID'], p.Amount, p.Method, p['Receipt ID']]),
    ).toEqual([
      ['INV-000009', 49.95, 'Card', 'R-000001'],
      ['', 50.05, 'Card', 'R-000001'],
      ['INV-000003', 220, 'Bank transfer', 'R-000002'],
    ]);
  });

  it('a DD client who pays at the desk is not debited for that invoice', () => {
    const addin = studio();
    ok(
      addin.run('recordPayment', {
        clientId: 'C-0001',
        amount: '269.95',
        today: '2016-09-16',
      }),
    );
    expect(invoice(addin, 'INV-000001')).toMatchObject({ Status: 'Paid' });
    expect(invoice(addin, 'INV-000009')).toMatchObject({ Status: 'Paid' });
    ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    const billing = addin.tab('Process Billing').map((r) => r.join('|'));
    expect(billing.some((r) => r.includes('C-0001'))).toBe(false);
    expect(billing.some((r) => r.includes('C-0004'))).toBe(true);
  });

  it('of a Sent invoice it pays only the part not in flight; without an invoice it skips and names it', () => {
    const addin = studio();
    ok(addin.run('runBilling', { billingDate: '2016-09-16', today: '2016-09-16' }));
    // Chris's debit takes $100 of his $160.
    ok(addin.run('setBillingRow', { clientId: 'C-0004', amountToDebit: '100', today: '2016-09-16' }));
    ok(addin.run('createDebitFile', { format: 'aba', today: '2016-09-16' }));
    expect(invoice(addin, 'INV-000008')).toMatchObject({ Status: 'Sent', 'Sent Amount': 100 });

    const skipped = ok<PaymentView>(
      addin.run('previewPayment', { clientId: 'C-0004', amount: '60', today: '2016-09-17' }),
    );
    expect(skipped).toMatchObject({
      paid: [],
      credit: 6000,
      skipped: [{ invoiceId: 'INV-000008', batchId: 'B-000001' }],
    });
    expect(skipped.summary).toContain('skipped (in a debit being processed): INV-000008 in B-000001');

    const beside = ok<PaymentView>(
      addin.run('recordPayment', {
        clientId: 'C-0004',
        amount: '61',
        invoiceId: 'INV-000008',
        today: '2016-09-17',
      }),
    );
    expect(beside).toMatchObject({
      paid: [{ invoiceId: 'INV-000008', amount: 6000, status: 'Sent' }],
      credit: 100,
    });
    expect(invoice(addin, 'INV-000008')).toMatchObject({ Status: 'Sent', Paid: 60, 'Sent Amount': 100 });
    // The whole balance of Jane's invoice is in flight: refused, naming the batch; nothing written.
    const payments = addin.tab('Payments');
    expect(
      refused(
        addin.run('recordPayment', {
          clientId: 'C-0001',
          amount: '10',
          invoiceId: 'INV-000001',
          today: '2016-09-17',
        }),
      ),
    ).toMatchObject({
      ok: false,
      field: 'invoiceId',
      error:
        "INV-000001 is in batch B-000001, being debited for its whole $220.00: record the bank's answer first, so it is not paid twice.",
    });
    expect(addin.tab('Payments')).toEqual(payments);
    // The bank takes its $100: Chris's invoice is paid in full, his Payments sum to $161.
    ok(addin.run('markBatchProcessed', { today: '2016-09-19' }));
    expect(invoice(addin, 'INV-000008')).toMatchObject({ Status: 'Paid', Paid: 160 });
    expect(cents(paymentsOf(addin, 'C-0004'))).toBe(16100);
  });

  it('money for a written-off invoice is kept as credit, marked recovered', () => {
    const addin = studio();
    ok(
      addin.run('writeOffInvoice', {
        invoiceId: 'INV-000006',
        reason: 'Moved away',
        date: '2016-09-20',
        today: '2016-09-20',
      }),
    );
    const v = ok<PaymentView>(
      addin.run('recordPayment', {
        clientId: 'C-0002',
        amount: '120',
        invoiceId: 'INV-000006',
        today: '2016-09-22',
      }),
    );
    expect(v).toMatchObject({
      paid: [],
      credit: 12000,
      recovered: { invoiceId: 'INV-000006', amount: 12000 },
    });
    expect(paymentsOf(addin, 'C-0002').map((p) => [p['Invoice ID'], p.Amount, p.Reason])).toEqual([
      ['', 120, 'Recovered: INV-000006 was written off'],
    ]);
    expect(invoice(addin, 'INV-000006')).toMatchObject({ Status: 'Written off', Paid: 0 });
  });

  it('refuses bad input in one line naming the field, writing nothing', () => {
    const addin = studio();
    const tabs = () => [addin.tab('Payments'), addin.tab('Invoices'), addin.tab('Log')];
    const before = tabs();
    const pay = (over: Record<string, unknown>) =>
      refused(addin.run('recordPayment', { clientId: 'C-0002', amount: '50', today: '2016-09-20', ...over }));
    expect(pay({ amount: 'abc' })).toMatchObject({ field: 'amount' });
    expect(pay({ amount: '0' })).toMatchObject({ field: 'amount', error: 'Amount must be more than $0.00.' });
    expect(pay({ amount: '-5' })).toMatchObject({ field: 'amount' });
    expect(pay({ clientId: 'C-0099' })).toMatchObject({
      field: 'clientId',
      error: 'No client C-0099 on the Clients tab.',
    });
    expect(pay({ method: 'Cheque' })).toMatchObject({
      field: 'method',
      error: 'Method "Cheque" is not one of Cash, Card, Bank transfer, Other.',
    });
    expect(pay({ invoiceId: 'INV-000404' })).toMatchObject({
      field: 'invoiceId',
      error: 'No invoice INV-000404 on the Invoices tab.',
    });
    expect(pay({ invoiceId: 'INV-000001' })).toMatchObject({
      field: 'invoiceId',
      error: "INV-000001 is C-0001's invoice, not C-0002 Sam Lee's (Invoices row 2).",
    });
    expect(pay({ date: '2016-09-21' })).toMatchObject({
      field: 'date',
      error: 'Date Wed 21 Sep 2016 is after today (Tue 20 Sep 2016).',
    });
    expect(pay({ date: '2016-09-01', dates: 'iso' })).toMatchObject({
      field: 'date',
      error: "Date 2016-09-01 is before C-0002 Sam Lee's first record (sale S-000002, 2016-09-13).",
    });
    expect(tabs()).toEqual(before);
  });
});

describe('Refund', () => {
  /** Sam paid $600 cash on 20 Sep: $500 on INV-000006, $100 credit (R-000001). */
  function paid(): Addin {
    const addin = studio();
    ok(addin.run('recordPayment', { clientId: 'C-0002', amount: '600', today: '2016-09-20' }));
    return addin;
  }

  it('takes back the receipt’s credit first, then its invoice (withdrawn), never more than received', () => {
    const addin = paid();
    const preview = ok<RefundView>(
      addin.run('previewRefund', {
        paymentId: 'R-000001',
        amount: '150',
        reason: 'Overpaid',
        today: '2016-09-21',
      }),
    );
    expect(preview).toMatchObject({ refundId: '', fromCredit: 10000, left: 45000 });
    const r = ok<RefundView>(
      addin.run('refundPayment', {
        paymentId: 'R-000001',
        amount: '150',
        reason: 'Overpaid',
        today: '2016-09-21',
      }),
    );
    expect(r).toMatchObject({
      refundId: 'R-000002',
      of: 'R-000001',
      amount: 15000,
      fromCredit: 10000,
      parts: [{ invoiceId: 'INV-000006', amount: 5000, status: 'Paid', invoiceAmount: 45000, balance: 0 }],
      creditAfter: 0,
    });
    expect(
      paymentsOf(addin, 'C-0002')
        .slice(2)
        .map((p) => [p['Invoice ID'], p.Amount, p.Method, p['Refund Of'], p.Reason, p['Receipt ID']]),
    ).toEqual([
      ['', -100, 'Refund', 'R-000001', 'Overpaid', 'R-000002'],
      ['INV-000006', -50, 'Refund', 'R-000001', 'Overpaid', 'R-000002'],
    ]);
    // Withdrawn: the charge is $50 less, still paid in full.
    expect(invoice(addin, 'INV-000006')).toMatchObject({ Amount: 450, Paid: 450, Status: 'Paid' });
    expect(cents(paymentsOf(addin, 'C-0002'))).toBe(45000);

    // More than is left, and a refund of a refund: refused, nothing written.
    const before = addin.tab('Payments');
    expect(
      refused(
        addin.run('refundPayment', {
          paymentId: 'R-000001',
          amount: '451',
          reason: 'x',
          today: '2016-09-21',
        }),
      ),
    ).toMatchObject({
      field: 'amount',
      error:
        'A refund of $451.00 is more than R-000001 can give back at most $450.00 (received $600.00, $150.00 given back already).',
    });
    expect(
      refused(addin.run('refundPayment', { paymentId: 'R-000002', reason: 'x', today: '2016-09-21' })),
    ).toMatchObject({ field: 'paymentId', error: 'R-000002 is a refund: a refund cannot be refunded.' });
    expect(
      refused(addin.run('refundPayment', { paymentId: 'P-000004', reason: 'x', today: '2016-09-21' })),
    ).toMatchObject({ error: 'P-000004 is a refund: a refund cannot be refunded.' });
    expect(addin.tab('Payments')).toEqual(before);

    // The rest, withdrawn: the invoice is Cancelled, nothing left to give back.
    const all = ok<RefundView>(
      addin.run('refundPayment', { paymentId: 'r-000001', reason: 'Sale cancelled', today: '2016-09-22' }),
    );
    expect(all).toMatchObject({
      amount: 45000,
      left: 0,
      parts: [{ invoiceId: 'INV-000006', status: 'Cancelled' }],
    });
    expect(invoice(addin, 'INV-000006')).toMatchObject({ Amount: 450, Paid: 0, Status: 'Cancelled' });
    expect(cents(paymentsOf(addin, 'C-0002'))).toBe(0);
    expect(
      refused(addin.run('refundPayment', { paymentId: 'R-000001', reason: 'x', today: '2016-09-22' })).error,
    ).toBe(
      'R-000001 can give back at most $0.00 (received $600.00, $600.00 given back already): nothing is left to give back.',
    );
  });

  it('still owed: the invoice is due again and on Outstanding', () => {
    const addin = paid();
    const r = ok<RefundView>(
      addin.run('refundPayment', {
        paymentId: 'P-000001',
        amount: '200',
        reason: 'Card charged twice at the bank',
        stillOwed: true,
        today: '2016-09-21',
      }),
    );
    expect(r.parts).toEqual([
      { invoiceId: 'INV-000006', amount: 20000, status: 'Declined', invoiceAmount: 50000, balance: 20000 },
    ]);
    expect(invoice(addin, 'INV-000006')).toMatchObject({ Amount: 500, Paid: 300, Balance: 200 });
    const view = ok<{ clients: { clientId: string; owed: number; credit: number }[] }>(
      addin.run('getOutstanding', { date: '2016-09-21', today: '2016-09-21' }),
    );
    // $200 owed again, less the $100 credit still kept.
    expect(view.clients.find((c) => c.clientId === 'C-0002')).toMatchObject({ owed: 10000, credit: 10000 });
    expect(
      refused(
        addin.run('refundPayment', {
          paymentId: 'R-000001',
          reason: 'x',
          stillOwed: true,
          toCredit: true,
          today: '2016-09-21',
        }),
      ),
    ).toMatchObject({
      field: 'toCredit',
      error: 'To credit goes only with a withdrawn charge: money for a charge still owed leaves.',
    });
  });

  it('to credit: the charge withdrawn, the money kept as credit, later given back in cash', () => {
    const addin = studio();
    ok(
      addin.run('recordPayment', {
        clientId: 'C-0001',
        amount: '220',
        invoiceId: 'INV-000002',
        today: '2016-09-20',
      }),
    );
    const moved = ok<RefundView>(
      addin.run('refundPayment', {
        paymentId: 'R-000001',
        reason: 'Paid the wrong instalment',
        toCredit: true,
        today: '2016-09-21',
      }),
    );
    expect(moved).toMatchObject({ amount: 22000, keptAsCredit: 22000, creditAfter: 22000 });
    expect(invoice(addin, 'INV-000002')).toMatchObject({ Status: 'Cancelled', Paid: 0 });
    expect(
      paymentsOf(addin, 'C-0001').map((p) => [p['Invoice ID'], p.Amount, p.Method, p['Refund Of']]),
    ).toEqual([
      ['INV-000002', 220, 'Cash', ''],
      ['INV-000002', -220, 'Refund', 'R-000001'],
      ['', 220, 'Refund', 'R-000001'],
    ]);
    // The money did not leave.
    expect(cents(paymentsOf(addin, 'C-0001'))).toBe(22000);
    // The client asks for it in cash after all: the receipt's credit is given back.
    const cash = ok<RefundView>(
      addin.run('refundPayment', { paymentId: 'R-000001', reason: 'Asked for cash', today: '2016-09-22' }),
    );
    expect(cash).toMatchObject({ amount: 22000, fromCredit: 22000, parts: [], creditAfter: 0 });
    expect(cents(paymentsOf(addin, 'C-0001'))).toBe(0);
  });

  it('refuses an unknown payment, a missing reason, a date before the money arrived', () => {
    const addin = paid();
    const before = addin.tab('Payments');
    const refund = (over: Record<string, unknown>) =>
      refused(
        addin.run('refundPayment', { paymentId: 'R-000001', reason: 'x', today: '2016-09-22', ...over }),
      );
    expect(refund({ paymentId: 'P-000404' })).toMatchObject({
      field: 'paymentId',
      error: 'No payment or receipt P-000404 on the Payments tab.',
    });
    expect(refund({ reason: ' ' })).toMatchObject({ field: 'reason', error: 'Reason is required.' });
    expect(refund({ date: '2016-09-19', dates: 'iso' })).toMatchObject({
      field: 'date',
      error: 'Date 2016-09-19 is before R-000001 was received (2016-09-20).',
    });
    expect(refund({ amount: '0' })).toMatchObject({ field: 'amount' });
    expect(refund({ amount: 'ten' })).toMatchObject({ field: 'amount' });
    expect(addin.tab('Payments')).toEqual(before);
  });

  it('the sidebar’s client view lists what can be given back', () => {
    const addin = paid();
    const view = ok<{
      credit: number;
      invoices: { id: string }[];
      refundable: { id: string; canGiveBack: number }[];
    }>(addin.run('getDeskClient', { clientId: 'C-0002', today: '2016-09-21' }));
    expect(view).toMatchObject({
      credit: 10000,
      invoices: [],
      refundable: [{ id: 'R-000001', canGiveBack: 60000 }],
    });
  });
});
