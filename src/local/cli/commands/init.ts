// `studio-ledger init`: create the tabs (and demo data).
import { addDemoData } from '../../demoData';
import { COMMON, type Command } from '../command';
import { call, date, json, withWorkbook } from '../helpers';

export const init: Command = {
  name: 'init',
  summary: 'create the tabs (and demo data)',
  options: {
    ...COMMON,
    demo: { type: 'boolean', help: 'add the demo studio: settings, packages, clients' },
  },
  run: (v, io) =>
    withWorkbook(
      v,
      io,
      (s) => {
        const today = date(v, 'today');
        const r = call(s, 'setUpWorkbook', {}, v);
        // A new file starts with Google's default empty sheet; the ledger does not need it.
        const blank = s.addin.emu.spreadsheet.getSheetByName('Sheet1');
        if (blank && blank.getLastRow() === 0) s.addin.emu.spreadsheet.deleteSheet(blank);
        const clients = v.demo ? addDemoData(s.addin, today ?? new Date().toISOString().slice(0, 10)) : [];
        return (
          json(v, { ...r, demoClients: clients }) ??
          [
            r.created.length ? `Created tabs: ${r.created.join(', ')}` : 'Every tab was already there.',
            r.headersAdded.length ? `Added columns: ${r.headersAdded.join(', ')}` : '',
            r.settingsAdded.length ? `Added settings: ${r.settingsAdded.join(', ')}` : '',
            clients.length
              ? `Demo studio: Harbour PT, packages PT10, PT10-5F, PT2W, clients ${clients.join(', ')}`
              : '',
          ]
            .filter(Boolean)
            .join('\n')
        );
      },
      true,
    ),
};
