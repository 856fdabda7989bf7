import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Brand } from '@brandsafe/brand-kit';
import type { CheckOptions, CheckResult } from '@brandsafe/rules';
import { CliError, type CliErrorCode } from '../errors.js';

/** One file for a worker. `brand` is sent only the first time a worker needs `brandKey`. */
export interface WorkerTask {
  id: number;
  filePath: string;
  maxFileSize: number;
  options: Omit<CheckOptions, 'brand'>;
  /** `--fix`: apply preferred fixes and write the file back. */
  fix: boolean;
  brandKey?: string;
  brand?: Brand;
}

export type WorkerReply =
  | { id: number; text: string; result: CheckResult; fixed: boolean }
  | { id: number; skip: string }
  | { id: number; error: { message: string; code?: CliErrorCode } };

/** A checked file (and whether a brand was used), or why it was skipped. */
export type CheckedFile = { text: string; result: CheckResult; branded: boolean; fixed: boolean } | { skip: string };

/**
 * Starts one checker worker. From the built package that is dist/commands/check-worker.js. From
 * source (tests and `--conditions source` runs under tsx) Node 20 does not apply the parent's
 * `--import tsx` hooks to a worker's entry module, so the TypeScript entry is loaded through
 * tsx's own `tsImport` API instead.
 */
/**
 * URL of tsx's ESM API (`tsx/esm/api`, import condition). `import.meta.resolve` finds it when this
 * module runs as ESM; when a test runner loaded it as CommonJS the package's exports map is read.
 */
function tsxEsmApi(): string {
  if (typeof import.meta.resolve === 'function') return import.meta.resolve('tsx/esm/api');
  const pkgPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(pkgPath), pkg.exports['./esm/api']!.import.default)).href;
}

function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./check-worker.js', import.meta.url));
  const entry = new URL('./check-worker.ts', import.meta.url).href;
  const tsx = tsxEsmApi();
  const code = `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(code, { eval: true });
}

/**
 * A fixed set of worker threads that check files in parallel (ESLint 9's `--concurrency` idea).
 * Each worker takes the next file when it finishes one, so a few large files do not leave the
 * others idle. Results come back in the order the files were given.
 */
export class CheckPool {
  private readonly workers: Worker[];
  /** Which brand keys each worker already holds. */
  private readonly sent: Set<string>[];

  constructor(size: number) {
    this.workers = Array.from({ length: size }, startWorker);
    this.sent = this.workers.map(() => new Set());
  }

  /**
   * Checks the files; `brandFor` gives each file's brand (key and model) or undefined.
   * Rejects with the first worker error (as a CliError when it was one).
   */
  async checkAll(
    files: readonly string[],
    base: Omit<WorkerTask, 'id' | 'filePath' | 'brandKey' | 'brand'>,
    brandFor: (file: string) => Promise<{ key: string; brand: Brand } | undefined>,
    onDone: (count: number) => void,
  ): Promise<CheckedFile[]> {
    const results: CheckedFile[] = new Array(files.length);
    let next = 0;
    let done = 0;
    const runWorker = async (w: number): Promise<void> => {
      const worker = this.workers[w]!;
      while (next < files.length) {
        const id = next++;
        const filePath = files[id]!;
        const brand = await brandFor(filePath);
        const task: WorkerTask = { ...base, id, filePath };
        if (brand) {
          task.brandKey = brand.key;
          if (!this.sent[w]!.has(brand.key)) {
            task.brand = brand.brand;
            this.sent[w]!.add(brand.key);
          }
        }
        const reply = await new Promise<WorkerReply>((resolve, reject) => {
          const onError = (err: Error) => settle(() => reject(err));
          // A worker that dies without an error event (e.g. out of memory) must not hang the run.
          const onExit = (code: number) => settle(() => reject(new Error(`checker worker exited with code ${code}`)));
          const onMessage = (m: WorkerReply) => settle(() => resolve(m));
          const settle = (fn: () => void) => {
            worker.off('error', onError).off('exit', onExit).off('message', onMessage);
            fn();
          };
          worker.on('error', onError).on('exit', onExit).on('message', onMessage);
          worker.postMessage(task);
        });
        if ('error' in reply) {
          throw reply.error.code ? new CliError(reply.error.code, reply.error.message) : new Error(reply.error.message);
        }
        results[id] = 'skip' in reply ? { skip: reply.skip } : { text: reply.text, result: reply.result, fixed: reply.fixed, branded: brand !== undefined };
        onDone(++done);
      }
    };
    await Promise.all(this.workers.map((_, w) => runWorker(w)));
    return results;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
