// The Write off sidebar: pick a client, then an invoice the studio will not collect, with a reason and a
// date; or undo a write-off (the invoice gets the status today's facts give). An invoice in a sent batch is
// listed but cannot be chosen: its debit is with the bank.
import { clear, clearErrors, clientSelect, field, h, loadPage, showFieldError } from './lib/dom';
import { formatDisplayDate, formatMoney } from './lib/format';
import type { ServerCall, ServerValue } from './lib/server';

type Form = ServerValue<'getWriteOffForm'>;
type FormClient = Form['clients'][number];
type Choice = FormClient['open'][number];
type Done = ServerValue<'writeOffInvoice'>;

function invoiceText(i: Choice): string {
  const what = i.description ? `${i.description}, ` : '';
  return `${i.id}: ${what}${formatMoney(i.balance)} due ${formatDisplayDate(i.dueDate)} (${i.status})`;
}

function doneText(v: Done, undo: boolean): string {
  if (!undo) return `Wrote off ${v.invoiceId}: ${formatMoney(v.balance)} is no longer owed by ${v.name}.`;
  const credit =
    v.credit > 0
      ? ` ${v.name} has ${formatMoney(v.credit)} credit: the next upkeep or billing run spends it on what is due.`
      : '';
  return `${v.invoiceId} is ${v.status} again: ${formatMoney(v.balance)} owed.${credit}`;
}

export async function mountWriteOff(root: HTMLElement, call: ServerCall): Promise<void> {
  const page = await loadPage(root, 'Write off', () => call('getWriteOffForm'));
  if (!page) return;
  const { status } = page;
  let form: Form = page.value;
  const client = clientSelect(form.clients.map((c) => ({ id: c.clientId, name: c.name })));
  const invoice = h('select');
  const reason = h('input', { type: 'text', placeholder: 'e.g. Moved overseas, not contactable' });
  const date = h('input', { type: 'date', value: form.today, max: form.today });
  const save = h('button', { type: 'button', class: 'action', text: 'Write off' });
  const writeOffFields = h(
    'section',
    { 'aria-label': 'Write off an invoice', 'data-testid': 'write-off-fields' },
    field('Invoice', 'invoiceId', invoice),
    field('Reason', 'reason', reason),
    field('Date', 'date', date, 'The day the studio gave up collecting it.'),
    h('div', { class: 'buttons' }, save),
  );
  const writtenOff = h('section', { 'aria-label': 'Written off', 'data-testid': 'written-off' });
  const body = h('div', {}, field('Client', 'clientId', client), writeOffFields, writtenOff);

  const chosen = (): FormClient | undefined => form.clients.find((c) => c.clientId === client.value);

  function say(text: string, kind: 'ok' | 'error' | '' = ''): void {
    status.className = kind ? `status ${kind}` : 'status';
    status.textContent = text;
  }

  function undoCard(i: Choice): HTMLElement {
    const button = h('button', {
      type: 'button',
      text: 'Undo',
      'aria-label': `Undo the write-off of ${i.id}`,
    });
    button.addEventListener('click', () => void undo(button, i));
    const when = i.writeOffDate ? ` on ${formatDisplayDate(i.writeOffDate)}` : '';
    return h(
      'li',
      { class: 'block', 'data-written-off': i.id },
      h('div', { text: `${i.id}: ${formatMoney(i.balance)} written off${when}` }),
      i.writeOffReason ? h('div', { class: 'secondary', text: i.writeOffReason }) : null,
      h('div', { class: 'buttons' }, button),
    );
  }

  function render(): void {
    const c = chosen();
    clear(invoice);
    clear(writtenOff);
    writeOffFields.hidden = !c;
    if (!c) return;
    const open = c.open.filter((i) => !i.blocked);
    invoice.append(
      h('option', { value: '', text: open.length ? 'Choose an invoice…' : 'Nothing to write off' }),
    );
    for (const i of c.open)
      invoice.append(
        h('option', {
          value: i.id,
          disabled: !!i.blocked,
          text: i.blocked ? `${invoiceText(i)}: ${i.blocked}` : invoiceText(i),
        }),
      );
    save.disabled = !open.length;
    if (!c.writtenOff.length) return;
    writtenOff.append(
      h('h2', { text: 'Written off' }),
      h('ul', { style: 'list-style:none;padding:0;margin:0' }, ...c.writtenOff.map(undoCard)),
    );
    if (c.credit > 0)
      writtenOff.append(
        h('p', {
          class: 'secondary',
          'data-testid': 'recovered',
          text: `${c.name} has ${formatMoney(c.credit)} credit: money that arrives for a written-off invoice is kept as credit (recovered). Undo the write-off to let it pay the invoice.`,
        }),
      );
  }

  async function reload(keep: string): Promise<void> {
    const r = await call('getWriteOffForm');
    if (!r.ok) return say(r.error, 'error');
    form = r.value;
    const again = clientSelect(form.clients.map((c) => ({ id: c.clientId, name: c.name })));
    clear(client);
    client.append(...Array.from(again.options));
    client.value = form.clients.some((c) => c.clientId === keep) ? keep : '';
    render();
  }

  async function undo(button: HTMLButtonElement, i: Choice): Promise<void> {
    button.disabled = true;
    clearErrors(body);
    try {
      const r = await call('undoWriteOff', { invoiceId: i.id });
      if (!r.ok) return showFieldError(body, r.field, r.error, status);
      await reload(r.value.clientId);
      say(doneText(r.value, true), 'ok');
    } catch (e) {
      say(`Could not undo the write-off: ${(e as Error).message}`, 'error');
    } finally {
      button.disabled = false;
    }
  }

  client.addEventListener('change', () => {
    clearErrors(body);
    say('');
    render();
  });
  save.addEventListener('click', async () => {
    save.disabled = true;
    clearErrors(body);
    try {
      const r = await call('writeOffInvoice', {
        invoiceId: invoice.value,
        reason: reason.value,
        date: date.value,
      });
      if (!r.ok) return showFieldError(body, r.field, r.error, status);
      reason.value = '';
      await reload(r.value.clientId);
      say(doneText(r.value, false), 'ok');
    } catch (e) {
      say(`Could not write the invoice off: ${(e as Error).message}`, 'error');
    } finally {
      save.disabled = !chosen()?.open.some((i) => !i.blocked);
    }
  });
  render();
  root.append(body, status);
}
