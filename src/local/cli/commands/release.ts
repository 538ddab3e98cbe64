// `studio-ledger release`: a person lets a held invoice (or all of a client's) be debited again; the retry
// count starts over. With --client, a client the bank's reason stopped is set back to Active too.
import { COMMON, type Command } from '../command';
import { UsageError } from '../errors';
import { call, json, str, withWorkbook } from '../helpers';
import { money } from '../output';

export const release: Command = {
  name: 'release',
  summary: 'let held invoices be debited again (and a stopped client be Active again)',
  options: {
    ...COMMON,
    invoice: { type: 'string', help: 'the held invoice to release', value: 'INV' },
    client: {
      type: 'string',
      help: "release the client's held invoices and set them back to Active",
      value: 'ID',
    },
  },
  run: async (v, io) => {
    const invoiceId = str(v, 'invoice');
    const clientId = str(v, 'client');
    if (!invoiceId === !clientId) throw new UsageError('give one of --invoice or --client');
    return withWorkbook(v, io, (s) => {
      const r = call(s, 'releaseHeld', { invoiceId, clientId }, v);
      const asJson = json(v, r);
      if (asJson) return asJson;
      const parts = [
        ...r.released.map((i) => `${i.invoiceId} released (${i.status}, ${money(i.balance)} owing)`),
        r.clientWas ? `${r.clientId} ${r.name} is Active again (was ${r.clientWas})` : '',
        !r.clientWas && r.clientStatus !== 'Active' && r.clientStatus
          ? `${r.clientId} ${r.name} is still ${r.clientStatus}: not debited until set back to Active`
          : '',
        r.fixed.length ? `bank details changed, Active again: ${r.fixed.join(' ')}` : '',
      ].filter(Boolean);
      return `${parts.join('; ')}.`;
    });
  },
};
