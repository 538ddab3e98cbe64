// Builds DOM from data with textContent only: names and report text never become markup.
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
