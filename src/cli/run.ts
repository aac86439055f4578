/**
 * How every command ends: exit 0 when `main` returns, 2 with the usage on bad usage, 1 with a one-line message on
 * bad input (a missing file, or an error the command names as the user's), and 1 with the whole error otherwise.
 */
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export interface Command {
  name: string;
  usage: string;
  /** Errors that are the user's input, shown as one line. */
  inputErrors: (abstract new (...args: never[]) => Error)[];
}

/**
 * @example
 * await runCommand({ name: 'import', usage: USAGE, inputErrors: [IngestError, UserError] }, () => main(argv));
 */
export async function runCommand(command: Command, main: () => unknown): Promise<void> {
  try {
    await main();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError || (error instanceof TypeError && /parseArgs|Unknown option|Unexpected argument/i.test(message))) {
      if (message) console.error(`${command.name}: ${message}\n`);
      console.error(command.usage);
      process.exit(2);
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`${command.name}: no such file: ${(error as NodeJS.ErrnoException).path}`);
      process.exit(1);
    }
    if (command.inputErrors.some((kind) => error instanceof kind)) {
      console.error(`${command.name}: ${message}`);
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  }
}

/** `<file> [--db <database>]`, the arguments of export and restore. */
export function fileAndDatabase(argv: string[], defaultDb: string) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) throw new UsageError('');
  if (positionals.length !== 1) throw new UsageError('give exactly one backup file');
  return { file: positionals[0]!, db: values.db ?? process.env.ARMONIZA_DB ?? defaultDb };
}
