// Builds DOM from data with textContent only: names and report text never become markup.
import type { Result } from './server';

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** A labelled field with a place for its error message; `name` ties server errors to the field. */
export function field(label: string, name: string, control: HTMLElement, hint?: string): HTMLDivElement {
  const id = `f-${name}`;
  control.id = id;
  control.setAttribute('name', name);
  const error = h('div', { class: 'field-error', id: `${id}-error`, role: 'alert', 'data-error-for': name });
  control.setAttribute('aria-describedby', error.id);
  return h(
    'div',
    { class: 'form-group', 'data-field': name },
    h('label', { for: id, text: label }),
    control,
    hint ? h('div', { class: 'secondary', text: hint }) : null,
    error,
  );
}

export function showFieldError(
  root: ParentNode,
  name: string | undefined,
  message: string,
  status: Element,
): void {
  root.querySelectorAll('[data-error-for]').forEach((e) => (e.textContent = ''));
  const target = name ? root.querySelector(`[data-error-for="${name}"]`) : null;
  if (target) target.textContent = message;
  status.className = 'status error';
  status.textContent = message;
}

export function clearErrors(root: ParentNode): void {
  root.querySelectorAll('[data-error-for]').forEach((e) => (e.textContent = ''));
}

/** A drop-down of clients, names shown as text, with a "Choose a client…" first line. */
export function clientSelect(clients: readonly { id: string; name: string }[]): HTMLSelectElement {
  const select = h('select');
  select.append(h('option', { value: '', text: 'Choose a client…' }));
  for (const c of clients) select.append(h('option', { value: c.id, text: `${c.name} (${c.id})` }));
  return select;
}

/**
 * Starts a sidebar page: its title, a status line, and the server's form data. On a refusal the status
 * line shows it and null is returned.
 */
export async function loadPage<T>(
  root: HTMLElement,
  title: string,
  load: () => Promise<Result<T>>,
): Promise<{ status: HTMLDivElement; value: T } | null> {
  clear(root);
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite', text: 'Loading…' });
  root.append(h('h1', { text: title }), status);
  const r = await load();
  if (!r.ok) {
    status.className = 'status error';
    status.textContent = r.error;
    return null;
  }
  status.textContent = '';
  return { status, value: r.value };
}
