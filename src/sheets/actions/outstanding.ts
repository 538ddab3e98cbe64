// Outstanding invoices: per client, what is overdue on a date net of their unspent credit then, with names
// and billing methods from the Clients tab. The same list feeds the sidebar, the Outstanding tab, the CLI
// and the reminder on opening.
import type { IsoDate } from '../../core/calendar';
import { creditByClient } from '../../core/lifecycle/credit';
import { overdueByClient, overdueTotal } from '../../core/lifecycle/outstanding';
import type { Client, Invoice, Payment } from '../records';
import type { OutstandingReport } from '../tabs/outstanding';

export const OUTSTANDING_TABS = ['clients', 'invoices', 'payments'] as const;

/**
 * Overdue on `asOf` by the Payments rows dated up to it. Pass `today` for a date in the past: without it
 * the date counts as today, so an invoice Sent in a debit under way now is left out then too.
 */
export function outstandingReport(
  clients: readonly Client[],
  invoices: readonly Invoice[],
  payments: readonly Payment[],
  asOf: IsoDate,
  today?: IsoDate,
): OutstandingReport {
  const byId = new Map(clients.map((c) => [c.id, c]));
  const credit = creditByClient(payments, asOf);
  const list = overdueByClient(invoices, payments, asOf, today, credit).map((c) => ({
    ...c,
    name: byId.get(c.clientId)?.name ?? 'Not on the Clients tab',
    billingMethod: byId.get(c.clientId)?.billingMethod ?? '',
  }));
  return { asOf, clients: list, total: overdueTotal(list) };
}
