// `studio-ledger ad-hoc`: add a one-off invoice (protein powder) for a client.
import { COMMON, type Command } from '../command';
import { call, date, json, str, withWorkbook } from '../helpers';
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
      const i = call<{ id: string; amount: number; dueDate: string; description: string }>(
        s,
        'addAdHocInvoice',
        {
          clientId: str(v, 'client'),
          description: str(v, 'description'),
          amount: str(v, 'amount'),
          dueDate: date(v, 'due'),
        },
        v,
      );
      return json(v, i) ?? `${i.id}: ${i.description}, ${money(i.amount)} due ${i.dueDate}`;
    }),
};
