// Spending credit gathers only the invoices of clients with credit: the same pairs, settled invoices,
// payment IDs and totals as gathering every client's invoices (the old way, kept here as the reference),
// over random invoices, credit rows, dates, a client filter and previews.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../src/core/calendar';
import { must, settleInvoice } from '../../src/core/ledger/invoiceState';
import { creditPair, planCreditSpend as spendParts } from '../../src/core/ledger/receipts';
import { INVOICE_STATUSES } from '../../src/core/ledger/records';
import type { LedgerTx } from '../../src/sheets/ledgerTx';
import type { Invoice, Payment } from '../../src/sheets/records';
import {
  planCreditSpend,
  type CreditSpend,
  type CreditSpendInput,
} from '../../src/sheets/actions/spendCredit';
import { referenceCreditByClient } from '../core/lifecycle/creditReference';

/** planCreditSpend as it was: every invoice grouped by client first. */
function reference(tx: LedgerTx, input: CreditSpendInput): CreditSpend {
  const { date } = input;
  const credit = referenceCreditByClient(input.payments, date);
  const invoicesOf = new Map<string, Invoice[]>();
  for (const inv of input.invoices) {
    const list = invoicesOf.get(inv.clientId);
    if (list) list.push(inv);
    else invoicesOf.set(inv.clientId, [inv]);
  }
  const plan: CreditSpend = { date, clients: [], invoices: [], payments: [], spent: 0 };
  const nextId = () => (input.preview ? '' : tx.ids.next('payment'));
  for (const clientId of [...credit.keys()].sort()) {
    if (input.clients && !input.clients.has(clientId)) continue;
    const kept = credit.get(clientId)!;
    const parts = spendParts(invoicesOf.get(clientId) ?? [], kept, date);
    if (!parts.length) continue;
    const byId = new Map((invoicesOf.get(clientId) ?? []).map((i) => [i.id, i]));
    let spent = 0;
    for (const part of parts) {
      const inv = byId.get(part.invoiceId)!;
      plan.invoices.push({ ...inv, ...must(settleInvoice(inv, part.amount)) });
      plan.payments.push(...creditPair(part, clientId, date, { out: nextId(), in: nextId() }));
      spent += part.amount;
    }
    plan.clients.push({
      clientId,
      credit: kept,
      spent,
      left: kept - spent,
      invoiceIds: parts.map((p) => p.invoiceId),
    });
    plan.spent += spent;
  }
  return plan;
}

/** Only the ID counter is used by planning: payment IDs in the order they are handed out. */
function idsOnly(): LedgerTx {
  let n = 0;
  return { ids: { next: (kind: string) => `${kind}-${++n}` } } as unknown as LedgerTx;
}

const day = (n: number) => addDays('2016-09-01', n);

const invoice = fc
  .record({
    n: fc.nat(),
    client: fc.integer({ min: 1, max: 4 }),
    due: fc.integer({ min: 0, max: 50 }),
    amount: fc.integer({ min: 100, max: 30_000 }),
    status: fc.constantFrom(...INVOICE_STATUSES),
    row: fc.option(fc.integer({ min: 2, max: 500 }), { nil: undefined }),
  })
  .map(({ n, client, due, amount, status, row }): Invoice => ({
    id: `INV-${n}`,
    saleId: '',
    clientId: `C-${client}`,
    description: 'x',
    instalment: null,
    dueDate: day(due),
    amount,
    paid: status === 'Paid' ? amount : status === 'Part paid' ? Math.floor(amount / 2) : 0,
    status,
    batchId: status === 'Sent' ? 'B-000001' : '',
    ...(row === undefined ? {} : { row }),
  }));

const payment = fc
  .record({
    n: fc.nat(),
    client: fc.integer({ min: 1, max: 5 }),
    on: fc.integer({ min: 0, max: 60 }),
    credit: fc.boolean(),
    amount: fc.integer({ min: -3_000, max: 40_000 }),
  })
  .map(({ n, client, on, credit, amount }): Payment => ({
    id: `P-${n}`,
    date: day(on),
    clientId: `C-${client}`,
    invoiceId: credit ? '' : `INV-${n}`,
    amount,
    method: credit ? 'Cash' : 'DD report',
    reference: '',
  }));

const outcome = (f: () => CreditSpend): CreditSpend | { refused: string } => {
  try {
    return f();
  } catch (e) {
    return { refused: String(e) };
  }
};

describe('spending credit, over random ledgers', () => {
  it('plans what gathering every invoice planned: pairs, IDs, settled invoices, clients, totals', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(invoice, { minLength: 4, maxLength: 40, selector: (i) => i.id }),
        fc.array(payment, { minLength: 3, maxLength: 30 }),
        fc.integer({ min: 10, max: 60 }),
        fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { maxLength: 4 }), { nil: undefined }),
        fc.boolean(),
        (invoices, payments, on, only, preview) => {
          const input: CreditSpendInput = {
            date: day(on),
            invoices,
            payments,
            preview,
            ...(only ? { clients: new Set(only.map((c) => `C-${c}`)) } : {}),
          };
          expect(outcome(() => planCreditSpend(idsOnly(), input))).toEqual(
            outcome(() => reference(idsOnly(), input)),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
