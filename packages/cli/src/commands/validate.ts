import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseCommandArgs } from '../args.js';
import type { CliDeps } from '../deps.js';
import { CliError, EXIT_OK, EXIT_PROBLEMS } from '../errors.js';
import { displayPath } from '../formatters/stylish.js';
import { VALIDATE_HELP } from '../help.js';
import type { CliIo } from '../io.js';
import { formatProblem, sortProblems } from '../problems.js';

/**
 * `brandsafe validate FILE.ttl...`: loads each brand graph (Turtle syntax, then SHACL) and prints
 * every problem as `file:line:col: severity message [constraint]`. Returns 1 when any file has a
 * problem, 0 when all are clean; an unreadable file is exit 2, like a usage error, because
 * nothing was validated.
 */
export async function validateCommand(args: readonly string[], io: CliIo, deps: CliDeps): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', args, { help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout.write(VALIDATE_HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) {
    throw new CliError('USAGE', 'brandsafe validate needs a brand file, e.g. "brandsafe validate .brandsafe/brand.ttl".');
  }
  const texts: { shown: string; path: string; text: string }[] = [];
  for (const operand of positionals) {
    const path = resolve(io.cwd, operand);
    const shown = displayPath(io.cwd, path);
    try {
      texts.push({ shown, path, text: await readFile(path, 'utf8') });
    } catch (cause) {
      throw new CliError('UNREADABLE', `Cannot read ${shown} (${(cause as NodeJS.ErrnoException).code ?? cause}).`, { cause });
    }
  }
  const kit = await deps.brandKit();
  let problemCount = 0;
  for (const { shown, path, text } of texts) {
    const { problems } = await kit.loadBrand(text, { file: path });
    for (const p of sortProblems(problems)) io.stdout.write(formatProblem(shown, p) + '\n');
    problemCount += problems.length;
  }
  if (problemCount > 0) {
    io.stderr.write(`brandsafe: ${problemCount} problem${problemCount === 1 ? '' : 's'} in ${texts.length} file${texts.length === 1 ? '' : 's'}.\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}
