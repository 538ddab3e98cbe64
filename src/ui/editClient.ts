// The Edit client sidebar: pick a client, change their details and Direct Debit Request (signed, sent to
// the DD company), save. Only changed fields are sent; the server checks them as Add client does.
import { clearErrors, clientSelect, field, h, loadPage, showFieldError } from './lib/dom';
import { download, type Save } from './lib/download';
import type { ServerCall, ServerValue } from './lib/server';

type Form = ServerValue<'getEditClientForm'>;
type FormClient = Form['clients'][number];

/** The request's field for each input, and what the client's record holds for it. */
const TEXT_FIELDS = [
  ['name', 'Name'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['ddReference', 'DD reference'],
  ['bsb', 'BSB'],
  ['accountNumber', 'Account number'],
  ['accountName', 'Account name'],
] as const;
const DATE_FIELDS = [
  ['authoritySigned', 'Authority signed'],
  ['ddrSent', 'DDR sent to the DD company'],
] as const;
type FieldName =
  (typeof TEXT_FIELDS)[number][0] | (typeof DATE_FIELDS)[number][0] | 'billingMethod' | 'status';

function valueOf(c: FormClient, k: FieldName): string {
  return c[k] ?? '';
}

/**
 * The registration file for the DD company: clients not yet registered (all with "again"), downloaded
 * in the browser; they are marked Registered, so the form's clients are reloaded.
 */
function registrationSection(call: ServerCall, save: Save, done: () => Promise<void>): HTMLElement {
  const again = h('input', { type: 'checkbox', id: 'f-again' });
  const button = h('button', { type: 'button', text: 'Registration file' });
  const said = h('div', {
    class: 'status',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': 'registration',
  });
  button.addEventListener('click', async () => {
    button.disabled = true;
    said.className = 'status';
    said.textContent = 'Making the file…';
    try {
      const r = await call('exportRegistration', { again: again.checked });
      if (!r.ok) {
        said.className = 'status error';
        said.textContent = r.error;
        return;
      }
      const f = r.value;
      const out = f.leftOut.map((c) => ` Not in the file: ${c.id} ${c.name} (${c.reason}).`).join('');
      if (!f.registered.length) {
        said.textContent = `No client to register.${out}`;
        return;
      }
      save(f.fileName, f.content, 'text/csv;charset=utf-8');
      said.className = 'status ok';
      said.textContent = `Downloaded ${f.fileName}: ${f.registered.map((c) => `${c.name} (${c.id})`).join(', ')} now Registered.${out}`;
      await done();
    } catch (err) {
      said.className = 'status error';
      said.textContent = `Could not make the file: ${(err as Error).message}`;
    } finally {
      button.disabled = false;
    }
  });
  return h(
    'section',
    { 'aria-label': 'Registration file' },
    h('h2', { text: 'Tell the DD company' }),
    h('label', {}, again, ' Include clients already registered'),
    h('div', { class: 'buttons' }, button),
    said,
  );
}

export async function mountEditClient(
  root: HTMLElement,
  call: ServerCall,
  saveFile: Save = download,
): Promise<void> {
  const page = await loadPage(root, 'Edit client', () => call('getEditClientForm'));
  if (!page) return;
  const { status } = page;
  let form: Form = page.value;
  const pick = clientSelect(form.clients);
  const inputs = {} as Record<FieldName, HTMLInputElement | HTMLSelectElement>;
  for (const [k] of TEXT_FIELDS) inputs[k] = h('input', { type: 'text', autocomplete: 'off' });
  for (const [k] of DATE_FIELDS) inputs[k] = h('input', { type: 'date' });
  const method = h('select');
  for (const m of form.methods) method.append(h('option', { value: m, text: m }));
  const clientStatus = h('select');
  for (const s of form.statuses) clientStatus.append(h('option', { value: s, text: s }));
  inputs.billingMethod = method;
  inputs.status = clientStatus;
  const registered = h('div', { class: 'secondary', 'data-testid': 'registered' });
  const save = h('button', { type: 'button', class: 'action', text: 'Save changes' });
  const details = h(
    'form',
    { hidden: true },
    field(TEXT_FIELDS[0][1], 'name', inputs.name),
    field(TEXT_FIELDS[1][1], 'email', inputs.email),
    field(TEXT_FIELDS[2][1], 'phone', inputs.phone),
    field('Billing method', 'billingMethod', inputs.billingMethod),
    field('Status', 'status', inputs.status),
    field('DD reference', 'ddReference', inputs.ddReference, 'Blank: the Client ID'),
    field('BSB', 'bsb', inputs.bsb, 'Six digits, e.g. 062-000'),
    field('Account number', 'accountNumber', inputs.accountNumber),
    field('Account name', 'accountName', inputs.accountName, 'Blank: the client’s name'),
    field(DATE_FIELDS[0][1], 'authoritySigned', inputs.authoritySigned, 'The day the client signed the DDR'),
    field(DATE_FIELDS[1][1], 'ddrSent', inputs.ddrSent),
    registered,
    h('div', { class: 'buttons' }, save),
  );
  const chosen = (): FormClient | undefined => form.clients.find((c) => c.id === pick.value);
  const fill = () => {
    clearErrors(root);
    const c = chosen();
    details.hidden = !c;
    if (!c) return;
    for (const k of Object.keys(inputs) as FieldName[]) inputs[k].value = valueOf(c, k);
    registered.textContent = c.registered
      ? `Registered with the DD company on ${c.registered}.`
      : 'Not yet in a registration file.';
  };
  pick.addEventListener('change', () => {
    status.className = 'status';
    status.textContent = '';
    fill();
  });
  details.addEventListener('submit', (e) => {
    e.preventDefault();
    save.click();
  });
  save.addEventListener('click', async () => {
    const c = chosen();
    if (!c) return;
    clearErrors(root);
    // Only what the studio changed: a field left alone is not re-checked against newer rules.
    const changes: Partial<Record<FieldName, string>> = {};
    for (const k of Object.keys(inputs) as FieldName[])
      if (inputs[k].value.trim() !== valueOf(c, k)) changes[k] = inputs[k].value;
    if (!Object.keys(changes).length) {
      status.className = 'status';
      status.textContent = 'Nothing changed.';
      return;
    }
    save.disabled = true;
    status.className = 'status';
    status.textContent = 'Saving…';
    try {
      const r = await call('editClient', { clientId: c.id, ...changes });
      if (!r.ok) return showFieldError(root, r.field, r.error, status);
      const e = r.value;
      form = { ...form, clients: form.clients.map((x) => (x.id === e.client.id ? e.client : x)) };
      const warnings = e.warnings.map((w) => ` Check: ${w}`).join('');
      status.className = warnings ? 'status warn' : 'status ok';
      status.textContent =
        `Saved ${e.client.name} (${e.client.id}): ${e.changed.join(', ') || 'nothing changed'}.` +
        (e.released ? ' New bank details: back to Active.' : '') +
        warnings;
      fill();
    } catch (err) {
      status.className = 'status error';
      status.textContent = `Could not save the client: ${(err as Error).message}`;
    } finally {
      save.disabled = false;
    }
  });
  const reload = async () => {
    const r = await call('getEditClientForm');
    if (r.ok) form = r.value;
    fill();
  };
  root.insertBefore(field('Client', 'clientId', pick), status);
  root.insertBefore(details, status);
  root.append(registrationSection(call, saveFile, reload));
}
