// `studio-ledger schedule`: a client's debit schedule from today (date, amount, sales covered), with its
// summary where exactly true; open-ended packages show a horizon.
import { COMMON, type Command } from '../command';
import { UsageError } from '../errors';
import { call, json, need, str, unchanged, withWorkbook } from '../helpers';

export const schedule: Command = {
  name: 'schedule',
  summary: "a client's debit schedule: each debit's date, amount and sales, summarised where exact",
  options: {
    ...COMMON,
    client: { type: 'string', required: true, help: 'client ID', value: 'ID' },
    horizon: { type: 'string', help: 'debits shown for a package with no end (default 6)', value: 'N' },
  },
  run: (v, io) =>
    withWorkbook(v, io, (s) => {
      const h = str(v, 'horizon');
      if (h !== undefined && !/^[1-9]\d{0,2}$/.test(h))
        throw new UsageError(`--horizon ${h}: a whole number from 1 to 999`);
      const r = call(
        s,
        'getDebitSchedule',
        { clientId: need(v, 'client'), horizon: h === undefined ? undefined : Number(h) },
        v,
      );
      return unchanged(json(v, r) ?? r.text);
    }),
};
