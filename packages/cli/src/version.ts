import { readFileSync } from 'node:fs';

let cached: string | undefined;

/**
 * The package version. Read from package.json next to src/ and dist/ (both sit one level below the
 * package root), so the source and the built CLI report the same number.
 */
export function version(): string {
  if (cached === undefined) {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    cached = typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  }
  return cached;
}

/** Where the SARIF `informationUri` and the help text point. */
export const HOMEPAGE = 'https://github.com/brandsafe/brandsafe';
