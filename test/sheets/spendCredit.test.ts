// Spending credit on its own, over a small in-memory workbook: the pairs, the settled invoices, the IDs a
// preview does not reserve, and that planning again after the pairs are written spends nothing.
import { describe, expect, it } from 'vitest';
import { LedgerTx } from '../../src/sheets/ledgerTx';
import type { TabSnapshot, WorkbookPort } from '../../src/sheets/port';
import type { Invoice, Payment } from '../../src/sheets/records';
import { TABS } from '../../src/sheets/schema';
import { planCreditSpend, settled, writeCreditSpend } from '../../src/sheets/actions/spendCredit';

/** Invoices, Payments and Log with their headers only; P-000007 was the last payment ID handed out. */
function tx(): LedgerTx {
  const snap = (key: 'invoices' | 'payments' | 'log'): TabSnapshot => {
    const header = TABS[key].columns.map((c) => c.header);
    return { name: TABS[key].name, values: [header] };
  };
  const port: WorkbookPort = {
    timeZone: () => 'Australia/Sydney',
    readTabs: (names) =>
      Object.fromEntries(
        names.map((n) => [
          n,
          (['invoices', 'payments', 'log'] as const).map(snap).find((s) => s.name === n) ?? null,
        ]),
      ),
    readHeads: (names) =>
      Object.fromEntries(
        names.map((n) => {
          const s = (['invoices', 'payments', 'log'] as const).map(snap).find((x) => x.name === n);
          return [n, s ? { name: n, values: s.values, lastRow: s.values.length } : null];
        }),
      ),
    readColumn: () => [],
    // Nothing here is read by columns.
    readColumns: () => null,
    readFormulas: () => [],
    writeBlocks: () => undefined,
    applyLayout: () => undefined,
    rewriteTab: () => undefined,
    getProperty: (key) => (key === 'studioLedger.lastId.payment' ? '7' : null),
    getProperties: () => ({ 'studioLedger.lastId.payment': '7' }),
    setProperties: () => undefined,
  };
  return new LedgerTx(port, ['invoices', 'payments']);
}

const inv = (
  id: string,
  clientId: string,
  dueDate: string,
  amount: number,
  extra: Partial<Invoice> = {},
): Invoice => ({
  id,
  saleId: '',
  clientId,
  description: id,
  instalment: null,
  dueDate,
  amount,
  paid: 0,
  status: 'Open',
  batchId: '',
  ...extra,
});
const pay = (id: string, clientId: string, invoiceId: string, date: string, amount: number): Payment => ({
  id,
  date,
  clientId,
  invoiceId,
  amount,
  method: 'DD report',
  reference: 'ezidebit:P2',
});

// Dan: $21 kept on 19 Sep. Due by 30 Sep: a $15 fee (row 5) and a $50 instalment rolled by this action
// (no row yet); a $99 debit in flight (Sent); $50 due in October. Ben: $5 kept on 1 Oct (after the date).
const invoices = [
  inv('INV-10', 'C-6', '2016-09-20', 1500, { row: 5 }),
  inv('INV-11', 'C-6', '2016-09-30', 5000),
  inv('INV-12', 'C-6', '2016-09-16', 9900, { row: 6, status: 'Sent', batchId: 'B-000002' }),
  inv('INV-13', 'C-6', '2016-10-14', 5000, { row: 7 }),
  inv('INV-20', 'C-4', '2016-09-16', 22000, { row: 8, status: 'Held' }),
];
const payments = [
  pay('P-000006', 'C-6', '', '2016-09-19', 2100),
  pay('P-000007', 'C-4', '', '2016-10-01', 500),
];

