// @vitest-environment happy-dom
// The Statement sidebar: what it asks the server for, the lines and parts it shows (the workbook's text
// as text, never markup), Copy as text through the clipboard or a selected text box, the printable view
// and the Statement tab.
import { afterEach, describe, expect, it } from 'vitest';
import { buildStatement } from '../../src/core/ledger/statement';
import { statementText } from '../../src/core/ledger/statementText';
import { mountStatement } from '../../src/ui/statement';
import type { ServerValue } from '../../src/ui/lib/server';
import { fakeServer } from './fakeServer';

const EVIL = '<img src=x onerror="window.hacked=1"> Shaker';

function view(written = false): ServerValue<'getStatement'> {
  const statement = buildStatement(
    {
      clientId: 'C-0002',
      invoices: [
        {
          id: 'INV-000006',
          clientId: 'C-0002',
          description: 'PT',
          dueDate: '2016-09-13',
          amount: 50000,
          paid: 20000,
          status: 'Part paid',
          batchId: '',
          created: '2016-09-09',
        },
        {
          id: 'INV-000007',
          clientId: 'C-0002',
          description: EVIL,
          dueDate: '2016-09-15',
          amount: 2000,
          paid: 0,
          status: 'Written off',
          batchId: '',
          created: '2016-09-10',
          writeOffReason: '<b>gift</b>',
          writeOffDate: '2016-09-22',
        },
      ],
      payments: [
        {
          id: 'P-000001',
          date: '2016-09-20',
          clientId: 'C-0002',
          invoiceId: 'INV-000006',
          amount: 20000,
          method: 'Cash',
          reference: '',
          receiptId: 'R-000001',
        },
      ],
      sales: [{ id: 'S-000002', clientId: 'C-0002', saleDate: '2016-09-09', packageName: 'PT <10>' }],
      allocations: [{ saleId: 'S-000002', clientId: 'C-0002', date: '2016-09-09', sessions: 10 }],
      attendance: [{ date: '2016-09-21', clientId: 'C-0002', sessions: 3, saleId: 'S-000002' }],
    },
    '2016-09-30',
    { from: '2016-09-15' },
  );
  const client = { id: 'C-0002', name: 'Sam <Lee>', billingMethod: 'Manual' };
  const text = statementText(statement, { clientName: client.name, business: 'Harbour PT' });
  return { client, business: 'Harbour PT', statement, today: '2016-09-30', text, written };
}

const form = {
  ok: true as const,
  value: { today: '2016-09-30', clients: [{ id: 'C-0002', name: 'Sam <Lee>' }] },
};

async function mounted(handlers: Parameters<typeof fakeServer>[0] = {}) {
  document.body.innerHTML = '<main id="app"></main>';
  const app = document.getElementById('app')!;
  const server = fakeServer({
    getStatementForm: () => form,
    getStatement: () => ({ ok: true, value: view() }),
    writeStatementTab: () => ({ ok: true, value: view(true) }),
    printStatement: () => ({ ok: true, value: { title: 'Statement: Sam <Lee>' } }),
    ...handlers,
  });
  await mountStatement(app, server.call);
  const $ = <T extends Element = HTMLElement>(sel: string) => app.querySelector<T>(sel)!;
  const click = async (text: string) => {
    [...app.querySelectorAll('button')].find((b) => b.textContent === text)!.click();
    await new Promise((r) => setTimeout(r, 0));
  };
  const choose = () => {
    $<HTMLSelectElement>('#f-clientId').value = 'C-0002';
    $<HTMLInputElement>('#f-from').value = '2016-09-15';
  };
  return { app, server, $, click, choose };
}

const status = (app: HTMLElement) => app.querySelector('.status')!.textContent;

afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
});

