// The Record payment or refund sidebar: pick a client, see what they owe and their credit; record money
// received at the desk (previewed first: which invoices it pays, what is kept as credit, what is skipped
// because a debit is under way), or give money back from one of their receipts.
import { clear, clearErrors, clientSelect, field, h, loadPage, showFieldError } from './lib/dom';
import { formatDisplayDate, formatMoney } from './lib/format';
import type { ServerCall, ServerValue } from './lib/server';

type DeskClient = ServerValue<'getDeskClient'>;
type PaymentView = ServerValue<'previewPayment'>;
type RefundView = ServerValue<'previewRefund'>;

/** A choice's label reads as plain text beside its radio or checkbox. */
const OPTION = 'font-weight:normal';

/** Server error fields of the refund, as the refund section names its controls. */
const REFUND_FIELDS: Record<string, string> = {
  paymentId: 'refundOf',
  amount: 'refundAmount',
  reason: 'refundReason',
  date: 'refundDate',
  toCredit: 'toCredit',
};

function lines(list: string[]): HTMLUListElement {
  const ul = h('ul');
  for (const t of list) ul.append(h('li', { text: t }));
  return ul;
}

export function paymentLines(v: PaymentView): string[] {
  const out = v.paid.map(
    (p) =>
      `Pays ${p.invoiceId} ${p.description}: ${formatMoney(p.amount)} (${p.status}${p.balance ? `, ${formatMoney(p.balance)} still owed` : ''})`,
  );
  if (v.recovered)
    out.push(
      `Recovered for ${v.recovered.invoiceId} (written off), kept as credit: ${formatMoney(v.recovered.amount)}`,
    );
  const rest = v.credit - (v.recovered?.amount ?? 0);
  if (rest > 0) out.push(`Kept as credit: ${formatMoney(rest)}`);
  for (const s of v.skipped) out.push(`Not paid: ${s.invoiceId} is in debit ${s.batchId}, being processed`);
  out.push(`Credit after: ${formatMoney(v.creditAfter)}`);
  return out;
}

export function refundLines(v: RefundView): string[] {
  const out: string[] = [];
  if (v.fromCredit) out.push(`From credit: ${formatMoney(v.fromCredit)}`);
  for (const p of v.parts)
    out.push(
      v.outcome === 'withdrawn'
        ? `From ${p.invoiceId}: ${formatMoney(p.amount)}, withdrawn (${p.status === 'Cancelled' ? 'the invoice is Cancelled' : `the invoice is now ${formatMoney(p.invoiceAmount)}, ${p.status}`})`
        : `From ${p.invoiceId}: ${formatMoney(p.amount)}, still owed (${formatMoney(p.balance)} due again)`,
    );
  if (v.keptAsCredit) out.push(`Kept as credit: ${formatMoney(v.keptAsCredit)}`);
  out.push(`${v.of} can give back ${formatMoney(v.left)} after this.`);
  return out;
}

