// `studio-ledger upkeep`: the daily upkeep once: roll recurring packages to today, spend credit on what is
// due, refresh Outstanding and Balances.
import { COMMON, type Command } from '../command';
import { call, json, withWorkbook } from '../helpers';
import { money } from '../output';

export const upkeep: Command = {
  name: 'upkeep',
  summary:
    'the daily upkeep once: roll recurring packages to today, spend credit on what is due, refresh Outstanding and Balances',
  options: { ...COMMON },
  run: (v, io) =>
    withWorkbook(v, io, (s) => {
      const r = call(s, 'runDailyUpkeep', {}, v);
      return (
        json(v, r) ??
        `Upkeep through ${r.today}: ${r.invoicesCreated} recurring invoice(s) and ${r.allocationsCreated} allocation(s) created` +
          (r.statusChanges.length
            ? `; ${r.statusChanges.map((c) => `${c.saleId} ${c.to}`).join(', ')}`
            : '') +
          (r.creditSpent.length
            ? `; credit spent: ${r.creditSpent.map((c) => `${c.clientId} ${money(c.amount)} on ${c.invoiceIds.join(' ')}`).join(', ')}`
            : '') +
          `; ${r.overdueClients} client(s) owe ${money(r.overdueTotal)}.`
      );
    }),
};
