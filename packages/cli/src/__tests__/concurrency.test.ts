import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { autoConcurrency } from '../commands/check-files.js';
import { CheckPool } from '../commands/pool.js';
import { isCliError } from '../errors.js';
import { run } from '../run.js';
import { memoryIo, tempTree } from './helpers/io.js';

const brand = readFileSync(new URL('./__fixtures__/brands/valid.ttl', import.meta.url), 'utf8');

describe('brandsafe check --concurrency', () => {
  const files: Record<string, string | Buffer> = { '.brandsafe/brand.ttl': brand, 'blob.js': Buffer.from([0, 1, 2]) };
  for (let i = 0; i < 12; i++) {
    files[`v${String(i).padStart(2, '0')}.js`] = i % 3 === 0
      ? `document.querySelector('.promo-${i}').remove();\neval("x");\n`
      : `window.optimizely.get('utils').waitForElement('[data-testid="buy"]').then((el) => { el.textContent = 'Buy ${i}'; });\n`;
  }
  const tree = tempTree(files);
  after(() => tree.cleanup());

  async function check(...argv: string[]) {
    const io = memoryIo(tree.root);
    const code = await run(['check', '--format', 'json', ...argv], io);
    return { code, out: io.out(), err: io.err() };
  }

  it('gives the same report, in the same order, from worker threads as from the main thread', async () => {
    const inThread = await check('--concurrency', 'off');
    const inWorkers = await check('--concurrency', '3');
    assert.equal(inThread.code, 1, inThread.err);
    assert.equal(inWorkers.code, inThread.code, inWorkers.err);
    assert.equal(inWorkers.out, inThread.out);
    assert.equal(inWorkers.err, inThread.err);
    const results = JSON.parse(inWorkers.out) as { messages: { ruleId: string }[] }[];
    assert.equal(results.length, 12);
    assert.ok(results[0]!.messages.some((m) => m.ruleId === 'brand/unapproved-selector'), 'the brand reached the workers');
    assert.match(inWorkers.err, /blob\.js: skipped: binary file/);
  });

  it('turns a worker\'s failure to read a file into the same CliError the main thread would throw', async () => {
    const pool = new CheckPool(1);
    try {
      await assert.rejects(
        pool.checkAll([`${tree.root}/vanished.js`], { maxFileSize: 1024, options: {}, fix: false }, async () => undefined, () => {}),
        (err: unknown) => isCliError(err) && err.code === 'UNREADABLE' && /Cannot read .*vanished\.js \(ENOENT\)/.test(err.message),
      );
    } finally {
      await pool.close();
    }
  });

  it('rejects a --concurrency that is not auto, off or a positive number', async () => {
    const r = await check('--concurrency', '0');
    assert.equal(r.code, 2);
    assert.match(r.err, /--concurrency must be auto, off or a number ≥ 1/);
  });

  it('uses workers for auto only on 4+ cores and large runs, leaving a core for the main thread', () => {
    assert.equal(autoConcurrency(10_000, 2), 1);
    assert.equal(autoConcurrency(100, 8), 1);
    assert.equal(autoConcurrency(200, 8), 3);
    assert.equal(autoConcurrency(200, 4), 3);
    assert.equal(autoConcurrency(10_000, 64), 8);
  });
});
