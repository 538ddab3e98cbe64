// `studio-ledger export`: debit file of the Process Billing tab; marks Sent.
import { writeFileAtomic } from '../../xlsx';
import { COMMON, type Command } from '../command';
import { ActionError } from '../errors';
import { checkWritable, fileReason, sameFile } from '../files';
import { call, json, need, str, withWorkbook } from '../helpers';
import { money } from '../output';

export const exportFile: Command = {
  name: 'export',
  summary: 'debit file of the Process Billing tab; marks Sent',
  options: {
    ...COMMON,
    format: { type: 'string', required: true, help: 'aba or csv', value: 'aba|csv' },
    out: { type: 'string', required: true, help: 'where to write the file', value: 'F' },
  },
  run: async (v, io) => {
    const out = need(v, 'out');
    // Saving the workbook after the file would replace the debit file with the workbook.
    if (sameFile(out, need(v, 'workbook')))
      throw new ActionError(`--out ${out} is the workbook itself; write the debit file to another file.`);
    checkWritable(out, '--out');
    return withWorkbook(v, io, async (s) => {
      const f = call(s, 'createDebitFile', { format: str(v, 'format') }, v);
      // The file first: if it cannot be written, the invoices are not marked Sent.
      try {
        // UTF-8, never one byte a character: a CSV keeps names as typed (an ABA file is plain ASCII).
        await writeFileAtomic(out, Buffer.from(f.content, 'utf8'));
      } catch (e) {
        const why = fileReason(e);
        if (why) throw new ActionError(`Cannot write ${out}: ${why}. No invoice was marked Sent.`);
        throw e;
      }
      return (
        json(v, { ...f, content: undefined, out }) ??
        [
          `${f.batchId}: wrote ${out}, ${f.debits} debit(s), ${money(f.total)}; ${f.again ? 'sent before, nothing changed' : `${f.sent.length} invoice(s) now Sent`}.`,
          // Left out of the file: their invoices stay unsent until the Clients row is fixed.
          ...f.skipped.map(
            (k) =>
              `Not in the file: ${k.clientId} ${k.name}, ${money(k.amount)} (${k.invoiceIds.join(' ')}): ${k.reason}`,
          ),
          ...f.warnings.map((w) => `Warning: ${w}`),
        ].join('\n')
      );
    });
  },
};
