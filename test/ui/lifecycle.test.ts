// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mountOutstanding } from '../../src/ui/outstanding';
import { mountRecordSessions } from '../../src/ui/recordSessions';
import { mountPackageLifecycle } from '../../src/ui/packageLifecycle';
import type { ServerCall } from '../../src/ui/lib/server';

const settle = () => new Promise((r) => setTimeout(r, 20));
function root(): HTMLElement {
  document.body.innerHTML = '<main id="app"></main>';
  return document.getElementById('app')!;
}

describe('Outstanding invoices sidebar', () => {
  const jane = {
    clientId: 'C-0001',
    name: '<img src=x onerror=alert(1)>',
    billingMethod: 'DD Full Integration',
    invoiceIds: ['INV-000008', 'INV-000001'],
    owed: 26995,
    oldestDue: '2016-09-14',
    daysOverdue: 7,
    lastPayment: { date: '2016-09-16', amount: 26995 },
    lastDeclineReason: 'Insufficient funds',
  };
  const view = (asOf: string, written = false) => ({
    today: '2016-09-21',
    asOf,
    clients: asOf < '2016-09-15' ? [] : [jane],
    total: asOf < '2016-09-15' ? 0 : 26995,
    reminder: asOf < '2016-09-15' ? null : '1 client has overdue invoices ($269.95)',
    written,
  });

  it('shows who owes as text, for another date on request, and updates the tab', async () => {
    const app = root();
    const calls: [string, unknown][] = [];
    const call: ServerCall = async <T>(fn: string, arg?: unknown) => {
      calls.push([fn, arg]);
      const date = (arg as { date?: string } | undefined)?.date ?? '2016-09-21';
      if (date === '1999-01-01') return { ok: false, error: 'Date: too early', field: 'date' } as T;
      return { ok: true, value: view(date, fn === 'refreshOutstanding') } as T;
    };
    await mountOutstanding(app, call);
    expect(app.querySelector('img')).toBeNull();
    expect(app.querySelector('[data-testid="outstanding-summary"]')!.textContent).toBe(
      '1 client has overdue invoices ($269.95) on Wed 21 Sep 2016.',
    );
    const card = app.querySelector('[data-client-id="C-0001"]')!;
    expect(card.querySelector('strong')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(card.querySelector('[data-testid="owed"]')!.textContent).toBe(
      '$269.95 in 2 invoices, oldest due Wed 14 Sep 2016 (7 days overdue)',
    );
    expect(card.textContent).toContain('Last payment $269.95 on Fri 16 Sep 2016');
    expect(card.textContent).toContain('Last decline: Insufficient funds');

    const date = app.querySelector<HTMLInputElement>('#f-date')!;
    date.value = '2016-09-14';
    const [show, write] = [...app.querySelectorAll('button')];
    show!.click();
    await settle();
    expect(calls.at(-1)).toEqual(['getOutstanding', { date: '2016-09-14' }]);
    expect(app.querySelector('[data-testid="outstanding-summary"]')!.textContent).toBe(
      'Nobody has an overdue invoice on Wed 14 Sep 2016.',
    );
    date.value = '2016-09-21';
    write!.click();
    await settle();
    expect(calls.at(-1)).toEqual(['refreshOutstanding', { date: '2016-09-21' }]);
    expect(app.querySelector('.status.ok')!.textContent).toBe(
      'The Outstanding and Balances tabs now show Wed 21 Sep 2016.',
    );
    date.value = '1999-01-01';
    show!.click();
    await settle();
    expect(app.querySelector('[data-error-for="date"]')!.textContent).toBe('Date: too early');
  });
});

describe('Record sessions sidebar', () => {
  const sessions = (left: number, warnings: string[]) => ({
    clientId: 'C-0001',
    name: 'Jane Citizen',
    asOf: '2016-09-14',
    packages: [
      { saleId: 'S-000001', packageName: 'PT', status: 'Active', allocated: 10, used: 10 - left, left },
    ],
    left,
    nextSaleId: 'S-000001',
    overdue: { count: 1, owed: 50000, oldestDue: '2016-09-13' },
    warnings,
  });

  it('shows sessions left and warnings for the client, then records, still warning', async () => {
    const app = root();
    const calls: [string, unknown][] = [];
    const call: ServerCall = async <T>(fn: string, arg?: unknown) => {
      calls.push([fn, arg]);
      if (fn === 'getSessionsForm')
        return {
          ok: true,
          value: { today: '2016-09-14', clients: [{ id: 'C-0001', name: 'Jane Citizen' }] },
        } as T;
      if (fn === 'getClientSessions')
        return { ok: true, value: sessions(1, ['Jane Citizen has 1 overdue invoice ($500.00).']) } as T;
      const a = arg as { sessions: string };
      if (a.sessions === '0')
        return {
          ok: false,
          error: 'Sessions must be a whole number from 1 to 50, got "0".',
          field: 'sessions',
        } as T;
      return {
        ok: true,
        value: {
          date: '2016-09-14',
          clientId: 'C-0001',
          sessions: 2,
          parts: [{ saleId: 'S-000001', sessions: 2 }],
          warnings: [
            'Jane Citizen has 1 overdue invoice ($500.00).',
            'Jane Citizen has only 1 session left.',
          ],
          after: sessions(-1, []),
        },
      } as T;
    };
    await mountRecordSessions(app, call);
    const client = app.querySelector<HTMLSelectElement>('#f-clientId')!;
    client.value = 'C-0001';
    client.dispatchEvent(new Event('change'));
    await settle();
    expect(calls.at(-1)).toEqual([
      'getClientSessions',
      { clientId: 'C-0001', date: '2016-09-14', sessions: '1' },
    ]);
    expect(app.querySelector('[data-testid="sessions-left"]')!.textContent).toBe(
      'Jane Citizen: 1 session left on Wed 14 Sep 2016.',
    );
    expect(app.querySelector('[data-testid="warnings"]')!.textContent).toBe(
      'Jane Citizen has 1 overdue invoice ($500.00).',
    );
    expect([...app.querySelectorAll('#f-saleId option')].map((o) => o.textContent)).toEqual([
      'Oldest with sessions left',
      'PT (S-000001): 1 left',
    ]);
    const n = app.querySelector<HTMLInputElement>('#f-sessions')!;
    const record = [...app.querySelectorAll('button')].find((b) => b.textContent === 'Record')!;
    n.value = '0';
    record.click();
    await settle();
    expect(app.querySelector('[data-error-for="sessions"]')!.textContent).toBe(
      'Sessions must be a whole number from 1 to 50, got "0".',
    );
    n.value = '2';
    record.click();
    await settle();
    expect(calls.at(-1)).toEqual([
      'recordSessions',
      { clientId: 'C-0001', date: '2016-09-14', sessions: '2', saleId: '' },
    ]);
    expect(app.querySelector('.status.ok')!.textContent).toBe(
      'Recorded 2 sessions for Jane Citizen on Wed 14 Sep 2016 (2 from S-000001). -1 left.',
    );
    expect([...app.querySelectorAll('[data-testid="warnings"] .warn')].map((w) => w.textContent)).toEqual([
      'Jane Citizen has 1 overdue invoice ($500.00).',
      'Jane Citizen has only 1 session left.',
    ]);
  });
});

describe('Record sessions sidebar, typing then clicking Record', () => {
  it('keeps the panel while the number changes, so the first click on Record records', async () => {
    const app = root();
    const calls: string[] = [];
    let answerDate: (() => void) | null = null;
    const call: ServerCall = async <T>(fn: string, arg?: unknown) => {
      calls.push(fn);
      if (fn === 'getSessionsForm')
        return {
          ok: true,
          value: { today: '2016-09-14', clients: [{ id: 'C-0001', name: 'Jane Citizen' }] },
        } as T;
      const view = {
        clientId: 'C-0001',
        name: 'Jane Citizen',
        asOf: (arg as { date: string }).date,
        packages: [],
        left: 4,
        nextSaleId: 'S-000001',
        overdue: null,
        warnings: [],
      };
      if (fn === 'getClientSessions') {
        if ((arg as { date: string }).date === '2016-09-15') await new Promise<void>((r) => (answerDate = r));
        return { ok: true, value: view } as T;
      }
      return {
        ok: true,
        value: { date: '2016-09-14', clientId: 'C-0001', sessions: 3, parts: [], warnings: [], after: view },
      } as T;
    };
    await mountRecordSessions(app, call);
    const client = app.querySelector<HTMLSelectElement>('#f-clientId')!;
    client.value = 'C-0001';
    client.dispatchEvent(new Event('change'));
    await settle();
    const left = () => app.querySelector('[data-testid="sessions-left"]')?.textContent;
    expect(left()).toBe('Jane Citizen: 4 sessions left on Wed 14 Sep 2016.');
    // Type a number, then click Record: the change (blur) neither empties the panel nor looks up again.
    const n = app.querySelector<HTMLInputElement>('#f-sessions')!;
    n.value = '3';
    n.dispatchEvent(new Event('change'));
    expect(left()).toBe('Jane Citizen: 4 sessions left on Wed 14 Sep 2016.');
    [...app.querySelectorAll('button')].find((b) => b.textContent === 'Record')!.click();
    await settle();
    expect(calls).toEqual(['getSessionsForm', 'getClientSessions', 'recordSessions']);
    // A new date looks up again, and the old panel stays until the new one arrives.
    const date = app.querySelector<HTMLInputElement>('#f-date')!;
    date.value = '2016-09-15';
    date.dispatchEvent(new Event('change'));
    await settle();
    expect(left()).toBe('Jane Citizen: 4 sessions left on Wed 14 Sep 2016.');
    answerDate!();
    await settle();
    expect(left()).toBe('Jane Citizen: 4 sessions left on Thu 15 Sep 2016.');
  });
});

describe('Cancel or pause package sidebar', () => {
  const sales = [
    {
      saleId: 'S-000001',
      clientId: 'C-0001',
      clientName: 'Jane Citizen',
      packageName: 'PT',
      kind: 'Instalments',
      status: 'Active',
      saleDate: '2016-09-13',
      startDate: '2016-09-16',
      frequency: 'Fortnightly',
      holds: '',
      openInvoices: 5,
      openAmount: 110000,
    },
    {
      saleId: 'S-000002',
      clientId: 'C-0002',
      clientName: 'Sam Lee',
      packageName: 'PT',
      kind: 'Paid in full',
      status: 'Active',
      saleDate: '2016-09-13',
      startDate: '2016-09-13',
      frequency: null,
      holds: '',
      openInvoices: 1,
      openAmount: 50000,
    },
  ];

  it('previews and saves a pause, lists the moved debits; paid-in-full sales can only be cancelled', async () => {
    const app = root();
    const calls: [string, unknown][] = [];
    const call: ServerCall = async <T>(fn: string, arg?: unknown) => {
      calls.push([fn, arg]);
      if (fn === 'getLifecycleForm') return { ok: true, value: { today: '2016-09-19', sales } } as T;
      const a = arg as { to?: string; from: string };
      if (fn.endsWith('PauseSale') || fn === 'pauseSale') {
        if (!a.from) return { ok: false, error: 'Pause: "From" is required.', field: 'from' } as T;
        if (a.to && a.to < a.from)
          return { ok: false, error: 'Pause: the hold ends before it starts.', field: 'to' } as T;
        return {
          ok: true,
          value: {
            saleId: 'S-000001',
            packageName: 'PT',
            from: a.from,
            to: a.to,
            holds: `${a.from} to ${a.to}`,
            status: 'Active',
            moves: [{ id: 'INV-000002', instalment: 2, from: '2016-09-30', to: '2016-10-14', amount: 22000 }],
            allocationMoves: [],
          },
        } as T;
      }
      return {
        ok: true,
        value: {
          saleId: 'S-000002',
          packageName: 'PT',
          from: a.from,
          cancelled: [],
          kept: [],
          withdrawn: [],
          fee: { id: 'INV-000009', description: 'Cancellation fee', dueDate: '2016-09-19', amount: 5000 },
        },
      } as T;
    };
    await mountPackageLifecycle(app, call);
    const sale = app.querySelector<HTMLSelectElement>('#f-saleId')!;
    expect([...sale.options].map((o) => o.textContent)).toEqual([
      'Choose a package…',
      'Jane Citizen: PT (Instalments, S-000001)',
      'Sam Lee: PT (Paid in full, S-000002)',
    ]);
    sale.value = 'S-000002';
    sale.dispatchEvent(new Event('change'));
    const pause = app.querySelector<HTMLInputElement>('#what-pause')!;
    expect(pause.disabled).toBe(true);

    sale.value = 'S-000001';
    sale.dispatchEvent(new Event('change'));
    expect(pause.disabled).toBe(false);
    expect(app.querySelector('[data-testid="sale-info"]')!.textContent).toBe(
      'Sold Tue 13 Sep 2016; 5 invoices not paid ($1,100.00).',
    );
    pause.checked = true;
    pause.dispatchEvent(new Event('change'));
    expect(app.querySelector<HTMLElement>('[data-testid="pause-fields"]')!.hidden).toBe(false);
    expect(app.querySelector<HTMLElement>('[data-testid="cancel-fields"]')!.hidden).toBe(true);
    const [preview, save] = [...app.querySelectorAll('.buttons button')] as HTMLButtonElement[];
    // The server names the pause's start "from"; on the page it is the pauseFrom field.
    app.querySelector<HTMLInputElement>('#f-pauseFrom')!.value = '';
    preview!.click();
    await settle();
    expect(app.querySelector('[data-error-for="pauseFrom"]')!.textContent).toBe('Pause: "From" is required.');
    expect(app.querySelector('[data-error-for="from"]')!.textContent).toBe('');
    app.querySelector<HTMLInputElement>('#f-pauseFrom')!.value = '2016-09-20';
    app.querySelector<HTMLInputElement>('#f-to')!.value = '2016-09-01';
    preview!.click();
    await settle();
    expect(app.querySelector('[data-error-for="to"]')!.textContent).toBe(
      'Pause: the hold ends before it starts.',
    );
    app.querySelector<HTMLInputElement>('#f-to')!.value = '2016-10-02';
    preview!.click();
    await settle();
    expect(calls.at(-1)).toEqual([
      'previewPauseSale',
      { saleId: 'S-000001', from: '2016-09-20', to: '2016-10-02' },
    ]);
    expect(app.querySelector('[data-testid="changes"]')!.textContent).toBe(
      'Preview: nothing written yet#2 $220.00: Fri 30 Sep 2016 → Fri 14 Oct 2016',
    );
    save!.click();
    await settle();
    expect(calls.map((c) => c[0]).slice(-2)).toEqual(['pauseSale', 'getLifecycleForm']);
    expect(app.querySelector('.status.ok')!.textContent).toBe(
      'S-000001 PT is paused Tue 20 Sep 2016 to Sun 2 Oct 2016.',
    );
    expect(app.querySelector('[data-testid="changes"] h2')!.textContent).toBe('Saved');

    // Cancel Sam's with a fee.
    sale.value = 'S-000002';
    sale.dispatchEvent(new Event('change'));
    app.querySelector<HTMLInputElement>('#f-fee')!.value = '50';
    save!.click();
    await settle();
    expect(calls.find((c) => c[0] === 'cancelSale')![1]).toEqual({
      saleId: 'S-000002',
      from: '2016-09-19',
      fee: '50',
    });
    expect(app.querySelector('[data-testid="changes"]')!.textContent).toContain(
      'Cancellation fee $50.00 due Mon 19 Sep 2016',
    );
  });
});
