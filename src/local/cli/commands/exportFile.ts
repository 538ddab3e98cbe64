// `studio-ledger export`: debit file of the Process Billing tab; marks Sent.
import { writeFileAtomic } from '../../xlsx';
import { COMMON, type Command } from '../command';
import { call, json, str, withWorkbook } from '../helpers';
import { money } from '../output';

export const exportFile: Command = {
  name: 'export',
  summary: 'debit file of the Process Billing tab; marks Sent',
  options: {
    ...COMMON,
    format: { type: 'string', required: true, help: 'aba or csv', value: 'aba|csv' },
    out: { type: 'string', required: true, help: 'where to write the file', value: 'F' },
  },
  run: (v, io) =>
    withWorkbook(v, io, async (s) => {
      const f = call(s, 'createDebitFile', { format: str(v, 'format') }, v);
      // The file first: if it cannot be written, the invoices are not marked Sent.
      await writeFileAtomic(str(v, 'out')!, Buffer.from(f.content, 'latin1'));
      return (
        json(v, { ...f, content: undefined, out: str(v, 'out') }) ??
        `${f.batchId}: wrote ${str(v, 'out')}, ${f.debits} debit(s), ${money(f.total)}; ${f.again ? 'sent before, nothing changed' : `${f.sent.length} invoice(s) now Sent`}.`
      );
    }),
};
