// @vitest-environment happy-dom
// The Write off sidebar: pick a client, an open invoice (one in a sent batch is shown but cannot be
// chosen), a reason and a date; Undo for a written-off one. Names and reasons are shown as text.
import { describe, expect, it } from 'vitest';
import { mountWriteOff } from '../../src/ui/writeOff';
import type { ServerValue } from '../../src/ui/lib/server';
import { fakeServer } from './fakeServer';

type Form = ServerValue<'getWriteOffForm'>;
type Client = Form['clients'][number];
type Choice = Client['open'][number];
type Done = ServerValue<'writeOffInvoice'>;

const settle = () => new Promise((r) => setTimeout(r, 20));

const choice = (id: string, over: Partial<Choice> = {}): Choice => ({
  id,
  description: 'PT 10 pack',
  dueDate: '2016-09-16',
  amount: 22000,
  balance: 22000,
  status: 'Open',
  batchId: '',
  blocked: '',
  writeOffReason: '',
  writeOffDate: null,
  ...over,
});

const jane = (open: Choice[], writtenOff: Choice[] = [], credit = 0): Client => ({
  clientId: 'C-0001',
  name: '<b>Jane</b> Citizen',
  open,
  writtenOff,
  credit,
});

const done = (over: Partial<Done>): Done => ({
  invoiceId: 'INV-000002',
  clientId: 'C-0001',
  name: '<b>Jane</b> Citizen',
  description: 'PT 10 pack',
  dueDate: '2016-09-30',
  amount: 22000,
  paid: 0,
  status: 'Written off',
  was: 'Open',
  balance: 22000,
  reason: 'Moved <i>away</i>',
  date: '2016-10-01',
  credit: 0,
  summary: '',
  ...over,
});

function mount() {
  document.body.innerHTML = '<main id="app"></main>';
  return document.getElementById('app')!;
}

const select = (root: HTMLElement, name: string) =>
  root.querySelector<HTMLSelectElement>(`[name="${name}"]`)!;
const input = (root: HTMLElement, name: string) => root.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
function choose(el: HTMLSelectElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event('change'));
}

