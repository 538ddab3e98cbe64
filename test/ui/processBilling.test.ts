// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { mountProcessBilling } from '../../src/ui/processBilling';
import type { ServerValue } from '../../src/ui/lib/server';
import { fakeServer } from './fakeServer';

type View = ServerValue<'setBillingRow'>;
type Run = ServerValue<'runBilling'>;
type Row = View['rows'][number];

const row = (
  clientId: string,
  name: string,
  due: number,
  method: Row['billingMethod'] = 'DD Full Integration',
): Row => ({
  clientId,
  name,
  billingMethod: method,
  invoiceIds: ['INV-000001'],
  amountDue: due,
  amountToDebit: due,
  include: true,
});
const empty: View = {
  billingDate: null,
  batchId: '',
  status: null,
  rows: [],
  reminders: [],
  held: [],
  skipped: [],
  totalDue: 0,
  totalToDebit: 0,
};

type DebitFile = ServerValue<'createDebitFile'>;

function server(file: Partial<DebitFile> = {}) {
  let current: View = { ...empty };
  const run = (billingDate: string): Run => ({
    billingDate,
    batchId: 'B-000001',
    status: 'Draft',
    rows: [row('C-0001', 'Jane Citizen', 26995), row('C-0002', '<script>x()</script>', 16000)],
    reminders: [row('C-0003', 'Sam Lee', 50000, 'Manual')],
    held: [
      {
        clientId: 'C-0004',
        name: 'Kim <b>Ho</b>',
        billingMethod: 'DD Full Integration',
        invoiceId: 'INV-000007',
        amount: 22000,
        reason: 'declined 3 times',
      },
    ],
    skipped: [],
    totalDue: 42995,
    totalToDebit: 42995,
    invoicesCreated: 1,
    allocationsCreated: 1,
    reusedBatch: false,
    warnings: [],
  });
  return fakeServer({
    getBillingForm: () => ({
      ok: true,
      value: {
        today: '2016-09-14',
        nextBillingDay: '2016-09-16',
        current,
        batches: [],
        declineReasons: ['Refer to customer'],
      },
    }),
    previewBillingRun: (req) => ({ ok: true, value: run(req.billingDate) }),
    runBilling: (req) => {
      const r = run(req.billingDate);
      current = r;
      return { ok: true, value: r };
    },
    setBillingRow: (edit) => {
      const rows = current.rows.map((r) =>
        r.clientId === edit.clientId ? { ...r, include: edit.include ?? r.include } : r,
      );
      current = {
        ...current,
        rows,
        totalToDebit: rows.filter((r) => r.include).reduce((s, r) => s + r.amountToDebit, 0),
      };
      return { ok: true, value: current };
    },
    createDebitFile: () => ({
      ok: true,
      value: {
        batchId: 'B-000001',
        billingDate: '2016-09-16',
        fileName: 'B-000001-2016-09-16.aba',
        content: '0...',
        debits: 1,
        total: 26995,
        format: 'aba',
        sent: [{ invoiceId: 'INV-000001', clientId: 'C-0001', amount: 26995 }],
        again: false,
        skipped: [],
        warnings: [],
        ...file,
      },
    }),
  });
}

const settle = () => new Promise((r) => setTimeout(r, 10));
const button = (root: HTMLElement, text: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === text)!;

describe('Process Billing sidebar', () => {
  let root: HTMLElement;
  beforeEach(() => {
    document.body.innerHTML = '<main id="app"></main>';
    root = document.getElementById('app')!;
  });

  it('offers the next billing day, previews without writing, runs, unticks a client and downloads the file', async () => {
    const { call, calls } = server();
    const downloads: { name: string; content: string }[] = [];
    await mountProcessBilling(root, call, (name, content) => downloads.push({ name, content }));
    const date = root.querySelector<HTMLInputElement>('#f-billingDate')!;
    expect(date.value).toBe('2016-09-14');
    button(root, 'Next billing day: Fri 16 Sep 2016').click();
    expect(date.value).toBe('2016-09-16');

    button(root, 'Preview').click();
    await settle();
    expect(calls.at(-1)).toEqual({ fn: 'previewBillingRun', arg: { billingDate: '2016-09-16' } });
    expect(root.querySelector<HTMLInputElement>('[data-client-id="C-0001"]')!.disabled).toBe(true);

    button(root, 'Run').click();
    await settle();
    expect(calls.at(-1)!.fn).toBe('runBilling');
    const names = [...root.querySelectorAll('[data-testid="billing-list"] tbody tr td:nth-child(2)')].map(
      (td) => td.textContent,
    );
    expect(names).toEqual(['Jane Citizen', '<script>x()</script>']);
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('[data-testid="billing-totals"]')!.textContent).toBe(
      '2 client(s), $429.95 due. Debit file: 2 ($429.95).',
    );
    expect(root.textContent).toContain('Sam Lee: $500.00 due');
    expect(root.querySelector('[data-testid="billing-held"]')!.textContent).toBe(
      'Kim <b>Ho</b>: INV-000007 $220.00 (declined 3 times)',
    );
    expect(root.querySelector('b')).toBeNull();

    const tick = root.querySelector<HTMLInputElement>('[data-client-id="C-0002"]')!;
    tick.checked = false;
    tick.dispatchEvent(new Event('change'));
    await settle();
    expect(calls.find((c) => c.fn === 'setBillingRow')!.arg).toEqual({ clientId: 'C-0002', include: false });
    expect(root.querySelector('[data-testid="billing-totals"]')!.textContent).toBe(
      '2 client(s), $429.95 due. Debit file: 1 ($269.95).',
    );

    button(root, 'Create ABA file').click();
    await settle();
    expect(downloads).toEqual([{ name: 'B-000001-2016-09-16.aba', content: '0...' }]);
    expect(root.querySelector('.status.ok')!.textContent).toBe(
      'B-000001-2016-09-16.aba: 1 debit(s), $269.95. Invoices are now Sent.',
    );
  });

  it('names the clients left out of the file and the warnings, as text', async () => {
    const { call } = server({
      skipped: [
        {
          clientId: 'C-0002',
          name: '<script>x()</script>',
          billingMethod: 'DD Full Integration',
          invoiceIds: ['INV-000002'],
          amount: 16000,
          reason: 'Left out of the ABA file: Account Name "=X" starts with "=" (Clients tab)',
        },
      ],
      warnings: ['ABA User ID 301500 is a shared upload ID.'],
    });
    await mountProcessBilling(root, call, () => {});
    button(root, 'Run').click();
    await settle();
    button(root, 'Create ABA file').click();
    await settle();
    expect(root.querySelector('.status.ok')).toBeNull();
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('.status.warn')!.textContent).toBe(
      'B-000001-2016-09-16.aba: 1 debit(s), $269.95. Invoices are now Sent.' +
        ' Not in the file: <script>x()</script> (C-0002), $160.00: Left out of the ABA file: Account Name "=X" starts with "=" (Clients tab).' +
        ' Check: ABA User ID 301500 is a shared upload ID.',
    );
  });
});
