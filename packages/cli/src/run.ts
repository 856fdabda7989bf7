import { defaultDeps, type CliDeps } from './deps.js';
import { CliError, EXIT_OK, EXIT_USAGE, isCliError } from './errors.js';
import { MAIN_HELP } from './help.js';
import type { CliIo } from './io.js';
import { version } from './version.js';

const COMMANDS = {
  check: async () => (await import('./commands/check.js')).checkCommand,
  validate: async () => (await import('./commands/validate.js')).validateCommand,
  verify: async () => (await import('./commands/verify.js')).verifyCommand,
  audit: async () => (await import('./commands/audit-monitor.js')).auditCommand,
} as const;

/**
 * Runs the `brandsafe` command line in-process and returns the exit code: 0 clean, 1 problems,
 * 2 usage or configuration error. Nothing is thrown for bad input: a {@link CliError} becomes one
 * `brandsafe: …` line on stderr; anything else is a bug and is reported as one, with its stack
 * when `BRANDSAFE_DEBUG` is set.
 *
 * @example
 * const code = await run(['check', 'variations/', '--format', 'json'], { stdout, stderr, cwd, env });
 */
export async function run(argv: readonly string[], io: CliIo, deps: CliDeps = defaultDeps): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      io.stdout.write(MAIN_HELP);
      return first === undefined ? EXIT_USAGE : EXIT_OK;
    }
    if (first === '--version' || first === '-v') {
      io.stdout.write(`${version()}\n`);
      return EXIT_OK;
    }
    if (!Object.hasOwn(COMMANDS, first)) {
      const what = first.startsWith('-') ? `option "${first}"` : `command "${first}"`;
      throw new CliError('USAGE', `Unknown ${what}. Commands: ${Object.keys(COMMANDS).join(', ')}; run "brandsafe --help".`);
    }
    const command = await COMMANDS[first as keyof typeof COMMANDS]();
    return await command(rest, io, deps);
  } catch (err) {
    if (isCliError(err)) {
      io.stderr.write(`brandsafe: ${err.message}\n`);
      if (io.env.BRANDSAFE_DEBUG && err.cause) io.stderr.write(`${String((err.cause as Error).stack ?? err.cause)}\n`);
      return EXIT_USAGE;
    }
    const e = err as Error;
    io.stderr.write(`brandsafe: internal error: ${e.message ?? String(err)} (please report it; BRANDSAFE_DEBUG=1 shows the stack)\n`);
    if (io.env.BRANDSAFE_DEBUG) io.stderr.write(`${e.stack ?? ''}\n`);
    return EXIT_USAGE;
  }
}
