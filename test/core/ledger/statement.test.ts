// A client's statement: every line in date order with a running balance, and the parts beside the balance
// that add up to it (overdue now as Outstanding has it, in a sent debit, not yet due, unspent credit).
import { describe, expect, it } from 'vitest';
import { buildStatement, partsTotal, type Statement } from '../../../src/core/ledger/statement';
import { statementText } from '../../../src/core/ledger/statementText';
import { overdueByClient } from '../../../src/core/lifecycle/outstanding';
import { inv, pay } from './fixtures';

const TODAY = '2016-10-20';

// Priya (C-5): instalment 1 debited, declined (reversed, a fee) and paid again with the fee; instalment 3
// in a debit being processed; a charge part paid at the desk, then written off; one overdue, one not yet
// due, one cancelled; $25 cash kept as credit and $10 of it given back.
const invoices = [
  inv({
    id: 'INV-1',
    clientId: 'C-5',
    description: 'PT 10 pack 1 of 5',
    dueDate: '2016-09-16',
    created: '2016-09-13',
    status: 'Paid',
    paid: 22000,
  }),
  inv({
    id: 'INV-F',
    clientId: 'C-5',
    saleId: '',
    description: 'Dishonour fee: B-000001 declined (Refer to customer)',
    dueDate: '2016-09-20',
    created: '2016-09-20',
    amount: 1500,
    status: 'Paid',
    paid: 1500,
  }),
  inv({
    id: 'INV-3',
    clientId: 'C-5',
    description: 'PT 10 pack 3 of 5',
    dueDate: '2016-10-14',
    created: '2016-09-13',
    status: 'Sent',
    batchId: 'B-000003',
    sentAmount: 22000,
  }),
  inv({
    id: 'INV-4',
    clientId: 'C-5',
    saleId: '',
    description: 'Shaker <b>& powder</b>',
    dueDate: '2016-10-01',
    created: '2016-09-25',
    amount: 10000,
    status: 'Written off',
    paid: 3000,
    writeOffReason: 'Moved interstate',
    writeOffDate: '2016-10-10',
  }),
  inv({
    id: 'INV-5',
    clientId: 'C-5',
    saleId: '',
    description: 'Towel hire',
    dueDate: '2016-10-05',
    created: '2016-10-01',
    amount: 5000,
  }),
  inv({
    id: 'INV-6',
    clientId: 'C-5',
    saleId: '',
    description: 'Casual session',
    dueDate: '2016-11-01',
    created: '2016-10-18',
    amount: 8000,
  }),
  inv({
    id: 'INV-7',
    clientId: 'C-5',
    saleId: '',
    description: 'Drink',
    dueDate: '2016-10-01',
    created: '2016-09-25',
    amount: 6000,
    status: 'Cancelled',
  }),
  // Someone else's: never on Priya's statement.
  inv({ id: 'INV-9', clientId: 'C-9', dueDate: '2016-09-01', amount: 99900 }),
];
const payments = [
  pay({
    id: 'P-1',
    clientId: 'C-5',
    invoiceId: 'INV-1',
    date: '2016-09-16',
    amount: 22000,
    method: 'Direct debit',
    reference: 'B-000001',
  }),
  pay({
    id: 'P-2',
    clientId: 'C-5',
    invoiceId: 'INV-1',
    date: '2016-09-20',
    amount: -22000,
    method: 'Decline',
    reference: 'B-000001',
    reason: 'Refer to customer (code 6)',
  }),
  pay({
    id: 'P-3',
    clientId: 'C-5',
    invoiceId: 'INV-1',
    date: '2016-09-30',
    amount: 22000,
    method: 'Direct debit',
    reference: 'B-000002',
  }),
  pay({
    id: 'P-4',
    clientId: 'C-5',
    invoiceId: 'INV-F',
    date: '2016-09-30',
    amount: 1500,
    method: 'Direct debit',
    reference: 'B-000002',
  }),
  pay({
    id: 'P-5',
    clientId: 'C-5',
    invoiceId: 'INV-4',
    date: '2016-10-01',
    amount: 3000,
    method: 'Cash',
    reference: '',
    receiptId: 'R-000001',
  }),
  pay({
    id: 'P-6',
    clientId: 'C-5',
    invoiceId: '',
    date: '2016-10-12',
    amount: 2500,
    method: 'Cash',
    reference: '',
    receiptId: 'R-000002',
  }),
  pay({
    id: 'P-7',
    clientId: 'C-5',
    invoiceId: '',
    date: '2016-10-15',
    amount: -1000,
    method: 'Refund',
    reference: 'Refund of R-000002',
    refundOf: 'R-000002',
    reason: 'Overpaid',
  }),
  // Dated after today: not counted yet.
  pay({
    id: 'P-8',
    clientId: 'C-5',
    invoiceId: 'INV-5',
    date: '2016-10-25',
    amount: 5000,
    method: 'Cash',
    reference: '',
  }),
  pay({
    id: 'P-9',
    clientId: 'C-9',
    invoiceId: 'INV-9',
    date: '2016-09-01',
    amount: 100,
    method: 'Cash',
    reference: '',
  }),
];

