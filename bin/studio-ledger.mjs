#!/usr/bin/env node
// Runs the command line bundled by `npm run build` (dist/cli.mjs), next to the add-in it drives (dist/Code.js).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.mjs');
if (!existsSync(cli)) {
  process.stderr.write('studio-ledger: dist/cli.mjs is missing. Run npm run build first.\n');
  process.exit(2);
}
process.env.STUDIO_LEDGER_DIST ??= join(root, 'dist');
await import(pathToFileURL(cli).href);
