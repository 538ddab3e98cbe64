// The Add ad-hoc invoice sidebar: a one-off charge that joins the client's next debit.
import { clearErrors, field, h, showFieldError, clientSelect, loadPage } from './lib/dom';
import { formatDisplayDate, formatMoney } from './lib/format';
import type { ServerCall } from './lib/server';

export async function mountAdHocInvoice(root: HTMLElement, call: ServerCall): Promise<void> {
  const page = await loadPage(root, 'Add ad-hoc invoice', () => call('getSellForm'));
  if (!page) return;
  const { status } = page;
  const client = clientSelect(page.value.clients);
  const description = h('input', { type: 'text', placeholder: 'e.g. Protein powder 1kg' });
  const amount = h('input', { type: 'text', inputmode: 'decimal', placeholder: '$0.00' });
  const dueDate = h('input', { type: 'date', value: page.value.today });
  const save = h('button', { type: 'button', class: 'action', text: 'Add invoice' });
  const body = h(
    'div',
    {},
    field('Client', 'clientId', client),
    field('Description', 'description', description),
    field('Amount', 'amount', amount),
    field('Due date', 'dueDate', dueDate, 'It joins the client’s first debit on or after this date.'),
    h('div', { class: 'buttons' }, save),
  );
  save.addEventListener('click', async () => {
    save.disabled = true;
    clearErrors(body);
    try {
      const r = await call('addAdHocInvoice', {
        clientId: client.value,
        description: description.value,
        amount: amount.value,
        dueDate: dueDate.value,
      });
      if (!r.ok) return showFieldError(body, r.field, r.error, status);
      status.className = 'status ok';
      status.textContent = `Added ${r.value.id}: ${r.value.description}, ${formatMoney(r.value.amount)} due ${formatDisplayDate(r.value.dueDate)}.`;
      description.value = amount.value = '';
    } catch (e) {
      status.className = 'status error';
      status.textContent = `Could not add the invoice: ${(e as Error).message}`;
    } finally {
      save.disabled = false;
    }
  });
  root.append(body, status);
}
