// `studio-ledger decline`: a client's debit in a batch bounced: invoices due again, payments reversed, dishonour fee.
import { COMMON, type Command } from '../command';
import { call, date, json, need, str, withWorkbook } from '../helpers';
import { money } from '../output';

export const decline: Command = {
  name: 'decline',
  summary: "a client's debit in a batch bounced: invoices due again, payments reversed, dishonour fee",
  options: {
    ...COMMON,
    batch: { type: 'string', help: "batch ID (default: the Process Billing tab's)", value: 'B' },
    client: { type: 'string', required: true, help: 'client ID', value: 'ID' },
    reason: { type: 'string', help: "the bank's reason (default: Declined)", value: 'TEXT' },
    date: { type: 'string', help: 'the day of the decline (default: today)', value: 'D' },
  },
  run: (v, io) =>
    withWorkbook(v, io, (s) => {
      const r = call(
        s,
        'processDeclines',
        {
          batchId: str(v, 'batch'),
          date: date(v, 'date'),
          declines: [{ clientId: need(v, 'client'), reason: str(v, 'reason') ?? '' }],
        },
        v,
      );
      return (
        json(v, r) ??
        `${r.batchId}: ${r.clients.map((c) => `${c.name} declined ${money(c.amount)} (${c.reason})`).join(', ')}${r.fees.length ? `; dishonour fee ${r.fees.map((f) => `${f.id} ${money(f.amount)}`).join(', ')}` : ''}.`
      );
    }),
};
