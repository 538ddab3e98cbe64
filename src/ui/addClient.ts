// The Add client sidebar.
import { clear, clearErrors, field, h, showFieldError } from './lib/dom';
import type { ServerCall } from './lib/server';

const BILLING_METHODS = ['Manual', 'DD Full Integration', 'DD Partial Integration', 'DD Reconciliation'];

export function mountAddClient(root: HTMLElement, call: ServerCall): void {
  clear(root);
  const inputs = {
    name: h('input', { type: 'text', autocomplete: 'off' }),
    email: h('input', { type: 'text', autocomplete: 'off' }),
    phone: h('input', { type: 'text', autocomplete: 'off' }),
    billingMethod: h('select'),
    ddReference: h('input', { type: 'text' }),
    bsb: h('input', { type: 'text', inputmode: 'numeric' }),
    accountNumber: h('input', { type: 'text', inputmode: 'numeric' }),
    accountName: h('input', { type: 'text' }),
    authoritySigned: h('input', { type: 'date' }),
    ddrSent: h('input', { type: 'date' }),
  };
  for (const m of BILLING_METHODS) inputs.billingMethod.append(h('option', { value: m, text: m }));
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const save = h('button', { type: 'button', class: 'action', text: 'Add client' });
  const form = h(
    'form',
    {},
    field('Name', 'name', inputs.name),
    field('Email', 'email', inputs.email),
    field('Phone', 'phone', inputs.phone),
    field('Billing method', 'billingMethod', inputs.billingMethod),
    field('DD reference', 'ddReference', inputs.ddReference, 'Blank: the Client ID'),
    field('BSB', 'bsb', inputs.bsb, 'Six digits, e.g. 062-000'),
    field('Account number', 'accountNumber', inputs.accountNumber),
    field('Account name', 'accountName', inputs.accountName, 'Blank: the client’s name'),
    field('Authority signed', 'authoritySigned', inputs.authoritySigned, 'The day the client signed the DDR'),
    field('DDR sent to the DD company', 'ddrSent', inputs.ddrSent),
    h('div', { class: 'buttons' }, save),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    save.click();
  });
  save.addEventListener('click', async () => {
    save.disabled = true;
    clearErrors(form);
    status.className = 'status';
    status.textContent = 'Saving…';
    try {
      const r = await call('addClient', {
        name: inputs.name.value,
        email: inputs.email.value,
        phone: inputs.phone.value,
        billingMethod: inputs.billingMethod.value,
        ddReference: inputs.ddReference.value,
        bsb: inputs.bsb.value,
        accountNumber: inputs.accountNumber.value,
        accountName: inputs.accountName.value,
        authoritySigned: inputs.authoritySigned.value,
        ddrSent: inputs.ddrSent.value,
      });
      if (!r.ok) return showFieldError(form, r.field, r.error, status);
      // Not refusals: what the client's debit file could not carry, said now rather than on billing day.
      const warnings = r.value.warnings.map((w) => ` Check: ${w}`).join('');
      status.className = warnings ? 'status warn' : 'status ok';
      status.textContent = `Added ${r.value.name} as ${r.value.id} (${r.value.billingMethod}).${warnings}`;
      for (const el of Object.values(inputs)) if (el instanceof HTMLInputElement) el.value = '';
      inputs.name.focus();
    } catch (e) {
      status.className = 'status error';
      status.textContent = `Could not add the client: ${(e as Error).message}`;
    } finally {
      save.disabled = false;
    }
  });
  root.append(h('h1', { text: 'Add client' }), form, status);
}
