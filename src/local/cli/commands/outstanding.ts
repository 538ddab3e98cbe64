// `studio-ledger outstanding`: overdue invoices per client on date D (also rewrites the Outstanding and Balances tabs).
import { COMMON, type Command } from '../command';
import { call, date, json, withWorkbook } from '../helpers';
import { money, table } from '../output';

export const outstanding: Command = {
  name: 'outstanding',
  summary: 'overdue invoices per client on date D (also rewrites the Outstanding and Balances tabs)',
  options: {
    ...COMMON,
    date: {
      type: 'string',
      required: true,
      help: 'overdue on this date: due before it, unpaid',
      value: 'D',
    },
  },
  run: (v, io) =>
    withWorkbook(v, io, (s) => {
      const r = call(s, 'refreshOutstanding', { date: date(v, 'date') }, v);
      return (
        json(v, r) ??
        [
          r.reminder ? `${r.reminder} on ${r.asOf}.` : `Nobody has an overdue invoice on ${r.asOf}.`,
          r.clients.length
            ? table(
                [
                  'Client',
                  'Name',
                  'Method',
                  'Invoices',
                  'Owed',
                  'Oldest due',
                  'Days',
                  'Last payment',
                  'Last decline',
                ],
                r.clients.map((c) => [
                  c.clientId,
                  c.name,
                  c.billingMethod,
                  c.invoiceIds.join(' '),
                  money(c.owed),
                  c.oldestDue,
                  c.daysOverdue,
                  c.lastPayment ? `${money(c.lastPayment.amount)} on ${c.lastPayment.date}` : 'none',
                  c.lastDeclineReason,
                ]),
                [4, 6],
              )
            : '',
        ]
          .filter(Boolean)
          .join('\n\n')
      );
    }),
};
