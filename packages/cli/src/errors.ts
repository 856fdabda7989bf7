/** Exit codes, as ESLint uses them: 0 clean, 1 problems found, 2 the run itself could not be done. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export type CliErrorCode =
  | 'USAGE'
  | 'NO_FILES'
  | 'BRAND_UNREADABLE'
  | 'BRAND_INVALID'
  | 'UNREADABLE'
  | 'OUTPUT_UNWRITABLE';

/**
 * A usage or configuration problem: printed as one line on stderr and turned into exit code 2
 * (CONVENTIONS: "the CLI prints one clear line and exits non-zero"). The cause is kept for
 * debugging (`BRANDSAFE_DEBUG=1` prints it).
 */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    readonly code: CliErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Whether a value is a {@link CliError}. Checked by name and code rather than `instanceof`, since a
 * module loaded twice (CJS and ESM copies under a test runner's loader) has two CliError classes.
 */
export function isCliError(err: unknown): err is CliError {
  return err instanceof Error && err.name === 'CliError' && typeof (err as { code?: unknown }).code === 'string';
}
