// `studio-ledger mark-processed`: the debits of a sent batch went through: its invoices are paid.
import { COMMON, type Command } from '../command';
import { call, json, str, withWorkbook } from '../helpers';
import { money } from '../output';

export const markProcessed: Command = {
  name: 'mark-processed',
  summary: 'the debits of a sent batch went through: its invoices are paid',
  options: {
    ...COMMON,
    batch: {
      type: 'string',
      help: 'batch ID (default: the one Sent and waiting; refused when several are)',
      value: 'B',
    },
  },
  run: (v, io) =>
    withWorkbook(v, io, (s) => {
      const r = call(s, 'markBatchProcessed', { batchId: str(v, 'batch') }, v);
      return (
        json(v, r) ??
        `${r.batchId} processed: ${r.payments.length} payment(s) from ${r.clients} client(s), ${money(r.total)}, dated ${r.date}.`
      );
    }),
};
