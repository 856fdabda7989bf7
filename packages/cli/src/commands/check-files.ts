import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { CheckOptions } from '@brandsafe/rules';
import type { BrandResolver } from '../brand-resolver.js';
import type { RulesApi } from '../deps.js';
import { CliError } from '../errors.js';
import { isCheckedFile } from '../files.js';
import type { CliIo } from '../io.js';
import { Progress } from '../progress.js';
import type { FileReport, RunNote } from '../report.js';
import type { CheckedFile } from './pool.js';
import { checkText } from './check-text.js';
import { readSource } from './read-source.js';

export interface CheckFilesOptions {
  io: CliIo;
  rules: RulesApi;
  resolver: BrandResolver;
  maxFileSize: number;
  /** Options for every file; the brand is filled in per file. */
  checkOptions: Omit<CheckOptions, 'brand'>;
  /** Worker threads to check with; 1 checks on the main thread. */
  concurrency: number;
  /** `--fix`: apply preferred fixes and write changed files back. */
  fix: boolean;
  /** `--stdin`: check this text as `filePath` instead of reading files (no fixes written). */
  stdin?: { filePath: string; text: string; language?: 'javascript' };
}

/** Below this many files a worker's start-up (it loads the checker again) costs more than it saves. */
const FILES_PER_WORKER = 64;

/**
 * `--concurrency auto`: workers only where they pay. Each worker loads the checker anew (~150 ms
 * of CPU) and the main thread still reads, resolves brands and formats, so on fewer than 4 cores
 * threads measured slower than one (scripts/bench/cli.ts); beyond that, one worker per core but
 * one, and at most 8.
 */
export function autoConcurrency(fileCount: number, cores = availableParallelism()): number {
  if (cores < 4) return 1;
  return Math.max(1, Math.min(cores - 1, 8, Math.floor(fileCount / FILES_PER_WORKER)));
}

/** "rule-a, rule-b — reason" notes for the rules skipped in files checked without a brand. */
function skippedRuleNotes(skipped: Map<string, { reason: string; files: number }>): RunNote[] {
  const byReason = new Map<string, { ids: string[]; files: number }>();
  for (const [id, { reason, files }] of skipped) {
    const entry = byReason.get(reason) ?? { ids: [], files: 0 };
    entry.ids.push(id);
    entry.files = Math.max(entry.files, files);
    byReason.set(reason, entry);
  }
  return [...byReason].map(([reason, { ids, files }]) => ({
    kind: 'skipped-rules' as const,
    level: 'note' as const,
    message: `skipped ${ids.length} rule${ids.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}: ${ids.sort().join(', ')} — ${reason}`,
  }));
}

/**
 * Checks each file with the checker from @brandsafe/rules, against the brand the resolver finds
 * for it, on the main thread or in worker threads, and gathers the notes of the run (skipped
 * files, rules skipped for want of a brand, brands with problems). Reports keep the file order.
 */
export async function checkFiles(
  files: readonly string[],
  options: CheckFilesOptions,
): Promise<{ reports: FileReport[]; notes: RunNote[] }> {
  const notes: RunNote[] = [];
  const checkable: string[] = options.stdin ? [options.stdin.filePath] : [];
  for (const filePath of options.stdin ? [] : files) {
    if (isCheckedFile(filePath)) checkable.push(filePath);
    else notes.push({ kind: 'skipped-file', level: 'note', filePath, message: 'skipped: not a .js, .mjs, .cjs, .ts or .css file' });
  }
  const progress = new Progress(options.io.stderr, checkable.length);
  let checked: CheckedFile[];
  try {
    checked = options.concurrency > 1 && checkable.length > 1 && !options.stdin
      ? await checkInWorkers(checkable, options, (n) => progress.update(n))
      : await checkHere(checkable, options, (n) => progress.update(n));
  } finally {
    progress.done();
  }

  const reports: FileReport[] = [];
  const skipped = new Map<string, { reason: string; files: number }>();
  checked.forEach((c, i) => {
    const filePath = checkable[i]!;
    if ('skip' in c) {
      notes.push({ kind: 'skipped-file', level: 'note', filePath, message: c.skip });
      return;
    }
    reports.push({ filePath, findings: c.result.findings, source: c.text, ...(c.fixed ? { output: c.text } : {}) });
    // With a brand, skipped rules are the brand's choice (a pack it does not adopt), not news.
    if (c.branded) return;
    for (const s of c.result.skipped) {
      const entry = skipped.get(s.ruleId) ?? { reason: s.reason, files: 0 };
      entry.files++;
      skipped.set(s.ruleId, entry);
    }
  });
  notes.push(...skippedRuleNotes(skipped));
  for (const brand of await options.resolver.loaded()) {
    if (brand.problems.length === 0) continue;
    notes.push({
      kind: 'brand',
      level: 'warning',
      filePath: brand.path,
      message: `brand graph has ${brand.problems.length} problem${brand.problems.length === 1 ? '' : 's'}; run "brandsafe validate" on it for details`,
    });
  }
  return { reports, notes };
}

async function writeFixed(filePath: string, text: string): Promise<void> {
  try {
    await writeFile(filePath, text);
  } catch (cause) {
    throw new CliError('OUTPUT_UNWRITABLE', `Cannot write the fixed ${filePath} (${(cause as NodeJS.ErrnoException).code ?? cause}).`, { cause });
  }
}

/** The checker on the main thread, one file at a time (the check is synchronous CPU work). */
async function checkHere(files: readonly string[], options: CheckFilesOptions, onDone: (n: number) => void): Promise<CheckedFile[]> {
  const out: CheckedFile[] = [];
  for (const filePath of files) {
    const stdin = options.stdin;
    const read = stdin ? { text: stdin.text } : await readSource(filePath, options.maxFileSize);
    if ('skip' in read) out.push(read);
    else {
      const loaded = await options.resolver.brandFor(filePath);
      const brandOption = loaded ? { brand: loaded.brand } : {};
      const fix = options.fix && !stdin;
      const checked = checkText(options.rules, read.text, filePath, { ...options.checkOptions, ...brandOption }, fix, stdin?.language);
      if (checked.fixed) await writeFixed(filePath, checked.text);
      out.push({ ...checked, branded: loaded !== undefined });
    }
    onDone(out.length);
  }
  return out;
}

/** The checker in worker threads; brands are still found and loaded (once) on the main thread. */
async function checkInWorkers(files: readonly string[], options: CheckFilesOptions, onDone: (n: number) => void): Promise<CheckedFile[]> {
  const { CheckPool } = await import('./pool.js');
  const pool = new CheckPool(Math.min(options.concurrency, files.length));
  try {
    return await pool.checkAll(
      files,
      { maxFileSize: options.maxFileSize, options: options.checkOptions, fix: options.fix },
      async (file) => {
        const loaded = await options.resolver.brandFor(file);
        return loaded && { key: loaded.path, brand: loaded.brand };
      },
      onDone,
    );
  } finally {
    await pool.close();
  }
}
