// Credits are money: a client's unspent credit on a date is netted off what they owe (Outstanding, the
// reminder, the Balances totals), and spending it (a pair of Payments rows) is never shown as a payment.
import { describe, expect, it } from 'vitest';
import { balances, balanceTotals } from '../../../src/core/lifecycle/balances';
import { creditByClient } from '../../../src/core/lifecycle/credit';
import {
  overdueByClient,
  overdueReminder,
  overdueTotal,
  type OwedInvoice,
} from '../../../src/core/lifecycle/outstanding';
import type { Payment } from '../../../src/core/ledger/records';

const inv = (
  id: string,
  clientId: string,
  dueDate: string,
  amount: number,
  extra: Partial<OwedInvoice> = {},
): OwedInvoice => ({ id, clientId, dueDate, amount, paid: 0, status: 'Open', ...extra });

let n = 0;
const pay = (
  clientId: string,
  invoiceId: string,
  date: string,
  amount: number,
  method = 'DD report',
): Payment => ({
  id: `P-${++n}`,
  clientId,
  invoiceId,
  date,
  amount,
  method,
  reference: '',
});

// Dan paid $120 on 19 Sep for a $99 invoice: $21 kept as credit. His $160 instalment fell due on 30 Sep.
// Cara owes $160 from 16 Sep and has a $200 credit from 20 Sep. Eve has $5 credit from 10 Oct.
const invoices = [
  inv('INV-7', 'C-6', '2016-09-16', 9900, { status: 'Paid', paid: 9900 }),
  inv('INV-9', 'C-6', '2016-09-30', 16000),
  inv('INV-6', 'C-5', '2016-09-16', 16000, { status: 'Declined' }),
  inv('INV-8', 'C-7', '2016-09-16', 5500),
];
const payments = [
  pay('C-6', 'INV-7', '2016-09-19', 9900),
  pay('C-6', '', '2016-09-19', 2100),
  pay('C-5', '', '2016-09-20', 20000, 'Cash'),
  pay('C-7', '', '2016-10-10', 500, 'Bank transfer'),
];

describe("a client's credit on a date", () => {
  it('is their Payments rows with no invoice dated by then', () => {
    expect(creditByClient(payments, '2016-09-18')).toEqual(new Map());
    expect(creditByClient(payments, '2016-09-19')).toEqual(new Map([['C-6', 2100]]));
    expect(creditByClient(payments, '2016-10-10')).toEqual(
      new Map([
        ['C-6', 2100],
        ['C-5', 20000],
        ['C-7', 500],
      ]),
    );
    // Spent on 1 Oct (-$21 with no invoice, +$21 on INV-9): none left from that day on, $21 before it.
    const spent = [
      ...payments,
      pay('C-6', '', '2016-10-01', -2100, 'Credit'),
      pay('C-6', 'INV-9', '2016-10-01', 2100, 'Credit'),
    ];
    expect(creditByClient(spent, '2016-09-30').get('C-6')).toBe(2100);
    expect(creditByClient(spent, '2016-10-01').has('C-6')).toBe(false);
  });
});

describe('Outstanding net of credit', () => {
  const on = (asOf: string, rows: readonly Payment[] = payments) =>
    overdueByClient(invoices, rows, asOf, asOf, creditByClient(rows, asOf));

  it('nets the credit off what is overdue; a client whose credit covers it owes nothing', () => {
    // 19 Sep: Cara's credit has not arrived, Eve's neither.
    expect(on('2016-09-19').map((c) => [c.clientId, c.owed, c.credit])).toEqual([
      ['C-5', 16000, 0],
      ['C-7', 5500, 0],
    ]);
    // 1 Oct: Cara's $200 covers her $160; Dan owes $160 less his $21.
    const oct1 = on('2016-10-01');
    expect(oct1.map((c) => [c.clientId, c.invoiceIds, c.owed, c.credit])).toEqual([
      ['C-6', ['INV-9'], 13900, 2100],
      ['C-7', ['INV-8'], 5500, 0],
    ]);
    expect(overdueTotal(oct1)).toBe(19400);
    expect(overdueReminder(oct1)).toBe('2 clients have overdue invoices ($194.00)');
    // 11 Oct: Eve's $5 is netted off too; the list is still largest (net) debt first.
    expect(on('2016-10-11').map((c) => [c.clientId, c.owed, c.credit])).toEqual([
      ['C-6', 13900, 2100],
      ['C-7', 5000, 500],
    ]);
  });

  it('once spent, the invoice is paid by the pair and the credit is gone: the same net, never twice', () => {
    const spent = [
      ...payments,
      pay('C-6', '', '2016-10-01', -2100, 'Credit'),
      pay('C-6', 'INV-9', '2016-10-01', 2100, 'Credit'),
    ];
    const dan = on('2016-10-02', spent).find((c) => c.clientId === 'C-6')!;
    expect(dan).toMatchObject({ owed: 13900, credit: 0, invoiceIds: ['INV-9'] });
    // The money arrived on 19 Sep: spending it on 1 Oct is no payment of its own.
    expect(dan.lastPayment).toEqual({ date: '2016-09-19', amount: 12000 });
  });

  it('without the credit map nothing is netted (the old reading)', () => {
    expect(overdueByClient(invoices, payments, '2016-10-01').map((c) => [c.clientId, c.owed])).toEqual([
      ['C-5', 16000],
      ['C-6', 16000],
      ['C-7', 5500],
    ]);
  });
});

describe('Balances with credit', () => {
  it("puts the credit on the client's row outside any package; the totals net it off", () => {
    const sales = [{ id: 'S-1', clientId: 'C-6', saleDate: '2016-09-13' }];
    const bal = balances(
      {
        sales,
        allocations: [],
        attendance: [],
        invoices: [
          { saleId: 'S-1', clientId: 'C-6', dueDate: '2016-09-30', amount: 16000, paid: 0, status: 'Open' },
          { saleId: '', clientId: 'C-6', dueDate: '2016-09-16', amount: 9900, paid: 9900, status: 'Paid' },
          { saleId: '', clientId: 'C-5', dueDate: '2016-09-16', amount: 16000, paid: 0, status: 'Declined' },
        ],
      },
      '2016-10-11',
      creditByClient(payments, '2016-10-11'),
    );
    expect(bal.map((b) => [b.clientId, b.saleId, b.owed, b.credit])).toEqual([
      ['C-6', 'S-1', 16000, 0],
      ['C-6', '', 0, 2100],
      ['C-5', '', 16000, 20000],
      // Eve has no invoice in this ledger: her credit still gets its row.
      ['C-7', '', 0, 500],
    ]);
    expect(balanceTotals(bal)).toEqual({ owed: 32000, credit: 22600, net: 9400 });
  });
});
