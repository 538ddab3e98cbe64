// The seed document's worked examples, computed by the billing core (printed by `npm start`).
import { formatDisplayDate, formatMoney, planSale, rollRecurring, type SaleTerms } from '../core';

export const SEED_SALES: readonly SaleTerms[] = [
  {
    saleId: 'PT10',
    clientId: 'C-0001',
    pkg: {
      code: 'PT10',
      name: 'PT',
      kind: 'Paid in full',
      sessions: 10,
      price: 50000,
      instalments: 1,
      frequency: null,
    },
    saleDate: '2016-09-13',
    startDate: '2016-09-13',
    dueDate: '2016-09-13',
  },
  {
    saleId: 'PT10-5F',
    clientId: 'C-0002',
    pkg: {
      code: 'PT10-5F',
      name: 'PT',
      kind: 'Instalments',
      sessions: 10,
      price: 110000,
      instalments: 5,
      frequency: 'Fortnightly',
    },
    saleDate: '2016-09-13',
    startDate: '2016-09-13',
    dueDate: '2016-09-13',
  },
  {
    saleId: 'PT2W',
    clientId: 'C-0003',
    pkg: {
      code: 'PT2W',
      name: 'PT 2 a week',
      kind: 'Recurring',
      sessions: 4,
      price: 16000,
      instalments: null,
      frequency: 'Fortnightly',
    },
    saleDate: '2016-09-13',
    startDate: '2016-09-16',
    dueDate: '2016-09-16',
  },
];

export function seedScheduleText(through = '2016-10-14'): string {
  const lines: string[] = [];
  for (const terms of SEED_SALES) {
    const first = planSale(terms);
    const later =
      terms.pkg.kind === 'Recurring'
        ? rollRecurring(terms, new Set([1]), through)
        : { invoices: [], allocations: [] };
    lines.push(`${terms.pkg.kind}: ${terms.pkg.code}, sold ${formatDisplayDate(terms.saleDate)}`);
    for (const i of [...first.invoices, ...later.invoices])
      lines.push(
        `  invoice  ${formatDisplayDate(i.dueDate).padEnd(16)} ${formatMoney(i.amount).padStart(10)}  ${i.description}`,
      );
    for (const a of [...first.allocations, ...later.allocations])
      lines.push(`  sessions ${formatDisplayDate(a.date).padEnd(16)} ${String(a.sessions).padStart(10)}`);
  }
  return lines.join('\n');
}
