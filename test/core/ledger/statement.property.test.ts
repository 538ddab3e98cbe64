// Property: over random ledgers (invoices in every status, payments, reversals, credit kept and spent,
// refunds, write-offs, rows a person typed by hand), a statement's parts add up to its balance, the balance
// is the issue's rule, the lines' running balance ends on it, and the overdue part is what Outstanding
// lists for the client that day, to the cent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates } from '../../../src/core/calendar';
import { INVOICE_STATUSES, type Invoice, type Payment } from '../../../src/core/ledger/records';
import { buildStatement, partsTotal } from '../../../src/core/ledger/statement';
import { isWrittenOff } from '../../../src/core/lifecycle/outstanding';
import { outstandingReport } from '../../../src/sheets/actions/outstanding';

const DAY0 = '2016-09-01';
const day = fc.integer({ min: 0, max: 90 }).map((n) => addDays(DAY0, n));
const cents = fc.integer({ min: 1, max: 60000 });
const CLIENTS = ['C-1', 'C-2'];

const invoiceArb = (id: string) =>
  fc
    .record({
      clientId: fc.constantFrom(...CLIENTS),
      due: day,
      created: fc.option(day, { nil: null }),
      amount: cents,
      paidShare: fc.integer({ min: 0, max: 110 }),
      status: fc.constantFrom(...INVOICE_STATUSES),
      writeOffDate: fc.option(day, { nil: null }),
      fee: fc.boolean(),
    })
    .map((r): Invoice => ({
      id,
      saleId: '',
      clientId: r.clientId,
      description: r.fee ? 'Dishonour fee' : 'PT',
      instalment: null,
      dueDate: r.due,
      amount: r.amount,
      paid: Math.round((r.amount * r.paidShare) / 100),
      status: r.status,
      batchId: r.status === 'Sent' ? 'B-000001' : '',
      created: r.created,
      sentAmount: r.status === 'Sent' ? r.amount : null,
      ...(r.status === 'Written off' ? { writeOffReason: 'Gone', writeOffDate: r.writeOffDate } : {}),
    }));

type RowDraft = Omit<Payment, 'id'>;

/** One money event for a client: a payment, a reversal, credit kept, credit spent (a pair), a refund. */
const eventArb = (invoices: readonly Invoice[]) =>
  fc
    .record({
      kind: fc.constantFrom('pay', 'reverse', 'credit', 'spend', 'refund', 'refundCredit', 'stray'),
      pick: fc.nat(),
      clientId: fc.constantFrom(...CLIENTS),
      date: day,
      amount: cents,
    })
    .map(({ kind, pick, clientId, date, amount }): RowDraft[] => {
      const own = invoices.filter((i) => i.clientId === clientId);
      const target = own.length ? own[pick % own.length]!.id : '';
      const row = (invoiceId: string, a: number, method: string, extra: Partial<Payment> = {}): RowDraft => ({
        date,
        clientId,
        invoiceId,
        amount: a,
        method,
        reference: '',
        ...extra,
      });
      switch (kind) {
        case 'pay':
          return [row(target, amount, 'Cash', { receiptId: `R-${pick}` })];
        case 'reverse':
          return [row(target, -amount, 'Decline', { reason: 'Refer to customer' })];
        case 'credit':
          return [row('', amount, 'Bank transfer')];
        case 'spend':
          return [
            row('', -amount, 'Credit', { reference: `Credit spent on ${target}` }),
            row(target, amount, 'Credit', { reference: `Credit spent on ${target}` }),
          ];
        case 'refund':
          return [row(target, -amount, 'Refund', { refundOf: `R-${pick}`, reason: 'Sale cancelled' })];
        case 'refundCredit':
          return [
            row(target, -amount, 'Refund', { refundOf: `R-${pick}`, reason: 'To credit' }),
            row('', amount, 'Refund', { refundOf: `R-${pick}`, reason: 'To credit' }),
          ];
        default:
          // Typed by hand on an invoice the Invoices tab does not have.
          return [row('INV-GONE', amount, 'Cash')];
      }
    });

const ledgerArb = fc
  .integer({ min: 0, max: 8 })
  .chain((n) =>
    fc.tuple(...Array.from({ length: n }, (_, i) => invoiceArb(`INV-${String(i + 1).padStart(6, '0')}`))),
  )
  .chain((invoices) =>
    fc.record({
      invoices: fc.constant(invoices as Invoice[]),
      events: fc.array(eventArb(invoices as Invoice[]), { maxLength: 14 }),
      today: day,
      from: fc.option(day, { nil: null }),
      to: fc.option(day, { nil: null }),
    }),
  )
  .map((l) => ({
    ...l,
    // The sheets layer refuses a From after the To.
    ...(l.from && l.to && l.from > l.to ? { from: l.to, to: l.from } : {}),
    payments: l.events.flat().map((p, i): Payment => ({ ...p, id: `P-${String(i + 1).padStart(6, '0')}` })),
  }));

describe('a statement over random ledgers', () => {
  it('adds up to its balance, and its overdue part is Outstanding for the client that day', () => {
    fc.assert(
      fc.property(ledgerArb, ({ invoices, payments, today, from, to }) => {
        const outstanding = outstandingReport([], invoices, payments, today);
        for (const clientId of CLIENTS) {
          const s = buildStatement({ clientId, invoices, payments }, today, { from, to });
          expect(partsTotal(s.parts)).toBe(s.balance);

          // The rule: invoices not Cancelled, less write-offs, less the client's Payments rows.
          const rows = payments.filter((p) => p.clientId === clientId && compareDates(p.date, today) <= 0);
          const mine = invoices.filter((i) => i.clientId === clientId);
          const paidRule = (inv: Invoice) =>
            payments.some((p) => p.invoiceId === inv.id)
              ? rows.filter((p) => p.invoiceId === inv.id).reduce((t, p) => t + p.amount, 0)
              : inv.paid;
          const invoiced = mine.filter((i) => i.status !== 'Cancelled').reduce((t, i) => t + i.amount, 0);
          const writtenOff = mine
            .filter((i) => isWrittenOff(i, today))
            .reduce((t, i) => t + i.amount - paidRule(i), 0);
          const received = rows.reduce((t, p) => t + p.amount, 0);
          expect(s.balance).toBe(invoiced - writtenOff - received);
          expect(s.writtenOff).toBe(writtenOff);

          const owed = outstanding.clients.find((c) => c.clientId === clientId)?.owed ?? 0;
          expect(s.parts.find((p) => p.key === 'overdue')!.amount).toBe(owed);

          // The lines, in date order, run from the opening balance to the closing one.
          const dates = s.lines.map((l) => l.date);
          expect([...dates].sort()).toEqual(dates);
          const shown = s.lines.reduce((t, l) => t + l.amount, s.opening ?? 0);
          expect(shown).toBe(s.closing);
          if (!to) expect(s.closing).toBe(s.balance);
        }
      }),
      { numRuns: 400 },
    );
  });
});
