import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import * as entry from '../../src/addon/index';
import { entryExports } from '../../build.mjs';

const code = readFileSync('dist/Code.js', 'utf8');

describe('dist/Code.js', () => {
  it('declares exactly the entry exports, read from the entry module', async () => {
    const names = await entryExports();
    expect(names).toEqual(Object.keys(entry).sort());
    expect(names).toContain('onOpen');
    expect(names).toContain('onInstall');
  });

  it('runs no service at top level and forwards every declaration', async () => {
    const names = await entryExports();
    // No Apps Script globals at all: any top-level service call would throw a ReferenceError here.
    const ctx = vm.createContext({});
    vm.runInContext(code, ctx);
    for (const name of names) {
      const decl = vm.runInContext(`typeof ${name}`, ctx);
      expect(decl, name).toBe('function');
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
    // Swap the bundle for spies: each declaration must pass its arguments through and return the result.
    const seen: Record<string, unknown[]> = {};
    const spies: Record<string, (...a: unknown[]) => unknown> = {};
    for (const name of names) {
      spies[name] = (...args: unknown[]) => {
        seen[name] = args;
        return { from: name, args };
      };
    }
    ctx.StudioLedger = spies;
    for (const name of names) {
      const arg = { n: name };
      const result = vm.runInContext(`${name}`, ctx)(arg, 2, 'three');
      expect(seen[name]).toEqual([arg, 2, 'three']);
      expect(result).toEqual({ from: name, args: [arg, 2, 'three'] });
    }
  });

  it('is ES2019: no class fields, optional chaining or nullish coalescing survive', () => {
    expect(code).not.toMatch(/\?\.[a-zA-Z_(]/);
    expect(code).not.toMatch(/\?\?/);
  });
});
