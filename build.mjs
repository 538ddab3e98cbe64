// Bundles the add-in for Apps Script: dist/Code.js, dist/appsscript.json and one HTML file per sidebar.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';

const ENTRY = 'src/addon/index.ts';
const GLOBAL = 'StudioLedger';
const OUT = 'dist';
const TARGET = 'es2019';

/**
 * The entry's export names, read from an ESM build of the same entry: esbuild's metafile lists exports
 * for ESM output (not for an IIFE), so the list can never drift from the code.
 */
export async function entryExports(entry = ENTRY) {
  const probe = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: TARGET,
    write: false,
    metafile: true,
    outdir: 'probe',
    logLevel: 'silent',
  });
  const outputs = Object.values(probe.metafile.outputs);
  return outputs.flatMap((o) => o.exports ?? []).sort();
}

/** Top-level declarations Apps Script can see, each forwarding to the bundle's export. */
export function globalStubs(names, globalName = GLOBAL) {
  return names
    .map(
      (n) =>
        `function ${n}() {\n  return ${globalName}.${n}.apply(null, Array.prototype.slice.call(arguments));\n}`,
    )
    .join('\n');
}

async function buildCode() {
  const names = await entryExports();
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    define: { __STUDIO_LEDGER_ADDON__: process.env.STUDIO_LEDGER_ADDON === '1' ? 'true' : 'false' },
    // Apps Script is no browser, but the browser builds of our libraries need no Node built-ins.
    platform: 'browser',
    target: TARGET,
    write: false,
    legalComments: 'none',
  });
  const body = result.outputFiles[0].text;
  const code = `${body}\n${globalStubs(names)}\n`;
  writeFileSync(join(OUT, 'Code.js'), code);
  return names;
}

/** Each src/ui/pages/NAME.ts is bundled and inlined into NAME.html with the shared shell and style. */
async function buildPages() {
  const dir = 'src/ui/pages';
  if (!existsSync(dir)) return [];
  const shell = readFileSync('src/ui/shell.html', 'utf8');
  const css = readFileSync('src/ui/sidebar.css', 'utf8');
  const pages = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  const names = [];
  for (const file of pages) {
    const name = basename(file, '.ts');
    const js = await esbuild.build({
      entryPoints: [join(dir, file)],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: TARGET,
      write: false,
      legalComments: 'none',
    });
    const script = js.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
    const html = shell
      .replace('/*STYLE*/', () => css)
      .replace('/*SCRIPT*/', () => script)
      .replace('<!--TITLE-->', () => name);
    writeFileSync(join(OUT, `${name}.html`), html);
    names.push(name);
  }
  return names;
}

/** The local command line, for Node: dist/cli.mjs (not uploaded by clasp: .claspignore keeps it out). */
async function buildCli() {
  await esbuild.build({
    entryPoints: ['src/local/cli/bin.ts'],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile: join(OUT, 'cli.mjs'),
    legalComments: 'none',
    logLevel: 'warning',
  });
}

export async function build() {
  mkdirSync(OUT, { recursive: true });
  copyFileSync('appsscript.json', join(OUT, 'appsscript.json'));
  const names = await buildCode();
  const pages = await buildPages();
  await buildCli();
  return { names, pages };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { names, pages } = await build();
  console.log(`dist/Code.js: ${names.length} entry points (${names.join(', ')})`);
  if (pages.length) console.log(`dist/*.html: ${pages.join(', ')}`);
}