const priya = (range = {}): Statement =>
  buildStatement({ clientId: 'C-5', invoices, payments }, TODAY, range);
const part = (s: Statement, key: string) => s.parts.find((p) => p.key === key)?.amount;

describe('a client statement', () => {
  it('lists every invoice, payment, reversal, fee, write-off, credit and refund in date order with a running balance', () => {
    const s = priya();
    expect(s.lines.map((l) => [l.date, l.kind, l.ref, l.amount, l.balance])).toEqual([
      ['2016-09-13', 'Invoice', 'INV-1', 22000, 22000],
      ['2016-09-13', 'Invoice', 'INV-3', 22000, 44000],
      ['2016-09-16', 'Payment', 'P-1', -22000, 22000],
      ['2016-09-20', 'Fee', 'INV-F', 1500, 23500],
      ['2016-09-20', 'Reversal', 'P-2', 22000, 45500],
      ['2016-09-25', 'Invoice', 'INV-4', 10000, 55500],
      ['2016-09-25', 'Cancelled', 'INV-7', 0, 55500],
      ['2016-09-30', 'Payment', 'P-3', -22000, 33500],
      ['2016-09-30', 'Payment', 'P-4', -1500, 32000],
      ['2016-10-01', 'Invoice', 'INV-5', 5000, 37000],
      ['2016-10-01', 'Payment', 'R-000001', -3000, 34000],
      ['2016-10-10', 'Written off', 'INV-4', -7000, 27000],
      ['2016-10-12', 'Credit', 'R-000002', -2500, 24500],
      ['2016-10-15', 'Refund', 'P-7', 1000, 25500],
      ['2016-10-18', 'Invoice', 'INV-6', 8000, 33500],
    ]);
    expect(s.lines.find((l) => l.kind === 'Written off')!.description).toBe(
      'Shaker <b>& powder</b>: $70.00 written off (Moved interstate)',
    );
    expect(s.lines.find((l) => l.kind === 'Refund')!.description).toBe(
      'Refund of R-000002 (from credit): Overpaid',
    );
    expect(s.lines.find((l) => l.kind === 'Reversal')!.description).toBe(
      'Reversed on INV-1 (Decline, B-000001): Refer to customer (code 6)',
    );
  });

  it('balance = invoices not cancelled, less write-offs, less the Payments rows; its parts add up to it', () => {
    const s = priya();
    // 220 + 15 + 220 + 100 + 50 + 80, less 70 written off, less 220 - 220 + 220 + 15 + 30 + 25 - 10 received.
    expect(s.balance).toBe(68500 - 7000 - 28000);
    expect(s.writtenOff).toBe(7000);
    // $50 overdue less the $15 credit (as Outstanding nets it), $220 in B-000003, $80 not yet due.
    expect(s.parts).toEqual([
      { key: 'overdue', label: 'Overdue now', amount: 3500 },
      { key: 'inSentDebit', label: 'In a sent debit', amount: 22000 },
      { key: 'notYetDue', label: 'Not yet due', amount: 8000 },
      { key: 'credit', label: 'Unspent credit', amount: 0 },
    ]);
    expect(s.creditNetted).toBe(1500);
    expect(partsTotal(s.parts)).toBe(s.balance);
    expect(s.overdueInvoiceIds).toEqual(['INV-5']);
    const outstanding = overdueByClient(invoices, payments, TODAY, TODAY, new Map([['C-5', 1500]]));
    expect(outstanding.find((c) => c.clientId === 'C-5')!.owed).toBe(part(s, 'overdue'));
  });

  it('credit beyond what is overdue is a negative part', () => {
    const extra = pay({
      id: 'P-10',
      clientId: 'C-5',
      invoiceId: '',
      date: '2016-10-19',
      amount: 10000,
      method: 'Bank transfer',
      reference: 'EFT 123',
    });
    const s = buildStatement({ clientId: 'C-5', invoices, payments: [...payments, extra] }, TODAY);
    // $115 credit: $50 of it nets off the overdue towel hire, $65 left over.
    expect(part(s, 'overdue')).toBe(0);
    expect(part(s, 'credit')).toBe(-6500);
    expect(s.creditNetted).toBe(5000);
    expect(partsTotal(s.parts)).toBe(s.balance);
    expect(s.balance).toBe(22000 + 8000 - 6500);
  });

  it('spent credit is one line that moves money without changing the balance', () => {
    const pair = [
      pay({
        id: 'P-11',
        clientId: 'C-5',
        invoiceId: '',
        date: '2016-10-19',
        amount: -1500,
        method: 'Credit',
        reference: 'Credit spent on INV-5',
      }),
      pay({
        id: 'P-12',
        clientId: 'C-5',
        invoiceId: 'INV-5',
        date: '2016-10-19',
        amount: 1500,
        method: 'Credit',
        reference: 'Credit spent on INV-5',
      }),
    ];
    const s = buildStatement({ clientId: 'C-5', invoices, payments: [...payments, ...pair] }, TODAY);
    const spent = s.lines.filter((l) => l.date === '2016-10-19');
    expect(spent.map((l) => [l.kind, l.amount, l.description])).toEqual([
      ['Credit spent', 0, '$15.00 of credit spent on INV-5'],
    ]);
    expect(s.balance).toBe(priya().balance);
    expect(part(s, 'overdue')).toBe(3500);
    expect(part(s, 'credit')).toBe(0);
    expect(partsTotal(s.parts)).toBe(s.balance);
  });

  it('--from and --to limit the lines, with an opening and a closing balance; the balance is still today’s', () => {
    const s = priya({ from: '2016-09-30', to: '2016-10-12' });
    expect(s.opening).toBe(55500);
    expect(s.lines.map((l) => l.ref)).toEqual(['P-3', 'P-4', 'INV-5', 'R-000001', 'INV-4', 'R-000002']);
    expect(s.closing).toBe(24500);
    expect(s.balance).toBe(33500);
    expect(partsTotal(s.parts)).toBe(s.balance);
  });

  it('a hand-kept invoice (Paid column, no Payments row) and money on a cancelled invoice are parts of their own', () => {
    const s = buildStatement(
      {
        clientId: 'C-2',
        invoices: [
          inv({
            id: 'INV-20',
            clientId: 'C-2',
            dueDate: '2016-09-13',
            amount: 50000,
            paid: 10000,
            status: 'Part paid',
          }),
          inv({
            id: 'INV-21',
            clientId: 'C-2',
            dueDate: '2016-09-27',
            amount: 20000,
            paid: 5000,
            status: 'Cancelled',
          }),
        ],
        payments: [
          pay({ id: 'P-20', clientId: 'C-2', invoiceId: 'INV-21', date: '2016-09-27', amount: 5000 }),
        ],
      },
      TODAY,
    );
    // Invoiced 500 (the cancelled one does not count), less 50 received: 450 by the rule.
    expect(s.balance).toBe(45000);
    expect(s.parts.map((p) => [p.key, p.amount])).toEqual([
      ['overdue', 40000],
      ['inSentDebit', 0],
      ['notYetDue', 0],
      ['credit', 0],
      ['paidOnCancelled', -5000],
      ['paidWithoutRows', 10000],
    ]);
    expect(partsTotal(s.parts)).toBe(s.balance);
  });

  it('sessions allocated, used and left per package', () => {
    const s = buildStatement(
      {
        clientId: 'C-5',
        invoices,
        payments,
        sales: [{ id: 'S-1', clientId: 'C-5', saleDate: '2016-09-13', packageName: 'PT 10 pack' }],
        allocations: [{ saleId: 'S-1', clientId: 'C-5', date: '2016-09-13', sessions: 10 }],
        attendance: [
          { date: '2016-09-20', clientId: 'C-5', sessions: 2, saleId: '' },
          { date: '2016-10-25', clientId: 'C-5', sessions: 1, saleId: 'S-1' },
        ],
      },
      TODAY,
    );
    expect(s.packages).toEqual([
      { saleId: 'S-1', packageName: 'PT 10 pack', allocated: 10, used: 2, left: 8 },
    ]);
  });

  it('reads as text: the lines, the balance and its parts, the sessions', () => {
    const text = statementText(priya({ from: '2016-10-01' }), {
      clientName: 'Priya Shah',
      business: 'Harbour PT',
    });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Harbour PT: Statement for Priya Shah (C-5)');
    expect(lines[1]).toBe('Lines from 2016-10-01; balance as of 2016-10-20');
    expect(text).toMatch(/2016-10-01 +Opening balance +\$320\.00/);
    expect(text).toMatch(
      /2016-10-10 +Written off +INV-4 +Shaker <b>& powder<\/b>: \$70\.00 written off \(Moved interstate\) +-\$70\.00 +\$270\.00/,
    );
    expect(text).toContain('Balance $335.00, made up of:');
    expect(text).toMatch(/Overdue now +\$35\.00 +after \$15\.00 credit/);
    expect(text).toMatch(/In a sent debit +\$220\.00/);
    expect(text).toContain('Written off (not owed): $70.00');
  });

  it('a client with nothing has a zero balance and zero parts', () => {
    const s = buildStatement({ clientId: 'C-77', invoices, payments }, TODAY);
    expect(s.lines).toEqual([]);
    expect(s.balance).toBe(0);
    expect(s.parts.map((p) => p.amount)).toEqual([0, 0, 0, 0]);
  });
});
