// The Sell package sidebar: pick a client (or add one), pick a package, check the dates, see every invoice
// and allocation that Save will write, then save.
import { clear, clearErrors, field, h, showFieldError } from './lib/dom';
import { formatDisplayDate, formatMoney } from './lib/format';
import type { ServerCall, ServerValue } from './lib/server';
import { nextBillingDay } from '../core/billingCycle';

type SellForm = ServerValue<'getSellForm'>;
type PackageOption = SellForm['packages'][number];
type SalePreview = ServerValue<'sellPackage'>;

const START_LABEL: Record<string, string> = {
  'Paid in full': 'Start date',
  Instalments: 'Package start date',
  Recurring: 'Billing start date',
};

function describePackage(p: PackageOption): string {
  const price = formatMoney(p.price);
  if (p.kind === 'Recurring')
    return `${p.name}: ${p.sessions} sessions for ${price} ${(p.frequency ?? '').toLowerCase()}${p.instalments ? `, ${p.instalments} cycles` : ', ongoing'}`;
  if (p.kind === 'Instalments')
    return `${p.name}: ${p.sessions} sessions, ${price} in ${p.instalments} ${(p.frequency ?? '').toLowerCase()} instalments`;
  return `${p.name}: ${p.sessions} sessions, ${price} paid in full`;
}

