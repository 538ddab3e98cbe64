// "Held for a person", in the Outstanding invoices sidebar: clients whose invoices a decline held past the
// Retry Limit, or whom the bank's reason stopped (DD stopped, Update bank details). Release lets their
// invoices be debited again (the retry count starts over) and sets a stopped client back to Active.
import { clear, h } from './lib/dom';
import { formatDisplayDate, formatMoney } from './lib/format';
import type { ServerCall, ServerValue } from './lib/server';

type HeldClient = ServerValue<'getHeld'>['clients'][number];
type Released = ServerValue<'releaseHeld'>;

function releasedText(r: Released): string {
  const parts = [
    r.released.length ? `Released ${r.released.map((i) => i.invoiceId).join(', ')}` : '',
    r.clientWas ? `${r.name} is Active again (was ${r.clientWas})` : '',
    !r.clientWas && r.clientStatus && r.clientStatus !== 'Active'
      ? `${r.name} is still ${r.clientStatus}: not debited until set back to Active`
      : '',
  ].filter(Boolean);
  return `${parts.join('; ')}.`;
}

export function heldSection(call: ServerCall): { element: HTMLElement; load: () => Promise<void> } {
  const list = h('div', {});
  const note = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const element = h(
    'section',
    { 'aria-label': 'Held for a person', 'data-testid': 'held-list' },
    h('h2', { text: 'Held for a person' }),
    list,
    note,
  );

  function card(c: HeldClient): HTMLElement {
    const button = h('button', { type: 'button', text: 'Release', 'aria-label': `Release ${c.name}` });
    button.addEventListener('click', () => void release(button, c));
    const owed = c.held.reduce((s, i) => s + i.balance, 0);
    return h(
      'li',
      { class: 'block', 'data-held-client': c.clientId },
      h(
        'div',
        {},
        h('strong', { text: c.name }),
        ' ',
        h('span', { class: 'secondary', text: `(${c.clientId}, ${c.status})` }),
      ),
      h('div', { class: 'warn', text: c.reason }),
      c.held.length
        ? h('div', {
            class: 'secondary',
            text: `Held: ${c.held.map((i) => `${i.invoiceId} ${formatMoney(i.balance)} due ${formatDisplayDate(i.dueDate)}`).join(', ')} (${formatMoney(owed)})`,
          })
        : null,
      h('div', { class: 'buttons' }, button),
    );
  }

  function render(clients: readonly HeldClient[]): void {
    clear(list);
    if (!clients.length) {
      list.append(h('p', { class: 'secondary', text: 'Nobody is held: every invoice may be debited.' }));
      return;
    }
    list.append(h('ul', { style: 'list-style:none;padding:0;margin:0' }, ...clients.map(card)));
  }

  function say(text: string, kind: 'ok' | 'error' | '' = ''): void {
    note.className = kind ? `status ${kind}` : 'status';
    note.textContent = text;
  }

  async function load(): Promise<void> {
    try {
      const r = await call('getHeld');
      if (!r.ok) return say(r.error, 'error');
      render(r.value.clients);
    } catch (e) {
      // The list of who owes stands on its own: a failure here only says so.
      say(`Held invoices could not be listed: ${(e as Error).message}`, 'error');
    }
  }

  async function release(button: HTMLButtonElement, c: HeldClient): Promise<void> {
    button.disabled = true;
    try {
      const r = await call('releaseHeld', { clientId: c.clientId });
      if (!r.ok) return say(r.error, 'error');
      await load();
      say(releasedText(r.value), 'ok');
    } catch (e) {
      say(`Something went wrong: ${(e as Error).message}`, 'error');
    } finally {
      button.disabled = false;
    }
  }

  return { element, load };
}
