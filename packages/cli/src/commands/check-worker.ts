/**
 * Worker-thread entry for `brandsafe check --concurrency`: reads and checks the files the main
 * thread sends, one message per file. Brands arrive once per worker (keyed by their file path)
 * and are cached here, so a 72-selector brand is not cloned for every file.
 */
import { parentPort } from 'node:worker_threads';
import type { Brand } from '@brandsafe/brand-kit';
import { writeFile } from 'node:fs/promises';
import { applyFixes, check, preferredEdits, type CheckOptions } from '@brandsafe/rules';
import { isCliError } from '../errors.js';
import { checkText } from './check-text.js';
import { readSource } from './read-source.js';
import type { WorkerReply, WorkerTask } from './pool.js';

const brands = new Map<string, Brand>();

parentPort?.on('message', (task: WorkerTask) => {
  void (async () => {
    let reply: WorkerReply;
    try {
      if (task.brandKey !== undefined && task.brand) brands.set(task.brandKey, task.brand);
      const brand = task.brandKey === undefined ? undefined : brands.get(task.brandKey);
      const read = await readSource(task.filePath, task.maxFileSize);
      if ('skip' in read) reply = { id: task.id, skip: read.skip };
      else {
        const options: CheckOptions = { ...task.options, ...(brand ? { brand } : {}) };
        const checked = checkText({ check, applyFixes, preferredEdits }, read.text, task.filePath, options, task.fix);
        if (checked.fixed) await writeFile(task.filePath, checked.text);
        reply = { id: task.id, ...checked };
      }
    } catch (err) {
      const e = err as Error;
      reply = { id: task.id, error: { message: e.message, code: isCliError(err) ? err.code : undefined } };
    }
    parentPort!.postMessage(reply);
  })();
});
