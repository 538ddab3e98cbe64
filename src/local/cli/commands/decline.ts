// `studio-ledger decline`: a client's debit in a batch bounced. The bank's code (or its words) decides what
// happens next: retry, fix bank details, stop, or the studio's own ABA User ID; free text is a note.
import { COMMON, type Command } from '../command';
import { call, date, json, need, str, withWorkbook } from '../helpers';
import { money } from '../output';

export const decline: Command = {
  name: 'decline',
  summary: "a client's debit in a batch bounced: what the bank's code says happens next",
  options: {
    ...COMMON,
    batch: { type: 'string', help: "batch ID (default: the Process Billing tab's)", value: 'B' },
    client: { type: 'string', required: true, help: 'client ID', value: 'ID' },
    code: {
      type: 'string',
      help: 'the bank\'s return code 1-9, or its words (e.g. "Account closed"); none means retry',
      value: 'CODE',
    },
    reason: { type: 'string', help: "the bank's words, or a note (with --code)", value: 'TEXT' },
    date: { type: 'string', help: 'the day the decline was reported (default: today)', value: 'D' },
  },
  run: (v, io) =>
    withWorkbook(v, io, (s) => {
      const r = call(
        s,
        'processDeclines',
        {
          batchId: str(v, 'batch'),
          date: date(v, 'date'),
          declines: [
            { clientId: need(v, 'client'), reason: str(v, 'reason') ?? '', code: str(v, 'code') ?? '' },
          ],
        },
        v,
      );
      const asJson = json(v, r);
      if (asJson) return asJson;
      const lines = r.clients.map((c) => {
        const what = c.already
          ? `${c.name}'s debit was declined already: the reason is now ${c.reason}`
          : `${c.name} declined ${money(c.amount)} (${c.reason})`;
        const then = [
          c.held.length ? `held for a person: ${c.held.join(' ')}` : '',
          c.clientStatus ? `client now ${c.clientStatus}` : '',
        ].filter(Boolean);
        return then.length ? `${what}; ${then.join('; ')}` : what;
      });
      const fees = r.fees.length
        ? `; dishonour fee ${r.fees.map((f) => `${f.id} ${money(f.amount)}`).join(', ')}`
        : '';
      const userId =
        r.refusedUserId !== null
          ? `; no ABA file until ABA User ID ${r.refusedUserId} is changed on the Settings tab`
          : '';
      return `${r.batchId}: ${lines.join(', ')}${fees}${userId}.`;
    }),
};
