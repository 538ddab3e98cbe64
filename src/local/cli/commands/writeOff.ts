// `studio-ledger write-off`: the studio gives up collecting an invoice (its balance is no longer owed), or
// with --undo takes that back (the invoice gets the status today's facts give).
import { COMMON, type Command } from '../command';
import { UsageError } from '../errors';
import { call, date, json, need, str, withWorkbook } from '../helpers';
import { money } from '../output';

export const writeOff: Command = {
  name: 'write-off',
  summary: 'write off an invoice the studio will not collect (or --undo it)',
  options: {
    ...COMMON,
    invoice: { type: 'string', required: true, help: 'the invoice', value: 'INV' },
    reason: { type: 'string', help: 'why it is written off (required unless --undo)', value: 'R' },
    date: { type: 'string', help: 'the day it is written off (default: today)', value: 'D' },
    undo: { type: 'boolean', help: 'undo the write-off: the invoice is owed again' },
  },
  run: async (v, io) => {
    const invoiceId = need(v, 'invoice');
    const reason = str(v, 'reason');
    const day = date(v, 'date');
    if (v.undo && (reason !== undefined || day !== undefined))
      throw new UsageError('--undo takes no --reason or --date');
    if (!v.undo && !reason) throw new UsageError('--reason is required (or --undo)');
    return withWorkbook(v, io, (s) => {
      if (v.undo) {
        const r = call(s, 'undoWriteOff', { invoiceId, dates: 'iso' }, v);
        const credit = r.credit > 0 ? `; ${r.clientId} has ${money(r.credit)} credit to spend on it` : '';
        return (
          json(v, r) ??
          `${r.invoiceId} ${r.clientId} ${r.name}: write-off undone, ${r.status}, ${money(r.balance)} owed again${credit}`
        );
      }
      const r = call(s, 'writeOffInvoice', { invoiceId, reason: reason!, date: day, dates: 'iso' }, v);
      return (
        json(v, r) ??
        `${r.invoiceId} ${r.clientId} ${r.name}: ${money(r.balance)} written off on ${r.date} (${r.reason})`
      );
    });
  },
};
