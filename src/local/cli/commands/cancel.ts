// `studio-ledger cancel`: cancel a package from a date: later invoices Cancelled, no more sessions; optional fee.
import { COMMON, type Command } from '../command';
import { call, date, json, need, str, withWorkbook } from '../helpers';

export const cancel: Command = {
  name: 'cancel',
  summary: 'cancel a package from a date: later invoices Cancelled, no more sessions; optional fee',
  options: {
    ...COMMON,
    sale: { type: 'string', required: true, help: 'sale ID', value: 'S' },
    from: { type: 'string', help: 'first day of the cancellation (default: today)', value: 'D' },
    fee: { type: 'string', help: 'cancellation fee, e.g. 50', value: 'AMOUNT' },
  },
  run: (v, io) =>
    withWorkbook(v, io, (s) => {
      const r = call(
        s,
        'cancelSale',
        { saleId: need(v, 'sale'), from: date(v, 'from'), fee: str(v, 'fee') },
        v,
      );
      return json(v, r) ?? `${r.summary}.`;
    }),
};
