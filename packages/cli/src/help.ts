/** Usage texts. Kept short and in the order a first-time user needs them. */

export const MAIN_HELP = `brandsafe — check A/B-test variation code against a brand's rules

Usage:
  brandsafe check [paths|globs...] [options]   check JavaScript, TypeScript and CSS files
  brandsafe validate FILE.ttl...                check brand graphs (Turtle syntax + SHACL)
  brandsafe verify FILE.json... --key KEY.pem   verify audit receipts and exports offline
  brandsafe audit monitor --url URL             watch an audit log for forks and rollbacks

Options:
  -h, --help       show help (also: brandsafe <command> --help)
  -v, --version    print the version

Exit codes: 0 clean, 1 problems found, 2 usage or configuration error.
`;

export const CHECK_HELP = `Usage: brandsafe check [paths|globs...] [options]

Checks variation code (.js .mjs .cjs .ts .css; node_modules and dist are ignored). With no
paths, checks the current directory. The brand graph is --brand, else the nearest
.brandsafe/brand.ttl above each file; with none, only brand-free rules run.

Options:
  --brand FILE            brand graph (Turtle) to check against
  --format NAME           stylish (default), json (ESLint's JSON shape) or sarif (SARIF 2.1.0)
  --output FILE, -o FILE  write the report to FILE instead of standard output
  --max-warnings N        exit 1 when there are more than N warnings (default: no limit)
  --max-file-size BYTES   skip larger files (default: 1048576)
  --page-type ID          page type the files target (narrows the approved selectors)
  --rule ID=SEVERITY      set a rule to error, warning, info or off (repeatable)
  --fix                   apply the preferred quick fixes and write the files back
  --stdin                 check standard input instead of files
  --stdin-filename FILE   name for --stdin text (language, brand lookup, report)
  --concurrency N         worker threads: off (default), auto (by file count and cores) or N
  -h, --help              show this help

Exit codes: 0 no errors and warnings within --max-warnings; 1 otherwise; 2 usage or
configuration error (unknown option, unreadable brand file, Turtle syntax error).
`;

export const VALIDATE_HELP = `Usage: brandsafe validate FILE.ttl...

Checks brand graphs: Turtle syntax and the brandsafe SHACL shapes. Prints each problem as
file:line:col: severity message [constraint].

Exit codes: 0 clean, 1 problems found, 2 a file could not be read.
`;
