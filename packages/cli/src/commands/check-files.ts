import { open } from 'node:fs/promises';
import type { CheckOptions, SkippedRule } from '@brandsafe/rules';
import type { BrandResolver } from '../brand-resolver.js';
import type { RulesApi } from '../deps.js';
import { CliError } from '../errors.js';
import { isCheckedFile } from '../files.js';
import type { CliIo } from '../io.js';
import { Progress } from '../progress.js';
import type { FileReport, RunNote } from '../report.js';

export interface CheckFilesOptions {
  io: CliIo;
  rules: RulesApi;
  resolver: BrandResolver;
  maxFileSize: number;
  /** Options for every file; the brand is filled in per file. */
  checkOptions: Omit<CheckOptions, 'brand'>;
}

type Read = { text: string } | { skip: string };

/**
 * Reads a file for checking, or says why it is skipped: larger than the limit (checked on the open
 * handle before reading, so a 2 GB log costs nothing) or binary (a NUL byte, git's heuristic).
 */
async function readSource(path: string, maxFileSize: number): Promise<Read> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (cause) {
    throw new CliError('UNREADABLE', `Cannot read ${path} (${(cause as NodeJS.ErrnoException).code ?? cause}).`, { cause });
  }
  try {
    const { size } = await handle.stat();
    if (size > maxFileSize) return { skip: `skipped: ${size} bytes is over the ${maxFileSize}-byte limit (--max-file-size)` };
    const bytes = await handle.readFile();
    if (bytes.includes(0)) return { skip: 'skipped: binary file' };
    // Editors drop the byte-order mark from the document text; dropping it here keeps the CLI's
    // columns equal to the editor's.
    const text = bytes.toString('utf8');
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } finally {
    await handle.close();
  }
}

/** "rule-a, rule-b (reason)" lines for the rules skipped in files without a brand. */
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
 * for it. Files are read one at a time: the check is synchronous CPU work, so reading ahead would
 * only hold more text in memory.
 */
export async function checkFiles(
  files: readonly string[],
  options: CheckFilesOptions,
): Promise<{ reports: FileReport[]; notes: RunNote[] }> {
  const reports: FileReport[] = [];
  const notes: RunNote[] = [];
  const skipped = new Map<string, { reason: string; files: number }>();
  const progress = new Progress(options.io.stderr, files.length);
  try {
    for (const [i, filePath] of files.entries()) {
      progress.update(i);
      if (!isCheckedFile(filePath)) {
        notes.push({ kind: 'skipped-file', level: 'note', filePath, message: 'skipped: not a .js, .mjs, .cjs, .ts or .css file' });
        continue;
      }
      const read = await readSource(filePath, options.maxFileSize);
      if ('skip' in read) {
        notes.push({ kind: 'skipped-file', level: 'note', filePath, message: read.skip });
        continue;
      }
      const loaded = await options.resolver.brandFor(filePath);
      const result = options.rules.check(
        { text: read.text, filename: filePath },
        { ...options.checkOptions, ...(loaded ? { brand: loaded.brand } : {}) },
      );
      reports.push({ filePath, findings: result.findings, source: read.text });
      for (const s of result.skipped as SkippedRule[]) {
        const entry = skipped.get(s.ruleId) ?? { reason: s.reason, files: 0 };
        entry.files++;
        skipped.set(s.ruleId, entry);
      }
    }
  } finally {
    progress.done();
  }
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
