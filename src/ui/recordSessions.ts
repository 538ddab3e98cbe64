// The Record sessions sidebar: pick a client, a date and a number of sessions; see the client's sessions
// left per package and any overdue invoices before saving. Warnings never block: the studio decides.
import { clear, clearErrors, field, h, showFieldError, clientSelect, loadPage } from './lib/dom';
import { formatDisplayDate, formatMoney } from './lib/format';
import type { ServerCall, ServerValue } from './lib/server';

type ClientSessions = ServerValue<'getClientSessions'>;

export async function mountRecordSessions(root: HTMLElement, call: ServerCall): Promise<void> {
  const page = await loadPage(root, 'Record sessions', () => call('getSessionsForm'));
  if (!page) return;
  const { status } = page;
  const client = clientSelect(page.value.clients);
  const date = h('input', { type: 'date', value: page.value.today });
  const sessions = h('input', { type: 'number', min: 1, max: 50, step: 1, value: '1' });
  const pkg = h('select');
  const save = h('button', { type: 'button', class: 'action', text: 'Record' });
  const info = h('section', { 'aria-label': 'Sessions left', 'data-testid': 'client-sessions' });
  const warnings = h('div', { role: 'alert', 'data-testid': 'warnings' });
  const body = h(
    'div',
    {},
    field('Client', 'clientId', client),
    field('Date', 'date', date),
    field('Sessions used', 'sessions', sessions),
    field('From package', 'saleId', pkg),
    info,
    warnings,
    h('div', { class: 'buttons' }, save),
  );

  function showWarnings(list: string[]): void {
    clear(warnings);
    for (const w of list) warnings.append(h('p', { class: 'warn', text: w }));
  }

  function render(s: ClientSessions): void {
    clear(info);
    const chosen = pkg.value;
    clear(pkg);
    pkg.append(h('option', { value: '', text: 'Oldest with sessions left' }));
    for (const p of s.packages)
      pkg.append(h('option', { value: p.saleId, text: `${p.packageName} (${p.saleId}): ${p.left} left` }));
    if (s.packages.some((p) => p.saleId === chosen)) pkg.value = chosen;
    info.append(
      h('p', {
        'data-testid': 'sessions-left',
        text: `${s.name}: ${s.left} session${s.left === 1 ? '' : 's'} left on ${formatDisplayDate(s.asOf)}.`,
      }),
    );
    if (s.packages.length) {
      const ul = h('ul');
      for (const p of s.packages)
        ul.append(
          h('li', {
            text: `${p.packageName} (${p.saleId}, ${p.status}): ${p.allocated} allocated, ${p.used} used, ${p.left} left`,
          }),
        );
      info.append(ul);
    }
    if (s.overdue)
      info.append(
        h('p', {
          class: 'secondary',
          text: `Owes ${formatMoney(s.overdue.owed)} overdue since ${formatDisplayDate(s.overdue.oldestDue)}.`,
        }),
      );
    showWarnings(s.warnings);
  }

  // The panel is replaced when the new one arrives, never emptied first: emptying it moved the Record
  // button up under the pointer, so the click that blurred the Sessions field missed it. Only a new client
  // or date looks up again (the number does not change what the panel shows); a late answer to an older
  // look-up is dropped.
  let asked = 0;
  async function lookUp(): Promise<void> {
    const mine = ++asked;
    clearErrors(body);
    if (!client.value) {
      clear(info);
      clear(warnings);
      return;
    }
    const r = await call('getClientSessions', {
      clientId: client.value,
      date: date.value,
      sessions: sessions.value,
    });
    if (mine !== asked) return;
    if (!r.ok) {
      clear(info);
      clear(warnings);
      return showFieldError(body, r.field, r.error, status);
    }
    status.className = 'status';
    status.textContent = '';
    render(r.value);
  }
  client.addEventListener('change', () => {
    pkg.value = '';
    void lookUp();
  });
  date.addEventListener('change', () => void lookUp());

  save.addEventListener('click', async () => {
    save.disabled = true;
    clearErrors(body);
    try {
      const r = await call('recordSessions', {
        clientId: client.value,
        date: date.value,
        sessions: sessions.value,
        saleId: pkg.value,
      });
      if (!r.ok) return showFieldError(body, r.field, r.error, status);
      const v = r.value;
      render(v.after);
      showWarnings(v.warnings);
      status.className = 'status ok';
      const from = v.parts
        .map((p) => (p.saleId ? `${p.sessions} from ${p.saleId}` : `${p.sessions} from no package`))
        .join(', ');
      status.textContent = `Recorded ${v.sessions} session${v.sessions === 1 ? '' : 's'} for ${v.after.name} on ${formatDisplayDate(v.date)} (${from}). ${v.after.left} left.`;
    } catch (e) {
      status.className = 'status error';
      status.textContent = `Could not record the sessions: ${(e as Error).message}`;
    } finally {
      save.disabled = false;
    }
  });
  root.append(body, status);
}
