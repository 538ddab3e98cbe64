// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mountAddClient } from '../../src/ui/addClient';
import { mountAdHocInvoice } from '../../src/ui/adHocInvoice';
import type { ServerCall } from '../../src/ui/lib/server';

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('Add client sidebar', () => {
  it('sends every field and shows the new ID; errors land on their field', async () => {
    document.body.innerHTML = '<main id="app"></main>';
    const root = document.getElementById('app')!;
    const sent: unknown[] = [];
    const call: ServerCall = async <T>(_fn: string, arg?: unknown) => {
      sent.push(arg);
      const a = arg as { bsb: string; name: string };
      if (a.bsb === '12')
        return { ok: false, error: 'BSB "12" must be six digits, like 062-000.', field: 'bsb' } as T;
      return {
        ok: true,
        value: {
          id: 'C-0007',
          name: a.name,
          billingMethod: 'DD Full Integration',
          ddReference: 'C-0007',
          warnings: [],
        },
      } as T;
    };
    mountAddClient(root, call);
    const set = (name: string, v: string) => {
      const el = root.querySelector<HTMLInputElement | HTMLSelectElement>(`#f-${name}`)!;
      el.value = v;
    };
    set('name', '=HYPERLINK("x")');
    set('billingMethod', 'DD Full Integration');
    set('bsb', '12');
    set('accountNumber', '123456');
    const button = root.querySelector('button')!;
    button.click();
    await settle();
    expect(root.querySelector('[data-error-for="bsb"]')!.textContent).toBe(
      'BSB "12" must be six digits, like 062-000.',
    );
    set('bsb', '062000');
    button.click();
    await settle();
    expect(sent.at(-1)).toMatchObject({
      name: '=HYPERLINK("x")',
      billingMethod: 'DD Full Integration',
      bsb: '062000',
      accountNumber: '123456',
    });
    expect(root.querySelector('.status.ok')!.textContent).toBe(
      'Added =HYPERLINK("x") as C-0007 (DD Full Integration).',
    );
    expect(root.querySelector('[data-error-for="bsb"]')!.textContent).toBe('');
  });
});

describe('Add client sidebar warnings', () => {
  it("shows what the client's ABA file could not carry, as a warning, after the client is added", async () => {
    document.body.innerHTML = '<main id="app"></main>';
    const root = document.getElementById('app')!;
    const warning =
      'Account Name "李小龙" has characters banks do not accept: "李", "小", "龙": an ABA file cannot carry it.';
    const call: ServerCall = async <T>() =>
      ({
        ok: true,
        value: { id: 'C-0008', name: '李小龙', billingMethod: 'DD Full Integration', warnings: [warning] },
      }) as T;
    mountAddClient(root, call);
    root.querySelector<HTMLInputElement>('#f-name')!.value = '李小龙';
    root.querySelector('button')!.click();
    await settle();
    expect(root.querySelector('.status.ok')).toBeNull();
    expect(root.querySelector('.status.warn')!.textContent).toBe(
      `Added 李小龙 as C-0008 (DD Full Integration). Check: ${warning}`,
    );
  });
});

describe('Add ad-hoc invoice sidebar', () => {
  it('lists clients as text and adds the invoice', async () => {
    document.body.innerHTML = '<main id="app"></main>';
    const root = document.getElementById('app')!;
    const call: ServerCall = async <T>(fn: string, arg?: unknown) => {
      if (fn === 'getSellForm')
        return {
          ok: true,
          value: { today: '2016-09-13', clients: [{ id: 'C-0001', name: '<b>Bold</b>' }] },
        } as T;
      const a = arg as { amount: string; description: string; clientId: string; dueDate: string };
      expect(a).toEqual({
        clientId: 'C-0001',
        description: 'Protein powder',
        amount: '$49.95',
        dueDate: '2016-09-13',
      });
      return {
        ok: true,
        value: {
          id: 'INV-000009',
          clientId: 'C-0001',
          description: a.description,
          dueDate: a.dueDate,
          amount: 4995,
        },
      } as T;
    };
    await mountAdHocInvoice(root, call);
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('option[value="C-0001"]')!.textContent).toBe('<b>Bold</b> (C-0001)');
    root.querySelector<HTMLSelectElement>('#f-clientId')!.value = 'C-0001';
    root.querySelector<HTMLInputElement>('#f-description')!.value = 'Protein powder';
    root.querySelector<HTMLInputElement>('#f-amount')!.value = '$49.95';
    root.querySelector('button')!.click();
    await settle();
    expect(root.querySelector('.status.ok')!.textContent).toBe(
      'Added INV-000009: Protein powder, $49.95 due Tue 13 Sep 2016.',
    );
  });
});
