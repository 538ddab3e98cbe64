// The layer rules are lint rules (eslint.config.js): a file that breaks one must fail the lint.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ overrideConfigFile: 'eslint.config.js' });

/** The rule ids a source would be reported for, were it the file at `filePath`. */
async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}
const ruleIds = async (filePath: string, code: string) =>
  (await problems(filePath, code)).map((p) => p.split(':')[0]);

describe('layer imports', () => {
  it('core imports nothing of ours outside core, at any depth', async () => {
    expect(
      await ruleIds('src/core/probe.ts', "import { UserError } from '../sheets/errors';\nvoid UserError;\n"),
    ).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(
      await problems(
        'src/core/aba/probe.ts',
        "import type { Result } from '../../addon/result';\nexport type R = Result<number>;\n",
      ),
    ).toEqual([
      "@typescript-eslint/no-restricted-imports: '../../addon/result' import is restricted from being used by a pattern. src/core is pure: it imports nothing outside core.",
    ]);
    expect(
      await ruleIds(
        'src/core/reports/shapes/probe.ts',
        "export { readReport } from '../../../local/demo';\n",
      ),
    ).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(
      await problems(
        'src/core/aba/probe.ts',
        "import { formatMoney } from '../money';\nexport const f = formatMoney;\n",
      ),
    ).toEqual([]);
  });

  it('sheets uses core only', async () => {
    expect(
      await ruleIds(
        'src/sheets/tabs/probe.ts',
        "import { attempt } from '../../addon/result';\nvoid attempt;\n",
      ),
    ).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await ruleIds('src/sheets/probe.ts', "import { h } from '../ui/lib/dom';\nvoid h;\n")).toEqual([
      '@typescript-eslint/no-restricted-imports',
    ]);
    expect(
      await problems(
        'src/sheets/tabs/probe.ts',
        "import { parseMoney } from '../../core/money';\nimport { UserError } from '../errors';\nvoid parseMoney;\nvoid UserError;\n",
      ),
    ).toEqual([]);
  });

  it('ui imports the add-in as types only, and nothing of sheets', async () => {
    expect(
      await problems(
        'src/ui/lib/probe.ts',
        "import type * as Server from '../../addon/index';\nexport type S = typeof Server;\n",
      ),
    ).toEqual([]);
    expect(
      await ruleIds('src/ui/lib/probe.ts', "import { attempt } from '../../addon/result';\nvoid attempt;\n"),
    ).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(
      await ruleIds(
        'src/ui/probe.ts',
        "import type { Client } from '../sheets/records';\nexport type C = Client;\n",
      ),
    ).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(
      await problems(
        'src/ui/probe.ts',
        "import { formatMoney } from '../core/money';\nexport const f = formatMoney;\n",
      ),
    ).toEqual([]);
  });
});

describe('Apps Script services', () => {
  it.each([
    ['src/core/probe.ts', 'SpreadsheetApp.getActive();'],
    ['src/sheets/probe.ts', 'LockService.getDocumentLock();'],
    ['src/ui/probe.ts', 'Session.getActiveUser();'],
    ['src/ui/lib/probe.ts', 'UrlFetchApp.fetch("https://example.com");'],
  ])('%s may not call %s', async (file, code) => {
    expect(await ruleIds(file, `${code}\n`)).toEqual(['no-restricted-globals']);
  });

  it('core and sheets read no clock', async () => {
    expect(await ruleIds('src/core/probe.ts', 'export const now = new Date();\n')).toEqual([
      'no-restricted-globals',
    ]);
    expect(await ruleIds('src/sheets/actions/probe.ts', 'export const now = Date.now();\n')).toEqual([
      'no-restricted-globals',
    ]);
  });

  it('addon and local may', async () => {
    expect(
      await problems('src/addon/probe.ts', 'SpreadsheetApp.getActive();\nexport const now = new Date();\n'),
    ).toEqual([]);
    expect(
      await problems('src/local/gas/probe.ts', 'Utilities.formatDate(new Date(), "UTC", "yyyy");\n'),
    ).toEqual([]);
  });
});

describe('the rules cover every source file', () => {
  // eslint.config.js writes the import rules per folder depth, up to four folders under a layer.
  function depths(dir: string, depth = 0): number[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? depths(join(dir, e.name), depth + 1) : e.name.endsWith('.ts') ? [depth] : [],
    );
  }
  it.each(['core', 'sheets', 'ui', 'addon'])('src/%s is at most four folders deep', (layer) => {
    expect(Math.max(...depths(join('src', layer)))).toBeLessThanOrEqual(4);
  });
});
