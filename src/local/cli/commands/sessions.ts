// `studio-ledger sessions`: record sessions a client used; overdue invoices and an empty balance are warnings.
import { COMMON, type Command } from '../command';
import { call, date, json, need, str, withWorkbook } from '../helpers';

export const sessions: Command = {
  name: 'sessions',
  summary: 'record sessions a client used (overdue invoices and an empty balance are warnings, not refusals)',
  options: {
    ...COMMON,
    client: { type: 'string', required: true, help: 'client ID', value: 'ID' },
    sessions: { type: 'string', required: true, help: 'how many sessions', value: 'N' },
    date: { type: 'string', help: 'the day they were used (default: today)', value: 'D' },
    sale: {
      type: 'string',
      help: 'the package (sale ID) they came from (default: oldest with sessions left)',
      value: 'S',
    },
  },
  run: (v, io) =>
    withWorkbook(v, io, (s) => {
      const r = call(
        s,
        'recordSessions',
        {
          clientId: need(v, 'client'),
          sessions: need(v, 'sessions'),
          date: date(v, 'date'),
          saleId: str(v, 'sale'),
          dates: 'iso',
        },
        v,
      );
      const from = r.parts.map((p) => `${p.sessions} from ${p.saleId || 'no package'}`).join(', ');
      return (
        json(v, r) ??
        [
          // The balance is stated once, in the summary; the other warnings follow it.
          `${r.after.name} (${r.clientId}): ${r.sessions} session(s) on ${r.date} (${from}); ${r.balance}.`,
          ...r.warnings.filter((w) => w !== r.balanceWarning).map((w) => `Warning: ${w}`),
        ].join('\n')
      );
    }),
};
