// The server side of google.script.run's rule (src/local/plainData), as the local runner applies it to
// every argument and result: no browser needed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { acrossScriptRun } from '../../src/local/plainData';
import { startAddin } from '../../src/local/runtime';

describe('plain data across google.script.run', () => {
  it('copies numbers, strings, booleans, null, arrays and plain objects; undefined as Google does', () => {
    expect(acrossScriptRun({ a: 1, b: 'x', c: [true, null, undefined], d: undefined, e: { f: [] } })).toEqual(
      {
        a: 1,
        b: 'x',
        c: [true, null, null],
        e: { f: [] },
      },
    );
    expect(acrossScriptRun(undefined)).toBeUndefined();
    // Values from the bundle's realm (a vm context) are plain data too.
    expect(acrossScriptRun(vm.runInNewContext('({ rows: [{ id: "C-0001" }] })'))).toEqual({
      rows: [{ id: 'C-0001' }],
    });
  });

  it('a Date, a function, a class instance or a cycle fails, naming the property', () => {
    expect(() => acrossScriptRun({ value: { due: new Date() } })).toThrow(
      'Failed due to illegal value in property: due',
    );
    expect(() => acrossScriptRun(vm.runInNewContext('[1, new Date()]'))).toThrow(
      'Failed due to illegal value in property: 1',
    );
    expect(() => acrossScriptRun({ f: () => 1 })).toThrow('Failed due to illegal value in property: f');
    expect(() => acrossScriptRun(new Map())).toThrow('Failed due to illegal value in property: 0');
    const cycle: Record<string, unknown> = {};
    cycle.me = cycle;
    expect(() => acrossScriptRun(cycle)).toThrow('Failed due to illegal value in property: me');
  });

  it('the runner fails a server function that returns a Date, instead of sending it as text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plain-data-'));
    const codePath = join(dir, 'Code.js');
    writeFileSync(
      codePath,
      'function when() { return { ok: true, at: new Date(0) }; }\n' +
        'function echo(x) { return x; }\n' +
        'function rows() { return [1, undefined, { a: undefined }]; }\n',
    );
    try {
      const addin = startAddin({ codePath });
      expect(() => addin.call('when')).toThrow('Failed due to illegal value in property: at');
      expect(addin.call('rows')).toEqual([1, null, {}]);
      expect(() => addin.call('echo', { at: new Date(0) })).toThrow(
        'Failed due to illegal value in property: at',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
