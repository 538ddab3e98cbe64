// `npm run preview [-- --port 8765 --workbook demo/studio.xlsx --today YYYY-MM-DD]`: the sidebars in a
// browser, on a local workbook. Stops on Ctrl+C.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { listSidebars, startPreview } from './server';
import { distDir } from '../runtime';

const HELP = `Usage: npm run preview -- [--workbook W.xlsx] [--port N] [--today YYYY-MM-DD]

Serves every sidebar of dist/ on http://127.0.0.1:PORT with google.script.run calling the add-in's own
server functions (dist/Code.js) on the workbook, which is saved after each successful change.

  --workbook W.xlsx   the workbook (default demo/studio.xlsx, made by \`npm start\`)
  --port N            the port (default 8765; 0 picks a free one)
  --today D           the date the add-in counts as today (default: the real date), e.g. 2016-09-16 to
                      carry on the demo's story
  --help              this help`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        workbook: { type: 'string', default: 'demo/studio.xlsx' },
        port: { type: 'string', default: '8765' },
        today: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    console.error(`preview: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`preview: --port ${values.port} is not a port number.`);
    return 2;
  }
  const workbook = values.workbook;
  if (!existsSync(workbook)) {
    console.error(
      workbook === 'demo/studio.xlsx'
        ? 'preview: no demo/studio.xlsx yet. Make it with `npm start` (it runs the demo studio through the command line), then run `npm run preview` again.'
        : `preview: no workbook at ${workbook}. Make one with \`npx studio-ledger init --workbook ${workbook} --demo\`, or run \`npm start\` for demo/studio.xlsx.`,
    );
    return 1;
  }
  let preview;
  try {
    preview = await startPreview({
      workbook,
      port,
      today: values.today,
      log: (line) => console.log(`  ${new Date().toLocaleTimeString()} ${line}`),
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE')
      console.error(`preview: port ${port} is in use. Try another: npm run preview -- --port ${port + 1}`);
    else console.error(`preview: ${err.message}`);
    return 1;
  }
  console.log(`Studio Ledger preview on ${workbook}${values.today ? ` (today is ${values.today})` : ''}:\n`);
  console.log(`  ${preview.url}`);
  for (const s of listSidebars(distDir())) console.log(`  ${preview.url}sidebar/${s}`);
  if (workbook === 'demo/studio.xlsx' && !values.today)
    console.log(
      '\nThe demo studio lives in Sep-Oct 2016: `npm run preview -- --today 2016-10-14` carries on its story\n(the next billing day) instead of billing every cycle up to the real date.',
    );
  console.log('\nCtrl+C to stop.');
  const stop = (): void => {
    console.log('\nStopping the preview.');
    preview.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}

main().then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (e: unknown) => {
    console.error(`preview: ${(e as Error).message}`);
    process.exit(1);
  },
);
