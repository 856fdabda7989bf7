import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditMonitor } from '../commands/audit-monitor.js';
import { run } from '../run.js';
import { fakeDeps } from './helpers/fake-deps.js';
import { FakeLog } from './helpers/fake-log.js';
import { memoryIo, tempTree } from './helpers/io.js';

const URL = 'https://brandsafe.test';

describe('brandsafe audit monitor', () => {
  let tree: ReturnType<typeof tempTree>;
  beforeEach(() => {
    tree = tempTree({});
  });
  afterEach(() => tree.cleanup());

  async function monitor(log: FakeLog, posts: { url: string; body: unknown }[] = [], ...extra: string[]) {
    const io = memoryIo(tree.root);
    const code = await auditMonitor(['--url', URL, '--state', 'state.json', '--webhook', 'https://hooks.test/x', ...extra], io, log.fetch(posts));
    return { code, out: io.out(), err: io.err() };
  }

  it('pins the key on first use, then verifies each new head is consistent with the last one', async () => {
    const log = new FakeLog().append(5);
    const first = await monitor(log);
    assert.equal(first.code, 0, first.err);
    assert.equal(first.out, `brandsafe audit monitor: ${URL}: tree size 5 (first verified head)\n`);
    assert.match(first.err, /pinned the log key [0-9a-f]{64} on first use/);
    log.append(8);
    const second = await monitor(log);
    assert.equal(second.out, `brandsafe audit monitor: ${URL}: tree size 5 → 13, consistent\n`);
    assert.equal((await monitor(log)).out, `brandsafe audit monitor: ${URL}: tree size 13, unchanged\n`);
    const state = JSON.parse(readFileSync(join(tree.root, 'state.json'), 'utf8'));
    assert.equal(state.checkpoint.treeSize, 13);
  });

  it('alerts on a fork: a log that rewrote history, with a webhook POST, and keeps the last good head', async () => {
    const log = new FakeLog().append(6);
    await monitor(log);
    const forked = new FakeLog(log.keys).append(3).append(7, 'rewritten');
    const posts: { url: string; body: unknown }[] = [];
    const r = await monitor(forked, posts);
    assert.equal(r.code, 1);
    assert.match(r.err, /^brandsafe: ALERT fork: https:\/\/brandsafe\.test: /);
    assert.equal(posts.length, 1);
    assert.deepEqual((posts[0]!.body as { alert: string; previous: { treeSize: number } }).alert, 'fork');
    assert.equal((posts[0]!.body as { previous: { treeSize: number } }).previous.treeSize, 6);
    const state = JSON.parse(readFileSync(join(tree.root, 'state.json'), 'utf8'));
    assert.equal(state.checkpoint.treeSize, 6, 'the state stays at the last verified head');
    const sameSize = new FakeLog(log.keys).append(6, 'other');
    assert.match((await monitor(sameSize)).err, /ALERT fork: .*two different roots for tree size 6/);
  });

  it('alerts on a rollback and on a checkpoint signed by another key', async () => {
    const log = new FakeLog().append(9);
    await monitor(log);
    log.override = log.checkpoint(4);
    const back = await monitor(log);
    assert.equal(back.code, 1);
    assert.match(back.err, /ALERT rollback: .*from 9 to 4/);
    const impostor = new FakeLog().append(12);
    const bad = await monitor(impostor);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /ALERT bad-signature: .*the checkpoint does not verify with the pinned key/);
  });

  it('keeps polling with --interval until an alert', async () => {
    const log = new FakeLog().append(2);
    let polls = 0;
    const io = memoryIo(tree.root);
    const sleeps: number[] = [];
    const code = await auditMonitor(['--url', URL, '--state', 'state.json', '--interval', '30'], io, log.fetch(), async (ms) => {
      sleeps.push(ms);
      polls += 1;
      if (polls < 3) log.append(4);
      else log.override = log.checkpoint(1);
    });
    assert.equal(code, 1);
    assert.deepEqual(sleeps, [30_000, 30_000, 30_000]);
    assert.equal(io.out().split('\n').filter(Boolean).length, 3);
    assert.match(io.err(), /ALERT rollback: .*from 10 to 1/);
  });

  it('exits 2 for usage errors and an unreachable log', async () => {
    const io = memoryIo(tree.root);
    assert.equal(await run(['audit', 'monitor'], io, fakeDeps), 2);
    assert.match(io.err(), /needs --url/);
    assert.equal(await run(['audit', 'watch'], memoryIo(tree.root), fakeDeps), 2);
    const down = memoryIo(tree.root);
    await assert.rejects(
      auditMonitor(['--url', URL, '--state', 's.json'], down, async () => {
        throw new Error('ECONNREFUSED');
      }),
      (err: Error & { code?: string }) => err.name === 'CliError' && err.code === 'UNREADABLE' && /Cannot reach .*ECONNREFUSED/.test(err.message),
    );
  });
});
