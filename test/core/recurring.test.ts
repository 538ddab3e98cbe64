import { describe, expect, it } from 'vitest';
import {
  planSale,
  recurringCycle,
  rollRecurring,
  SaleError,
  MAX_ROLL_CYCLES,
} from '../../src/core/packageKinds';
import { ptInFiveFortnightly, ptRecurringFortnightly, sale } from './fixtures';

const seedSale = sale(ptRecurringFortnightly, {
  saleDate: '2016-09-13',
  startDate: '2016-09-16',
  dueDate: '',
});

describe('recurringCycle', () => {
  it('cycle 1 is billed on the Billing Start Date with sessions at the sale', () => {
    const { invoice, allocation } = recurringCycle(seedSale, 1);
    expect([invoice.dueDate, invoice.amount, allocation.date, allocation.sessions]).toEqual([
      '2016-09-16',
      16000,
      '2016-09-13',
      4,
    ]);
  });

  it('later cycles put the sessions on the due date', () => {
    const { invoice, allocation } = recurringCycle(seedSale, 3);
    expect(invoice).toEqual({
      saleId: 'S1',
      clientId: 'C1',
      description: 'PT fortnightly — cycle 3',
      instalment: 3,
      dueDate: '2016-10-14',
      amount: 16000,
    });
    expect(allocation).toEqual({ saleId: 'S1', clientId: 'C1', date: '2016-10-14', sessions: 4, cycle: 3 });
  });

  it('refuses cycles that do not exist and non-recurring packages', () => {
    expect(() => recurringCycle(seedSale, 0)).toThrow(SaleError);
    expect(() => recurringCycle(seedSale, 1.5)).toThrow(SaleError);
    expect(() => recurringCycle(sale({ ...ptRecurringFortnightly, instalments: 3 }), 4)).toThrow(
      /no cycle 4/,
    );
    expect(() => recurringCycle(sale(ptInFiveFortnightly), 1)).toThrow(/not Recurring/);
  });
});

describe('rollRecurring', () => {
  it('seed: through 14 Oct adds the 30 Sep and 14 Oct cycles', () => {
    const plan = rollRecurring(seedSale, new Set([1]), '2016-10-14');
    expect(plan.invoices.map((i) => [i.instalment, i.dueDate, i.amount])).toEqual([
      [2, '2016-09-30', 16000],
      [3, '2016-10-14', 16000],
    ]);
    expect(plan.allocations.map((a) => [a.cycle, a.date, a.sessions])).toEqual([
      [2, '2016-09-30', 4],
      [3, '2016-10-14', 4],
    ]);
  });

  it('nothing before its date, never cycle 1, never twice', () => {
    expect(rollRecurring(seedSale, new Set([1]), '2016-09-29')).toEqual({ invoices: [], allocations: [] });
    expect(rollRecurring(seedSale, new Set(), '2016-09-16').invoices).toEqual([]);
    expect(rollRecurring(seedSale, new Set([1, 2, 3]), '2016-10-14').invoices).toEqual([]);
    expect(rollRecurring(seedSale, new Set([1, 3]), '2016-10-14').invoices.map((i) => i.instalment)).toEqual([
      2,
    ]);
    expect(rollRecurring(seedSale, new Set([1]), '2016-09-01').invoices).toEqual([]);
  });

  it('stops after the package cycles', () => {
    const sixCycles = sale({ ...ptRecurringFortnightly, instalments: 6 }, { startDate: '2016-09-16' });
    const plan = rollRecurring(sixCycles, new Set([1]), '2030-01-01');
    expect(plan.invoices.map((i) => i.instalment)).toEqual([2, 3, 4, 5, 6]);
    expect(plan.invoices.map((i) => i.description)[0]).toBe('PT fortnightly — 2 of 6');
    expect(plan.invoices.at(-1)?.dueDate).toBe('2016-11-25');
  });

  it('monthly recurring billed on the 31st keeps returning to the 31st', () => {
    const monthly = sale(
      { ...ptRecurringFortnightly, frequency: 'Monthly' },
      { saleDate: '2016-01-28', startDate: '2016-01-31' },
    );
    const plan = rollRecurring(monthly, new Set([1]), '2016-05-31');
    expect(plan.invoices.map((i) => i.dueDate)).toEqual([
      '2016-02-29',
      '2016-03-31',
      '2016-04-30',
      '2016-05-31',
    ]);
  });

  it('caps an ongoing roll at MAX_ROLL_CYCLES', () => {
    const weekly = sale({ ...ptRecurringFortnightly, frequency: 'Weekly' }, { startDate: '2016-09-16' });
    const plan = rollRecurring(weekly, new Set([1]), '9999-12-31');
    expect(plan.invoices).toHaveLength(MAX_ROLL_CYCLES - 1);
    expect(plan.invoices.at(-1)?.instalment).toBe(MAX_ROLL_CYCLES);
  });

  it('refuses a bad through date and non-recurring sales', () => {
    expect(() => rollRecurring(seedSale, new Set([1]), '14/10/2016')).toThrow(/Not a date/);
    expect(() => rollRecurring(sale(ptInFiveFortnightly), new Set([1]), '2016-10-14')).toThrow(SaleError);
  });

  it('planSale then rollRecurring gives the whole seed schedule', () => {
    const first = planSale(seedSale);
    const rest = rollRecurring(seedSale, new Set(first.invoices.map((i) => i.instalment)), '2016-10-28');
    const allocations = [...first.allocations, ...rest.allocations];
    expect(allocations.map((a) => [a.date, a.sessions])).toEqual([
      ['2016-09-13', 4],
      ['2016-09-30', 4],
      ['2016-10-14', 4],
      ['2016-10-28', 4],
    ]);
  });
});
