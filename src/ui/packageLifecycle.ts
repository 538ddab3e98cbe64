// The Cancel or pause package sidebar: pick a sold package, then either cancel it from a date (with an
// optional cancellation fee) or pause it for a holiday; preview every invoice it cancels or moves, then save.
import { clear, clearErrors, field, h, showFieldError } from './lib/dom';
import { formatDisplayDate, formatMoney } from './lib/format';
import type { Result, ServerCall, ServerValue } from './lib/server';

type Form = ServerValue<'getLifecycleForm'>;
type SaleOption = Form['sales'][number];
type CancelView = ServerValue<'cancelSale'>;
type PauseView = ServerValue<'pauseSale'>;

function describeSale(s: SaleOption): string {
  return `${s.clientName}: ${s.packageName} (${s.kind}, ${s.saleId}${s.status === 'Paused' ? ', paused' : ''})`;
}

function cancelLines(v: CancelView): string[] {
  const lines = v.cancelled.map(
    (i) => `${i.id} due ${formatDisplayDate(i.dueDate)}, ${formatMoney(i.amount)}: cancelled`,
  );
  for (const k of v.kept)
    lines.push(`${k.id} due ${formatDisplayDate(k.dueDate)}, ${formatMoney(k.amount)}: kept (${k.outcome})`);
  for (const w of v.withdrawn)
    lines.push(
      `${w.sessions} session${w.sessions === 1 ? '' : 's'} of ${formatDisplayDate(w.date)} withdrawn`,
    );
  if (v.fee)
    lines.push(`Cancellation fee ${formatMoney(v.fee.amount)} due ${formatDisplayDate(v.fee.dueDate)}`);
  if (!lines.length) lines.push('No invoice falls due from that date: only the package ends.');
  return lines;
}

function pauseLines(v: PauseView): string[] {
  const lines = v.moves.map(
    (m) =>
      `${m.instalment !== null ? `#${m.instalment} ` : ''}${formatMoney(m.amount)}: ${formatDisplayDate(m.from)} → ${formatDisplayDate(m.to)}`,
  );
  for (const a of v.allocationMoves)
    lines.push(`${a.sessions} sessions: ${formatDisplayDate(a.from)} → ${formatDisplayDate(a.to)}`);
  if (!lines.length) lines.push('No invoice made so far falls due in the hold: nothing moves.');
  if (v.nextCycle)
    lines.push(`Next cycle (${v.nextCycle.cycle}) falls due ${formatDisplayDate(v.nextCycle.dueDate)}.`);
  return lines;
}

