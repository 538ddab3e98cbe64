// The Cancel or pause package sidebar: pick a sold package, then either cancel it from a date (with an
// optional cancellation fee) or pause it for a holiday; preview every invoice it cancels or moves, then save.
import { clear, clearErrors, field, h, showFieldError } from './lib/dom';
import { formatDisplayDate, formatMoney } from './lib/format';
import type { Result, ServerCall } from './lib/server';

interface SaleOption {
  saleId: string;
  clientId: string;
  clientName: string;
  packageName: string;
  kind: string;
  status: string;
  saleDate: string;
  startDate: string;
  frequency: string | null;
  holds: string;
  openInvoices: number;
  openAmount: number;
}
interface Form {
  today: string;
  sales: SaleOption[];
}
interface InvoiceLine {
  id: string;
  instalment: number | null;
  dueDate: string;
  amount: number;
  status: string;
}
export interface CancelView {
  saleId: string;
  packageName: string;
  from: string;
  cancelled: InvoiceLine[];
  kept: (InvoiceLine & { outcome: string })[];
  withdrawn: { id: string; date: string; sessions: number }[];
  fee: { id: string; description: string; dueDate: string; amount: number } | null;
}
export interface PauseView {
  saleId: string;
  packageName: string;
  from: string;
  to: string;
  holds: string;
  status: string;
  moves: { id: string; instalment: number | null; from: string; to: string; amount: number }[];
  allocationMoves: { id: string; from: string; to: string; sessions: number }[];
  nextCycle?: { cycle: number; dueDate: string } | null;
}

export function describeSale(s: SaleOption): string {
  return `${s.clientName}: ${s.packageName} (${s.kind}, ${s.saleId}${s.status === 'Paused' ? ', paused' : ''})`;
}

export function cancelLines(v: CancelView): string[] {
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

export function pauseLines(v: PauseView): string[] {
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
  function request(): Record<string, string> {
    return cancelChoice.checked
      ? { saleId: sale.value, from: cancelFrom.value, fee: fee.value }
      : { saleId: sale.value, from: pauseFrom.value, to: pauseTo.value };
  }
  function showChanges(title: string, lines: string[]): void {
    clear(changes);
    const ul = h('ul');
    for (const l of lines) ul.append(h('li', { text: l }));
    changes.append(h('h2', { text: title }), ul);
  }
  async function run(button: HTMLButtonElement, write: boolean): Promise<void> {
    button.disabled = true;
    clearErrors(body);
    const cancel = cancelChoice.checked;
    const fn = cancel
      ? write
        ? 'cancelSale'
        : 'previewCancelSale'
      : write
        ? 'pauseSale'
        : 'previewPauseSale';
    try {
      const r = await call<Result<CancelView | PauseView>>(fn, request());
      if (!r.ok) {
        // The pause's own "from" field is named pauseFrom on the page.
        const fieldName = !cancel && r.field === 'from' ? 'pauseFrom' : r.field;
        return showFieldError(body, fieldName, r.error, status);
      }
      const lines = cancel ? cancelLines(r.value as CancelView) : pauseLines(r.value as PauseView);
      const v = r.value;
      showChanges(write ? 'Saved' : 'Preview: nothing written yet', lines);
      status.className = write ? 'status ok' : 'status';
      status.textContent = write
        ? cancel
          ? `${v.saleId} ${v.packageName} is cancelled from ${formatDisplayDate((v as CancelView).from)}.`
          : `${v.saleId} ${v.packageName} is paused ${formatDisplayDate((v as PauseView).from)} to ${formatDisplayDate((v as PauseView).to)}.`
        : '';
      if (write) {
        const again = await call<Result<Form>>('getLifecycleForm');
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

  const loaded = await call<Result<Form>>('getLifecycleForm');
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
