// `studio-ledger refund`: give back all or part of a receipt or payment; the charge it came from is
// withdrawn (the default) or still owed, and the money may stay as the client's credit instead.
import { COMMON, type Command } from '../command';
import { call, date, json, need, str, withWorkbook } from '../helpers';

export const refund: Command = {
  name: 'refund',
  summary: 'give back a receipt or payment (its credit first, then its invoices newest first)',
  options: {
    ...COMMON,
    payment: { type: 'string', required: true, help: 'the Receipt ID or Payment ID', value: 'P' },
    amount: { type: 'string', help: 'how much (default: all it can still give back)', value: 'A' },
    reason: { type: 'string', required: true, help: 'why, kept on the refund rows', value: 'R' },
    date: { type: 'string', help: 'the day it was given back (default: today)', value: 'D' },
    'to-credit': {
      type: 'boolean',
      help: "keep the money as the client's credit (the charge withdrawn)",
    },
    'still-owed': {
      type: 'boolean',
      help: 'the charge stays owed, due again (default: withdrawn, the refunded part cancelled)',
    },
  },
  run: (v, io) =>
    withWorkbook(v, io, (s) => {
      const r = call(
        s,
        'refundPayment',
        {
          paymentId: need(v, 'payment'),
          amount: str(v, 'amount'),
          reason: need(v, 'reason'),
          date: date(v, 'date'),
          toCredit: v['to-credit'] === true,
          stillOwed: v['still-owed'] === true,
          dates: 'iso',
        },
        v,
      );
      return json(v, r) ?? `${r.summary}.`;
    }),
};
