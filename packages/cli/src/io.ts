/**
 * The process surface the CLI touches, passed in so tests can run the command in-process and read
 * what it printed, and so nothing below `main()` reads `process` directly.
 */

/** A text sink: `process.stdout`/`process.stderr` or a test buffer. */
export interface OutStream {
  write(chunk: string): unknown;
  /** True when the stream is an interactive terminal (colours, progress). */
  isTTY?: boolean;
}

export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  /** Directory relative paths and globs are resolved against. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** All of standard input as text, for `check --stdin` (absent: no standard input to read). */
  readStdin?: () => Promise<string>;
}

/**
 * Whether to colour output for a stream. Honours the NO_COLOR convention (https://no-color.org:
 * any non-empty value disables colour) and FORCE_COLOR (as chalk/picocolors read it), and
 * otherwise colours only an interactive terminal.
 */
export function useColor(stream: OutStream, env: CliIo['env']): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}
