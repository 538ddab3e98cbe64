// The main studio as a .xlsx: saved here, then loaded and saved again in a fresh process, so the peak
// memory reported is the round trip's own. The files live in the repository's ignored test-artifacts/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { saveFromEmulation } from '../src/local/xlsx';
import type { AddinRuntime } from '../src/local/runtime';

const DIR = join('test-artifacts', 'bench');
const GB_KB = 1024 * 1024;

export async function xlsxRoundTrip(addin: AddinRuntime, say: (line: string) => void): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const from = join(DIR, 'studio.xlsx');
  const to = join(DIR, 'studio-again.xlsx');
  const t0 = performance.now();
  await saveFromEmulation(from, addin.emu);
  const savedMs = performance.now() - t0;
  const bytes = statSync(from).size;
  const child = spawnSync(process.execPath, ['--import', 'tsx', join('bench', 'xlsxChild.ts'), from, to], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  try {
    if (child.status !== 0) {
      say(`  xlsx: the fresh process failed (${child.status}): ${child.stderr.trim().split('\n')[0]}`);
      return;
    }
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as {
      loadMs: number;
      saveMs: number;
      maxRssKb: number;
    };
    say(
      `  xlsx (${(bytes / 1e6).toFixed(1)} MB, saved here in ${savedMs.toFixed(0)} ms); fresh process: load ${r.loadMs.toFixed(0)} ms, save ${r.saveMs.toFixed(0)} ms, peak RSS ${(r.maxRssKb / 1024).toFixed(0)} MB: under 1 GB ${r.maxRssKb < GB_KB ? 'PASS' : 'FAIL'}`,
    );
  } finally {
    rmSync(from, { force: true });
    rmSync(to, { force: true });
  }
}
