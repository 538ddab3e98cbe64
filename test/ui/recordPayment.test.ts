// @vitest-environment happy-dom
// The Record payment or refund sidebar against a typed fake server: a client's invoices and receipts are
// shown as text, the payment is previewed then recorded with what was typed, a refusal lands at its field,
// and a refund sends its outcome (still owed turns "to credit" off).
import { describe, expect, it } from 'vitest';
import { mountRecordPayment } from '../../src/ui/recordPayment';
import type { ServerValue } from '../../src/ui/lib/server';
import { fakeServer } from './fakeServer';

type DeskClient = ServerValue<'getDeskClient'>;
type PaymentView = ServerValue<'recordPayment'>;
type RefundView = ServerValue<'refundPayment'>;

const settle = () => new Promise((r) => setTimeout(r, 20));
function root(): HTMLElement {
  document.body.innerHTML = '<main id="app"></main>';
  return document.getElementById('app')!;
}

const sam: DeskClient = {
  clientId: 'C-0002',
  name: '<img src=x onerror=alert(1)>',
  billingMethod: 'Manual',
  credit: 1000,
  invoices: [
    {
      id: 'INV-000006',
      description: '<b>10 x PT</b>',
      dueDate: '2016-09-13',
      amount: 50000,
      balance: 50000,
      status: 'Open',
      batchId: '',
      payable: 50000,
    },
  ],
  refundable: [
    {
      id: 'R-000001',
      kind: 'receipt',
      date: '2016-09-12',
      received: 1000,
      method: 'Cash',
      reference: '',
      invoiceIds: [],
      canGiveBack: 1000,
    },
  ],
};

const payment = (receiptId: string): PaymentView => ({
  receiptId,
  clientId: 'C-0002',
  name: sam.name,
  date: '2016-09-20',
  amount: 60000,
  method: 'Card',
  reference: 'EFTPOS 1',
  paid: [
    { invoiceId: 'INV-000006', description: '<b>10 x PT</b>', amount: 50000, status: 'Paid', balance: 0 },
  ],
  credit: 10000,
  recovered: null,
  skipped: [{ invoiceId: 'INV-000009', batchId: 'B-000002' }],
  paymentIds: receiptId ? ['P-000002', 'P-000003'] : ['', ''],
  creditAfter: 11000,
  summary: '',
});

const refund: RefundView = {
  refundId: 'R-000003',
  of: 'R-000001',
  clientId: 'C-0002',
  name: sam.name,
  date: '2016-09-20',
  amount: 1000,
  reason: 'Asked for it back',
  outcome: 'still owed',
  fromCredit: 1000,
  parts: [],
  keptAsCredit: 0,
  paymentIds: ['P-000004'],
  left: 0,
  creditAfter: 0,
  summary: '',
};

function server() {
  return fakeServer({
    getDeskForm: () => ({
      ok: true,
      value: {
        today: '2016-09-20',
        methods: ['Cash', 'Card', 'Bank transfer', 'Other'],
        clients: [sam].map((c) => ({ id: c.clientId, name: c.name })),
      },
    }),
    getDeskClient: () => ({ ok: true, value: sam }),
    previewPayment: (req) =>
      req.amount === 'ten'
        ? { ok: false, error: 'Amount: "ten" is not an amount', field: 'amount' }
        : { ok: true, value: payment('') },
    recordPayment: () => ({ ok: true, value: payment('R-000002') }),
    previewRefund: () => ({ ok: false, error: 'Reason is required.', field: 'reason' }),
    refundPayment: () => ({ ok: true, value: refund }),
  });
}

