// The sidebars call the server by name with types taken from the add-in's exports. Those imports are
// type-only: no server module may reach a sidebar's HTML (it would grow every page and touch services
// that do not exist in the browser).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pages = readdirSync('dist').filter((f) => f.endsWith('.html'));

describe('dist sidebar pages', () => {
  it('are built, one per sidebar', () => {
    expect(pages).toEqual(expect.arrayContaining(['SellPackage.html', 'ProcessBilling.html']));
  });

  it.each(pages)('%s bundles no add-in or sheets module and names no service', (page) => {
    const html = readFileSync(`dist/${page}`, 'utf8');
    // esbuild marks each bundled module with a "// src/..." line.
    const modules = [...html.matchAll(/^\s*\/\/ (src\/\S+\.ts)$/gm)].map((m) => m[1]);
    expect(modules).toContain('src/ui/lib/server.ts');
    expect(modules.filter((m) => !/^src\/(ui|core)\//.test(m ?? ''))).toEqual([]);
    expect(html).not.toMatch(/SpreadsheetApp|LockService|PropertiesService|HtmlService/);
  });
});
