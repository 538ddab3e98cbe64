// @vitest-environment happy-dom
// The Edit client sidebar: a client's details filled in as text, only the changed fields sent, a refusal
// beside its field, and the registration file downloaded with the clients marked registered.
import { describe, expect, it } from 'vitest';
import { mountEditClient } from '../../src/ui/editClient';
import type { ServerCall } from '../../src/ui/lib/server';

const settle = () => new Promise((r) => setTimeout(r, 20));

const JANE = {
  id: 'C-0001',
  name: '<b>Jane</b> Citizen',
  email: 'jane@example.com',
  phone: '0400 111 222',
  billingMethod: 'DD Full Integration',
  ddReference: 'HPT-JANE',
  bsb: '062-000',
  accountNumber: '12345678',
  accountName: '',
  status: 'Active',
  authoritySigned: '2016-09-08',
};

describe('Edit client sidebar', () => {
  it('sends only what changed, shows refusals beside their field, downloads the registration file', async () => {
    document.body.innerHTML = '<main id="app"></main>';
    const root = document.getElementById('app')!;
    const sent: [string, unknown][] = [];
    let registered = '';
    const saved: [string, string, string | undefined][] = [];
    const call = (async (fn: string, arg?: unknown) => {
      sent.push([fn, arg]);
      if (fn === 'getEditClientForm')
        return {
          ok: true,
          value: {
            today: '2016-09-09',
            methods: ['Manual', 'DD Full Integration', 'DD Partial Integration', 'DD Reconciliation'],
            statuses: ['Active', 'Inactive', 'Update bank details', 'DD stopped'],
            clients: [{ ...JANE, ...(registered ? { registered } : {}) }],
          },
        };
      if (fn === 'exportRegistration') {
        registered = '2016-09-09';
        return {
          ok: true,
          value: {
            fileName: 'registration-2016-09-09.csv',
            content: 'Client ID\r\nC-0001',
            registered: [{ id: 'C-0001', name: JANE.name }],
            leftOut: [],
          },
        };
      }
      const a = arg as { bsb?: string; ddrSent?: string };
      if (a.bsb === '12')
        return { ok: false, error: 'BSB "12" must be six digits, like 062-000.', field: 'bsb' };
      return {
        ok: true,
        value: {
          client: { ...JANE, ddrSent: a.ddrSent },
          changed: ['DDR Sent'],
          released: false,
          warnings: [],
        },
      };
    }) as unknown as ServerCall;
    await mountEditClient(root, call, (name, content, type) => saved.push([name, content, type]));
    const pick = root.querySelector<HTMLSelectElement>('#f-clientId')!;
    // Names are text, never markup.
    expect(pick.options[1]!.textContent).toBe('<b>Jane</b> Citizen (C-0001)');
    expect(root.querySelector('b')).toBeNull();
    pick.value = 'C-0001';
    pick.dispatchEvent(new Event('change'));
    const input = (name: string) => root.querySelector<HTMLInputElement>(`#f-${name}`)!;
    expect(input('name').value).toBe('<b>Jane</b> Citizen');
    expect(input('authoritySigned').value).toBe('2016-09-08');
    expect(root.querySelector('[data-testid="registered"]')!.textContent).toBe(
      'Not yet in a registration file.',
    );

    const save = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Save changes')!;
    input('bsb').value = '12';
    save.click();
    await settle();
    expect(root.querySelector('[data-error-for="bsb"]')!.textContent).toBe(
      'BSB "12" must be six digits, like 062-000.',
    );
    expect(sent.at(-1)).toEqual(['editClient', { clientId: 'C-0001', bsb: '12' }]);

    input('bsb').value = '062-000';
    input('ddrSent').value = '2016-09-09';
    save.click();
    await settle();
    expect(sent.at(-1)).toEqual(['editClient', { clientId: 'C-0001', ddrSent: '2016-09-09' }]);
    expect(root.querySelector('.status.ok')!.textContent).toBe(
      'Saved <b>Jane</b> Citizen (C-0001): DDR Sent.',
    );
    expect(root.querySelector('[data-error-for="bsb"]')!.textContent).toBe('');

    const reg = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Registration file')!;
    reg.click();
    await settle();
    expect(sent.find(([fn]) => fn === 'exportRegistration')).toEqual([
      'exportRegistration',
      { again: false },
    ]);
    expect(saved).toEqual([['registration-2016-09-09.csv', 'Client ID\r\nC-0001', 'text/csv;charset=utf-8']]);
    expect(root.querySelector('[data-testid="registration"]')!.textContent).toBe(
      'Downloaded registration-2016-09-09.csv: <b>Jane</b> Citizen (C-0001) now Registered.',
    );
    expect(root.querySelector('[data-testid="registered"]')!.textContent).toBe(
      'Registered with the DD company on 2016-09-09.',
    );
  });
});
