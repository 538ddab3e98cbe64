// Overdue lists, balances and cancellation outcomes on small worked ledgers.
import { describe, expect, it } from 'vitest';
import {
  allocationWithdrawn,
  balances,
  cancelOutcome,
  overdueByClient,
  overdueReminder,
  packageForSession,
  splitSessions,
  type OwedInvoice,
} from '../../../src/core/lifecycle';

const inv = (
  id: string,
  clientId: string,
  dueDate: string,
  amount: number,
  extra: Partial<OwedInvoice> = {},
): OwedInvoice => ({ id, clientId, dueDate, amount, paid: 0, status: 'Open', ...extra });

describe('overdue invoices per client', () => {
  const invoices = [
    inv('INV-1', 'C-1', '2016-09-16', 22000, { status: 'Paid', paid: 22000 }),
    inv('INV-2', 'C-1', '2016-09-30', 22000, { status: 'Declined', declineReason: 'Insufficient funds' }),
    inv('INV-3', 'C-1', '2016-10-14', 22000),
    inv('INV-4', 'C-2', '2016-09-13', 50000, { status: 'Part paid', paid: 10000 }),
    inv('INV-5', 'C-3', '2016-09-16', 16000, { status: 'Sent', batchId: 'B-1' } as Partial<OwedInvoice>),
    inv('INV-6', 'C-3', '2016-09-01', 1500, { status: 'Cancelled' }),
    inv('INV-7', 'C-4', '2016-10-13', 4995),
    inv('INV-8', 'C-1', '2016-09-14', 4995, {
      declineReason: 'Refer to customer',
      status: 'Paid',
      paid: 4995,
    }),
  ];
  const payments = [
    { clientId: 'C-1', date: '2016-09-16', amount: 22000 },
    { clientId: 'C-1', date: '2016-09-16', amount: 4995 },
    { clientId: 'C-1', date: '2016-09-30', amount: -22000 },
    { clientId: 'C-2', date: '2016-09-20', amount: 10000 },
    { clientId: 'C-2', date: '2016-10-20', amount: 500 },
  ];

  it('lists due-before-the-date balances of Open, Part paid and Declined invoices, largest debt first', () => {
    const list = overdueByClient(invoices, payments, '2016-10-14');
    expect(list).toEqual([
      {
        clientId: 'C-2',
        invoiceIds: ['INV-4'],
        owed: 40000,
        credit: 0,
        oldestDue: '2016-09-13',
        daysOverdue: 31,
        lastPayment: { date: '2016-09-20', amount: 10000 },
        lastDeclineReason: '',
      },
      {
        clientId: 'C-1',
        invoiceIds: ['INV-2'],
        owed: 22000,
        credit: 0,
        oldestDue: '2016-09-30',
        daysOverdue: 14,
        lastPayment: { date: '2016-09-16', amount: 26995 },
        lastDeclineReason: 'Insufficient funds',
      },
      {
        clientId: 'C-4',
        invoiceIds: ['INV-7'],
        owed: 4995,
        credit: 0,
        oldestDue: '2016-10-13',
        daysOverdue: 1,
        lastPayment: null,
        lastDeclineReason: '',
      },
    ]);
    expect(overdueReminder(list)).toBe('3 clients have overdue invoices ($669.95)');
  });

  it('an invoice due on the date is not overdue yet; a day later it is', () => {
    expect(overdueByClient(invoices, payments, '2016-09-13')).toEqual([]);
    expect(overdueByClient(invoices, payments, '2016-09-14').map((c) => [c.clientId, c.owed])).toEqual([
      ['C-2', 40000],
    ]);
    expect(overdueReminder(overdueByClient(invoices, payments, '2016-09-14'))).toBe(
      '1 client has overdue invoices ($400.00)',
    );
    expect(overdueReminder([])).toBeNull();
  });
});