describe('spending credit', () => {
  it('pays what is due by the date, oldest first, as pairs dated that day; the rest stays credit', () => {
    const t = tx();
    const plan = planCreditSpend(t, { date: '2016-09-30', invoices, payments });
    expect(plan.payments).toEqual([
      {
        id: 'P-000008',
        date: '2016-09-30',
        clientId: 'C-6',
        invoiceId: '',
        amount: -1500,
        method: 'Credit',
        reference: 'Credit spent on INV-10',
      },
      {
        id: 'P-000009',
        date: '2016-09-30',
        clientId: 'C-6',
        invoiceId: 'INV-10',
        amount: 1500,
        method: 'Credit',
        reference: 'Credit spent on INV-10',
      },
      {
        id: 'P-000010',
        date: '2016-09-30',
        clientId: 'C-6',
        invoiceId: '',
        amount: -600,
        method: 'Credit',
        reference: 'Credit spent on INV-11',
      },
      {
        id: 'P-000011',
        date: '2016-09-30',
        clientId: 'C-6',
        invoiceId: 'INV-11',
        amount: 600,
        method: 'Credit',
        reference: 'Credit spent on INV-11',
      },
    ]);
    expect(plan.invoices.map((i) => [i.id, i.row, i.paid, i.status])).toEqual([
      ['INV-10', 5, 1500, 'Paid'],
      ['INV-11', undefined, 600, 'Part paid'],
    ]);
    expect(plan.clients).toEqual([
      { clientId: 'C-6', credit: 2100, spent: 2100, left: 0, invoiceIds: ['INV-10', 'INV-11'] },
    ]);
    expect(plan.spent).toBe(2100);
    // The pairs net to nothing: Dan's Payments still sum to the $21 he paid.
    expect(
      [...payments, ...plan.payments].filter((p) => p.clientId === 'C-6').reduce((s, p) => s + p.amount, 0),
    ).toBe(2100);

    // Written: the invoice on the tab is updated, the one planned by the action is the caller's to append.
    writeCreditSpend(t, plan);
    expect(t.planned('invoices').updates.map((u) => [u.rowNumber, u.cells.Paid, u.cells.Status])).toEqual([
      [5, 15, 'Paid'],
    ]);
    expect(t.planned('payments').appends.map((a) => [a['Payment ID'], a['Invoice ID'], a.Amount])).toEqual([
      ['P-000008', '', -15],
      ['P-000009', 'INV-10', 15],
      ['P-000010', '', -6],
      ['P-000011', 'INV-11', 6],
    ]);
    expect(settled(invoices, plan).find((i) => i.id === 'INV-11')).toMatchObject({
      paid: 600,
      status: 'Part paid',
    });
    expect(t.ids.properties()).toEqual({ 'studioLedger.lastId.payment': '11' });
  });

  it('planned again once the pairs are on the Payments tab, it spends nothing (never twice)', () => {
    const first = planCreditSpend(tx(), { date: '2016-09-30', invoices, payments });
    const again = planCreditSpend(tx(), {
      date: '2016-10-20',
      invoices: settled(invoices, first),
      payments: [...payments, ...first.payments],
    });
    // Dan's credit is spent; Ben's $5 (kept 1 Oct) pays his held invoice, which stays Held.
    expect(again.clients.map((c) => [c.clientId, c.credit, c.spent])).toEqual([['C-4', 500, 500]]);
    expect(again.invoices.map((i) => [i.id, i.paid, i.status])).toEqual([['INV-20', 500, 'Held']]);
  });

  it('a preview plans the same pairs and reserves no payment ID; a client filter leaves the others', () => {
    const t = tx();
    const preview = planCreditSpend(t, { date: '2016-10-01', invoices, payments, preview: true });
    expect(preview.payments.map((p) => [p.id, p.invoiceId, p.amount])).toEqual([
      ['', '', -500],
      ['', 'INV-20', 500],
      ['', '', -1500],
      ['', 'INV-10', 1500],
      ['', '', -600],
      ['', 'INV-11', 600],
    ]);
    expect(t.ids.properties()).toEqual({});
    const ben = planCreditSpend(t, { date: '2016-10-01', invoices, payments, clients: new Set(['C-4']) });
    expect(ben.payments.map((p) => [p.id, p.clientId])).toEqual([
      ['P-000008', 'C-4'],
      ['P-000009', 'C-4'],
    ]);
    // Before Ben's money arrived there is nothing of his to spend.
    expect(
      planCreditSpend(tx(), { date: '2016-09-30', invoices, payments, clients: new Set(['C-4']) }).payments,
    ).toEqual([]);
  });
});
