/**
 * @brandsafe/cli: the `brandsafe` command (check, validate). This entry stays light — commands,
 * the checker and the SHACL engine load on first use — because the `bin` imports it on every run.
 */
export { run } from './run.js';
export { main } from './main.js';
export type { CliIo, OutStream } from './io.js';
export type { CliDeps, RulesApi, BrandKitApi, BrandLoad } from './deps.js';
export { CliError, isCliError, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliErrorCode } from './errors.js';
export type { FileReport, RunNote, RunReport } from './report.js';
export { formatJson, formatSarif, formatStylish, FORMATS, type Format } from './formatters/index.js';
