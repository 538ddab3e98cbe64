// @vitest-environment happy-dom
// The Outstanding sidebar's "Held for a person" section: who a decline held or stopped, and Release.
import { describe, expect, it } from 'vitest';
import { mountOutstanding } from '../../src/ui/outstanding';
import type { ServerCall, ServerValue } from '../../src/ui/lib/server';

const settle = () => new Promise((r) => setTimeout(r, 20));

const outstanding: ServerValue<'getOutstanding'> = {
  today: '2016-10-14',
  asOf: '2016-10-14',
  clients: [],
  total: 0,
  reminder: null,
  written: false,
};

const jane: ServerValue<'getHeld'>['clients'][number] = {
  clientId: 'C-0001',
  name: '<b>Jane</b> Citizen',
  status: 'DD stopped',
  reason: 'Account closed (code 3)',
  held: [
    { invoiceId: 'INV-000001', dueDate: '2016-09-16', balance: 22000, reason: 'Refer to customer (code 6)' },
  ],
};

const released: ServerValue<'releaseHeld'> = {
  clientId: 'C-0001',
  name: 'Jane Citizen',
  released: [{ invoiceId: 'INV-000001', status: 'Declined', balance: 22000 }],
  clientWas: 'DD stopped',
  clientStatus: 'Active',
  fixed: [],
};

describe('Outstanding sidebar: held for a person', () => {
  it('lists who is held with the reason, and Release lets them be debited again', async () => {
    document.body.innerHTML = '<main id="app"></main>';
    const app = document.getElementById('app')!;
    const calls: [string, unknown][] = [];
    let held = [jane];
    const call = (async (fn: string, arg?: unknown) => {
      calls.push([fn, arg]);
      if (fn === 'getOutstanding') return { ok: true, value: outstanding };
      if (fn === 'getHeld') return { ok: true, value: { clients: held } };
      if (fn === 'releaseHeld') {
        held = [];
        return { ok: true, value: released };
      }
      throw new Error(`no ${fn}`);
    }) as ServerCall;
    await mountOutstanding(app, call);

    const card = app.querySelector('[data-held-client="C-0001"]')!;
    expect(card.querySelector('strong')!.textContent).toBe('<b>Jane</b> Citizen');
    expect(card.textContent).toContain('(C-0001, DD stopped)');
    expect(card.textContent).toContain('Account closed (code 3)');
    expect(card.textContent).toContain('Held: INV-000001 $220.00 due Fri 16 Sep 2016 ($220.00)');

    card.querySelector<HTMLButtonElement>('button')!.click();
    await settle();
    expect(calls.slice(-2)).toEqual([
      ['releaseHeld', { clientId: 'C-0001' }],
      ['getHeld', undefined],
    ]);
    const section = app.querySelector('[data-testid="held-list"]')!;
    expect(section.querySelector('[data-held-client]')).toBeNull();
    expect(section.textContent).toContain('Nobody is held: every invoice may be debited.');
    expect(section.querySelector('.status.ok')!.textContent).toBe(
      'Released INV-000001; Jane Citizen is Active again (was DD stopped).',
    );
  });

  it('a refused release shows the server’s line; a failed list leaves the rest of the sidebar working', async () => {
    document.body.innerHTML = '<main id="app"></main>';
    const app = document.getElementById('app')!;
    const call = (async (fn: string) => {
      if (fn === 'getOutstanding') return { ok: true, value: outstanding };
      if (fn === 'getHeld') return { ok: true, value: { clients: [jane] } };
      return { ok: false, error: 'INV-000001 is Declined: it cannot be released.' };
    }) as ServerCall;
    await mountOutstanding(app, call);
    app.querySelector<HTMLButtonElement>('[data-held-client] button')!.click();
    await settle();
    expect(app.querySelector('[data-testid="held-list"] .status.error')!.textContent).toBe(
      'INV-000001 is Declined: it cannot be released.',
    );

    document.body.innerHTML = '<main id="app"></main>';
    const again = document.getElementById('app')!;
    const broken = (async (fn: string) => {
      if (fn === 'getOutstanding') return { ok: true, value: outstanding };
      throw new Error('network down');
    }) as ServerCall;
    await mountOutstanding(again, broken);
    expect(again.querySelector('[data-testid="outstanding-summary"]')!.textContent).toBe(
      'Nobody has an overdue invoice on Fri 14 Oct 2016.',
    );
    expect(again.querySelector('[data-testid="held-list"] .status.error')!.textContent).toBe(
      'Held invoices could not be listed: network down',
    );
  });
});