export async function mountSellPackage(root: HTMLElement, call: ServerCall): Promise<void> {
  clear(root);
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  root.append(h('h1', { text: 'Sell package' }), status);
  status.textContent = 'Loading clients and packages…';

  const form = await call('getSellForm');
  if (!form.ok) {
    status.className = 'status error';
    status.textContent = form.error;
    return;
  }
  status.textContent = '';
  const data = form.value;
  let clientId = '';

  // Client search: a text box filtering a listbox, usable from the keyboard.
  const search = h('input', { type: 'search', placeholder: 'Type a name or client ID', autocomplete: 'off' });
  const list = h('div', { class: 'client-list', role: 'listbox', 'aria-label': 'Clients', tabindex: 0 });
  const chosen = h('div', { class: 'secondary', 'data-testid': 'chosen-client' });
  function renderClients(): void {
    clear(list);
    const q = search.value.trim().toLowerCase();
    const matches = data.clients.filter(
      (c) => !q || c.name.toLowerCase().includes(q) || c.id.toLowerCase().includes(q),
    );
    for (const c of matches.slice(0, 50)) {
      const opt = h('div', {
        role: 'option',
        'data-client-id': c.id,
        'aria-selected': c.id === clientId ? 'true' : 'false',
        tabindex: -1,
      });
      opt.textContent = `${c.name} (${c.id}, ${c.billingMethod})`;
      opt.addEventListener('click', () => pickClient(c.id));
      opt.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          pickClient(c.id);
        }
      });
      list.append(opt);
    }
    if (!matches.length)
      list.append(h('div', { class: 'secondary', text: 'No client matches. Add one below.' }));
  }
  function pickClient(id: string): void {
    clientId = id;
    const c = data.clients.find((x) => x.id === id);
    chosen.textContent = c ? `Selected: ${c.name} (${c.id})` : '';
    renderClients();
    schedulePreview();
  }
  search.addEventListener('input', renderClients);
  search.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') (list.querySelector('[role="option"]') as HTMLElement | null)?.focus();
    if (e.key === 'Enter') {
      e.preventDefault();
      const first = list.querySelector<HTMLElement>('[role="option"]');
      if (first?.dataset.clientId) pickClient(first.dataset.clientId);
    }
  });
  list.addEventListener('keydown', (e) => {
    const items = [...list.querySelectorAll<HTMLElement>('[role="option"]')];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown') items[Math.min(items.length - 1, i + 1)]?.focus();
    if (e.key === 'ArrowUp') (i <= 0 ? search : items[i - 1])?.focus();
  });

  // New client, inline, so the sale is not lost.
  const newName = h('input', { type: 'text' });
  const newEmail = h('input', { type: 'text' });
  const newMethod = h('select');
  for (const m of ['Manual', 'DD Full Integration', 'DD Partial Integration', 'DD Reconciliation'])
    newMethod.append(h('option', { value: m, text: m }));
  const newBsb = h('input', { type: 'text', inputmode: 'numeric' });
  const newAccount = h('input', { type: 'text', inputmode: 'numeric' });
  const addBtn = h('button', { type: 'button', class: 'create', text: 'Add client' });
  const newClient = h(
    'details',
    {},
    h('summary', { text: 'New client' }),
    field('Name', 'name', newName),
    field('Email', 'email', newEmail),
    field('Billing method', 'billingMethod', newMethod),
    field('BSB', 'bsb', newBsb),
    field('Account number', 'accountNumber', newAccount),
    addBtn,
  );
  addBtn.addEventListener('click', async () => {
    addBtn.disabled = true;
    clearErrors(newClient);
    try {
      const r = await call('addClient', {
        name: newName.value,
        email: newEmail.value,
        billingMethod: newMethod.value,
        bsb: newBsb.value,
        accountNumber: newAccount.value,
      });
      if (!r.ok) return showFieldError(newClient, r.field, r.error, status);
      data.clients.push(r.value);
      status.className = 'status ok';
      status.textContent = `Added ${r.value.name} as ${r.value.id}.`;
      newName.value = newEmail.value = newBsb.value = newAccount.value = '';
      (newClient as HTMLDetailsElement).open = false;
      search.value = '';
      pickClient(r.value.id);
    } catch (e) {
      status.className = 'status error';
      status.textContent = `Could not add the client: ${(e as Error).message}`;
    } finally {
      addBtn.disabled = false;
    }
  });

  const pkgSelect = h('select');
  pkgSelect.append(h('option', { value: '', text: 'Choose a package…' }));
  for (const p of data.packages)
    pkgSelect.append(h('option', { value: p.code, text: `${p.code} — ${p.name}` }));
  const pkgInfo = h('div', { class: 'secondary', 'data-testid': 'package-info' });

  const saleDate = h('input', { type: 'date', value: data.today });
  const startDate = h('input', { type: 'date', value: data.billingDay });
  const dueDate = h('input', { type: 'date', value: data.today });
  let startTouched = false;
  let dueTouched = false;
  const startField = field('Start date', 'startDate', startDate);
  const dueField = field('Due date', 'dueDate', dueDate);

  const preview = h('section', { 'aria-label': 'Preview', 'data-testid': 'preview' });
  const save = h('button', { type: 'button', class: 'action', text: 'Save', disabled: true });

  function selectedPackage(): PackageOption | undefined {
    return data.packages.find((p) => p.code === pkgSelect.value);
  }
  function onPackage(): void {
    const p = selectedPackage();
    pkgInfo.textContent = p ? describePackage(p) : '';
    const kind = p?.kind ?? 'Paid in full';
    startField.querySelector('label')!.textContent = START_LABEL[kind] ?? 'Start date';
    dueField.hidden = kind !== 'Paid in full';
    // Defaults follow the seed: paid in full starts and is due on the sale date; the others start on the
    // next billing day.
    startTouched = dueTouched = false;
    startDate.value =
      kind === 'Paid in full'
        ? saleDate.value
        : data.cycle
          ? nextBillingDay(data.cycle, saleDate.value)
          : data.billingDay;
    dueDate.value = saleDate.value;
    schedulePreview();
  }
  pkgSelect.addEventListener('change', onPackage);
  // Defaults follow the sale date until the owner sets a start or due date themselves.
  startDate.addEventListener('change', () => {
    startTouched = true;
    schedulePreview();
  });
  dueDate.addEventListener('change', () => {
    dueTouched = true;
    schedulePreview();
  });
  saleDate.addEventListener('change', () => {
    const kind = selectedPackage()?.kind ?? 'Paid in full';
    if (/^\d{4}-\d{2}-\d{2}$/.test(saleDate.value)) {
      if (!startTouched)
        startDate.value =
          kind === 'Paid in full' || !data.cycle
            ? saleDate.value
            : nextBillingDay(data.cycle, saleDate.value);
      if (!dueTouched) dueDate.value = saleDate.value;
    }
    schedulePreview();
  });

  function request() {
    const p = selectedPackage();
    return {
      clientId,
      packageCode: pkgSelect.value,
      saleDate: saleDate.value,
      startDate: startDate.value,
      dueDate: p?.kind === 'Paid in full' ? dueDate.value : undefined,
    };
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  function schedulePreview(): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void runPreview(), 150);
  }
  async function runPreview(): Promise<void> {
    clear(preview);
    save.disabled = true;
    if (!clientId || !pkgSelect.value) return;
    const mine = ++seq;
    const r = await call('previewSale', request());
    if (mine !== seq) return;
    clearErrors(root);
    if (!r.ok) return showFieldError(root, r.field, r.error, status);
    status.className = 'status';
    status.textContent = '';
    renderPreview(r.value, false);
    if (startDate.value && saleDate.value && startDate.value < saleDate.value)
      preview.append(
        h('p', {
          class: 'warn',
          'data-testid': 'start-warning',
          text: 'The start date is before the sale date: is that right?',
        }),
      );
    save.disabled = false;
  }

  function renderPreview(p: SalePreview, saved: boolean): void {
    clear(preview);
    preview.append(
      h('h2', {
        text: saved
          ? `Saved ${p.saleId}`
          : `Preview (${p.invoices.length} invoice${p.invoices.length === 1 ? '' : 's'}, ${formatMoney(p.total)})`,
      }),
      h(
        'table',
        { class: 'preview', 'data-testid': 'invoice-preview' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { text: 'Invoice' }),
            h('th', { text: 'Due' }),
            h('th', { class: 'num', text: 'Amount' }),
          ),
        ),
        h(
          'tbody',
          {},
          ...p.invoices.map((i) =>
            h(
              'tr',
              { title: i.description },
              h('td', { text: saved ? i.id : i.description }),
              h('td', { text: formatDisplayDate(i.dueDate) }),
              h('td', { class: 'num', text: formatMoney(i.amount) }),
            ),
          ),
        ),
      ),
      h(
        'table',
        { class: 'preview', 'data-testid': 'allocation-preview' },
        h(
          'thead',
          {},
          h('tr', {}, h('th', { text: 'Sessions allocated' }), h('th', { class: 'num', text: 'Sessions' })),
        ),
        h(
          'tbody',
          {},
          ...p.allocations.map((a) =>
            h(
              'tr',
              {},
              h('td', { text: formatDisplayDate(a.date) }),
              h('td', { class: 'num', text: a.sessions }),
            ),
          ),
        ),
      ),
    );
    if (p.kind === 'Recurring' && !saved)
      preview.append(
        h('p', {
          class: 'secondary',
          text: 'Later cycles are invoiced and allocated when their date arrives.',
        }),
      );
  }

  save.addEventListener('click', async () => {
    save.disabled = true;
    status.className = 'status';
    status.textContent = 'Saving…';
    try {
      const r = await call('sellPackage', request());
      if (!r.ok) {
        save.disabled = false;
        return showFieldError(root, r.field, r.error, status);
      }
      renderPreview(r.value, true);
      status.className = 'status ok';
      status.textContent = `Saved ${r.value.saleId}: ${r.value.invoices.map((i) => i.id).join(', ')}.`;
    } catch (e) {
      save.disabled = false;
      status.className = 'status error';
      status.textContent = `Could not save: ${(e as Error).message}`;
    }
  });

  const clientField = field('Client', 'clientId', search);
  clientField.append(list, chosen);
  root.append(
    clientField,
    newClient,
    field('Package', 'packageCode', pkgSelect),
    pkgInfo,
    field('Sale date', 'saleDate', saleDate),
    startField,
    dueField,
    preview,
    h('div', { class: 'buttons' }, save),
    status,
  );
  renderClients();
  onPackage();
}
