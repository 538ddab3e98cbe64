// What a sale creates at the desk: its invoices and session allocations.
import { scheduleDate } from './frequency';
import { invoiceDescription } from './descriptions';
import type { SalePlan, SaleTerms } from './packageTypes';
import { recurringCycle } from './recurring';
import { assertValidSaleTerms, frequencyOf } from './saleTerms';
import { splitCents } from './split';

/**
 * Paid in full: one invoice, all sessions now. Instalments: all sessions now, the price split over N
 * due dates from the start date. Recurring: only cycle 1 (later cycles come from rollRecurring).
 * Throws SaleError when the terms are invalid.
 */
export function planSale(terms: SaleTerms): SalePlan {
  assertValidSaleTerms(terms);
  const { saleId, clientId, pkg, saleDate } = terms;
  const upFront = { saleId, clientId, date: saleDate, sessions: pkg.sessions, cycle: 1 };
  switch (pkg.kind) {
    case 'Paid in full':
      return {
        invoices: [
          {
            saleId,
            clientId,
            description: invoiceDescription(pkg, 1),
            instalment: 1,
            dueDate: terms.dueDate,
            amount: pkg.price,
          },
        ],
        allocations: [upFront],
      };
    case 'Instalments': {
      const frequency = frequencyOf(pkg);
      const invoices = splitCents(pkg.price, pkg.instalments ?? 0).map((amount, i) => ({
        saleId,
        clientId,
        description: invoiceDescription(pkg, i + 1),
        instalment: i + 1,
        dueDate: scheduleDate(terms.startDate, frequency, i),
        amount,
      }));
      return { invoices, allocations: [upFront] };
    }
    case 'Recurring': {
      const first = recurringCycle(terms, 1);
      return { invoices: [first.invoice], allocations: [first.allocation] };
    }
  }
}
