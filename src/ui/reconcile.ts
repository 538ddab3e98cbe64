// The Reconcile DD report sidebar: paste the report (or use the DD Report tab), preview what each row
// does, confirm the rows matched only by name and amount, then apply. Unknown layouts get a column map,
// which can be changed later. Rows that could not be read are shown as errors, never as a success.
// Only the rows a person acts on or that changed the ledger are listed; the tab has the rest.
import { clear, field, h } from './lib/dom';
import { formatMoney } from './lib/format';
import type { ServerCall, ServerValue } from './lib/server';
import { mappingSection, type ChosenMapping, type MappingFormData } from './reconcileMapping';

type View = ServerValue<'previewReconcile'>;
type Settle = NonNullable<View['rows'][number]['choices']>[number];

const SETTLE_TEXT: Record<Settle, string> = {
  paid: 'Settle as paid',
  reversal: 'Settle as a reversal of its payment',
  ignore: 'Ignore it for good',
};
const isSettle = (v: string): v is Settle => Object.prototype.hasOwnProperty.call(SETTLE_TEXT, v);

export async function mountReconcile(root: HTMLElement, call: ServerCall): Promise<void> {
  clear(root);
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const text = h('textarea', {
    rows: 6,
    placeholder: 'Paste the DD company’s report here, or leave empty to read the DD Report tab.',
  });
  const preview = h('button', { type: 'button', class: 'action', text: 'Preview' });
  const apply = h('button', { type: 'button', text: 'Apply', disabled: true });
  const results = h('section', { 'aria-label': 'Reconciliation', 'data-testid': 'reconcile-results' });
  const mapping = h('div');
  const confirms = new Map<number, HTMLInputElement>();
  const settles = new Map<number, HTMLSelectElement>();

  const say = (s: string, kind = '') => {
    status.className = `status ${kind}`;
    status.textContent = s;
  };
  const pasted = () => (text.value.trim() ? { text: text.value } : {});

  function showMapping(form: MappingFormData, changing: boolean): void {
    clear(mapping);
    const save = async (m: ChosenMapping) => {
      const r = await call('saveReportMapping', { headers: form.headers, mapping: m, ...pasted() });
      if (!r.ok) return { error: r.error };
      clear(mapping);
      await go(false);
      return null;
    };
    mapping.append(mappingSection(form, status, save, changing ? () => clear(mapping) : null));
  }

  function render(v: View): void {
    clear(results);
    confirms.clear();
    settles.clear();
    const t = v.totals;
    const form = v.mapping;
    results.append(
      h('h2', {
        text: `${v.applied ? 'Applied' : 'Preview'}: ${v.shape} report, ${(v.rows.length + v.quiet).toLocaleString('en-US')} row(s)`,
      }),
      h('p', {
        'data-testid': 'reconcile-totals',
        text:
          `Paid ${t.paid.count} (${formatMoney(t.paid.amount)}), declined ${t.declined.count} (${formatMoney(t.declined.amount)}), unmatched ${t.unmatched.count} (${formatMoney(t.unmatched.amount)}), pending ${t.pending.count}, already applied ${t.already}, errors ${t.errors}.` +
          (t.kept.amount ? ` Fees kept by the DD company: ${formatMoney(t.kept.amount)}.` : ''),
      }),
    );
    if (v.quietNote) results.append(h('p', { 'data-testid': 'reconcile-quiet', text: v.quietNote }));
    if (form) {
      const change = h('button', { type: 'button', text: 'Change mapping' });
      change.addEventListener('click', () => showMapping(form, true));
      results.append(h('div', { class: 'buttons' }, change));
    }
    const body = h('tbody');
    for (const r of v.rows) {
      const note = h('td', { text: r.note });
      if (r.outcome === 'To confirm' && !v.applied) {
        const box = h('input', {
          type: 'checkbox',
          id: `confirm-${r.reportRow}`,
          'aria-label': `Confirm row ${r.reportRow} is ${r.clientId}`,
        });
        confirms.set(r.reportRow, box);
        note.append(
          h(
            'div',
            {},
            box,
            h('label', {
              for: box.id,
              style: 'display:inline;font-weight:normal',
              text: ` Confirm ${r.clientId}`,
            }),
          ),
        );
      }
      if (r.outcome === 'To check' && !v.applied && r.choices?.length) {
        // A person settles the row; Apply sends what they chose (left alone, it stays To check).
        const pick = h(
          'select',
          { id: `settle-${r.reportRow}`, 'aria-label': `Settle row ${r.reportRow}` },
          h('option', { value: '', text: 'Leave to check' }),
          ...r.choices.map((c) => h('option', { value: c, text: SETTLE_TEXT[c] })),
        );
        settles.set(r.reportRow, pick);
        note.append(h('div', {}, pick));
      }
      body.append(
        h(
          'tr',
          { 'data-outcome': r.outcome, class: r.outcome === 'Error' ? 'error' : null },
          h('td', { text: r.reportRow }),
          h(
            'td',
            {},
            h('div', { text: r.outcome }),
            r.clientId ? h('div', { class: 'nowrap', text: r.clientId }) : null,
          ),
          h('td', { class: 'num', text: r.amount === null ? '' : formatMoney(r.amount) }),
          note,
        ),
      );
    }
    // No table when every row changes nothing: the quiet line says so.
    if (v.rows.length)
      results.append(
        h(
          'table',
          { class: 'preview' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { text: 'Row' }),
              h('th', { text: 'Outcome' }),
              h('th', { class: 'num', text: 'Amount' }),
              h('th', { text: 'Note' }),
            ),
          ),
          body,
        ),
      );
  }

  /** What the status line says after a preview or apply: errors and changed IDs are not a plain success. */
  function outcome(v: View): void {
    const errors = v.totals.errors;
    const unread = errors ? `${errors} row(s) could not be read: see the Error rows.` : '';
    if (v.applied)
      say(
        [
          `Applied: ${v.payments} payment row(s), ${v.fees} dishonour fee(s). Unmatched rows stay listed on the Reconciliation tab.`,
          v.notice,
          unread,
        ]
          .filter(Boolean)
          .join(' '),
        v.notice || errors ? 'warn' : 'ok',
      );
    else if (errors)
      say(`Preview written to the Reconciliation tab, but ${unread} Nothing is applied yet.`, 'warn');
    else say('Preview written to the Reconciliation tab. Nothing is applied yet.', 'ok');
  }

  async function go(doApply: boolean): Promise<void> {
    const button = doApply ? apply : preview;
    button.disabled = true;
    say(doApply ? 'Applying…' : 'Reading the report…');
    try {
      const confirm: Record<string, string> = {};
      if (doApply)
        for (const [row, box] of confirms)
          if (box.checked) confirm[String(row)] = box.getAttribute('aria-label')!.split(' is ')[1]!;
      const resolve: Record<string, 'paid' | 'reversal' | 'ignore'> = {};
      if (doApply)
        for (const [row, pick] of settles) if (isSettle(pick.value)) resolve[String(row)] = pick.value;
      const req = { ...pasted(), ...(doApply ? { confirm, resolve } : {}) };
      const r = await (doApply ? call('applyReconcile', req) : call('previewReconcile', req));
      if (!r.ok) {
        clear(results);
        if ('form' in r) showMapping(r.form, r.form.saved);
        say(r.error, 'error');
        apply.disabled = true;
        return;
      }
      render(r.value);
      apply.disabled = r.value.applied;
      outcome(r.value);
    } catch (e) {
      say(`Something went wrong: ${(e as Error).message}`, 'error');
    } finally {
      if (!doApply) preview.disabled = false;
    }
  }
  preview.addEventListener('click', () => void go(false));
  apply.addEventListener('click', () => void go(true));
  text.addEventListener('input', () => {
    apply.disabled = true;
    // A new paste may be another layout: its mapping is asked for again on preview.
    clear(mapping);
  });

  root.append(
    h('h1', { text: 'Reconcile DD report' }),
    field(
      'Report',
      'text',
      text,
      'Ezidebit, Debitsuccess, a bank ABA return file, or any CSV with a header row.',
    ),
    h('div', { class: 'buttons' }, preview, apply),
    status,
    mapping,
    results,
  );
}
