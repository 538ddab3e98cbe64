// `studio-ledger mark-paid`: Reconciliation method: mark that list paid.
import { COMMON, type Command } from '../command';
import { call, json, withWorkbook } from '../helpers';
import { money } from '../output';

export const markPaid: Command = {
  name: 'mark-paid',
  summary: 'Reconciliation method: mark that list paid',
  options: { ...COMMON },
  run: (v, io) =>
    withWorkbook(v, io, (s) => {
      const r = call(s, 'markListPaid', {}, v);
      return (
        json(v, r) ??
        `${r.batchId}: list marked paid, ${r.payments.length} payment(s) from ${r.clients} client(s), ${money(r.total)}, dated ${r.date}.`
      );
    }),
};
