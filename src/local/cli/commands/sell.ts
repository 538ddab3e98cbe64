// `studio-ledger sell`: sell a package to a client.
import { COMMON, type Command } from '../command';
import { call, date, json, need, withWorkbook } from '../helpers';
import { money, table } from '../output';

export const sell: Command = {
  name: 'sell',
  summary: 'sell a package to a client',
  options: {
    ...COMMON,
    client: { type: 'string', required: true, help: 'client ID', value: 'ID' },
    package: { type: 'string', required: true, help: 'package code', value: 'CODE' },
    'sale-date': { type: 'string', help: 'sale date (default: today)', value: 'D' },
    start: { type: 'string', help: 'package / billing start date (default: next billing day)', value: 'D' },
    due: { type: 'string', help: 'due date, paid in full (default: the sale date)', value: 'D' },
  },
  run: (v, io) =>
    withWorkbook(v, io, (s) => {
      const p = call(
        s,
        'sellPackage',
        {
          clientId: need(v, 'client'),
          packageCode: need(v, 'package'),
          saleDate: date(v, 'sale-date'),
          startDate: date(v, 'start'),
          dueDate: date(v, 'due'),
        },
        v,
      );
      return (
        json(v, p) ??
        [
          `${p.saleId}: ${p.packageName} (${p.kind}) to ${p.clientName}, ${money(p.total)}`,
          table(
            ['Invoice', 'Due', 'Amount', 'Description'],
            p.invoices.map((i) => [i.id, i.dueDate, money(i.amount), i.description]),
            [2],
          ),
          table(
            ['Allocation', 'Date', 'Sessions'],
            p.allocations.map((a) => [a.id, a.date, a.sessions]),
            [2],
          ),
          ...p.warnings.map((w) => `Warning: ${w}`),
        ].join('\n\n')
      );
    }),
};
