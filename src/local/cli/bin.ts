// The executable: `npx studio-ledger …` (bundled to dist/cli.mjs by build.mjs).
import { processIo, runCli } from './main';

const io = processIo();
runCli(process.argv.slice(2), io).then(
  (code) => {
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`studio-ledger: ${(e as Error).message}\n`);
    process.exitCode = 3;
  },
);
