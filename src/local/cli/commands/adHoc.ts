// `studio-ledger ad-hoc`: add a one-off invoice (protein powder) for a client.
import { COMMON, type Command } from '../command';
import { call, date, json, need, withWorkbook } from '../helpers';
import { money } from '../output';

export const adHoc: Command = {
  name: 'ad-hoc',
  summary: 'add a one-off invoice (protein powder) for a client',
  options: {
    ...COMMON,
    client: { type: 'string', required: true, help: 'client ID', value: 'ID' },
    description: { type: 'string', required: true, help: 'what it is for', value: 'TEXT' },
    amount: { type: 'string', required: true, help: 'amount, e.g. 49.95', value: 'AMOUNT' },
    due: { type: 'string', help: 'due date (default: today)', value: 'D' },
  },
  run: (v, io) =>
    withWorkbook(v, io, (s) => {
      const i = call(
        s,
        'addAdHocInvoice',
        {
          clientId: need(v, 'client'),
          description: need(v, 'description'),
          amount: need(v, 'amount'),
          dueDate: date(v, 'due'),
        },
        v,
      );
      return json(v, i) ?? `${i.id}: ${i.description}, ${money(i.amount)} due ${i.dueDate}`;
    }),
};
