import { describe, expect, it } from 'vitest';
import {
  PACKAGE_KINDS,
  parsePackageKind,
  planSale,
  SaleError,
  validateSaleTerms,
  type PackageDef,
} from '../../src/core/packageKinds';
import { invoiceDescription } from '../../src/core/descriptions';
import { ptInFiveFortnightly, ptRecurringFortnightly, sale, tenPtPaidInFull } from './fixtures';

describe('seed examples', () => {
  it('10 PT sessions for $500, paid in full', () => {
    expect(planSale(sale(tenPtPaidInFull))).toEqual({
      invoices: [
        {
          saleId: 'S1',
          clientId: 'C1',
          description: '10 x PT — paid in full',
          instalment: 1,
          dueDate: '2016-09-13',
          amount: 50000,
        },
      ],
      allocations: [{ saleId: 'S1', clientId: 'C1', date: '2016-09-13', sessions: 10, cycle: 1 }],
    });
  });

  it('paid in full with a later due date: invoice on the due date, sessions at the sale', () => {
    const plan = planSale(sale(tenPtPaidInFull, { dueDate: '2016-09-30' }));
    expect(plan.invoices.map((i) => i.dueDate)).toEqual(['2016-09-30']);
    expect(plan.allocations.map((a) => a.date)).toEqual(['2016-09-13']);
  });

  it('$1,100 as 5 x $220 fortnightly from Tue 13 Sep 2016', () => {
    const plan = planSale(
      sale(ptInFiveFortnightly, { saleDate: '2016-09-09', startDate: '2016-09-13', dueDate: '' }),
    );
    expect(plan.invoices.map((i) => [i.instalment, i.dueDate, i.amount, i.description])).toEqual([
      [1, '2016-09-13', 22000, '10 x PT — 1 of 5'],
      [2, '2016-09-27', 22000, '10 x PT — 2 of 5'],
      [3, '2016-10-11', 22000, '10 x PT — 3 of 5'],
      [4, '2016-10-25', 22000, '10 x PT — 4 of 5'],
      [5, '2016-11-08', 22000, '10 x PT — 5 of 5'],
    ]);
    expect(plan.allocations).toEqual([
      { saleId: 'S1', clientId: 'C1', date: '2016-09-09', sessions: 10, cycle: 1 },
    ]);
  });

  it('$1,000 in 3 instalments puts the odd cent first', () => {
    const plan = planSale(sale({ ...ptInFiveFortnightly, price: 100000, instalments: 3 }));
    expect(plan.invoices.map((i) => i.amount)).toEqual([33334, 33333, 33333]);
  });

  it('recurring sold 13 Sep, Billing Start Date 16 Sep: only cycle 1 at the sale', () => {
    const plan = planSale(sale(ptRecurringFortnightly, { startDate: '2016-09-16', dueDate: '' }));
    expect(plan).toEqual({
      invoices: [
        {
          saleId: 'S1',
          clientId: 'C1',
          description: 'PT fortnightly — cycle 1',
          instalment: 1,
          dueDate: '2016-09-16',
          amount: 16000,
        },
      ],
      allocations: [{ saleId: 'S1', clientId: 'C1', date: '2016-09-13', sessions: 4, cycle: 1 }],
    });
  });
});

describe('descriptions', () => {
  it('reads as the studio would write it', () => {
    expect(invoiceDescription(tenPtPaidInFull, 1)).toBe('10 x PT — paid in full');
    expect(invoiceDescription(ptInFiveFortnightly, 2)).toBe('10 x PT — 2 of 5');
    expect(invoiceDescription({ ...ptRecurringFortnightly, instalments: 5 }, 2)).toBe(
      'PT fortnightly — 2 of 5',
    );
    expect(invoiceDescription(ptRecurringFortnightly, 3)).toBe('PT fortnightly — cycle 3');
    expect(invoiceDescription({ ...ptRecurringFortnightly, frequency: 'Four-weekly' }, 1)).toBe(
      'PT four-weekly — cycle 1',
    );
  });
});

