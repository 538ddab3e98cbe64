// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { mountSellPackage } from '../../src/ui/sellPackage';
import type { ServerCall } from '../../src/ui/lib/server';

const XSS = '<img src=x onerror=alert(1)>';
const form = {
  today: '2016-09-09',
  billingDay: '2016-09-13',
  cycle: { billingDay: '2016-09-13', frequency: 'Fortnightly' },
  clients: [
    { id: 'C-0001', name: 'Jane Citizen', billingMethod: 'DD Full Integration', email: '' },
    { id: 'C-0002', name: XSS, billingMethod: 'Manual', email: '' },
  ],
  packages: [
    {
      code: 'PT10',
      name: 'PT',
      kind: 'Paid in full',
      sessions: 10,
      price: 50000,
      instalments: 1,
      frequency: null,
    },
    {
      code: 'PT10-5F',
      name: 'PT',
      kind: 'Instalments',
      sessions: 10,
      price: 110000,
      instalments: 5,
      frequency: 'Fortnightly',
    },
  ],
};

function stubServer() {
  const calls: { fn: string; arg: unknown }[] = [];
  const call: ServerCall = async <T>(fn: string, arg?: unknown) => {
    calls.push({ fn, arg });
    const a = arg as { clientId: string; packageCode: string; startDate: string };
    if (fn === 'getSellForm') return { ok: true, value: structuredClone(form) } as T;
    if (fn === 'previewSale' || fn === 'sellPackage') {
      if (a.startDate === '2016-02-30')
        return { ok: false, error: 'Start date: Not a date', field: 'startDate' } as T;
      return {
        ok: true,
        value: {
          saleId: 'S-000001',
          clientName: 'Jane Citizen',
          packageName: 'PT',
          kind: 'Instalments',
          total: 110000,
          invoices: [1, 2].map((n) => ({
            id: `INV-00000${n}`,
            description: `10 x PT — ${n} of 5`,
            dueDate: n === 1 ? '2016-09-13' : '2016-09-27',
            amount: 22000,
          })),
          allocations: [{ id: 'A-000001', date: '2016-09-09', sessions: 10 }],
        },
      } as T;
    }
    throw new Error(`unexpected ${fn}`);
  };
  return { call, calls };
}

const settle = () => new Promise((r) => setTimeout(r, 220));

describe('Sell package sidebar', () => {
  let root: HTMLElement;
  beforeEach(() => {
    document.body.innerHTML = '<main id="app"></main>';
    root = document.getElementById('app')!;
  });

  it('shows client names as text, never markup', async () => {
    const { call } = stubServer();
    await mountSellPackage(root, call);
    expect(root.querySelector('img')).toBeNull();
    const opt = root.querySelector('[data-client-id="C-0002"]')!;
    expect(opt.textContent).toBe(`${XSS} (C-0002, Manual)`);
  });

  it('labels every field', async () => {
    const { call } = stubServer();
    await mountSellPackage(root, call);
    for (const el of root.querySelectorAll('input, select')) {
      const id = el.getAttribute('id');
      expect(id, el.outerHTML).toBeTruthy();
      expect(root.querySelector(`label[for="${id}"]`), id!).not.toBeNull();
    }
  });

  it('filters clients, pre-fills dates from the kind, previews and saves', async () => {
    const { call, calls } = stubServer();
    await mountSellPackage(root, call);
    const search = root.querySelector<HTMLInputElement>('#f-clientId')!;
    search.value = 'jane';
    search.dispatchEvent(new Event('input'));
    expect(root.querySelectorAll('[role="option"]')).toHaveLength(1);
    (root.querySelector('[data-client-id="C-0001"]') as HTMLElement).click();

    const pkg = root.querySelector<HTMLSelectElement>('#f-packageCode')!;
    pkg.value = 'PT10';
    pkg.dispatchEvent(new Event('change'));
    expect(root.querySelector<HTMLInputElement>('#f-startDate')!.value).toBe('2016-09-09');
    expect(root.querySelector<HTMLElement>('[data-field="dueDate"]')!.hidden).toBe(false);

    pkg.value = 'PT10-5F';
    pkg.dispatchEvent(new Event('change'));
    expect(root.querySelector<HTMLInputElement>('#f-startDate')!.value).toBe('2016-09-13');
    expect(root.querySelector('label[for="f-startDate"]')!.textContent).toBe('Package start date');
    expect(root.querySelector<HTMLElement>('[data-field="dueDate"]')!.hidden).toBe(true);
    await settle();

    const preview = calls.filter((c) => c.fn === 'previewSale').at(-1)!;
    expect(preview.arg).toEqual({
      clientId: 'C-0001',
      packageCode: 'PT10-5F',
      saleDate: '2016-09-09',
      startDate: '2016-09-13',
      dueDate: undefined,
    });
    const rows = [...root.querySelectorAll('[data-testid="invoice-preview"] tbody tr')].map(
      (r) => r.textContent,
    );
    expect(rows).toEqual([
      '10 x PT — 1 of 5Tue 13 Sep 2016$220.00',
      '10 x PT — 2 of 5Tue 27 Sep 2016$220.00',
    ]);

    const save = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Save')!;
    expect(save.disabled).toBe(false);
    save.click();
    await settle();
    expect(calls.at(-1)!.fn).toBe('sellPackage');
    expect(root.querySelector('.status.ok')!.textContent).toBe('Saved S-000001: INV-000001, INV-000002.');
  });

  it('shows a server validation error next to its field and keeps Save off', async () => {
    const { call } = stubServer();
    await mountSellPackage(root, call);
    (root.querySelector('[data-client-id="C-0001"]') as HTMLElement).click();
    const pkg = root.querySelector<HTMLSelectElement>('#f-packageCode')!;
    pkg.value = 'PT10-5F';
    pkg.dispatchEvent(new Event('change'));
    const start = root.querySelector<HTMLInputElement>('#f-startDate')!;
    // happy-dom keeps invalid text in a date input, as a pasted value might arrive.
    Object.defineProperty(start, 'value', { value: '2016-02-30', configurable: true });
    start.dispatchEvent(new Event('change'));
    await settle();
    expect(root.querySelector('[data-error-for="startDate"]')!.textContent).toBe('Start date: Not a date');
    expect([...root.querySelectorAll('button')].find((b) => b.textContent === 'Save')!.disabled).toBe(true);
  });

  it('moves the default start date with the sale date until the owner sets one, and warns of a start before the sale', async () => {
    const { call } = stubServer();
    await mountSellPackage(root, call);
    (root.querySelector('[data-client-id="C-0001"]') as HTMLElement).click();
    const pkg = root.querySelector<HTMLSelectElement>('#f-packageCode')!;
    pkg.value = 'PT10-5F';
    pkg.dispatchEvent(new Event('change'));
    const sale = root.querySelector<HTMLInputElement>('#f-saleDate')!;
    const start = root.querySelector<HTMLInputElement>('#f-startDate')!;
    sale.value = '2016-09-20';
    sale.dispatchEvent(new Event('change'));
    expect(start.value).toBe('2016-09-27');
    start.value = '2016-09-15';
    start.dispatchEvent(new Event('change'));
    sale.value = '2016-09-21';
    sale.dispatchEvent(new Event('change'));
    expect(start.value).toBe('2016-09-15');
    await settle();
    expect(root.querySelector('[data-testid="start-warning"]')!.textContent).toBe(
      'The start date is before the sale date: is that right?',
    );
  });
});
