// The debit schedule against the invoices the sale actually makes (planSale, and the recurring roll with
// holds and an end), and the summary rule: exactly true or not said.
import { describe, expect, it } from 'vitest';
import type { BillingCycle } from '../../../src/core/billingCycle';
import type { IsoDate } from '../../../src/core/calendar';
import type { Invoice, Payment, Sale } from '../../../src/core/ledger/records';
import { debitSchedule, summarise, type ScheduleLedger } from '../../../src/core/ledger/schedule';
import { rollRecurringHeld, type SaleLife } from '../../../src/core/lifecycle/recurringHeld';
import type { PackageDef, SaleTerms } from '../../../src/core/packageKinds';
import { planSale } from '../../../src/core/salePlan';
import { ptInFiveFortnightly, ptRecurringFortnightly, sale } from '../fixtures';

const cycle: BillingCycle = { billingDay: '2016-09-13', frequency: 'Fortnightly' };
const client = { id: 'C1', status: 'Active', bsb: '062-000', accountNumber: '12345678' };

function saleRow(t: SaleTerms, status: Sale['status'] = 'Active'): Sale {
  return {
    id: t.saleId,
    saleDate: t.saleDate,
    clientId: t.clientId,
    packageCode: t.pkg.code,
    packageName: t.pkg.name,
    kind: t.pkg.kind,
    startDate: t.startDate,
    dueDate: t.dueDate,
    total: t.pkg.price,
    instalments: t.pkg.instalments,
    frequency: t.pkg.frequency,
    sessions: t.pkg.sessions,
    status,
  };
}

let next = 0;
function invoiceRows(t: SaleTerms, drafts = planSale(t).invoices): Invoice[] {
  return drafts.map((d) => ({
    ...d,
    id: `INV-${++next}`,
    paid: 0,
    status: 'Open' as const,
    batchId: '',
  }));
}

function ledgerOf(
  terms: SaleTerms[],
  extra: Partial<ScheduleLedger> = {},
  lives: Record<string, SaleLife> = {},
): ScheduleLedger {
  return {
    client,
    sales: terms.map((t) => saleRow(t)),
    lives: new Map(Object.entries(lives)),
    invoices: terms.flatMap((t) => invoiceRows(t)),
    payments: [],
    ...extra,
  };
}

const pairs = (s: { debits: { date: IsoDate; amount: number }[] }) => s.debits.map((d) => [d.date, d.amount]);

