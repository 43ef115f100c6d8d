/**
 * The `hookscope` command line: `run`, `dev`, `schema`, `--version`, `--help`. Options are parsed
 * strictly (an unknown option or a missing value is an error, exit 2).
 */
import { UsageError } from './args.ts';
import type { CliIO } from './io.ts';
import { DEV_USAGE, MAIN_USAGE, RUN_USAGE, SCHEMA_USAGE } from './usage.ts';
import { VERSION } from './version.ts';

export type { CliIO } from './io.ts';

const COMMANDS: Record<string, { usage: () => string; load: () => Promise<(argv: string[], io: CliIO) => Promise<number>> }> = {
  run: { usage: RUN_USAGE, load: async () => (await import('./run-command.ts')).runCommand },
  dev: { usage: () => DEV_USAGE, load: async () => (await import('./dev-command.ts')).devCommand },
  schema: { usage: () => SCHEMA_USAGE, load: async () => (await import('./schema-command.ts')).schemaCommand },
};

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    (command === undefined ? io.err : io.out)(MAIN_USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.out(VERSION);
    return 0;
  }
  if (command === 'help') {
    const topic = rest[0] !== undefined ? COMMANDS[rest[0]] : undefined;
    io.out(topic ? topic.usage() : MAIN_USAGE);
    return 0;
  }
  const cmd = COMMANDS[command];
  if (!cmd) {
    io.err(`hookscope: unknown command ${JSON.stringify(command)}\n\n${MAIN_USAGE}`);
    return 2;
  }
  try {
    return await (
      await cmd.load()
    )(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`hookscope ${command}: ${err.message}\n(hookscope ${command} --help lists the options)`);
      return 2;
    }
    throw err;
  }
}
