// Outstanding on a date is read from the Payments rows dated up to it: a declined debit is owed again
// from its reversal, and a reversed payment is never shown as the last one.
import { describe, expect, it } from 'vitest';
import { overdueByClient, type OwedInvoice, type PaymentLine } from '../../../src/core/lifecycle/outstanding';

const inv = (
  id: string,
  clientId: string,
  dueDate: string,
  amount: number,
  extra: Partial<OwedInvoice> = {},
): OwedInvoice => ({ id, clientId, dueDate, amount, paid: 0, status: 'Open', ...extra });

const pay = (invoiceId: string, date: string, amount: number, clientId = 'C-5'): PaymentLine => ({
  clientId,
  invoiceId,
  date,
  amount,
});

describe('overdue on a date, from the payments dated up to it', () => {
  // Priya: instalment 1 debited 16 Sep, declined (reversed) 20 Sep with a $15 fee due that day, both paid
  // again on 30 Sep with instalment 2; instalment 3 debited 14 Oct and declined 18 Oct (fee due 18 Oct).
  // The Paid and Status columns are today's (19 Oct).
  const invoices = [
    inv('INV-1', 'C-5', '2016-09-16', 22000, {
      status: 'Paid',
      paid: 22000,
      declineReason: 'Refer to customer',
    }),
    inv('INV-2', 'C-5', '2016-09-30', 22000, { status: 'Paid', paid: 22000 }),
    inv('INV-3', 'C-5', '2016-10-14', 22000, { status: 'Declined', declineReason: 'Insufficient funds' }),
    inv('INV-F1', 'C-5', '2016-09-20', 1500, { status: 'Paid', paid: 1500 }),
    inv('INV-F2', 'C-5', '2016-10-18', 1500),
    // Sam keeps his ledger by hand: no Payments rows, so his Paid column counts.
    inv('INV-9', 'C-2', '2016-09-13', 50000, { status: 'Part paid', paid: 10000 }),
  ];
  const payments = [
    pay('INV-1', '2016-09-16', 22000),
    pay('INV-1', '2016-09-20', -22000),
    pay('INV-1', '2016-09-30', 22000),
    pay('INV-2', '2016-09-30', 22000),
    pay('INV-F1', '2016-09-30', 1500),
    pay('INV-3', '2016-10-14', 22000),
    pay('INV-3', '2016-10-18', -22000),
  ];
  const priya = (asOf: string, today = '2016-10-19') =>
    overdueByClient(invoices, payments, asOf, today).find((c) => c.clientId === 'C-5') ?? null;

  it('a debit declined later was paid until its reversal; owed (with the fee) from then until paid again', () => {
    expect(priya('2016-09-19')).toBeNull();
    expect(priya('2016-09-20')).toEqual({
      clientId: 'C-5',
      invoiceIds: ['INV-1'],
      owed: 22000,
      credit: 0,
      oldestDue: '2016-09-16',
      daysOverdue: 4,
      lastPayment: null,
      // The reason of the decline known then, not of the one on 18 Oct.
      lastDeclineReason: 'Refer to customer',
    });
    for (const asOf of ['2016-09-21', '2016-09-29'])
      expect(priya(asOf)).toMatchObject({ invoiceIds: ['INV-1', 'INV-F1'], owed: 23500, lastPayment: null });
    expect(priya('2016-09-30')).toBeNull();
    expect(priya('2016-10-17')).toBeNull();
  });

  it('the last payment leaves out a debit reversed by then, and counts one reversed only later', () => {
    // 19 Oct: the 14 Oct debit was reversed on 18 Oct; the 30 Sep debits stand.
    expect(priya('2016-10-19')).toEqual({
      clientId: 'C-5',
      invoiceIds: ['INV-3', 'INV-F2'],
      owed: 23500,
      credit: 0,
      oldestDue: '2016-10-14',
      daysOverdue: 5,
      lastPayment: { date: '2016-09-30', amount: 45500 },
      lastDeclineReason: 'Insufficient funds',
    });
    // Paid again after the decline: the new payment is the last one, the reversed one never is.
    const again = [...payments, pay('INV-3', '2016-10-28', 22000)];
    const late = [...invoices, inv('INV-4', 'C-5', '2016-10-28', 22000)];
    expect(
      overdueByClient(late, again, '2016-11-01', '2016-11-01').find((c) => c.clientId === 'C-5'),
    ).toMatchObject({
      invoiceIds: ['INV-F2', 'INV-4'],
      owed: 23500,
      lastPayment: { date: '2016-10-28', amount: 22000 },
    });
  });

  it('without Payments rows an invoice keeps its Paid column; Cancelled is never owed', () => {
    const list = overdueByClient(
      [...invoices, inv('INV-X', 'C-2', '2016-09-01', 1500, { status: 'Cancelled' })],
      payments,
      '2016-09-14',
    );
    expect(list).toEqual([
      {
        clientId: 'C-2',
        invoiceIds: ['INV-9'],
        owed: 40000,
        credit: 0,
        oldestDue: '2016-09-13',
        daysOverdue: 1,
        lastPayment: null,
        lastDeclineReason: '',
      },
    ]);
  });

  it('a debit Sent now is left out from today on; for a past date its payments decide', () => {
    const sent = [
      inv('INV-5', 'C-3', '2016-09-16', 16000, { status: 'Sent' }),
      inv('INV-6', 'C-3', '2016-09-16', 4995, { status: 'Sent' }),
    ];
    // INV-6 was debited once, declined, and is in a new debit now (Sent, its payments net to nothing).
    const rows = [pay('INV-6', '2016-09-16', 4995, 'C-3'), pay('INV-6', '2016-09-20', -4995, 'C-3')];
    expect(overdueByClient(sent, rows, '2016-09-30', '2016-09-30')).toEqual([]);
    expect(overdueByClient(sent, rows, '2016-10-01', '2016-09-30')).toEqual([]);
    expect(overdueByClient(sent, rows, '2016-09-19')).toEqual([]);
    expect(overdueByClient(sent, rows, '2016-09-19', '2016-09-30')).toEqual([
      {
        clientId: 'C-3',
        invoiceIds: ['INV-5'],
        owed: 16000,
        credit: 0,
        oldestDue: '2016-09-16',
        daysOverdue: 3,
        lastPayment: { date: '2016-09-16', amount: 4995 },
        lastDeclineReason: '',
      },
    ]);
    expect(overdueByClient(sent, rows, '2016-09-25', '2016-09-30')).toMatchObject([
      { invoiceIds: ['INV-5', 'INV-6'], owed: 20995, lastPayment: null },
    ]);
  });
});
