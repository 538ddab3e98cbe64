// `studio-ledger init`: create the tabs (and demo data).
import { addDemoData, demoState, type DemoAdded } from '../../demoData';
import { COMMON, type Command } from '../command';
import { ActionError } from '../errors';
import { call, json, need, today, unchanged, withWorkbook } from '../helpers';

export const init: Command = {
  name: 'init',
  summary: 'create the tabs (and demo data)',
  options: {
    ...COMMON,
    demo: { type: 'boolean', help: 'add the demo studio (settings, packages, clients) to a new workbook' },
  },
  run: (v, io) =>
    withWorkbook(
      v,
      io,
      (s) => {
        if (v.demo) {
          // Demo data goes into a workbook without records only, once: a studio in use is never mixed
          // with it, and a second `init --demo` on the demo workbook leaves it alone.
          const state = demoState(s.addin);
          if (state.kind === 'demo')
            return unchanged(
              json(v, {
                created: [],
                headersAdded: [],
                settingsAdded: [],
                demoClients: [],
                unchanged: true,
              }) ?? `${need(v, 'workbook')} already holds the demo studio; nothing changed.`,
            );
          if (state.kind === 'data')
            throw new ActionError(
              `${need(v, 'workbook')} already holds records (${state.tabs.join(', ')}): demo data goes into a new workbook only.`,
            );
        }
        const r = call(s, 'setUpWorkbook', {}, v);
        // A new file starts with Google's default empty sheet; the ledger does not need it.
        const blank = s.addin.emu.spreadsheet.getSheetByName('Sheet1');
        if (blank && blank.getLastRow() === 0) s.addin.emu.spreadsheet.deleteSheet(blank);
        const demo: DemoAdded = v.demo
          ? addDemoData(s.addin, today(v) ?? new Date().toISOString().slice(0, 10), r.settingsAdded)
          : { clients: [], settingsKept: [] };
        return (
          json(v, { ...r, demoClients: demo.clients, demoSettingsKept: demo.settingsKept }) ??
          [
            r.created.length ? `Created tabs: ${r.created.join(', ')}` : 'Every tab was already there.',
            r.headersAdded.length ? `Added columns: ${r.headersAdded.join(', ')}` : '',
            r.settingsAdded.length ? `Added settings: ${r.settingsAdded.join(', ')}` : '',
            demo.clients.length
              ? `Demo studio: Harbour PT, packages PT10, PT10-5F, PT2W, clients ${demo.clients.join(', ')}`
              : '',
            demo.settingsKept.length
              ? `Kept the workbook's own settings (not the demo's): ${demo.settingsKept.join(', ')}`
              : '',
          ]
            .filter(Boolean)
            .join('\n')
        );
      },
      true,
    ),
};
