import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './errors.js';

type Config<T> = { args: string[]; options: T; strict: true; allowPositionals: true };
type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `util.parseArgs` in strict mode, with its errors turned into one short usage line naming the
 * command and where to get help (its own messages run to three sentences).
 */
export function parseCommandArgs<T extends Options>(
  command: string,
  args: readonly string[],
  options: T,
): ReturnType<typeof parseArgs<Config<T>>> {
  try {
    return parseArgs<Config<T>>({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (cause) {
    const err = cause as Error & { code?: string };
    const quoted = /'([^']+)'/.exec(err.message)?.[1];
    let message: string;
    switch (err.code) {
      case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
        message = `Unknown option "${quoted ?? err.message}" for "brandsafe ${command}".`;
        break;
      case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
        message = `Option ${quoted ?? ''} needs a value.`.replace('  ', ' ');
        break;
      default:
        message = err.message;
    }
    throw new CliError('USAGE', `${message} Run "brandsafe ${command} --help" for usage.`, { cause });
  }
}

/** A non-negative integer option (`--max-warnings 0`), or a usage error naming the option. */
export function parseCount(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new CliError('USAGE', `--${name} must be a whole number ≥ 0, got "${value}".`);
  return Number(value);
}
