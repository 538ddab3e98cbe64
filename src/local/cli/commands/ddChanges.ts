// `studio-ledger dd-changes`: every DD client whose debits differ from what the DD company was last told
// (or from the notices in force on --since), written to the DD Changes tab; --out writes the list as CSV,
// --mark-notified records today's schedules as told.
import { writeFileAtomic } from '../../xlsx';
import { COMMON, type Command } from '../command';
import { ActionError } from '../errors';
import { checkWritable, fileReason, sameFile } from '../files';
import { call, date, json, need, str, withWorkbook } from '../helpers';
import { money } from '../output';

export const ddChanges: Command = {
  name: 'dd-changes',
  summary:
    'DD clients whose debits changed since the last notice (DD Changes tab); --mark-notified records it',
  options: {
    ...COMMON,
    since: { type: 'string', help: 'compare with the notices in force on this date', value: 'D' },
    out: { type: 'string', help: 'also write the list as CSV', value: 'F' },
    'mark-notified': { type: 'boolean', help: "record today's schedules of the listed clients as notified" },
  },
  run: async (v, io) => {
    const out = str(v, 'out');
    if (out !== undefined) {
      if (sameFile(out, need(v, 'workbook')))
        throw new ActionError(`--out ${out} is the workbook itself; write the list to another file.`);
      checkWritable(out, '--out');
    }
    return withWorkbook(v, io, async (s) => {
      const r = call(
        s,
        'getDdChanges',
        { since: date(v, 'since'), markNotified: v['mark-notified'] === true },
        v,
      );
      if (out !== undefined) {
        try {
          await writeFileAtomic(out, Buffer.from(r.csv, 'utf8'));
        } catch (e) {
          const why = fileReason(e);
          if (why) throw new ActionError(`Cannot write ${out}: ${why}. Nothing was marked notified.`);
          throw e;
        }
      }
      const lines = [
        `${r.clients.length} of ${r.compared} DD client(s) differ from the notices in force on ${r.since}.`,
      ];
      for (const c of r.clients) {
        lines.push(`${c.clientId} ${c.name} (${c.billingMethod})`);
        for (const ch of c.changes) lines.push(`  ${ch.kind}: ${ch.note}`);
        for (const l of c.lines)
          if (l.note !== 'same')
            lines.push(
              `  ${l.oldDate ? `${l.oldDate} ${money(l.oldAmount!)}` : '-'.padEnd(10)} -> ${l.newDate ? `${l.newDate} ${money(l.newAmount!)}` : '-'}`,
            );
      }
      if (out !== undefined) lines.push(`Wrote ${out}.`);
      if (r.marked.length) lines.push(`Marked notified as of ${r.today}: ${r.marked.join(', ')}.`);
      else if (r.firstRun && r.clients.length)
        lines.push(
          'No client has been marked notified yet: run again with --mark-notified once the DD company has these schedules.',
        );
      return json(v, { ...r, csv: undefined }) ?? lines.join('\n');
    });
  },
};
