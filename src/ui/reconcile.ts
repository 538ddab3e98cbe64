// The Reconcile DD report sidebar: paste the report (or use the DD Report tab), preview what each row
// does, confirm the rows matched only by name and amount, then apply. Unknown layouts get a column map.
import { clear, field, h } from './lib/dom';
import { formatMoney } from './lib/format';
import type { ServerCall } from './lib/server';

interface Row {
  reportRow: number;
  date: string | null;
  reference: string;
  name: string;
  amount: number | null;
  reportStatus: string;
  outcome: string;
  clientId: string;
  invoiceIds: string[];
  note: string;
}
interface Totals {
  paid: { count: number; amount: number };
  declined: { count: number; amount: number };
  unmatched: { count: number; amount: number };
  pending: { count: number; amount: number };
  already: number;
  errors: number;
}
interface View {
  shape: string;
  applied: boolean;
  rows: Row[];
  totals: Totals;
  payments: number;
  fees: number;
}
type Answer = { ok: true; value: View } | { ok: false; error: string; field?: string; headers?: string[] };

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
  const mapping = h('section', { 'aria-label': 'Map the report’s columns' });
  const confirms = new Map<number, HTMLInputElement>();
  let mapped: Record<string, unknown> | undefined;

  const say = (s: string, kind = '') => {
    status.className = `status ${kind}`;
    status.textContent = s;
  };

  function render(v: View): void {
    clear(results);
    confirms.clear();
    const t = v.totals;
    results.append(
      h('h2', { text: `${v.applied ? 'Applied' : 'Preview'}: ${v.shape} report, ${v.rows.length} row(s)` }),
      h('p', {
        'data-testid': 'reconcile-totals',
        text: `Paid ${t.paid.count} (${formatMoney(t.paid.amount)}), declined ${t.declined.count} (${formatMoney(t.declined.amount)}), unmatched ${t.unmatched.count} (${formatMoney(t.unmatched.amount)}), pending ${t.pending.count}, already applied ${t.already}, errors ${t.errors}.`,
      }),
    );
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
      body.append(
        h(
          'tr',
          { 'data-outcome': r.outcome },
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

  function showMapping(headers: string[]): void {
    clear(mapping);
    const pick = (label: string, name: string, optional: boolean) => {
      const s = h('select');
      if (optional) s.append(h('option', { value: '', text: '(none)' }));
      for (const c of headers) s.append(h('option', { value: c, text: c }));
      return { s, f: field(label, `map-${name}`, s) };
    };
    const ref = pick('Reference (client ID, DD reference or invoice)', 'reference', false);
    const date = pick('Date', 'date', false);
    const amount = pick('Amount', 'amount', false);
    const st = pick('Status', 'status', true);
    const name = pick('Client name', 'name', true);
    const paid = h('input', { type: 'text', value: 'Paid, Success, S' });
    const declined = h('input', { type: 'text', value: 'Declined, Dishonoured, Failed, D, F' });
    const save = h('button', { type: 'button', class: 'create', text: 'Save mapping and preview' });
    save.addEventListener('click', async () => {
      const list = (s: string) =>
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean);
      mapped = {
        reference: [ref.s.value],
        date: date.s.value,
        amount: amount.s.value,
        ...(st.s.value ? { status: st.s.value } : {}),
        ...(name.s.value ? { name: name.s.value } : {}),
        paidValues: list(paid.value),
        declinedValues: list(declined.value),
      };
      const r = await call<{ ok: boolean; error?: string }>('saveReportMapping', {
        headers,
        mapping: mapped,
      });
      if (!r.ok) return say(r.error ?? 'Could not save the mapping', 'error');
      clear(mapping);
      await go(false);
    });
    mapping.append(
      h('h2', { text: 'Which column is which?' }),
      h('p', {
        class: 'secondary',
        text: 'This layout is new. Studio Ledger remembers your answer for reports with the same columns.',
      }),
      ref.f,
      date.f,
      amount.f,
      st.f,
      name.f,
      field('Status values meaning paid', 'map-paid', paid),
      field('Status values meaning declined', 'map-declined', declined),
      save,
    );
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
      const r = await call<Answer>(doApply ? 'applyReconcile' : 'previewReconcile', {
        ...(text.value.trim() ? { text: text.value } : {}),
        ...(mapped ? { mapping: mapped } : {}),
        ...(doApply ? { confirm } : {}),
      });
      if (!r.ok) {
        if (r.field === 'mapping' && r.headers) showMapping(r.headers);
        say(r.error, 'error');
        apply.disabled = true;
        return;
      }
      render(r.value);
      apply.disabled = r.value.applied;
      say(
        r.value.applied
          ? `Applied: ${r.value.payments} payment row(s), ${r.value.fees} dishonour fee(s). Unmatched rows stay listed on the Reconciliation tab.`
          : 'Preview written to the Reconciliation tab. Nothing is applied yet.',
        'ok',
      );
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