export async function mountRecordPayment(root: HTMLElement, call: ServerCall): Promise<void> {
  const page = await loadPage(root, 'Record payment or refund', () => call('getDeskForm'));
  if (!page) return;
  const { status } = page;
  const { today } = page.value;
  const client = clientSelect(page.value.clients);
  const info = h('section', { 'aria-label': 'What the client owes', 'data-testid': 'desk-client' });

  // Payment received.
  const amount = h('input', { type: 'text', inputmode: 'decimal', placeholder: '$0.00' });
  const method = h('select');
  for (const m of page.value.methods) method.append(h('option', { value: m, text: m }));
  const date = h('input', { type: 'date', value: today });
  const reference = h('input', { type: 'text', placeholder: 'e.g. receipt book 112' });
  const invoice = h('select');
  const previewPay = h('button', { type: 'button', text: 'Preview' });
  const record = h('button', { type: 'button', class: 'action', text: 'Record payment' });
  const payPlan = h('div', { 'data-testid': 'payment-preview' });
  const pay = h(
    'fieldset',
    {},
    h('legend', { text: 'Payment received' }),
    field('Amount', 'amount', amount),
    field('Method', 'method', method),
    field('Date received', 'date', date),
    field('Reference', 'reference', reference, 'Optional: a receipt number, the bank’s reference.'),
    field('Invoice', 'invoiceId', invoice, 'What is not owed by the date is kept as credit.'),
    payPlan,
    h('div', { class: 'buttons' }, previewPay, record),
  );

  // Refund.
  const refundOf = h('select');
  const refundAmount = h('input', { type: 'text', inputmode: 'decimal', placeholder: 'All of it' });
  const refundReason = h('input', { type: 'text', placeholder: 'e.g. package cancelled' });
  const refundDate = h('input', { type: 'date', value: today });
  const withdrawn = h('input', { type: 'radio', name: 'outcome', value: 'withdrawn', checked: true });
  const stillOwed = h('input', { type: 'radio', name: 'outcome', value: 'still owed' });
  const toCredit = h('input', { type: 'checkbox', id: 'f-toCredit', name: 'toCredit' });
  const previewRefund = h('button', { type: 'button', text: 'Preview' });
  const giveBack = h('button', { type: 'button', class: 'action', text: 'Refund' });
  const refundPlan = h('div', { 'data-testid': 'refund-preview' });
  const outcome = h(
    'div',
    { class: 'form-group', role: 'radiogroup', 'aria-label': 'What happens to the charge' },
    h('label', { text: 'What happens to the charge' }),
    h('label', { style: OPTION }, withdrawn, ' Withdrawn: the refunded part is cancelled'),
    h('label', { style: OPTION }, stillOwed, ' Still owed: due again, collected as usual'),
    h('div', {
      class: 'secondary',
      text: 'Withdrawn is usual when the sale is cancelled or the invoice is not yet due.',
    }),
  );
  const refund = h(
    'fieldset',
    {},
    h('legend', { text: 'Refund' }),
    field('Payment to refund', 'refundOf', refundOf),
    field('Amount', 'refundAmount', refundAmount, 'Blank: all it can still give back.'),
    field('Reason', 'refundReason', refundReason),
    field('Date', 'refundDate', refundDate),
    outcome,
    h(
      'div',
      { class: 'form-group', 'data-field': 'toCredit' },
      h('label', { style: OPTION }, toCredit, ' Keep the money as the client’s credit (withdrawn only)'),
      h('div', { class: 'field-error', role: 'alert', 'data-error-for': 'toCredit' }),
    ),
    refundPlan,
    h('div', { class: 'buttons' }, previewRefund, giveBack),
  );
  const body = h('div', {}, field('Client', 'clientId', client), info, pay, refund);

  function render(c: DeskClient | null): void {
    clear(info);
    const chosenInvoice = invoice.value;
    clear(invoice);
    invoice.append(h('option', { value: '', text: 'Due invoices, oldest first' }));
    const chosenRefund = refundOf.value;
    clear(refundOf);
    refundOf.append(h('option', { value: '', text: 'Choose a payment…' }));
    if (!c) return;
    for (const i of c.invoices)
      invoice.append(
        h('option', {
          value: i.id,
          text: `${i.id} ${i.description}: ${formatMoney(i.balance)} due ${formatDisplayDate(i.dueDate)} (${i.status})`,
        }),
      );
    if (c.invoices.some((i) => i.id === chosenInvoice)) invoice.value = chosenInvoice;
    for (const r of c.refundable)
      refundOf.append(
        h('option', {
          value: r.id,
          text: `${r.id} ${formatDisplayDate(r.date)}, ${formatMoney(r.received)} ${r.method}: up to ${formatMoney(r.canGiveBack)}`,
        }),
      );
    if (c.refundable.some((r) => r.id === chosenRefund)) refundOf.value = chosenRefund;
    const owed = c.invoices.filter((i) => i.status !== 'Written off');
    info.append(
      h('p', {
        'data-testid': 'desk-summary',
        text: `${c.name} (${c.billingMethod}): ${owed.length ? `${formatMoney(owed.reduce((s, i) => s + i.balance, 0))} in ${owed.length} invoice${owed.length === 1 ? '' : 's'}` : 'no invoice owing'}; credit ${formatMoney(c.credit)}.`,
      }),
    );
    if (c.invoices.length)
      info.append(
        lines(
          c.invoices.map(
            (i) =>
              `${i.id} ${i.description}: ${formatMoney(i.balance)} due ${formatDisplayDate(i.dueDate)} (${i.status}${i.status === 'Sent' ? ` in ${i.batchId}, ${formatMoney(i.payable)} payable at the desk` : ''})`,
          ),
        ),
      );
  }

  // A late answer to an older look-up is dropped. After a save the look-up keeps the status line, which
  // says what was saved.
  let asked = 0;
  async function lookUp(afterSave = false): Promise<void> {
    const mine = ++asked;
    clearErrors(body);
    if (!client.value) return render(null);
    const r = await call('getDeskClient', { clientId: client.value });
    if (mine !== asked) return;
    if (!r.ok) {
      render(null);
      return showFieldError(body, r.field, r.error, status);
    }
    if (!afterSave) {
      status.className = 'status';
      status.textContent = '';
    }
    render(r.value);
  }
  client.addEventListener('change', () => {
    clear(payPlan);
    clear(refundPlan);
    void lookUp();
  });

  const paymentRequest = () => ({
    clientId: client.value,
    amount: amount.value,
    method: method.value,
    date: date.value,
    reference: reference.value,
    invoiceId: invoice.value,
  });
  const refundRequest = () => ({
    paymentId: refundOf.value,
    amount: refundAmount.value,
    reason: refundReason.value,
    date: refundDate.value,
    stillOwed: stillOwed.checked,
    toCredit: toCredit.checked,
  });
  const refundField = (f: string | undefined) => (f ? (REFUND_FIELDS[f] ?? f) : f);

  stillOwed.addEventListener('change', () => {
    toCredit.checked = false;
    toCredit.disabled = true;
  });
  withdrawn.addEventListener('change', () => (toCredit.disabled = false));

  /** Runs one button's call with the buttons of its section disabled, showing a refusal at its field. */
  async function run(buttons: HTMLButtonElement[], what: string, task: () => Promise<void>): Promise<void> {
    buttons.forEach((b) => (b.disabled = true));
    clearErrors(body);
    try {
      await task();
    } catch (e) {
      status.className = 'status error';
      status.textContent = `Could not ${what}: ${(e as Error).message}`;
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  }

  previewPay.addEventListener('click', () =>
    run([previewPay, record], 'preview the payment', async () => {
      clear(payPlan);
      const r = await call('previewPayment', paymentRequest());
      if (!r.ok) return showFieldError(body, r.field, r.error, status);
      status.className = 'status';
      status.textContent = '';
      payPlan.append(lines(paymentLines(r.value)));
    }),
  );
  record.addEventListener('click', () =>
    run([previewPay, record], 'record the payment', async () => {
      const r = await call('recordPayment', paymentRequest());
      if (!r.ok) return showFieldError(body, r.field, r.error, status);
      clear(payPlan);
      payPlan.append(lines(paymentLines(r.value)));
      status.className = 'status ok';
      status.textContent = `Recorded ${r.value.receiptId}: ${formatMoney(r.value.amount)} ${r.value.method} from ${r.value.name} on ${formatDisplayDate(r.value.date)}.`;
      amount.value = reference.value = '';
      await lookUp(true);
    }),
  );
  previewRefund.addEventListener('click', () =>
    run([previewRefund, giveBack], 'preview the refund', async () => {
      clear(refundPlan);
      const r = await call('previewRefund', refundRequest());
      if (!r.ok) return showFieldError(body, refundField(r.field), r.error, status);
      status.className = 'status';
      status.textContent = '';
      refundPlan.append(lines(refundLines(r.value)));
    }),
  );
  giveBack.addEventListener('click', () =>
    run([previewRefund, giveBack], 'refund', async () => {
      const r = await call('refundPayment', refundRequest());
      if (!r.ok) return showFieldError(body, refundField(r.field), r.error, status);
      clear(refundPlan);
      refundPlan.append(lines(refundLines(r.value)));
      status.className = 'status ok';
      status.textContent = `Refunded ${r.value.refundId}: ${formatMoney(r.value.amount)} of ${r.value.of} ${r.value.keptAsCredit ? 'kept as credit for' : 'given back to'} ${r.value.name} on ${formatDisplayDate(r.value.date)}.`;
      refundAmount.value = refundReason.value = '';
      await lookUp(true);
    }),
  );
  render(null);
  root.append(body, status);
}
