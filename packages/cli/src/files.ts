import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import fg from 'fast-glob';
import { CliError } from './errors.js';

/** The extensions `brandsafe check` looks at when given a directory (or nothing). */
export const CHECKED_EXTENSIONS = ['js', 'mjs', 'cjs', 'ts', 'css'] as const;

/** Never descended into: installed packages and build output are not variation code. */
export const IGNORED_DIRS = ['**/node_modules/**', '**/dist/**', '**/.git/**'];

const SOURCE_GLOB = `**/*.{${CHECKED_EXTENSIONS.join(',')}}`;

/** Whether a path has one of the extensions the checker handles. */
export function isCheckedFile(path: string): boolean {
  const dot = path.lastIndexOf('.');
  return dot >= 0 && (CHECKED_EXTENSIONS as readonly string[]).includes(path.slice(dot + 1).toLowerCase());
}

async function kind(path: string): Promise<'file' | 'dir' | undefined> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? 'dir' : 'file';
  } catch {
    return undefined;
  }
}

/**
 * Expands the command's operands into a sorted, de-duplicated list of absolute file paths, the
 * way ESLint does: an existing file is taken as is (even with another extension, so the user
 * hears why it is skipped), a directory means its source files, anything else is a glob.
 * An operand that matches nothing is a usage error, as in ESLint ("No files matching …"), so a
 * typo in CI cannot pass silently.
 *
 * @param operands paths or globs; none means the working directory.
 */
export async function expandOperands(operands: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const operand of operands.length > 0 ? operands : ['.']) {
    const abs = resolve(cwd, operand);
    const k = await kind(abs);
    let matches: string[];
    if (k === 'file') matches = [abs];
    else if (k === 'dir') {
      matches = await fg(SOURCE_GLOB, { cwd: abs, absolute: true, ignore: IGNORED_DIRS, dot: false, followSymbolicLinks: false });
    } else {
      // fast-glob wants forward slashes even on Windows.
      const pattern = operand.split('\\').join('/');
      matches = (await fg(pattern, { cwd, absolute: true, ignore: IGNORED_DIRS, onlyFiles: true })).filter(isCheckedFile);
    }
    if (matches.length === 0) {
      throw new CliError(
        'NO_FILES',
        operands.length > 0
          ? `No files matching the pattern "${operand}" were found.`
          : `No .${CHECKED_EXTENSIONS.join(', .')} files were found in the current directory.`,
      );
    }
    for (const m of matches) found.add(resolve(m));
  }
  return [...found].sort();
}
