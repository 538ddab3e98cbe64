// The DD changes sidebar: who the DD company must be told about (debits that differ from the last notice:
// a new sale, a pause, a cancel, an amount changed, bank details changed), old and new side by side; mark
// them notified (all, or one client) once told; download the list as CSV; and a client's debit schedule as
// text or a printable view. Everything from the workbook is shown as text.
import { clear, h } from './lib/dom';
import { formatDisplayDate, formatMoney } from './lib/format';
import type { ServerCall, ServerValue } from './lib/server';

type ChangesView = ServerValue<'getDdChanges'>;
type ClientChanges = ChangesView['clients'][number];

/** Offers text as a file download, with no Drive access: the browser saves it. */
function download(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv' }));
  const a = h('a', { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const day = (d: string | null) => (d ? formatDisplayDate(d) : '');
const cash = (c: number | null) => (c === null ? '' : formatMoney(c));

function sideBySide(c: ClientChanges): HTMLElement {
  return h(
    'table',
    { class: 'preview', 'data-testid': 'side-by-side' },
    h('tr', {}, h('th', { text: 'Told' }), h('th', { text: 'Now' })),
    ...c.lines.map((l) =>
      h(
        'tr',
        { 'data-note': l.note },
        h('td', { text: l.oldDate ? `${day(l.oldDate)} ${cash(l.oldAmount)}` : '—' }),
        h('td', { text: l.newDate ? `${day(l.newDate)} ${cash(l.newAmount)}` : '—' }),
      ),
    ),
  );
}

function clientCard(c: ClientChanges, onMark: (clientId: string) => void): HTMLElement {
  const mark = h('button', { type: 'button', text: 'Mark notified' });
  mark.addEventListener('click', () => onMark(c.clientId));
  return h(
    'section',
    { class: 'block', 'data-client': c.clientId },
    h('h2', { text: `${c.name} (${c.clientId})` }),
    h('div', { class: 'secondary', text: c.billingMethod }),
    h('ul', {}, ...c.changes.map((x) => h('li', { text: `${x.kind}: ${x.note}` }))),
    c.lines.length ? sideBySide(c) : null,
    h('div', { class: 'buttons' }, mark),
  );
}

export async function mountDdChanges(root: HTMLElement, call: ServerCall, save = download): Promise<void> {
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const say = (text: string, kind: 'ok' | 'error' | '' = '') => {
    status.className = `status ${kind}`;
    status.textContent = text;
  };
  const list = h('div', { 'data-testid': 'dd-changes' });
  const markAll = h('button', { type: 'button', class: 'action', text: 'Mark all notified' });
  const csv = h('button', { type: 'button', text: 'Download CSV' });
  const refresh = h('button', { type: 'button', text: 'Check again' });
  const scheduleClient = h('select', { 'aria-label': 'Client for the debit schedule' });
  const showSchedule = h('button', { type: 'button', text: 'Debit schedule' });
  const printSchedule = h('button', { type: 'button', text: 'Printable schedule' });
  const scheduleText = h('pre', { 'data-testid': 'schedule' });
  let current: ChangesView | null = null;

  function render(v: ChangesView): void {
    current = v;
    clear(list);
    list.append(
      h('p', {
        text: v.clients.length
          ? `${v.clients.length} of ${v.compared} DD client(s) to tell the DD company about (compared with the notices of ${day(v.since)}).`
          : `Nothing to tell: the debits of all ${v.compared} DD client(s) are as notified.`,
      }),
      ...(v.firstRun
        ? [
            h('p', {
              class: 'secondary',
              text: 'No client has been marked notified yet: once the DD company has every schedule, mark them all.',
            }),
          ]
        : []),
      ...v.clients.map((c) => clientCard(c, (id) => void load({ markNotified: true, clientIds: [id] }))),
    );
    clear(scheduleClient);
    for (const c of v.clients)
      scheduleClient.append(h('option', { value: c.clientId, text: `${c.name} (${c.clientId})` }));
    markAll.disabled = csv.disabled = !v.clients.length;
  }

  async function load(arg: { markNotified?: boolean; clientIds?: string[] } = {}): Promise<void> {
    try {
      const r = await call('getDdChanges', arg);
      if (!r.ok) return say(r.error, 'error');
      render(r.value);
      say(
        r.value.marked.length
          ? `Marked notified as of ${day(r.value.today)}: ${r.value.marked.join(', ')}.`
          : 'The DD Changes tab is updated.',
        'ok',
      );
    } catch (e) {
      say(`Something went wrong: ${(e as Error).message}`, 'error');
    }
  }

  markAll.addEventListener('click', () => void load({ markNotified: true }));
  refresh.addEventListener('click', () => void load());
  csv.addEventListener('click', () => {
    if (current) save(`dd-changes-${current.today}.csv`, current.csv);
  });
  showSchedule.addEventListener('click', async () => {
    const r = await call('getDebitSchedule', { clientId: scheduleClient.value });
    if (!r.ok) return say(r.error, 'error');
    scheduleText.textContent = r.value.text;
  });
  printSchedule.addEventListener('click', async () => {
    const r = await call('printDebitSchedule', { clientId: scheduleClient.value });
    if (!r.ok) return say(r.error, 'error');
    say('The schedule is open in a dialog: use its Print button.', 'ok');
  });

  root.append(
    h('h1', { text: 'DD changes' }),
    h('div', { class: 'buttons' }, markAll, csv, refresh),
    list,
    h(
      'section',
      { 'aria-label': 'Debit schedule' },
      h('h2', { text: 'Debit schedule' }),
      scheduleClient,
      h('div', { class: 'buttons' }, showSchedule, printSchedule),
      scheduleText,
    ),
    status,
  );
  await load();
}
