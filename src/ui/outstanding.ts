// The Outstanding invoices sidebar: who owes what on a date (net of the client's credit), largest debt
// first, with the oldest due date, the last payment and the last decline reason; and a button that writes the same list to the
// Outstanding tab (and the Balances tab). A reminder: what to do about a debt is the studio's decision.
import { heldSection } from './heldSection';
import { clear, clearErrors, field, h, showFieldError } from './lib/dom';
import { formatDisplayDate, formatMoney } from './lib/format';
import type { ServerCall, ServerValue } from './lib/server';

type OutstandingView = ServerValue<'getOutstanding'>;
type OutstandingClient = OutstandingView['clients'][number];

/** One client's card: name and amount, the credit netted off, how long, the last payment and decline. */
function clientCard(c: OutstandingClient): HTMLElement {
  const n = c.invoiceIds.length;
  return h(
    'li',
    { class: 'block', 'data-client-id': c.clientId },
    h(
      'div',
      {},
      h('strong', { text: c.name }),
      ' ',
      h('span', { class: 'secondary', text: `(${c.clientId}, ${c.billingMethod || 'no method'})` }),
    ),
    h('div', {
      'data-testid': 'owed',
      text: `${formatMoney(c.owed)} in ${n} invoice${n === 1 ? '' : 's'}, oldest due ${formatDisplayDate(c.oldestDue)} (${c.daysOverdue} day${c.daysOverdue === 1 ? '' : 's'} overdue)`,
    }),
    c.credit
      ? h('div', {
          class: 'secondary',
          'data-testid': 'credit',
          text: `After ${formatMoney(c.credit)} credit (received, not yet spent on an invoice)`,
        })
      : null,
    h('div', {
      class: 'secondary',
      text: c.lastPayment
        ? `Last payment ${formatMoney(c.lastPayment.amount)} on ${formatDisplayDate(c.lastPayment.date)}`
        : 'No payment yet',
    }),
    c.lastDeclineReason ? h('div', { class: 'warn', text: `Last decline: ${c.lastDeclineReason}` }) : null,
    h('div', { class: 'secondary', text: c.invoiceIds.join(' ') }),
  );
}

export async function mountOutstanding(root: HTMLElement, call: ServerCall): Promise<void> {
  clear(root);
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite', text: 'Loading…' });
  root.append(h('h1', { text: 'Outstanding invoices' }), status);
  const loaded = await call('getOutstanding');
  if (!loaded.ok) {
    status.className = 'status error';
    status.textContent = loaded.error;
    return;
  }
  status.textContent = '';
  const date = h('input', { type: 'date', value: loaded.value.asOf });
  const show = h('button', { type: 'button', text: 'Show' });
  const write = h('button', { type: 'button', class: 'action', text: 'Update the Outstanding tab' });
  const form = h(
    'section',
    { 'aria-label': 'Date' },
    field('Overdue on', 'date', date, 'Invoices due before this date and not paid.'),
    h('div', { class: 'buttons' }, show, write),
  );
  const list = h('section', { 'aria-label': 'Clients who owe', 'data-testid': 'outstanding-list' });

  function render(v: OutstandingView): void {
    clear(list);
    list.append(
      h('p', {
        'data-testid': 'outstanding-summary',
        text: v.reminder
          ? `${v.reminder} on ${formatDisplayDate(v.asOf)}.`
          : `Nobody has an overdue invoice on ${formatDisplayDate(v.asOf)}.`,
      }),
    );
    if (v.clients.length)
      list.append(h('ul', { style: 'list-style:none;padding:0;margin:0' }, ...v.clients.map(clientCard)));
  }

  async function load(button: HTMLButtonElement, fn: 'getOutstanding' | 'refreshOutstanding') {
    button.disabled = true;
    clearErrors(form);
    try {
      const r = await call(fn, { date: date.value });
      if (!r.ok) return showFieldError(form, r.field, r.error, status);
      render(r.value);
      status.className = r.value.written ? 'status ok' : 'status';
      status.textContent = r.value.written
        ? `The Outstanding and Balances tabs now show ${formatDisplayDate(r.value.asOf)}.`
        : '';
    } catch (e) {
      status.className = 'status error';
      status.textContent = `Something went wrong: ${(e as Error).message}`;
    } finally {
      button.disabled = false;
    }
  }
  show.addEventListener('click', () => void load(show, 'getOutstanding'));
  write.addEventListener('click', () => void load(write, 'refreshOutstanding'));
  const held = heldSection(call);
  root.append(form, list, held.element, status);
  render(loaded.value);
  await held.load();
}
