// `studio-ledger pay`: money a client paid at the desk (cash, card, bank transfer), by the one rule for
// receipts or on the invoice named.
import { COMMON, type Command } from '../command';
import { call, date, json, need, str, withWorkbook } from '../helpers';

export const pay: Command = {
  name: 'pay',
  summary:
    'record money a client paid at the desk: due invoices oldest first (or --invoice), the rest credit',
  options: {
    ...COMMON,
    client: { type: 'string', required: true, help: 'client ID', value: 'ID' },
    amount: { type: 'string', required: true, help: 'amount received, e.g. 220.00', value: 'A' },
    invoice: { type: 'string', help: 'the invoice it pays first (default: the one rule)', value: 'INV' },
    method: { type: 'string', help: 'Cash (default), Card, "Bank transfer" or Other', value: 'M' },
    date: { type: 'string', help: 'the day it was received (default: today)', value: 'D' },
    reference: { type: 'string', help: "a receipt number or the bank's reference", value: 'R' },
  },
  run: (v, io) =>
    withWorkbook(v, io, (s) => {
      const r = call(
        s,
        'recordPayment',
        {
          clientId: need(v, 'client'),
          amount: need(v, 'amount'),
          invoiceId: str(v, 'invoice'),
          method: str(v, 'method'),
          date: date(v, 'date'),
          reference: str(v, 'reference'),
          dates: 'iso',
        },
        v,
      );
      return json(v, r) ?? `${r.summary}.`;
    }),
};
