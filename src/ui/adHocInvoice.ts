// The Add ad-hoc invoice sidebar: a one-off charge that joins the client's next debit.
import { clear, clearErrors, field, h, showFieldError } from './lib/dom';
import { formatDisplayDate, formatMoney } from './lib/format';
import type { Result, ServerCall } from './lib/server';

interface SellForm {
  today: string;
  clients: { id: string; name: string }[];
}
interface Saved {
  id: string;
  clientId: string;
  description: string;
  dueDate: string;
  amount: number;
}

export async function mountAdHocInvoice(root: HTMLElement, call: ServerCall): Promise<void> {
  clear(root);
  const status = h('div', {
    class: 'status',
    role: 'status',
    'aria-live': 'polite',
    text: 'Loading clients…',
  });
  root.append(h('h1', { text: 'Add ad-hoc invoice' }), status);
  const form = await call<Result<SellForm>>('getSellForm');
  if (!form.ok) {
    status.className = 'status error';
    status.textContent = form.error;
    return;
  }
  status.textContent = '';
  const client = h('select');
  client.append(h('option', { value: '', text: 'Choose a client…' }));
  for (const c of form.value.clients)
    client.append(h('option', { value: c.id, text: `${c.name} (${c.id})` }));
  const description = h('input', { type: 'text', placeholder: 'e.g. Protein powder 1kg' });
  const amount = h('input', { type: 'text', inputmode: 'decimal', placeholder: '$0.00' });
  const dueDate = h('input', { type: 'date', value: form.value.today });
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
      const r = await call<Result<Saved>>('addAdHocInvoice', {
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
