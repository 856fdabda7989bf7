import { fileURLToPath } from 'node:url';
import { run } from './run.js';

/**
 * The process entry: runs the CLI on `process.argv` and sets the exit code. It sets
 * `process.exitCode` rather than calling `process.exit()` so piped stdout is flushed in full
 * (a large SARIF log on a pipe would otherwise be cut off).
 */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  process.exitCode = await run(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  });
}

// `node --import tsx --conditions source packages/cli/src/main.ts …` runs it directly.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main();
