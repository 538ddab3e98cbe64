// The demo studio through the command line, for CLI tests: Jane (C-0001) on the seed's 5 x $220 from Tue
// 13 Sep 2016 and Chris (C-0002) on the $160 fortnightly recurring package, sold on 13 Sep.
import { expect } from 'vitest';
import { cli } from './cliRun';

/** Runs a command on workbook W that must succeed; returns what it printed. */
export async function ok(W: string, ...args: string[]): Promise<string> {
  const r = await cli(...args, '--workbook', W);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return r.out;
}

export async function soldStudio(W: string): Promise<void> {
  await ok(W, 'init', '--demo', '--today', '2016-09-09');
  await ok(
    W,
    'sell',
    '--client',
    'C-0001',
    '--package',
    'PT10-5F',
    '--start',
    '2016-09-13',
    '--today',
    '2016-09-13',
  );
  await ok(W, 'sell', '--client', 'C-0002', '--package', 'PT2W', '--today', '2016-09-13');
}