describe('debit schedule', () => {
  it('instalments: one debit per invoice the sale made, on its date and to the cent, summarised', () => {
    const t = sale(ptInFiveFortnightly);
    const l = ledgerOf([t]);
    const s = debitSchedule(l, { asOf: '2016-09-01', cycle });
    expect(pairs(s)).toEqual(l.invoices.map((i) => [i.dueDate, i.amount]));
    expect(s.debits.map((d) => d.invoiceIds)).toEqual(l.invoices.map((i) => [i.id]));
    expect(s.summary).toBe('5 x $220.00 every fortnight from 2016-09-13');
    expect(s.openEnded).toBe(false);
  });

  it('a split that differs by a cent is listed, but not summarised', () => {
    const pkg: PackageDef = { ...ptInFiveFortnightly, price: 100000, instalments: 3 };
    const l = ledgerOf([sale(pkg)]);
    const s = debitSchedule(l, { asOf: '2016-09-01', cycle });
    expect(pairs(s)).toEqual([
      ['2016-09-13', 33334],
      ['2016-09-27', 33333],
      ['2016-10-11', 33333],
    ]);
    expect(s.summary).toBeNull();
  });

  it('two sales on one billing day are one debit covering both, and break the summary', () => {
    const a = sale(ptInFiveFortnightly);
    const b = sale({ ...ptInFiveFortnightly, code: 'PT5', price: 50000 }, { saleId: 'S2' });
    const s = debitSchedule(ledgerOf([a, b]), { asOf: '2016-09-01', cycle });
    expect(pairs(s)).toEqual([
      ['2016-09-13', 32000],
      ['2016-09-27', 32000],
      ['2016-10-11', 32000],
      ['2016-10-25', 32000],
      ['2016-11-08', 32000],
    ]);
    expect(s.debits[0]!.saleIds).toEqual(['S1', 'S2']);
    expect(s.summary).toBeNull();
  });

  it('an open-ended recurring package shows the next 6 cycles, the same the billing roll makes', () => {
    const t = sale(ptRecurringFortnightly);
    const l = ledgerOf([t]);
    const s = debitSchedule(l, { asOf: '2016-09-13', cycle });
    const rolled = rollRecurringHeld(t, { holds: [], endsOn: null }, new Set([1]), '2016-11-22');
    const made = [...l.invoices, ...rolled.invoices].map((i) => [i.dueDate, i.amount]);
    expect(pairs(s)).toEqual(made);
    expect(s.openEnded).toBe(true);
    expect(s.summary).toBe('$160.00 every fortnight from 2016-09-13 until cancelled (next 6 shown)');
  });

  it('a hold skips the cycles it covers, as the roll does, and breaks the summary', () => {
    const t = sale(ptRecurringFortnightly);
    const life = { holds: [{ from: '2016-09-20', to: '2016-10-05' }], endsOn: null };
    const s = debitSchedule(ledgerOf([t], {}, { S1: life }), { asOf: '2016-09-13', cycle });
    const rolled = rollRecurringHeld(t, life, new Set([1]), '2016-12-06');
    expect(pairs(s)).toEqual([['2016-09-13', 16000], ...rolled.invoices.map((i) => [i.dueDate, i.amount])]);
    expect(s.debits.map((d) => d.date)).toEqual([
      '2016-09-13',
      '2016-10-11',
      '2016-10-25',
      '2016-11-08',
      '2016-11-22',
      '2016-12-06',
    ]);
    expect(s.summary).toBeNull();
  });

  it('a cancelled recurring sale stops before its Cancelled From date', () => {
    const t = sale(ptRecurringFortnightly);
    const l = { ...ledgerOf([t], {}, { S1: { holds: [], endsOn: '2016-10-20' } }) };
    l.sales = [saleRow(t, 'Cancelled')];
    const s = debitSchedule(l, { asOf: '2016-09-13', cycle });
    expect(pairs(s)).toEqual([
      ['2016-09-13', 16000],
      ['2016-09-27', 16000],
      ['2016-10-11', 16000],
    ]);
    expect(s.openEnded).toBe(false);
    expect(s.summary).toBe('3 x $160.00 every fortnight from 2016-09-13');
  });

  it('paid and part-paid invoices, overdue ones on the next billing day, and credit paying the first', () => {
    const t = sale(ptInFiveFortnightly);
    const l = ledgerOf([t]);
    const [i1, i2, i3] = l.invoices as [Invoice, Invoice, Invoice];
    i1.paid = 22000;
    i1.status = 'Paid';
    i2.paid = 5000;
    i2.status = 'Part paid';
    i3.status = 'Declined';
    const credit: Payment = {
      id: 'P1',
      date: '2016-09-30',
      clientId: 'C1',
      invoiceId: '',
      amount: 3000,
      method: 'Cash',
      reference: '',
    };
    const s = debitSchedule({ ...l, payments: [credit] }, { asOf: '2016-10-12', cycle });
    // Instalments 2 (part paid) and 3 (declined) are both overdue: the next billing day, 2016-10-25.
    expect(pairs(s)).toEqual([
      ['2016-10-25', 17000 + 22000 + 22000 - 3000],
      ['2016-11-08', 22000],
    ]);
    expect(s.creditApplied).toBe(3000);
    expect(s.summary).toBeNull();
  });

  it('a held invoice is not debited; DD stopped takes nothing', () => {
    const l = ledgerOf([sale(ptInFiveFortnightly)]);
    l.invoices[0]!.status = 'Held';
    const s = debitSchedule(l, { asOf: '2016-09-01', cycle });
    expect(s.debits.map((d) => d.date)).toEqual(['2016-09-27', '2016-10-11', '2016-10-25', '2016-11-08']);
    expect(s.held).toEqual([{ invoiceId: l.invoices[0]!.id, amount: 22000 }]);
    const stopped = debitSchedule(
      { ...l, client: { ...client, status: 'DD stopped' } },
      { asOf: '2016-09-01', cycle },
    );
    expect(stopped.debits).toEqual([]);
    expect(stopped.blocked).toMatch(/^DD stopped/);
  });

  it('summary: one debit, a monthly rhythm, and an irregular date', () => {
    const d = (date: IsoDate, amount = 1000) => ({ date, amount, saleIds: ['S1'], invoiceIds: [] });
    expect(summarise([d('2016-09-13')], false)).toBe('1 x $10.00 on 2016-09-13');
    expect(summarise([d('2016-01-31'), d('2016-02-29'), d('2016-03-31')], false)).toBe(
      '3 x $10.00 every month from 2016-01-31',
    );
    expect(summarise([d('2016-09-13'), d('2016-09-27'), d('2016-10-12')], false)).toBeNull();
    expect(summarise([], false)).toBeNull();
  });
});
