// `studio-ledger statement`: a client's statement, every line with its running balance and the parts that
// add up to the balance (also rewrites the Statement tab for that client).
import { COMMON, type Command } from '../command';
import { call, date, json, need, withWorkbook } from '../helpers';

export const statement: Command = {
  name: 'statement',
  summary:
    "a client's statement: lines, running balance, what makes up the balance (also rewrites the Statement tab)",
  options: {
    ...COMMON,
    client: { type: 'string', required: true, help: 'client ID', value: 'ID' },
    from: { type: 'string', help: 'lines from this date (an opening balance before it)', value: 'D' },
    to: { type: 'string', help: 'lines up to this date (a closing balance at it)', value: 'D' },
  },
  run: (v, io) =>
    withWorkbook(v, io, (s) => {
      const r = call(
        s,
        'writeStatementTab',
        { clientId: need(v, 'client'), from: date(v, 'from'), to: date(v, 'to'), dates: 'iso' },
        v,
      );
      return json(v, r) ?? r.text;
    }),
};
