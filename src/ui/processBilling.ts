// The Process Billing sidebar: choose the billing date, preview and run, adjust who is debited and how
// much, create the debit file (downloaded in the browser), mark the batch processed or the list paid,
// and process declines.
import { clear, clearErrors, field, h, showFieldError } from './lib/dom';
import { formatDisplayDate, formatMoney } from './lib/format';
import type { ServerCall, ServerValue } from './lib/server';

type View = ServerValue<'setBillingRow'>;
type Row = View['rows'][number];

/** Separates what goes in the debit file from what the DD company collects itself (Reconciliation). */
function totalsText(v: View): string {
  const included = v.rows.filter((r) => r.include && r.amountToDebit > 0);
  const file = included.filter((r) => r.billingMethod !== 'DD Reconciliation');
  const recon = included.filter((r) => r.billingMethod === 'DD Reconciliation');
  const sum = (rs: Row[]) => formatMoney(rs.reduce((s, r) => s + r.amountToDebit, 0));
  return (
    `${v.rows.length} client(s), ${formatMoney(v.totalDue)} due. ` +
    `Debit file: ${file.length} (${sum(file)})` +
    (recon.length ? `; DD Reconciliation, to mark paid: ${recon.length} (${sum(recon)})` : '') +
    '.'
  );
}