export async function mountPackageLifecycle(root: HTMLElement, call: ServerCall): Promise<void> {
  clear(root);
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite', text: 'Loading…' });
  root.append(h('h1', { text: 'Cancel or pause package' }), status);
  let form: Form;
  const sale = h('select');
  const cancelChoice = h('input', { type: 'radio', name: 'what', value: 'cancel', id: 'what-cancel' });
  const pauseChoice = h('input', { type: 'radio', name: 'what', value: 'pause', id: 'what-pause' });
  cancelChoice.checked = true;
  const cancelFrom = h('input', { type: 'date' });
  const fee = h('input', { type: 'text', inputmode: 'decimal', placeholder: 'Optional, e.g. 50.00' });
  const pauseFrom = h('input', { type: 'date' });
  const pauseTo = h('input', { type: 'date' });
  const saleInfo = h('p', { class: 'secondary', 'data-testid': 'sale-info' });
  const cancelFields = h(
    'fieldset',
    { 'data-testid': 'cancel-fields' },
    h('legend', { text: 'Cancel' }),
    field(
      'Cancel from',
      'from',
      cancelFrom,
      'Invoices due from this date are cancelled; earlier ones stay due.',
    ),
    field('Cancellation fee', 'fee', fee),
  );
  const pauseFields = h(
    'fieldset',
    { 'data-testid': 'pause-fields' },
    h('legend', { text: 'Pause (holiday hold)' }),
    field('From', 'pauseFrom', pauseFrom),
    field('Until (included)', 'to', pauseTo, 'Debits in the hold move to the billing days after it.'),
  );
  const preview = h('button', { type: 'button', text: 'Preview' });
  const save = h('button', { type: 'button', class: 'action', text: 'Save' });
  const changes = h('section', { 'aria-label': 'Changes', 'data-testid': 'changes' });
  const body = h(
    'div',
    {},
    field('Package sold', 'saleId', sale),
    saleInfo,
    h(
      'div',
      { role: 'radiogroup', 'aria-label': 'Cancel or pause', class: 'block' },
      cancelChoice,
      h('label', { for: 'what-cancel', style: 'display:inline;font-weight:normal', text: ' Cancel ' }),
      pauseChoice,
      h('label', { for: 'what-pause', style: 'display:inline;font-weight:normal', text: ' Pause' }),
    ),
    cancelFields,
    pauseFields,
    h('div', { class: 'buttons' }, preview, save),
    changes,
  );

  const selected = () => form.sales.find((s) => s.saleId === sale.value);
  function sync(keepChanges = false): void {
    const s = selected();
    const canPause = !!s && s.kind !== 'Paid in full';
    pauseChoice.disabled = !canPause;
    if (!canPause) cancelChoice.checked = true;
    cancelFields.hidden = !cancelChoice.checked;
    pauseFields.hidden = cancelChoice.checked;
    saleInfo.textContent = s
      ? `Sold ${formatDisplayDate(s.saleDate)}; ${s.openInvoices} invoice${s.openInvoices === 1 ? '' : 's'} not paid (${formatMoney(s.openAmount)})${s.holds ? `; holds: ${s.holds}` : ''}.`
      : '';
    if (!keepChanges) clear(changes);
  }
  function fill(keepChanges = false): void {
    const keep = sale.value;
    clear(sale);
    sale.append(h('option', { value: '', text: 'Choose a package…' }));
    for (const s of form.sales) sale.append(h('option', { value: s.saleId, text: describeSale(s) }));
    if (form.sales.some((s) => s.saleId === keep)) sale.value = keep;
    sync(keepChanges);
  }
  function showChanges(title: string, lines: string[]): void {
    clear(changes);
    const ul = h('ul');
    for (const l of lines) ul.append(h('li', { text: l }));
    changes.append(h('h2', { text: title }), ul);
  }
  // What the page shows for an answer: its lines, and the status line once saved.
  async function ask(cancel: boolean, write: boolean): Promise<Result<{ lines: string[]; saved: string }>> {
    if (cancel) {
      const r = await call(write ? 'cancelSale' : 'previewCancelSale', {
        saleId: sale.value,
        from: cancelFrom.value,
        fee: fee.value,
      });
      if (!r.ok) return r;
      const v = r.value;
      return {
        ok: true,
        value: {
          lines: cancelLines(v),
          saved: `${v.saleId} ${v.packageName} is cancelled from ${formatDisplayDate(v.from)}.`,
        },
      };
    }
    const r = await call(write ? 'pauseSale' : 'previewPauseSale', {
      saleId: sale.value,
      from: pauseFrom.value,
      to: pauseTo.value,
    });
    // The pause's own "from" field is named pauseFrom on the page.
    if (!r.ok) return { ...r, field: r.field === 'from' ? 'pauseFrom' : r.field };
    const v = r.value;
    return {
      ok: true,
      value: {
        lines: pauseLines(v),
        saved: `${v.saleId} ${v.packageName} is paused ${formatDisplayDate(v.from)} to ${formatDisplayDate(v.to)}.`,
      },
    };
  }
  async function run(button: HTMLButtonElement, write: boolean): Promise<void> {
    button.disabled = true;
    clearErrors(body);
    try {
      const r = await ask(cancelChoice.checked, write);
      if (!r.ok) return showFieldError(body, r.field, r.error, status);
      showChanges(write ? 'Saved' : 'Preview: nothing written yet', r.value.lines);
      status.className = write ? 'status ok' : 'status';
      status.textContent = write ? r.value.saved : '';
      if (write) {
        const again = await call('getLifecycleForm');
        if (again.ok) {
          form = again.value;
          fill(true);
        }
      }
    } catch (e) {
      status.className = 'status error';
      status.textContent = `Something went wrong: ${(e as Error).message}`;
    } finally {
      button.disabled = false;
    }
  }

  const loaded = await call('getLifecycleForm');
  if (!loaded.ok) {
    status.className = 'status error';
    status.textContent = loaded.error;
    return;
  }
  form = loaded.value;
  status.textContent = '';
  cancelFrom.value = form.today;
  pauseFrom.value = form.today;
  sale.addEventListener('change', () => sync());
  cancelChoice.addEventListener('change', () => sync());
  pauseChoice.addEventListener('change', () => sync());
  preview.addEventListener('click', () => void run(preview, false));
  save.addEventListener('click', () => void run(save, true));
  fill();
  root.append(body, status);
}
