// studio-ledger: the add-in without Google, on a local .xlsx workbook. The commands are in README.md and `--help`.
import { parseArgs } from 'node:util';
import type { Command, Io, Values } from './command';
import { ActionError, UsageError } from './errors';
import { COMMANDS } from './registry';

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: studio-ledger <command> --workbook W.xlsx [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --today YYYY-MM-DD (the date the action counts as today) and --json.',
    'Run studio-ledger <command> --help for its options.',
  ].join('\n');
}

function commandHelp(c: Command): string {
  const opts = Object.entries(c.options).map(([name, o]) => {
    const left = `--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
    return { left, help: `${o.help}${o.required ? ' (required)' : ''}${o.multiple ? ' (repeatable)' : ''}` };
  });
  const width = Math.max(...opts.map((o) => o.left.length));
  return [
    `Usage: studio-ledger ${c.name} [options]`,
    '',
    c.summary,
    '',
    'Options:',
    ...opts.map((o) => `  ${o.left.padEnd(width)}  ${o.help}`),
    '  --help'.padEnd(width + 2) + '  this help',
  ].join('\n');
}

/** Runs one command line; returns the exit code. 0 done, 1 the action refused (bad input), 2 usage. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`studio-ledger: unknown command "${name}". Run studio-ledger --help.`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(command));
    return 0;
  }
  let asJson = false;
  try {
    const { values } = parseArgs({
      args: rest,
      options: Object.fromEntries(
        Object.entries(command.options).map(([k, o]) => [k, { type: o.type, multiple: o.multiple === true }]),
      ),
      strict: true,
      allowPositionals: false,
    });
    for (const [k, o] of Object.entries(command.options))
      if (o.required && (values[k] === undefined || values[k] === ''))
        throw new UsageError(`--${k} is required`);
    asJson = values.json === true;
    // Only string options are repeatable, so a list is always of strings.
    return await command.run(values as Values, io);
  } catch (e) {
    if (e instanceof ActionError) {
      // A script reading stdout learns of the refusal there too.
      if (asJson) io.out(JSON.stringify({ ok: false, error: e.message }));
      io.err(`studio-ledger ${name}: ${e.message}`);
      return 1;
    }
    if (e instanceof TypeError && 'code' in e && /ambiguous/.test(e.message)) {
      const opt = /'(--[\w-]+)'/.exec(e.message)?.[1] ?? 'the option';
      io.err(`studio-ledger ${name}: ${opt} needs a value; if it starts with "-", write ${opt}=VALUE.`);
      return 2;
    }
    if (
      e instanceof UsageError ||
      (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err(
        `studio-ledger ${name}: ${(e as Error).message.split('\n')[0]}. Run studio-ledger ${name} --help.`,
      );
      return 2;
    }
    io.err(`studio-ledger ${name}: ${(e as Error).message.split('\n')[0]}`);
    if (process.env.STUDIO_LEDGER_DEBUG) io.err(String((e as Error).stack));
    return 3;
  }
}

export function processIo(): Io {
  const tty = process.stderr.isTTY === true;
  return {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
    progress: (s) => {
      if (tty) process.stderr.write(`\r\x1b[2K${s}`);
    },
  };
}