/** Offers text as a file download, with no Drive access: the browser saves it. */
function download(fileName: string, content: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = h('a', { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function mountProcessBilling(
  root: HTMLElement,
  call: ServerCall,
  save = download,
): Promise<void> {
  clear(root);
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite', text: 'Loading…' });
  root.append(h('h1', { text: 'Process Billing' }), status);
  const loaded = await call('getBillingForm');
  if (!loaded.ok) {
    status.className = 'status error';
    status.textContent = loaded.error;
    return;
  }
  let form = loaded.value;
  status.textContent = '';

  const say = (text: string, kind: 'ok' | 'error' | 'warn' | '' = '') => {
    status.className = `status ${kind}`;
    status.textContent = text;
  };
  async function busy<T>(button: HTMLButtonElement, work: () => Promise<T>): Promise<T | undefined> {
    button.disabled = true;
    try {
      return await work();
    } catch (e) {
      say(`Something went wrong: ${(e as Error).message}`, 'error');
      return undefined;
    } finally {
      button.disabled = false;
    }
  }

  // 1. The run.
  const dateInput = h('input', { type: 'date', value: form.today });
  const nextBtn = h('button', {
    type: 'button',
    text: `Next billing day: ${formatDisplayDate(form.nextBillingDay)}`,
  });
  nextBtn.addEventListener('click', () => {
    dateInput.value = form.nextBillingDay;
  });
  const previewBtn = h('button', { type: 'button', text: 'Preview' });
  const runBtn = h('button', { type: 'button', class: 'action', text: 'Run' });
  const runSection = h(
    'section',
    { 'aria-label': 'Billing run' },
    field('Billing date', 'billingDate', dateInput),
    h('div', { class: 'block' }, nextBtn),
    h('div', { class: 'buttons' }, previewBtn, runBtn),
  );

  const listSection = h('section', { 'aria-label': 'Billing list', 'data-testid': 'billing-list' });
  const sendSection = h('section', { 'aria-label': 'Send' });
  const declineSection = h('section', { 'aria-label': 'Declines' });

  function renderList(v: View, editable: boolean, heading: string): void {
    clear(listSection);
    listSection.append(h('h2', { text: heading }));
    if (!v.rows.length && !v.reminders.length) {
      listSection.append(h('p', { class: 'secondary', text: 'No invoice is due by this date.' }));
      return;
    }
    const body = h('tbody');
    for (const r of v.rows) {
      const tick = h('input', {
        type: 'checkbox',
        'aria-label': `Include ${r.name}`,
        'data-client-id': r.clientId,
      });
      tick.checked = r.include;
      tick.disabled = !editable;
      const amount = h('input', {
        type: 'text',
        inputmode: 'decimal',
        value: (r.amountToDebit / 100).toFixed(2),
        'aria-label': `Amount to debit from ${r.name}`,
        'data-amount-for': r.clientId,
        size: 7,
      });
      amount.disabled = !editable;
      tick.addEventListener('change', () => void edit({ clientId: r.clientId, include: tick.checked }, tick));
      amount.addEventListener(
        'change',
        () => void edit({ clientId: r.clientId, amountToDebit: amount.value }, amount),
      );
      body.append(
        h(
          'tr',
          { title: `${r.billingMethod}: ${r.invoiceIds.join(' ')}` },
          h('td', {}, tick),
          h('td', { text: r.name }),
          h('td', { class: 'num', text: formatMoney(r.amountDue) }),
          h('td', { class: 'num' }, amount),
        ),
      );
    }
    listSection.append(
      h('p', {
        class: 'secondary',
        text: `${v.batchId} · ${v.billingDate ? formatDisplayDate(v.billingDate) : ''} · ${v.status ?? ''}`,
      }),
      h(
        'table',
        { class: 'preview' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { text: '' }),
            h('th', { text: 'Client' }),
            h('th', { class: 'num', text: 'Due' }),
            h('th', { class: 'num', text: 'Debit' }),
          ),
        ),
        body,
      ),
      h('p', {
        'data-testid': 'billing-totals',
        text: totalsText(v),
      }),
    );
    if (v.reminders.length) {
      listSection.append(h('h2', { text: 'Manual billing: reminders' }));
      const ul = h('ul');
      for (const r of v.reminders) ul.append(h('li', { text: `${r.name}: ${formatMoney(r.amountDue)} due` }));
      listSection.append(ul);
    }
    // Held invoices and clients not debited: shown as text, for a person to act on.
    if (v.held.length) {
      listSection.append(h('h2', { text: 'Held: not debited until released' }));
      const ul = h('ul', { 'data-testid': 'billing-held' });
      for (const x of v.held)
        ul.append(h('li', { text: `${x.name}: ${x.invoiceId} ${formatMoney(x.amount)} (${x.reason})` }));
      listSection.append(ul);
    }
    if (v.skipped.length) {
      listSection.append(h('h2', { text: 'Not debited: client status' }));
      const ul = h('ul', { 'data-testid': 'billing-skipped' });
      for (const x of v.skipped)
        ul.append(h('li', { text: `${x.name}: ${formatMoney(x.amount)} (${x.reason})` }));
      listSection.append(ul);
    }
  }

  /** Things to check that did not stop the run (a date off the cycle, a draft's edits dropped). */
  function warningsText(warnings: readonly string[] | undefined): string {
    return warnings && warnings.length ? ` ${warnings.map((w) => `Check: ${w}`).join(' ')}` : '';
  }

  // The file must never be made while an edit is on its way or after one was refused.
  let lastEdit: Promise<boolean> = Promise.resolve(true);
  function edit(
    change: { clientId: string; include?: boolean; amountToDebit?: string },
    control: HTMLInputElement,
  ) {
    lastEdit = lastEdit.then(() => saveEdit(change, control));
    return lastEdit;
  }
  async function saveEdit(
    change: { clientId: string; include?: boolean; amountToDebit?: string },
    control: HTMLInputElement,
  ): Promise<boolean> {
    control.disabled = true;
    try {
      const r = await call('setBillingRow', change);
      if (!r.ok) {
        say(r.error, 'error');
        return false;
      }
      form.current = r.value;
      say(
        `Saved: ${r.value.rows.filter((x) => x.include).length} client(s) to debit, ${formatMoney(r.value.totalToDebit)}.`,
        'ok',
      );
      renderList(r.value, true, 'Billing list');
      return true;
    } finally {
      control.disabled = false;
    }
  }

  previewBtn.addEventListener('click', () =>
    busy(previewBtn, async () => {
      clearErrors(runSection);
      const r = await call('previewBillingRun', { billingDate: dateInput.value });
      if (!r.ok) return showFieldError(runSection, r.field, r.error, status);
      renderList(r.value, false, `Preview for ${formatDisplayDate(dateInput.value)}`);
      say(
        `Preview only: nothing written. ${r.value.invoicesCreated ?? 0} recurring invoice(s) would be created.${warningsText(r.value.warnings)}`,
        r.value.warnings.length ? 'warn' : '',
      );
    }),
  );
  runBtn.addEventListener('click', () =>
    busy(runBtn, async () => {
      clearErrors(runSection);
      const r = await call('runBilling', { billingDate: dateInput.value });
      if (!r.ok) return showFieldError(runSection, r.field, r.error, status);
      form.current = r.value;
      renderList(r.value, true, 'Billing list');
      renderSend();
      say(
        `${r.value.batchId}: ${r.value.rows.length} client(s) to debit, ${formatMoney(r.value.totalDue)} due. The Process Billing tab is updated.${warningsText(r.value.warnings)}`,
        r.value.warnings.length ? 'warn' : 'ok',
      );
    }),
  );

  function renderSend(): void {
    clear(sendSection);
    const v = form.current;
    if (!v.batchId) return;
    const aba = h('button', { type: 'button', class: 'action', text: 'Create ABA file' });
    const csv = h('button', { type: 'button', text: 'Create CSV' });
    const processed = h('button', { type: 'button', text: 'Mark batch processed' });
    const listPaid = h('button', { type: 'button', text: 'Mark list paid' });
    const make = (format: 'aba' | 'csv', b: HTMLButtonElement) =>
      busy(b, async () => {
        if (!(await lastEdit)) {
          lastEdit = Promise.resolve(true);
          return say(
            'Fix or undo the refused change first: the list on the tab still has the old amount.',
            'error',
          );
        }
        const r = await call('createDebitFile', { format });
        if (!r.ok) return say(r.error, 'error');
        save(r.value.fileName, r.value.content, format === 'csv' ? 'text/csv' : 'text/plain');
        // Clients left out of the file (their invoices stay unsent) and things to check before uploading.
        const left = r.value.skipped
          .map((x) => ` Not in the file: ${x.name} (${x.clientId}), ${formatMoney(x.amount)}: ${x.reason}.`)
          .join('');
        const check = warningsText(r.value.warnings);
        say(
          `${r.value.fileName}: ${r.value.debits} debit(s), ${formatMoney(r.value.total)}.${r.value.again ? ' (Sent before: same file again.)' : ' Invoices are now Sent.'}${left}${check}`,
          left || check ? 'warn' : 'ok',
        );
        await refresh();
      });
    aba.addEventListener('click', () => void make('aba', aba));
    csv.addEventListener('click', () => void make('csv', csv));
    processed.addEventListener('click', () =>
      busy(processed, async () => {
        const r = await call('markBatchProcessed', { batchId: v.batchId });
        if (!r.ok) return say(r.error, 'error');
        say(
          `${r.value.batchId} processed: ${r.value.payments.length} payment(s), ${formatMoney(r.value.total)}.`,
          'ok',
        );
        await refresh();
      }),
    );
    listPaid.addEventListener('click', () =>
      busy(listPaid, async () => {
        const r = await call('markListPaid');
        if (!r.ok) return say(r.error, 'error');
        say(
          `${r.value.batchId}: list marked paid, ${r.value.payments.length} payment(s), ${formatMoney(r.value.total)}.`,
          'ok',
        );
        await refresh();
      }),
    );
    sendSection.append(
      h('h2', { text: `Send ${v.batchId} (${v.status ?? ''})` }),
      h('p', {
        class: 'secondary',
        text: 'DD Full and Partial Integration: create the file and upload it to the bank or DD company, then mark the batch processed. DD Reconciliation: mark the list paid after the debits.',
      }),
      h('div', { class: 'buttons' }, aba, csv),
      h('div', { class: 'buttons' }, processed, listPaid),
    );
  }

  function renderDeclines(): void {
    clear(declineSection);
    if (!form.batches.length) return;
    const batch = h('select');
    for (const b of form.batches)
      batch.append(
        h('option', {
          value: b.batchId,
          text: `${b.batchId} ${b.billingDate ? formatDisplayDate(b.billingDate) : ''} (${b.status})`,
        }),
      );
    const who = h('div', {
      role: 'group',
      'aria-label': 'Declined clients',
      'data-testid': 'decline-clients',
    });
    const reason = h('select');
    for (const r of form.declineReasons) reason.append(h('option', { value: r, text: r }));
    const date = h('input', { type: 'date', value: form.today });
    const go = h('button', { type: 'button', text: 'Process declines' });
    const fillClients = () => {
      clear(who);
      const b = form.batches.find((x) => x.batchId === batch.value);
      for (const c of b?.clients ?? []) {
        const box = h('input', { type: 'checkbox', value: c.clientId, id: `decline-${c.clientId}` });
        who.append(
          h(
            'div',
            {},
            box,
            h('label', {
              for: box.id,
              style: 'display:inline;font-weight:normal',
              text: ` ${c.name} (${c.clientId})`,
            }),
          ),
        );
      }
    };
    batch.addEventListener('change', fillClients);
    go.addEventListener('click', () =>
      busy(go, async () => {
        const picked = [...who.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => ({
          clientId: b.value,
          reason: reason.value,
        }));
        const r = await call('processDeclines', {
          batchId: batch.value,
          date: date.value,
          declines: picked,
        });
        if (!r.ok) return showFieldError(declineSection, r.field, r.error, status);
        say(
          `Declined: ${r.value.clients.map((c) => `${c.name} ${formatMoney(c.amount)}`).join(', ')}. ${r.value.fees.length} dishonour fee(s) added.`,
          'ok',
        );
        await refresh();
      }),
    );
    declineSection.append(
      h('h2', { text: 'Declines' }),
      field('Batch', 'batchId', batch),
      who,
      field('Reason', 'reason', reason),
      field('Decline date', 'date', date),
      h('div', { class: 'field-error', 'data-error-for': 'declines' }),
      h('div', { class: 'buttons' }, go),
    );
    fillClients();
  }

  async function refresh(): Promise<void> {
    const r = await call('getBillingForm');
    if (!r.ok) return;
    form = r.value;
    renderList(form.current, form.current.status === 'Draft', 'Billing list');
    renderSend();
    renderDeclines();
  }

  root.append(runSection, listSection, sendSection, declineSection, status);
  if (form.current.batchId) renderList(form.current, form.current.status === 'Draft', 'Billing list');
  renderSend();
  renderDeclines();
}