describe('Statement sidebar', () => {
  it('asks for the client and period, and shows lines, parts and sessions as text', async () => {
    const { app, server, $, click, choose } = await mounted();
    expect(app.querySelector('#f-clientId option[value="C-0002"]')!.textContent).toBe('Sam <Lee> (C-0002)');
    choose();
    await click('Show');
    expect(server.calls.at(-1)).toEqual({
      fn: 'getStatement',
      arg: { clientId: 'C-0002', from: '2016-09-15', to: '' },
    });
    expect($('[data-testid="statement-summary"] h2').textContent).toBe('Sam <Lee> (C-0002)');
    expect($('[data-testid="balance"]').textContent).toBe('Balance $300.00 as of Fri 30 Sep 2016');
    const parts = [...app.querySelectorAll('[data-testid="parts"] tr')].map((r) => r.textContent);
    expect(parts).toEqual([
      'Overdue now$300.00',
      'In a sent debit$0.00',
      'Not yet due$0.00',
      'Unspent credit$0.00',
    ]);
    const rows = [...app.querySelectorAll('[data-testid="lines"] tr')]
      .slice(1)
      .map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Thu 15 Sep 2016Opening balance', '', '$520.00'],
      ['Tue 20 Sep 2016Payment R-000001Cash on INV-000006', '-$200.00', '$320.00'],
      [
        `Thu 22 Sep 2016Written off INV-000007${EVIL}: $20.00 written off (<b>gift</b>)`,
        '-$20.00',
        '$300.00',
      ],
    ]);
    const written = app.querySelector('[data-ref="INV-000007"] [data-testid="line-description"]')!;
    expect(written.textContent).toBe(`${EVIL}: $20.00 written off (<b>gift</b>)`);
    // Text, never markup: no element came from the workbook's text.
    expect(app.querySelector('img')).toBeNull();
    expect(app.querySelector('[data-testid="statement"] b')).toBeNull();
    expect($('[data-testid="sessions"]').textContent).toContain(
      'PT <10> (S-000002): 10 allocated, 3 used, 7 left',
    );
  });

  it('copies the statement as text through the clipboard', async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (t: string) => void copied.push(t) },
    });
    const { app, click, choose } = await mounted();
    choose();
    await click('Show');
    await click('Copy as text');
    expect(copied).toEqual([view().text]);
    expect(copied[0]).toContain('Statement for Sam <Lee> (C-0002)');
    expect(status(app)).toBe('Copied the statement as text.');
  });

  it('without a clipboard, puts the text in a box and selects it', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async () => Promise.reject(new Error('not allowed')) },
    });
    const { app, $, click, choose } = await mounted();
    choose();
    await click('Show');
    await click('Copy as text');
    const box = $<HTMLTextAreaElement>('[data-testid="copy-text"]');
    expect(box.value).toBe(view().text);
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, box.value.length]);
    expect(status(app)).toBe('The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.');
  });

  it('opens the printable view and writes the Statement tab for the same request', async () => {
    const { app, server, click, choose } = await mounted();
    choose();
    await click('Show');
    await click('Printable view');
    expect(server.calls.at(-1)).toEqual({
      fn: 'printStatement',
      arg: { clientId: 'C-0002', from: '2016-09-15', to: '' },
    });
    expect(status(app)).toBe('The statement is open in a dialog: use its Print button.');
    await click('Update the Statement tab');
    expect(server.calls.at(-1)!.fn).toBe('writeStatementTab');
    expect(status(app)).toBe('The Statement tab now shows Sam <Lee>.');
  });

  it('shows a refusal beside its field', async () => {
    const { app, $, click, choose } = await mounted({
      getStatement: () => ({ ok: false, error: 'From 2016-09-15 is after To 2016-09-01.', field: 'from' }),
    });
    choose();
    await click('Show');
    expect($('[data-error-for="from"]').textContent).toBe('From 2016-09-15 is after To 2016-09-01.');
    expect(status(app)).toBe('From 2016-09-15 is after To 2016-09-01.');
    expect(app.querySelector('[data-testid="lines"]')).toBeNull();
  });
});
