// The column map of the Reconcile sidebar, for a report layout we do not know: each drop-down starts on
// the server's guess (or the saved mapping, to change it), the status values come prefilled, and what
// the report holds in the chosen status column is shown beside them. The server checks the answer.
import { clearErrors, field, h, showFieldError } from './lib/dom';
import type { ServerValue } from './lib/server';

export type MappingFormData = NonNullable<ServerValue<'previewReconcile'>['mapping']>;
type Draft = MappingFormData['mapping'];
/** The mapping as saveReportMapping takes it. */
export interface ChosenMapping {
  reference: string[];
  date: string;
  amount: string;
  status?: string;
  name?: string;
  reason?: string;
  paymentId?: string;
  paidValues: string[];
  declinedValues: string[];
  pendingValues: string[];
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export function mappingSection(
  form: MappingFormData,
  status: HTMLElement,
  onSave: (m: ChosenMapping) => Promise<{ error: string } | null>,
  onCancel: (() => void) | null,
): HTMLElement {
  const { headers } = form;
  const pick = (label: string, name: string, chosen: string, optional: boolean) => {
    const s = h('select');
    if (optional || !chosen)
      s.append(h('option', { value: '', text: optional ? '(none)' : 'Choose a column…' }));
    for (const c of headers) s.append(h('option', { value: c, text: c }));
    s.value = chosen;
    return { s, f: field(label, `map-${name}`, s) };
  };
  const d: Draft = form.mapping;
  const ref = pick(
    'Reference (client ID, DD reference or invoice)',
    'reference',
    d.reference[0] ?? '',
    false,
  );
  const date = pick('Date', 'date', d.date, false);
  const amount = pick('Amount', 'amount', d.amount, false);
  const st = pick('Status', 'status', d.status, true);
  const name = pick('Client name', 'name', d.name, true);
  const reason = pick('Decline reason', 'reason', d.reason, true);
  const paymentId = pick('Payment ID', 'paymentId', d.paymentId, true);
  const paid = h('input', { type: 'text', value: d.paidValues.join(', ') });
  const declined = h('input', { type: 'text', value: d.declinedValues.join(', ') });
  const pending = h('input', { type: 'text', value: d.pendingValues.join(', ') });
  const seen = h('div', { class: 'secondary', 'data-testid': 'status-values' });
  const showSeen = () => {
    const values = st.s.value ? (form.values[st.s.value] ?? []) : [];
    seen.textContent = st.s.value
      ? `In ${st.s.value}: ${values.join(', ') || '(blank)'}`
      : 'No status column: a positive amount is paid, a negative one declined.';
  };
  st.s.addEventListener('change', showSeen);
  showSeen();

  const save = h('button', {
    type: 'button',
    class: 'create',
    text: form.saved ? 'Save the new mapping and preview' : 'Save mapping and preview',
  });
  let cancel: HTMLButtonElement | null = null;
  if (onCancel) {
    cancel = h('button', { type: 'button', text: 'Keep the saved mapping' });
    cancel.addEventListener('click', onCancel);
  }
  const section = h(
    'section',
    { 'aria-label': 'Map the report’s columns' },
    h('h2', { text: form.saved ? 'Change the mapping' : 'Which column is which?' }),
    h('p', {
      class: 'secondary',
      text: form.saved
        ? 'How reports with these columns are read. Your new answer replaces the saved one.'
        : 'This layout is new. Studio Ledger remembers your answer for reports with the same columns.',
    }),
    ref.f,
    date.f,
    amount.f,
    st.f,
    seen,
    field('Status values meaning paid', 'map-paid', paid),
    field('Status values meaning declined', 'map-declined', declined),
    field('Status values meaning pending', 'map-pending', pending),
    name.f,
    reason.f,
    paymentId.f,
    h('div', { class: 'field-error', role: 'alert', 'data-error-for': 'mapping' }),
    h('div', { class: 'buttons' }, save, cancel),
  );

  save.addEventListener('click', async () => {
    clearErrors(section);
    const chosen: ChosenMapping = {
      reference: ref.s.value ? [ref.s.value] : [],
      date: date.s.value,
      amount: amount.s.value,
      paidValues: list(paid.value),
      declinedValues: list(declined.value),
      pendingValues: list(pending.value),
    };
    // Optional columns left at "(none)" are left out, not sent as blanks.
    for (const [k, s] of [
      ['status', st.s],
      ['name', name.s],
      ['reason', reason.s],
      ['paymentId', paymentId.s],
    ] as const)
      if (s.value) chosen[k] = s.value;
    save.disabled = true;
    try {
      const r = await onSave(chosen);
      if (r) showFieldError(section, 'mapping', r.error, status);
    } finally {
      save.disabled = false;
    }
  });
  return section;
}
