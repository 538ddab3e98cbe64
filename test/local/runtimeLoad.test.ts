import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startAddin } from '../../src/local/runtime';
import { createAppsScript } from '../../src/local/gas';

// The runtime hands the bundle its builtins as parameters (a vm context's globals are slow to look up):
// the bundle must still see the context's own builtins, the services as globals, and its top-level
// functions on the context, as Apps Script would.
const CODE = `"use strict";
var helper = (() => ({ year: () => new Date().getUTCFullYear() }))();
function hello(x) {
  return [Math.max(1, x), helper.year(), typeof SpreadsheetApp, Array.isArray([]), [] instanceof Array];
}
function fails() {
  throw new Error('no');
}
var css = \`
function notAFunction(
\`;
`;

function codeFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'runtime-'));
  const path = join(dir, 'Code.js');
  writeFileSync(path, CODE);
  return path;
}

describe('startAddin', () => {
  it('runs the top-level functions with the context clock, builtins and services', () => {
    const emu = createAppsScript({ today: () => new Date(Date.UTC(2031, 5, 1)) });
    const addin = startAddin({ emu, codePath: codeFile() });
    expect(addin.has('hello')).toBe(true);
    expect(addin.has('helper')).toBe(false);
    expect(addin.has('notAFunction')).toBe(false);
    expect(addin.call('hello', 5)).toEqual([5, 2031, 'object', true, true]);
  });

  it('reports errors at the line of Code.js they come from', () => {
    const addin = startAddin({ codePath: codeFile() });
    let stack = '';
    try {
      addin.call('fails');
    } catch (e) {
      stack = (e as Error).stack ?? '';
    }
    expect(stack).toMatch(/Code\.js:7:/);
  });
});
