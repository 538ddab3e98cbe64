// Review: balances() sorts the sessions by date only when some session names no package of its client.
// Whatever the order the Attendance rows come in, the balances are those of the rows sorted by date (as
// the code before sorted them always), with and without sessions outside a package, and asOf filters.
import { describe, expect, it } from 'vitest';
import { balances, type SessionUse } from '../../src/core/lifecycle/balances';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const day = (n: number) => `2016-09-${String(1 + n).padStart(2, '0')}`;

function ledger(seed: number, withoutPackage: boolean) {
  const r = rng(seed);
  const clients = ['C-0001', 'C-0002', 'C-0003'];
  const sales = [
    { id: 'S-000001', clientId: 'C-0001', saleDate: day(0) },
    { id: 'S-000002', clientId: 'C-0001', saleDate: day(3) },
    { id: 'S-000003', clientId: 'C-0002', saleDate: day(1) },
  ];
  const allocations = sales.flatMap((s) => [
    { saleId: s.id, clientId: s.clientId, date: s.saleDate, sessions: 3 },
    { saleId: s.id, clientId: s.clientId, date: day(10), sessions: 2 },
  ]);
  const attendance: SessionUse[] = Array.from({ length: 40 }, () => {
    const sale = sales[Math.floor(r() * sales.length)]!;
    const loose = withoutPackage && r() < 0.3;
    return {
      date: day(Math.floor(r() * 20)),
      clientId: loose ? clients[Math.floor(r() * 3)]! : sale.clientId,
      sessions: 1 + Math.floor(r() * 2),
      saleId: loose ? '' : sale.id,
    };
  });
  const invoices = sales.map((s) => ({
    saleId: s.id,
    clientId: s.clientId,
    dueDate: day(5),
    amount: 10000,
    paid: 2500,
    status: 'Part paid' as const,
  }));
  return { sales, allocations, attendance, invoices };
}

describe('balances do not depend on the order of the Attendance rows', () => {
  for (const withoutPackage of [false, true])
    for (const seed of [1, 7, 99])
      for (const asOf of [day(8), day(25)])
        it(`seed ${seed}, ${withoutPackage ? 'some' : 'no'} sessions without a package, as of ${asOf}`, () => {
          const l = ledger(seed, withoutPackage);
          const sorted = l.attendance
            .map((u, i) => ({ u, i }))
            .sort((a, b) => a.u.date.localeCompare(b.u.date) || a.i - b.i)
            .map((x) => x.u);
          const credit = new Map([['C-0003', 500]]);
          expect(balances(l, asOf, credit)).toEqual(balances({ ...l, attendance: sorted }, asOf, credit));
          const used = balances(l, asOf).reduce((s, b) => s + b.used, 0);
          const expected = l.attendance.filter((u) => u.date <= asOf).reduce((s, u) => s + u.sessions, 0);
          expect(used).toBe(expected);
        });
});
