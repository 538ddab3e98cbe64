// `studio-ledger sessions`: record sessions a client used (warns about overdue invoices and an empty balance; never refuses).
import { COMMON, type Command } from '../command';
import { call, date, json, need, str, withWorkbook } from '../helpers';

export const sessions: Command = {
  name: 'sessions',
  summary: 'record sessions a client used (warns about overdue invoices and an empty balance; never refuses)',
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
        },
        v,
      );
      const from = r.parts.map((p) => `${p.sessions} from ${p.saleId || 'no package'}`).join(', ');
      return (
        json(v, r) ??
        [
          `${r.after.name} (${r.clientId}): ${r.sessions} session(s) on ${r.date} (${from}); ${r.after.left} left.`,
          ...r.warnings.map((w) => `Warning: ${w}`),
        ].join('\n')
      );
    }),
};
