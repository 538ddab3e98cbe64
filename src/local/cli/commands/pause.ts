// `studio-ledger pause`: pause an instalment or recurring package (holiday hold): debits in the hold move after it.
import { COMMON, type Command } from '../command';
import { call, json, need, needDate, withWorkbook } from '../helpers';
import { money, table } from '../output';

export const pause: Command = {
  name: 'pause',
  summary: 'pause an instalment or recurring package (holiday hold): debits in the hold move after it',
  options: {
    ...COMMON,
    sale: { type: 'string', required: true, help: 'sale ID', value: 'S' },
    from: { type: 'string', required: true, help: 'first day of the hold', value: 'D' },
    to: { type: 'string', required: true, help: 'last day of the hold', value: 'D' },
  },
  run: (v, io) =>
    withWorkbook(v, io, (s) => {
      const r = call(
        s,
        'pauseSale',
        { saleId: need(v, 'sale'), from: needDate(v, 'from'), to: needDate(v, 'to') },
        v,
      );
      return (
        json(v, r) ??
        [
          `${r.summary.split('; ')[0]}.`,
          r.moves.length
            ? table(
                ['Invoice', 'Was due', 'Now due', 'Amount'],
                r.moves.map((m) => [m.id, m.from, m.to, money(m.amount)]),
                [3],
              )
            : 'No invoice made so far falls due in the hold: nothing moved.',
          r.nextCycle
            ? `Cycles not made yet follow the hold: cycle ${r.nextCycle.cycle} falls due ${r.nextCycle.dueDate}.`
            : '',
        ]
          .filter(Boolean)
          .join('\n\n')
      );
    }),
};