describe('parsePackageKind', () => {
  it.each([
    ['Paid in full', 'Paid in full'],
    ['paid in full', 'Paid in full'],
    [' PAID  IN FULL ', 'Paid in full'],
    ['Instalments', 'Instalments'],
    ['installments', 'Instalments'],
    ['recurring', 'Recurring'],
  ])('%j -> %s', (input, kind) => {
    expect(parsePackageKind(input)).toBe(kind);
  });

  it('names the allowed kinds', () => {
    expect(PACKAGE_KINDS).toEqual(['Paid in full', 'Instalments', 'Recurring']);
    expect(() => parsePackageKind('subscription')).toThrow(
      'Unknown package kind "subscription": expected one of Paid in full, Instalments, Recurring',
    );
  });
});

describe('validateSaleTerms', () => {
  it('accepts the seed sales, including a start date before the sale (back-dating)', () => {
    expect(validateSaleTerms(sale(tenPtPaidInFull))).toEqual([]);
    expect(validateSaleTerms(sale(ptInFiveFortnightly, { startDate: '2016-08-30', dueDate: '' }))).toEqual(
      [],
    );
    expect(validateSaleTerms(sale(ptRecurringFortnightly, { startDate: '2016-09-16' }))).toEqual([]);
    expect(validateSaleTerms(sale({ ...ptRecurringFortnightly, instalments: 6 }))).toEqual([]);
    expect(validateSaleTerms(sale({ ...tenPtPaidInFull, price: 0, sessions: 0 }))).toEqual([]);
  });

  const bad = (pkg: Partial<PackageDef>, dates: Parameters<typeof sale>[1] = {}) =>
    validateSaleTerms(sale({ ...ptInFiveFortnightly, ...pkg }, dates));

  it.each([
    [{}, { saleDate: '2016-02-30' }, 'Sale date "2016-02-30" is not a date (expected YYYY-MM-DD)'],
    [{}, { startDate: '13/09/2016' }, 'Start date "13/09/2016" is not a date (expected YYYY-MM-DD)'],
    [{}, { dueDate: 'soon' }, 'Due date "soon" is not a date (expected YYYY-MM-DD)'],
    [{ kind: 'Paid in full' as const }, { dueDate: '' }, 'Due date "" is not a date (expected YYYY-MM-DD)'],
    [{}, { saleId: ' ' }, 'Sale ID is missing'],
    [{}, { clientId: '' }, 'Client ID is missing'],
    [{ price: -100 }, {}, "Package PT10-5F: price can't be negative (-$1.00)"],
    [{ price: 10.5 }, {}, 'Package PT10-5F: price must be a whole number of cents, got 10.5'],
    [{ sessions: 2.5 }, {}, 'Package PT10-5F: sessions must be a whole number, 0 or more, got 2.5'],
    [{ sessions: -1 }, {}, 'Package PT10-5F: sessions must be a whole number, 0 or more, got -1'],
    [
      { instalments: null },
      {},
      'Package PT10-5F: number of instalments must be a whole number from 1 to 520, got blank',
    ],
    [
      { instalments: 0 },
      {},
      'Package PT10-5F: number of instalments must be a whole number from 1 to 520, got 0',
    ],
    [
      { instalments: 521 },
      {},
      'Package PT10-5F: number of instalments must be a whole number from 1 to 520, got 521',
    ],
    [
      { instalments: 2.5 },
      {},
      'Package PT10-5F: number of instalments must be a whole number from 1 to 520, got 2.5',
    ],
    [{ frequency: null }, {}, 'Package PT10-5F: a frequency is needed'],
    [{ kind: 'Recurring' as const, frequency: null }, {}, 'Package PT10-5F: a frequency is needed'],
    [
      { kind: 'Recurring' as const, instalments: 0 },
      {},
      'Package PT10-5F: number of cycles must be a whole number from 1 to 520, got 0',
    ],
  ])('%j %j -> %s', (pkg, dates, message) => {
    expect(bad(pkg, dates)).toEqual([message]);
  });

  it('lists every problem at once', () => {
    expect(bad({ price: -1, sessions: -1, frequency: null }, { startDate: 'x' })).toHaveLength(4);
  });

  it('planSale refuses invalid terms with every reason', () => {
    const attempt = () => planSale(sale({ ...ptInFiveFortnightly, instalments: 0, price: -5 }));
    expect(attempt).toThrow(SaleError);
    try {
      attempt();
    } catch (e) {
      expect((e as SaleError).problems).toHaveLength(2);
      expect((e as SaleError).message).toContain('; ');
    }
  });
});
