// Run in a fresh process by the bench: loads a saved studio .xlsx into a new emulation and saves it
// again, so the peak memory reported is the load's and save's own. Prints one JSON line.
import { createAppsScript } from '../src/local/gas';
import { loadIntoEmulation, saveFromEmulation } from '../src/local/xlsx';

async function main(): Promise<void> {
  const [from, to] = process.argv.slice(2);
  if (!from || !to) throw new Error('usage: xlsxChild <from.xlsx> <to.xlsx>');
  const emu = createAppsScript({ timeZone: 'Australia/Sydney' });
  const t0 = performance.now();
  await loadIntoEmulation(from, emu);
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  await saveFromEmulation(to, emu);
  const saveMs = performance.now() - t1;
  const maxRssKb = process.resourceUsage().maxRSS;
  process.stdout.write(`${JSON.stringify({ loadMs, saveMs, maxRssKb })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
