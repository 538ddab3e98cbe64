// The overdue summary counts, on any later day, what Outstanding counts from the ledger itself (same
// clients, same total, credit netted off), per client or folded per due date; an update for the clients
// an action touched gives the summary made afresh.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/core/calendar';
import { creditByClient } from '../../../src/core/lifecycle/credit';
import { overdueByClient, overdueTotal } from '../../../src/core/lifecycle/outstanding';
import {
  creditsByClient,
  dayStepsOf,
  duesByClient,
  overdueOn,
  overdueOnDays,
  summaryOf,
  summaryReminder,
  updatedSummary,
} from '../../../src/core/lifecycle/overdueSummary';
import type { Invoice, Payment } from '../../../src/core/ledger/records';

const START = '2016-09-01';
const CLIENTS = ['C-0001', 'C-0002', 'C-0003', 'C-0004'];
const STATUSES = [
  'Open',
  'Part paid',
  'Paid',
  'Sent',
  'Held',
  'Declined',
  'Cancelled',
  'Written off',
] as const;

const invoiceArb = fc.record({
  client: fc.constantFrom(...CLIENTS),
  day: fc.integer({ min: 0, max: 60 }),
  amount: fc.integer({ min: 1, max: 50_000 }),
  paidPart: fc.integer({ min: 0, max: 100 }),
  status: fc.constantFrom(...STATUSES),
});
const creditArb = fc.record({
  client: fc.constantFrom(...CLIENTS),
  amount: fc.integer({ min: -2_000, max: 20_000 }),
});

interface InvoiceRow {
  client: string;
  day: number;
  amount: number;
  paidPart: number;
  status: (typeof STATUSES)[number];
}
interface CreditRow {
  client: string;
  amount: number;
}

function ledger(rows: InvoiceRow[], credits: CreditRow[]): { invoices: Invoice[]; payments: Payment[] } {
  const invoices = rows.map((r, i): Invoice => {
    const paid = r.status === 'Paid' ? r.amount : Math.floor((r.amount * r.paidPart) / 100);
    return {
      id: `INV-${String(i + 1).padStart(6, '0')}`,
      saleId: '',
      clientId: r.client,
      description: '',
      instalment: null,
      dueDate: addDays(START, r.day),
      amount: r.amount,
      paid,
      status: r.status,
      batchId: '',
      created: null,
      sentAmount: null,
      declineReason: '',
    };
  });
  // The Paid column is what the rows say (a hand-kept ledger: no payment rows), plus credit rows.
  const payments = credits.map((c, i): Payment => ({
    id: `P-${String(i + 1).padStart(6, '0')}`,
    date: START,
    clientId: c.client,
    invoiceId: '',
    amount: c.amount,
    method: 'DD report',
    reference: '',
  }));
  return { invoices, payments };
}

describe('the overdue summary', () => {
  it('counts on any later day what Outstanding counts from the ledger', () => {
    fc.assert(
      fc.property(
        fc.array(invoiceArb, { maxLength: 25 }),
        fc.array(creditArb, { maxLength: 5 }),
        fc.integer({ min: 0, max: 70 }),
        (rows, credits, after) => {
          const { invoices, payments } = ledger(rows, credits);
          const asOf = addDays(START, 0);
          const today = addDays(START, after);
          const s = summaryOf(asOf, duesByClient(invoices), creditsByClient(payments));
          const truth = overdueByClient(invoices, payments, today, today, creditByClient(payments, today));
          const count = overdueOn(s, today);
          expect(count).toEqual({ clients: truth.length, total: overdueTotal(truth) });
          expect(overdueOnDays(dayStepsOf(s), today)).toEqual(count);
        },
      ),
    );
  });

  it('an update for the touched clients equals the summary made afresh', () => {
    fc.assert(
      fc.property(
        fc.array(invoiceArb, { maxLength: 20 }),
        fc.array(invoiceArb, { maxLength: 6 }),
        fc.array(creditArb, { maxLength: 5 }),
        (before, added, credits) => {
          const old = ledger(before, credits);
          const now = ledger([...before, ...added], credits);
          const credit = creditsByClient(old.payments);
          const previous = summaryOf(START, duesByClient(old.invoices), credit);
          const touched = new Set(added.map((a) => a.client));
          const updated = updatedSummary(
            previous,
            '2016-09-02',
            touched,
            duesByClient(now.invoices, touched),
            null,
          );
          expect(updated).toEqual(summaryOf('2016-09-02', duesByClient(now.invoices), credit));
        },
      ),
    );
  });

  it('says which day the ledger is from', () => {
    expect(summaryReminder({ clients: 3, total: 66000 }, '2016-09-13')).toBe(
      '3 clients have overdue invoices ($660.00); ledger as of 2016-09-13',
    );
    expect(summaryReminder({ clients: 1, total: 4995 }, '2016-09-15')).toBe(
      '1 client has overdue invoices ($49.95); ledger as of 2016-09-15',
    );
    expect(summaryReminder({ clients: 0, total: 0 }, '2016-09-15')).toBeNull();
  });
});
