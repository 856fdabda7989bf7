import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { RuleSetting } from '@brandsafe/rules';
import { parseCommandArgs, parseCount } from '../args.js';
import { BrandResolver } from '../brand-resolver.js';
import type { CliDeps, RulesApi } from '../deps.js';
import { CliError, EXIT_OK, EXIT_PROBLEMS } from '../errors.js';
import { expandOperands, isCheckedFile } from '../files.js';
import { format, isFormat, FORMATS } from '../formatters/index.js';
import { formatNotes, displayPath } from '../formatters/stylish.js';
import { CHECK_HELP } from '../help.js';
import { useColor, type CliIo } from '../io.js';
import { totalCounts, type RunReport } from '../report.js';
import { version } from '../version.js';
import { autoConcurrency, checkFiles } from './check-files.js';

/** Default `--max-file-size`: 1 MiB. Variation code is small; a larger file is a bundle or data. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

const SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'off'];

/** `--rule id=severity` values into CheckOptions.rules, rejecting unknown severities and rule ids. */
export function parseRuleSettings(values: readonly string[], rules: RulesApi['RULES']): Record<string, RuleSetting> {
  const known = new Set(rules.map((r) => r.id));
  const out: Record<string, RuleSetting> = {};
  for (const value of values) {
    const eq = value.lastIndexOf('=');
    const id = value.slice(0, eq).trim();
    const setting = value.slice(eq + 1).trim() as RuleSetting;
    if (eq <= 0 || !SETTINGS.includes(setting)) {
      throw new CliError('USAGE', `--rule expects ID=error|warning|info|off, got "${value}".`);
    }
    // Brand-declared rules are only known once a brand is loaded, so `brand/…` ids pass here.
    if (!known.has(id) && !id.startsWith('brand/')) {
      throw new CliError('USAGE', `--rule names an unknown rule "${id}".`);
    }
    out[id] = setting;
  }
  return out;
}

/** `--concurrency`: `auto` (by file count and cores), `off` (= 1) or a number of worker threads. */
export function parseConcurrency(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  if (value === 'off') return 1;
  const n = parseCount('concurrency', value);
  if (n === undefined || n < 1) throw new CliError('USAGE', `--concurrency must be auto, off or a number ≥ 1, got "${value}".`);
  return n;
}

/**
 * `--stdin [--stdin-filename F]`, as in ESLint: the text to check comes from standard input (an
 * editor buffer, a pre-commit hook); the file name picks the language and the brand and names the
 * result, `<text>` (JavaScript, brand from the working directory) when absent.
 */
async function readStdinOperand(io: CliIo, positionals: readonly string[], name: string | undefined, fix: boolean) {
  if (positionals.length > 0) throw new CliError('USAGE', '--stdin checks standard input; it takes no paths (use --stdin-filename to name it).');
  if (fix) throw new CliError('USAGE', '--fix cannot write back to standard input.');
  if (!io.readStdin) throw new CliError('USAGE', '--stdin: there is no standard input to read.');
  if (name !== undefined && !isCheckedFile(name)) {
    throw new CliError('USAGE', `--stdin-filename "${name}" is not a .js, .mjs, .cjs, .ts or .css file.`);
  }
  const text = await io.readStdin();
  return {
    filePath: resolve(io.cwd, name ?? '<text>'),
    text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text,
    ...(name === undefined ? { language: 'javascript' as const } : {}),
  };
}

/**
 * `brandsafe check`: expands the operands, checks each file against its brand (or brand-free),
 * prints the report in the chosen format and returns the exit code (0 clean, 1 errors or too
 * many warnings). Usage and configuration problems are thrown as {@link CliError} (exit 2).
 */
