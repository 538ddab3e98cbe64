// The repository is self-contained: a clone with nothing beside it must build and pass. CI runs with the
// project's shared folder beside the clone, so a test reading it would pass there and fail for a newcomer;
// this scan catches such a path before it lands.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCANNED = [
  'src',
  'test',
  'bench',
  'bin',
  '.ci',
  'build.mjs',
  'package.json',
  'vitest.config.ts',
  'tsconfig.json',
];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'demo', 'test-artifacts', 'fixtures']);
const THIS_FILE = path.relative(root, fileURLToPath(import.meta.url));

function filesUnder(rel: string): string[] {
  const abs = path.join(root, rel);
  if (!statSync(abs).isDirectory()) return [rel];
  return readdirSync(abs).flatMap((name) => (SKIP_DIRS.has(name) ? [] : filesUnder(path.join(rel, name))));
}

/** A path that climbs out of the repository to the folder beside it. */
const OUTSIDE = /(\.\.\/)+shared\b|\bshared\/(fixtures|seed)\b|\/work\/shared/;

describe('the repository is self-contained', () => {
  it('no source, test, bench or build file names a path outside the repository', () => {
    const offenders = SCANNED.flatMap(filesUnder)
      .filter((f) => f !== THIS_FILE)
      .filter((f) => OUTSIDE.test(readFileSync(path.join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the scan would catch such a path', () => {
    // Built from parts, so this file itself names no path outside the repository.
    const beside = ['..', 'shared'].join('/');
    expect(OUTSIDE.test(`path.resolve(here, '../../../${beside}/fixtures')`)).toBe(true);
    expect(OUTSIDE.test(`readFileSync('${beside}/seed/x.txt')`)).toBe(true);
    expect(OUTSIDE.test('{ sharedFormula: "C2" }')).toBe(false);
  });
});