describe('balances per client and package', () => {
  const sales = [
    { id: 'S-2', clientId: 'C-1', saleDate: '2016-10-01' },
    { id: 'S-1', clientId: 'C-1', saleDate: '2016-09-13' },
    { id: 'S-3', clientId: 'C-2', saleDate: '2016-09-13' },
  ];
  const allocations = [
    { saleId: 'S-1', clientId: 'C-1', date: '2016-09-13', sessions: 4 },
    { saleId: 'S-1', clientId: 'C-1', date: '2016-09-30', sessions: 4 },
    { saleId: 'S-1', clientId: 'C-1', date: '2016-10-14', sessions: 4 },
    { saleId: 'S-2', clientId: 'C-1', date: '2016-10-01', sessions: 10 },
    { saleId: 'S-3', clientId: 'C-2', date: '2016-09-13', sessions: 10 },
  ];
  const attendance = [
    { date: '2016-09-20', clientId: 'C-1', sessions: 3, saleId: '' },
    { date: '2016-10-03', clientId: 'C-1', sessions: 2, saleId: 'S-2' },
    { date: '2016-10-04', clientId: 'C-1', sessions: 7, saleId: '' },
    { date: '2016-10-05', clientId: 'C-2', sessions: 12, saleId: '' },
    { date: '2016-10-06', clientId: 'C-3', sessions: 1, saleId: '' },
    { date: '2016-10-20', clientId: 'C-1', sessions: 1, saleId: 'S-1' },
  ];
  const invoices = [
    {
      saleId: 'S-1',
      clientId: 'C-1',
      dueDate: '2016-09-16',
      amount: 16000,
      paid: 16000,
      status: 'Paid' as const,
    },
    {
      saleId: 'S-1',
      clientId: 'C-1',
      dueDate: '2016-09-30',
      amount: 16000,
      paid: 0,
      status: 'Declined' as const,
    },
    {
      saleId: 'S-1',
      clientId: 'C-1',
      dueDate: '2016-10-14',
      amount: 16000,
      paid: 0,
      status: 'Open' as const,
    },
    {
      saleId: 'S-2',
      clientId: 'C-1',
      dueDate: '2016-10-01',
      amount: 50000,
      paid: 0,
      status: 'Cancelled' as const,
    },
    { saleId: '', clientId: 'C-1', dueDate: '2016-09-14', amount: 4995, paid: 0, status: 'Open' as const },
  ];

  it('as of 12 Oct: allocations to that date, usage oldest package first, money owed and not yet due', () => {
    const rows = balances({ sales, allocations, attendance, invoices }, '2016-10-12');
    expect(
      rows.map((r) => [
        r.clientId,
        r.saleId,
        r.allocated,
        r.used,
        r.left,
        r.invoiced,
        r.paid,
        r.owed,
        r.notYetDue,
      ]),
    ).toEqual([
      // S-1 had 8 by then: 3 used on 20 Sep, 5 of the 7 on 4 Oct; S-2's 2 were recorded against it, plus the other 2.
      ['C-1', 'S-1', 8, 8, 0, 48000, 16000, 16000, 16000],
      ['C-1', 'S-2', 10, 4, 6, 0, 0, 0, 0],
      ['C-1', '', 0, 0, 0, 4995, 0, 4995, 0],
      // Used more than allocated: the rest lands on the newest package.
      ['C-2', 'S-3', 10, 12, -2, 0, 0, 0, 0],
      // No package at all.
      ['C-3', '', 0, 1, -1, 0, 0, 0, 0],
    ]);
    expect(packageForSession(rows.filter((r) => r.clientId === 'C-1'))).toBe('S-2');
    expect(packageForSession(rows.filter((r) => r.clientId === 'C-2'))).toBe('S-3');
    expect(packageForSession(rows.filter((r) => r.clientId === 'C-3'))).toBe('');
  });

  it('as of 20 Oct the third lot is in, and the session recorded against S-1 counts', () => {
    const rows = balances({ sales, allocations, attendance, invoices }, '2016-10-20');
    expect(rows.find((r) => r.saleId === 'S-1')).toMatchObject({
      allocated: 12,
      used: 9,
      left: 3,
      owed: 32000,
    });
    expect(packageForSession(rows.filter((r) => r.clientId === 'C-1'))).toBe('S-1');
  });
});

describe('where new sessions come from', () => {
  const rows = [
    { saleId: 'S-1', left: 1 },
    { saleId: 'S-2', left: 0 },
    { saleId: 'S-3', left: 3 },
    { saleId: '', left: -1 },
  ];
  it('oldest packages with sessions left first; the rest from the newest; no package when there is none', () => {
    expect(splitSessions(rows, 1)).toEqual([{ saleId: 'S-1', sessions: 1 }]);
    expect(splitSessions(rows, 3)).toEqual([
      { saleId: 'S-1', sessions: 1 },
      { saleId: 'S-3', sessions: 2 },
    ]);
    expect(splitSessions(rows, 6)).toEqual([
      { saleId: 'S-1', sessions: 1 },
      { saleId: 'S-3', sessions: 5 },
    ]);
    expect(
      splitSessions(
        [
          { saleId: 'S-1', left: 0 },
          { saleId: 'S-2', left: -2 },
        ],
        2,
      ),
    ).toEqual([{ saleId: 'S-2', sessions: 2 }]);
    expect(splitSessions([], 2)).toEqual([{ saleId: '', sessions: 2 }]);
  });
});

describe('cancelling from a date', () => {
  it('cancels what falls due from the date and nothing paid; keeps what is due, paid or being debited', () => {
    const from = '2016-10-14';
    expect(cancelOutcome({ dueDate: '2016-09-30', status: 'Declined', paid: 0 }, from)).toBe('stays due');
    expect(cancelOutcome({ dueDate: '2016-10-14', status: 'Open', paid: 0 }, from)).toBe('cancel');
    expect(cancelOutcome({ dueDate: '2016-10-28', status: 'Declined', paid: 0 }, from)).toBe('cancel');
    expect(cancelOutcome({ dueDate: '2016-10-28', status: 'Paid', paid: 100 }, from)).toBe('paid ahead');
    expect(cancelOutcome({ dueDate: '2016-10-28', status: 'Part paid', paid: 50 }, from)).toBe('part paid');
    expect(cancelOutcome({ dueDate: '2016-10-28', status: 'Sent', paid: 0 }, from)).toBe('in a sent batch');
    expect(cancelOutcome({ dueDate: '2016-10-28', status: 'Cancelled', paid: 0 }, from)).toBe(
      'cancelled already',
    );
    expect(allocationWithdrawn({ date: '2016-10-14', cycle: null }, from)).toBe(true);
    expect(allocationWithdrawn({ date: '2016-10-13', cycle: null }, from)).toBe(false);
    // A recurring lot follows its cycle's invoice, whatever its date.
    expect(allocationWithdrawn({ date: '2016-10-13', cycle: 1 }, from, 'cancel')).toBe(true);
    expect(allocationWithdrawn({ date: '2016-10-28', cycle: 3 }, from, 'in a sent batch')).toBe(false);
    expect(allocationWithdrawn({ date: '2016-10-28', cycle: 3 }, from, 'paid ahead')).toBe(false);
  });
});
