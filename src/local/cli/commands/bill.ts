// `studio-ledger bill`: Process Billing for billing date D.
import { COMMON, type Command } from '../command';
import { call, json, needDate, withWorkbook } from '../helpers';
import { money, table } from '../output';

export const bill: Command = {
  name: 'bill',
  summary: 'Process Billing for billing date D',
  options: { ...COMMON, date: { type: 'string', required: true, help: 'the billing date', value: 'D' } },
  run: (v, io) =>
    withWorkbook(v, io, (s) => {
      const r = call(s, 'runBilling', { billingDate: needDate(v, 'date'), dates: 'iso' }, v);
      const debit = r.rows.filter((x) => x.include).reduce((a, x) => a + x.amountToDebit, 0);
      return (
        json(v, r) ??
        [
          `${r.batchId} for ${r.billingDate}: ${r.rows.length} client(s) billed, ${money(r.totalDue)} due, ${money(debit)} to debit` +
            (r.invoicesCreated
              ? `; ${r.invoicesCreated} recurring invoice(s) and ${r.allocationsCreated} allocation(s) created`
              : ''),
          r.warnings.map((w) => `Warning: ${w}`).join('\n'),
          r.rows.length
            ? table(
                ['Client', 'Name', 'Method', 'Invoices', 'Due', 'To debit'],
                r.rows.map((x) => [
                  x.clientId,
                  x.name,
                  x.billingMethod,
                  x.invoiceIds.join(' '),
                  money(x.amountDue),
                  x.include ? money(x.amountToDebit) : 'not included',
                ]),
                [4, 5],
              )
            : 'No invoice is due by this date.',
          r.reminders.length
            ? `Manual billing reminders: ${r.reminders.map((x) => `${x.name} ${money(x.amountDue)}`).join(', ')}`
            : '',
        ]
          .filter(Boolean)
          .join('\n\n')
      );
    }),
};
