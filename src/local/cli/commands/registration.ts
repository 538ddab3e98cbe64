// `studio-ledger registration`: the registration file for the DD company; marks its clients Registered.
import { writeFileAtomic } from '../../xlsx';
import { COMMON, type Command } from '../command';
import { ActionError } from '../errors';
import { checkWritable, fileReason, sameFile } from '../files';
import { call, json, need, unchanged, withWorkbook } from '../helpers';

export const registration: Command = {
  name: 'registration',
  summary: 'registration file (CSV) of DD clients not yet registered; marks them Registered',
  options: {
    ...COMMON,
    out: { type: 'string', required: true, help: 'where to write the CSV', value: 'F' },
    again: { type: 'boolean', help: 'export clients already registered too' },
  },
  run: async (v, io) => {
    const out = need(v, 'out');
    if (sameFile(out, need(v, 'workbook')))
      throw new ActionError(
        `--out ${out} is the workbook itself; write the registration file to another file.`,
      );
    checkWritable(out, '--out');
    return withWorkbook(v, io, async (s) => {
      const f = call(s, 'exportRegistration', { again: v.again === true }, v);
      const leftOut = f.leftOut.map((c) => `Not in the file: ${c.id} ${c.name}: ${c.reason}`);
      if (!f.registered.length)
        return unchanged(
          json(v, { ...f, out: null }) ??
            [
              'No client to register: no file written (--again exports registered clients again).',
              ...leftOut,
            ].join('\n'),
        );
      // The file first: if it cannot be written, nobody is marked Registered (the workbook is not saved).
      try {
        await writeFileAtomic(out, Buffer.from(f.content, 'utf8'));
      } catch (e) {
        const why = fileReason(e);
        if (why) throw new ActionError(`Cannot write ${out}: ${why}. Nobody was marked Registered.`);
        throw e;
      }
      return (
        json(v, { ...f, content: undefined, out }) ??
        [
          `Wrote ${out}: ${f.registered.length} client(s), now Registered: ${f.registered.map((c) => c.id).join(' ')}.`,
          ...leftOut,
        ].join('\n')
      );
    });
  },
};