describe('Write off sidebar', () => {
  it('writes off the chosen invoice with reason and date, then lists it with Undo', async () => {
    const sent = choice('INV-000001', {
      status: 'Sent',
      batchId: 'B-000001',
      blocked: 'in batch B-000001, sent to the bank',
    });
    const open = choice('INV-000002', { dueDate: '2016-09-30' });
    let form: Form = { today: '2016-10-01', clients: [jane([sent, open])] };
    const { call, calls } = fakeServer({
      getWriteOffForm: () => ({ ok: true, value: form }),
      writeOffInvoice: () => {
        form = {
          ...form,
          clients: [
            jane(
              [sent],
              [
                {
                  ...open,
                  status: 'Written off',
                  writeOffReason: 'Moved <i>away</i>',
                  writeOffDate: '2016-10-01',
                },
              ],
            ),
          ],
        };
        return { ok: true, value: done({}) };
      },
    });
    const app = mount();
    await mountWriteOff(app, call);

    const client = select(app, 'clientId');
    expect(client.options[1]!.textContent).toBe('<b>Jane</b> Citizen (C-0001)');
    expect(app.querySelector('b')).toBeNull();
    choose(client, 'C-0001');
    const invoice = select(app, 'invoiceId');
    const options = Array.from(invoice.options).map((o) => [o.value, o.disabled, o.textContent]);
    expect(options).toEqual([
      ['', false, 'Choose an invoice…'],
      [
        'INV-000001',
        true,
        'INV-000001: PT 10 pack, $220.00 due Fri 16 Sep 2016 (Sent): in batch B-000001, sent to the bank',
      ],
      ['INV-000002', false, 'INV-000002: PT 10 pack, $220.00 due Fri 30 Sep 2016 (Open)'],
    ]);
    expect(input(app, 'date').value).toBe('2016-10-01');
    expect(input(app, 'date').max).toBe('2016-10-01');

    invoice.value = 'INV-000002';
    input(app, 'reason').value = 'Moved <i>away</i>';
    input(app, 'date').value = '2016-09-30';
    app.querySelector<HTMLButtonElement>('button.action')!.click();
    await settle();
    expect(calls.filter((c) => c.fn === 'writeOffInvoice').map((c) => c.arg)).toEqual([
      { invoiceId: 'INV-000002', reason: 'Moved <i>away</i>', date: '2016-09-30' },
    ]);
    expect(app.querySelector('.status.ok')!.textContent).toBe(
      'Wrote off INV-000002: $220.00 is no longer owed by <b>Jane</b> Citizen.',
    );
    // Reloaded: the client stays chosen, the write-off is listed with its reason as text.
    expect(client.value).toBe('C-0001');
    const card = app.querySelector('[data-written-off="INV-000002"]')!;
    expect(card.textContent).toContain('INV-000002: $220.00 written off on Sat 1 Oct 2016');
    expect(card.textContent).toContain('Moved <i>away</i>');
    expect(card.querySelector('i')).toBeNull();
    expect(input(app, 'reason').value).toBe('');
    // Only the sent invoice is left, so there is nothing to write off.
    expect(app.querySelector<HTMLButtonElement>('button.action')!.disabled).toBe(true);
  });

  it('Undo restores it and says the credit waiting for it; a refusal shows the server’s line by its field', async () => {
    const off = choice('INV-000002', {
      status: 'Written off',
      writeOffReason: 'Gone',
      writeOffDate: '2016-10-01',
    });
    let form: Form = { today: '2016-10-03', clients: [jane([choice('INV-000003')], [off], 5000)] };
    const { call, calls } = fakeServer({
      getWriteOffForm: () => ({ ok: true, value: form }),
      undoWriteOff: () => {
        form = { ...form, clients: [jane([choice('INV-000003'), { ...off, status: 'Declined' }], [], 5000)] };
        return {
          ok: true,
          value: done({ status: 'Declined', was: 'Written off', reason: '', date: null, credit: 5000 }),
        };
      },
      writeOffInvoice: () => ({ ok: false, field: 'reason', error: 'Reason is required.' }),
    });
    const app = mount();
    await mountWriteOff(app, call);
    choose(select(app, 'clientId'), 'C-0001');
    expect(app.querySelector('[data-testid="recovered"]')!.textContent).toBe(
      '<b>Jane</b> Citizen has $50.00 credit: money that arrives for a written-off invoice is kept as credit (recovered). Undo the write-off to let it pay the invoice.',
    );

    app.querySelector<HTMLButtonElement>('[data-written-off="INV-000002"] button')!.click();
    await settle();
    expect(calls.find((c) => c.fn === 'undoWriteOff')!.arg).toEqual({ invoiceId: 'INV-000002' });
    expect(app.querySelector('.status.ok')!.textContent).toBe(
      'INV-000002 is Declined again: $220.00 owed. <b>Jane</b> Citizen has $50.00 credit: the next upkeep or billing run spends it on what is due.',
    );
    expect(app.querySelector('[data-written-off]')).toBeNull();
    expect(Array.from(select(app, 'invoiceId').options).map((o) => o.value)).toEqual([
      '',
      'INV-000003',
      'INV-000002',
    ]);

    select(app, 'invoiceId').value = 'INV-000003';
    app.querySelector<HTMLButtonElement>('button.action')!.click();
    await settle();
    expect(app.querySelector('[data-error-for="reason"]')!.textContent).toBe('Reason is required.');
    expect(app.querySelector('.status.error')!.textContent).toBe('Reason is required.');
  });

  it('a form the server refuses shows its line and nothing else', async () => {
    const { call } = fakeServer({
      getWriteOffForm: () => ({
        ok: false,
        error: 'Invoices row 4, column Invoice ID: INV-000001 is also on row 2',
      }),
    });
    const app = mount();
    await mountWriteOff(app, call);
    expect(app.querySelector('.status.error')!.textContent).toBe(
      'Invoices row 4, column Invoice ID: INV-000001 is also on row 2',
    );
    expect(app.querySelector('select')).toBeNull();
  });
});
