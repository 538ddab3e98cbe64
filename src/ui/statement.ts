// The Statement sidebar: pick a client (and optionally a period), see every line with its running balance,
// the parts that add up to the balance and the sessions per package; copy it as text, open a printable
// view, or write it to the Statement tab. Everything from the workbook is shown as text, never as markup.
import { showsDue } from '../core/ledger/statementLines';
import { clear, clearErrors, clientSelect, field, h, loadPage, showFieldError } from './lib/dom';
import { formatDisplayDate, formatMoney } from './lib/format';
import type { ServerCall, ServerValue } from './lib/server';

type StatementView = ServerValue<'getStatement'>;

function summary(v: StatementView): HTMLElement {
  const s = v.statement;
  return h(
    'section',
    { 'aria-label': 'Balance', 'data-testid': 'statement-summary' },
    h('h2', { text: `${v.client.name} (${v.client.id})` }),
    h(
      'p',
      { 'data-testid': 'balance' },
      h('strong', { text: `Balance ${formatMoney(s.balance)}` }),
      ` as of ${formatDisplayDate(s.asOf)}`,
    ),
    h(
      'table',
      { class: 'preview', 'data-testid': 'parts' },
      ...s.parts.map((p) =>
        h(
          'tr',
          { 'data-part': p.key },
          h('td', {
            text:
              p.key === 'overdue' && s.creditNetted
                ? `${p.label} (after ${formatMoney(s.creditNetted)} credit)`
                : p.label,
          }),
          h('td', { class: 'num', text: formatMoney(p.amount) }),
        ),
      ),
    ),
    s.writtenOff
      ? h('div', { class: 'secondary', text: `Written off, not owed: ${formatMoney(s.writtenOff)}` })
      : null,
  );
}

/** Three columns so the lines fit the 300 px sidebar: the date sits above what the line is. */
function lines(v: StatementView): HTMLElement {
  const s = v.statement;
  const rows: HTMLElement[] = [];
  const day = (d: string) =>
    h('div', { class: 'secondary', 'data-testid': 'line-date', text: formatDisplayDate(d) });
  const edge = (date: string, label: string, amount: number) =>
    h(
      'tr',
      { 'data-edge': label },
      h('td', {}, day(date), h('strong', { text: label })),
      h('td', {}),
      h('td', { class: 'num', text: formatMoney(amount) }),
    );
  if (s.from && s.opening !== null) rows.push(edge(s.from, 'Opening balance', s.opening));
  for (const l of s.lines)
    rows.push(
      h(
        'tr',
        { 'data-ref': l.ref },
        h(
          'td',
          {},
          day(l.date),
          h('strong', { text: `${l.kind} ${l.ref}` }),
          h('div', {
            'data-testid': 'line-description',
            text: showsDue(l) ? `${l.description} (due ${formatDisplayDate(l.dueDate!)})` : l.description,
          }),
        ),
        h('td', { class: 'num', text: formatMoney(l.amount) }),
        h('td', { class: 'num', text: formatMoney(l.balance) }),
      ),
    );
  if (s.to) rows.push(edge(s.to, 'Closing balance', s.closing));
  return h(
    'section',
    { 'aria-label': 'Lines' },
    rows.length
      ? h(
          'table',
          { class: 'preview', 'data-testid': 'lines' },
          h(
            'tr',
            {},
            h('th', { text: 'Line' }),
            h('th', { class: 'num', text: 'Amount' }),
            h('th', { class: 'num', text: 'Balance' }),
          ),
          ...rows,
        )
      : h('p', { class: 'secondary', text: 'No lines in this period.' }),
  );
}

function sessions(v: StatementView): HTMLElement | null {
  const list = v.statement.packages;
  if (!list.length) return null;
  return h(
    'section',
    { 'aria-label': 'Sessions', 'data-testid': 'sessions' },
    h('h2', { text: 'Sessions' }),
    ...list.map((p) =>
      h('div', {
        text: `${p.packageName}${p.saleId ? ` (${p.saleId})` : ''}: ${p.allocated} allocated, ${p.used} used, ${p.left} left`,
      }),
    ),
  );
}

/** Copies with the clipboard where the browser allows it; otherwise selects the text for Ctrl+C. */
async function copyText(text: string, place: HTMLElement, status: HTMLElement): Promise<void> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    status.className = 'status ok';
    status.textContent = 'Copied the statement as text.';
  } catch {
    clear(place);
    const area = h('textarea', {
      rows: 8,
      readonly: true,
      'aria-label': 'Statement as text',
      'data-testid': 'copy-text',
    });
    area.value = text;
    place.append(area);
    area.focus();
    area.select();
    status.className = 'status';
    status.textContent = 'The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.';
  }
}

export async function mountStatement(root: HTMLElement, call: ServerCall): Promise<void> {
  const page = await loadPage(root, 'Statement', () => call('getStatementForm'));
  if (!page) return;
  const { status } = page;
  const client = clientSelect(page.value.clients);
  const from = h('input', { type: 'date', max: page.value.today });
  const to = h('input', { type: 'date', max: page.value.today });
  const show = h('button', { type: 'button', class: 'action', text: 'Show' });
  const write = h('button', { type: 'button', text: 'Update the Statement tab' });
  const form = h(
    'section',
    { 'aria-label': 'Client and period' },
    field('Client', 'clientId', client),
    field('From', 'from', from, 'Optional: lines from this date, after an opening balance.'),
    field('To', 'to', to, 'Optional: lines up to this date. The balance is always today’s.'),
    h('div', { class: 'buttons' }, show, write),
  );
  const copy = h('button', { type: 'button', text: 'Copy as text' });
  const print = h('button', { type: 'button', text: 'Printable view' });
  const copyPlace = h('div');
  const tools = h('div', { class: 'buttons', hidden: true }, copy, print);
  const shown = h('div', { 'data-testid': 'statement' });
  let current: StatementView | null = null;

  const request = () => ({ clientId: client.value, from: from.value, to: to.value });

  async function load(button: HTMLButtonElement, fn: 'getStatement' | 'writeStatementTab'): Promise<void> {
    button.disabled = true;
    clearErrors(form);
    try {
      const r = await call(fn, request());
      if (!r.ok) return showFieldError(form, r.field, r.error, status);
      current = r.value;
      clear(shown);
      clear(copyPlace);
      shown.append(summary(r.value), lines(r.value));
      const s = sessions(r.value);
      if (s) shown.append(s);
      tools.hidden = false;
      status.className = r.value.written ? 'status ok' : 'status';
      status.textContent = r.value.written ? `The Statement tab now shows ${r.value.client.name}.` : '';
    } catch (e) {
      status.className = 'status error';
      status.textContent = `Something went wrong: ${(e as Error).message}`;
    } finally {
      button.disabled = false;
    }
  }
  show.addEventListener('click', () => void load(show, 'getStatement'));
  write.addEventListener('click', () => void load(write, 'writeStatementTab'));
  copy.addEventListener('click', () => {
    if (current) void copyText(current.text, copyPlace, status);
  });
  print.addEventListener('click', async () => {
    print.disabled = true;
    try {
      const r = await call('printStatement', request());
      if (!r.ok) return showFieldError(form, r.field, r.error, status);
      status.className = 'status ok';
      status.textContent = 'The statement is open in a dialog: use its Print button.';
    } catch (e) {
      status.className = 'status error';
      status.textContent = `Could not open the printable view: ${(e as Error).message}`;
    } finally {
      print.disabled = false;
    }
  });
  root.append(form, tools, copyPlace, shown, status);
}