describe('Record payment or refund sidebar', () => {
  it('shows the client as text, previews then records the payment typed', async () => {
    const app = root();
    const { call, calls } = server();
    await mountRecordPayment(app, call);
    const client = app.querySelector<HTMLSelectElement>('#f-clientId')!;
    client.value = 'C-0002';
    client.dispatchEvent(new Event('change'));
    await settle();
    expect(app.querySelector('img')).toBeNull();
    expect(app.querySelector('b')).toBeNull();
    expect(app.querySelector('[data-testid="desk-summary"]')!.textContent).toBe(
      '<img src=x onerror=alert(1)> (Manual): $500.00 in 1 invoice; credit $10.00.',
    );
    const options = [...app.querySelectorAll<HTMLOptionElement>('#f-invoiceId option')].map(
      (o) => o.textContent,
    );
    expect(options).toEqual([
      'Due invoices, oldest first',
      'INV-000006 <b>10 x PT</b>: $500.00 due Tue 13 Sep 2016 (Open)',
    ]);

    const amount = app.querySelector<HTMLInputElement>('#f-amount')!;
    amount.value = 'ten';
    const [preview, record] = [...app.querySelectorAll('fieldset')[0]!.querySelectorAll('button')];
    preview!.click();
    await settle();
    expect(app.querySelector('[data-error-for="amount"]')!.textContent).toBe(
      'Amount: "ten" is not an amount',
    );

    amount.value = '600';
    app.querySelector<HTMLSelectElement>('#f-method')!.value = 'Card';
    app.querySelector<HTMLInputElement>('#f-reference')!.value = 'EFTPOS 1';
    preview!.click();
    await settle();
    expect(
      [...app.querySelectorAll('[data-testid="payment-preview"] li')].map((li) => li.textContent),
    ).toEqual([
      'Pays INV-000006 <b>10 x PT</b>: $500.00 (Paid)',
      'Kept as credit: $100.00',
      'Not paid: INV-000009 is in debit B-000002, being processed',
      'Credit after: $110.00',
    ]);
    record!.click();
    await settle();
    expect(calls.find((c) => c.fn === 'recordPayment')!.arg).toEqual({
      clientId: 'C-0002',
      amount: '600',
      method: 'Card',
      date: '2016-09-20',
      reference: 'EFTPOS 1',
      invoiceId: '',
    });
    expect(app.querySelector('.status.ok')!.textContent).toBe(
      'Recorded R-000002: $600.00 Card from <img src=x onerror=alert(1)> on Tue 20 Sep 2016.',
    );
    // The client is looked up again, so the receipts list is fresh.
    expect(calls.filter((c) => c.fn === 'getDeskClient')).toHaveLength(2);
  });

  it('refunds: a refusal at its field, still owed sent and to credit turned off', async () => {
    const app = root();
    const { call, calls } = server();
    await mountRecordPayment(app, call);
    const client = app.querySelector<HTMLSelectElement>('#f-clientId')!;
    client.value = 'C-0002';
    client.dispatchEvent(new Event('change'));
    await settle();
    const of = app.querySelector<HTMLSelectElement>('#f-refundOf')!;
    expect([...of.options].map((o) => o.textContent)).toEqual([
      'Choose a payment…',
      'R-000001 Mon 12 Sep 2016, $10.00 Cash: up to $10.00',
    ]);
    of.value = 'R-000001';
    const [preview, give] = [...app.querySelectorAll('fieldset')[1]!.querySelectorAll('button')];
    preview!.click();
    await settle();
    expect(app.querySelector('[data-error-for="refundReason"]')!.textContent).toBe('Reason is required.');

    const toCredit = app.querySelector<HTMLInputElement>('#f-toCredit')!;
    toCredit.checked = true;
    const owed = app.querySelector<HTMLInputElement>('input[value="still owed"]')!;
    owed.checked = true;
    owed.dispatchEvent(new Event('change'));
    expect(toCredit.checked).toBe(false);
    expect(toCredit.disabled).toBe(true);
    app.querySelector<HTMLInputElement>('#f-refundReason')!.value = 'Asked for it back';
    give!.click();
    await settle();
    expect(calls.find((c) => c.fn === 'refundPayment')!.arg).toEqual({
      paymentId: 'R-000001',
      amount: '',
      reason: 'Asked for it back',
      date: '2016-09-20',
      stillOwed: true,
      toCredit: false,
    });
    expect(
      [...app.querySelectorAll('[data-testid="refund-preview"] li')].map((li) => li.textContent),
    ).toEqual(['From credit: $10.00', 'R-000001 can give back $0.00 after this.']);
    expect(app.querySelector('.status.ok')!.textContent).toBe(
      'Refunded R-000003: $10.00 of R-000001 given back to <img src=x onerror=alert(1)> on Tue 20 Sep 2016.',
    );
  });
});
