// `studio-ledger self-check`: the add-in's probe of the Sheets behaviours it relies on (Studio Ledger >
// Help > Check this spreadsheet), here on the emulation: each check, pass or fail, expected and seen,
// with Google's reference. Exit 0 when every check passes, 1 when one fails (the Log row is saved).
import { COMMON, type Command } from '../command';
import { call, json, withWorkbook } from '../helpers';
import { table } from '../output';

export const selfCheck: Command = {
  name: 'self-check',
  summary: 'check every Sheets behaviour the add-in relies on, in a temporary tab (writes a Log row)',
  options: { ...COMMON },
  run: async (v, io) => {
    let failed = 0;
    const code = await withWorkbook(v, io, (s) => {
      const r = call(s, 'runSelfCheck', {}, v);
      failed = r.total - r.passed;
      return (
        json(v, r) ??
        [
          table(
            ['Result', 'Check', 'Expected', 'Seen'],
            r.checks.map((c) => [c.pass ? 'pass' : 'FAIL', c.name, c.expected, c.seen]),
          ),
          `${r.passed} of ${r.total} checks passed.`,
          'Where each expected value comes from:',
          ...r.checks.map((c) => `  ${c.name}: ${c.reference}`),
        ].join('\n\n')
      );
    });
    return code === 0 && failed > 0 ? 1 : code;
  },
};