export async function checkCommand(args: readonly string[], io: CliIo, deps: CliDeps): Promise<number> {
  const { values, positionals } = parseCommandArgs('check', args, {
    brand: { type: 'string' },
    format: { type: 'string', short: 'f', default: 'stylish' },
    output: { type: 'string', short: 'o' },
    'max-warnings': { type: 'string' },
    'max-file-size': { type: 'string' },
    'page-type': { type: 'string' },
    rule: { type: 'string', multiple: true },
    concurrency: { type: 'string', default: 'off' },
    fix: { type: 'boolean' },
    stdin: { type: 'boolean' },
    'stdin-filename': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(CHECK_HELP);
    return EXIT_OK;
  }
  const formatName = values.format ?? 'stylish';
  if (!isFormat(formatName)) {
    throw new CliError('USAGE', `Unknown format "${formatName}"; use one of ${FORMATS.join(', ')}.`);
  }
  const maxWarnings = parseCount('max-warnings', values['max-warnings']);
  const maxFileSize = parseCount('max-file-size', values['max-file-size']) ?? DEFAULT_MAX_FILE_SIZE;
  const concurrency = parseConcurrency(values.concurrency ?? 'off');

  const display = (p: string) => displayPath(io.cwd, p);
  const resolver = new BrandResolver({ cwd: io.cwd, explicit: values.brand, brandKit: deps.brandKit, display });
  // Configuration first, as ESLint does: a bad --brand is reported before any file is looked at.
  if (values.brand !== undefined) await resolver.brandFor(resolve(io.cwd, values.brand));
  const stdin = values.stdin ? await readStdinOperand(io, positionals, values['stdin-filename'], values.fix === true) : undefined;
  const files = stdin ? [stdin.filePath] : await expandOperands(positionals, io.cwd);
  const rulesApi = await deps.rules();
  const ruleSettings = parseRuleSettings(values.rule ?? [], rulesApi.RULES);

  const { reports, notes } = await checkFiles(files, {
    io,
    rules: rulesApi,
    resolver,
    maxFileSize,
    fix: values.fix === true,
    ...(stdin ? { stdin } : {}),
    concurrency: deps.workers ? (concurrency === 'auto' ? autoConcurrency(files.length) : concurrency) : 1,
    checkOptions: { rules: ruleSettings, ...(values['page-type'] ? { pageType: values['page-type'] } : {}) },
  });
  const pageType = values['page-type'];
  if (pageType !== undefined) {
    // A typo in --page-type would silently approve nothing page-specific; say so.
    for (const { path, brand } of await resolver.loaded()) {
      const ids = brand.pageTypes.map((p) => p.id);
      if (!ids.includes(pageType)) {
        notes.push({ kind: 'brand', level: 'warning', filePath: path, message: `page type "${pageType}" is not declared by ${brand.name} (declared: ${ids.join(', ') || 'none'})` });
      }
    }
  }
  const report: RunReport = { cwd: io.cwd, files: reports, notes, rules: rulesApi.RULES, toolVersion: version() };

  const machineReadable = formatName !== 'stylish';
  const toFile = values.output !== undefined;
  const text = format(formatName, report, { color: !toFile && useColor(io.stdout, io.env) });
  if (toFile) {
    const out = resolve(io.cwd, values.output!);
    try {
      await writeFile(out, text);
    } catch (cause) {
      throw new CliError('OUTPUT_UNWRITABLE', `Cannot write ${values.output} (${(cause as NodeJS.ErrnoException).code ?? cause}).`, { cause });
    }
  } else {
    io.stdout.write(text);
  }
  // Notes are part of the stylish report; for machine formats (or a report in a file) they go to
  // stderr so the report stays parseable and the user still sees them.
  if ((machineReadable || toFile) && notes.length > 0) {
    io.stderr.write(formatNotes(report, { color: useColor(io.stderr, io.env) }));
  }

  const counts = totalCounts(reports);
  if (counts.errorCount > 0) return EXIT_PROBLEMS;
  if (maxWarnings !== undefined && counts.strictWarningCount > maxWarnings) {
    io.stderr.write(`brandsafe: too many warnings (${counts.strictWarningCount}); maximum allowed is ${maxWarnings}.\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}
