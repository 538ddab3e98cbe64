// .ci/run's last line: a test file that cannot load is a failure, not "0 failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { summarise } from '../../.ci/summary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Outside the repository, so the nested run does not pick up the project's vitest config; vitest itself
// resolves through a link to our node_modules.
const dir = mkdtempSync(path.join(tmpdir(), 'ci-summary-'));
symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runVitestOn(files: Record<string, string>): {
  report: unknown;
  line: string;
  status: number | null;
} {
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const out = path.join(dir, 'report.json');
  const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
  spawnSync(process.execPath, [vitest, 'run', '--root', dir, '--reporter=json', `--outputFile=${out}`], {
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  const script = spawnSync(process.execPath, [path.join(root, '.ci', 'summary.mjs'), out], {
    encoding: 'utf8',
  });
  return { report: JSON.parse(readFileSync(out, 'utf8')), line: script.stdout.trim(), status: script.status };
}

describe('.ci/summary.mjs', () => {
  it('counts a file that fails to load as one failure, and says what was skipped', () => {
    const r = runVitestOn({
      'good.test.ts':
        "import { it, expect } from 'vitest';\nit('a', () => expect(1).toBe(1));\nit.skip('b', () => {});\n",
      'broken.test.ts': "import './no-such-module';\nimport { it } from 'vitest';\nit('never', () => {});\n",
    });
    expect(r.line).toBe('1 passed, 1 failed, 1 skipped');
    expect(r.status).toBe(1);
  });

  it('all green prints 0 failed and exits 0', () => {
    rmSync(path.join(dir, 'broken.test.ts'));
    writeFileSync(
      path.join(dir, 'good.test.ts'),
      "import { it, expect } from 'vitest';\nit('a', () => expect(1).toBe(1));\n",
    );
    const r = runVitestOn({});
    expect(r.line).toBe('1 passed, 0 failed');
    expect(r.status).toBe(0);
  });

  it('adds failing tests and unloadable files together', () => {
    expect(
      summarise({
        numPassedTests: 5,
        numFailedTests: 2,
        numPendingTests: 0,
        numTodoTests: 0,
        testResults: [
          { status: 'failed', assertionResults: [{ status: 'failed' }, { status: 'failed' }] },
          { status: 'failed', assertionResults: [] },
          { status: 'passed', assertionResults: [{ status: 'passed' }] },
        ],
      }),
    ).toBe('5 passed, 3 failed');
  });
});
