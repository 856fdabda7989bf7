import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockDataDir } from '../data-dir-lock.js';

describe('lockDataDir', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bs-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a second holder while the first is alive, and frees the folder on release', async () => {
    const release = await lockDataDir(dir);
    await assert.rejects(lockDataDir(dir), { code: 'DATA_DIR_IN_USE', pid: process.pid });
    await release();
    const again = await lockDataDir(dir);
    await again();
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    // pid_max on Linux is at most 2^22, so this pid cannot be running.
    await writeFile(join(dir, 'brandsafe.lock'), String(2 ** 22 + 12345));
    const release = await lockDataDir(dir);
    await release();
  });
});
