import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportPrivateKeyPem, generateLogKeyPair, logId, verifyCheckpoint } from '@brandsafe/audit';
import { openTestDatabase } from '@brandsafe/db/testing';
import pino from 'pino';
import { AuditConfigError, loadAuditSettings } from '../config.js';
import { auditLogFor } from '../service.js';
import { startAuditLog } from '../start.js';
import { appendEvents, newWorkspace } from './helpers.js';

describe('audit log configuration', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bs-audit-config-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function capture() {
    const lines: { level: number; msg: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
    return { logger, lines };
  }

  it('generates a key into DATA_DIR on first start with a warning, then reuses it', async () => {
    const { logger, lines } = capture();
    const first = await loadAuditSettings({}, { dataDir: dir, publicUrl: 'https://api.example.com:8443', logger });
    assert.equal(first.keySource, 'generated');
    assert.equal(first.signer.origin, 'api.example.com/audit/v1');
    assert.ok(lines.some((l) => l.level === 40 && /generated a new signing key/.test(l.msg)));
    assert.equal((await stat(join(dir, 'audit-log-key.pem'))).mode & 0o777, 0o600);
    const second = await loadAuditSettings({}, { dataDir: dir, publicUrl: 'https://api.example.com' });
    assert.equal(second.keySource, 'file');
    assert.equal(second.signer.logId, first.signer.logId);
  });

  it('takes the key from AUDIT_SIGNING_KEY, with \\n escapes as one-line environments carry it', async () => {
    const { privateKey, publicKey } = generateLogKeyPair();
    const oneLine = exportPrivateKeyPem(privateKey).trim().replaceAll('\n', '\\n');
    const s = await loadAuditSettings(
      { AUDIT_SIGNING_KEY: oneLine, AUDIT_LOG_ORIGIN: 'audit.example/v2', AUDIT_HEAD_EVERY: '50' },
      { dataDir: dir, publicUrl: 'http://127.0.0.1:8787' },
    );
    assert.deepEqual([s.keySource, s.signer.logId, s.signer.origin, s.integrator.headEvery], ['env', logId(publicKey), 'audit.example/v2', 50]);
  });

  it('refuses a bad key, origin or threshold with one clear message', async () => {
    const ctx = { dataDir: dir, publicUrl: 'http://127.0.0.1:8787' };
    await assert.rejects(loadAuditSettings({ AUDIT_SIGNING_KEY: 'nope' }, ctx), (e: Error) => e instanceof AuditConfigError && /AUDIT_SIGNING_KEY is not an Ed25519/.test(e.message));
    await assert.rejects(loadAuditSettings({ AUDIT_LOG_ORIGIN: 'has space' }, ctx), /AUDIT_LOG_ORIGIN must be one line without spaces/);
    await assert.rejects(loadAuditSettings({ AUDIT_BATCH_SIZE: '0' }, ctx), /AUDIT_BATCH_SIZE must be a whole number from 1/);
  });

  it('starts with the server: registers the log, integrates in the background and stops cleanly', async () => {
    const t = await openTestDatabase('pglite');
    try {
      const running = await startAuditLog(t.db, { env: { AUDIT_POLL_MS: '20', AUDIT_HEAD_INTERVAL_MS: '0' }, dataDir: dir, publicUrl: 'http://127.0.0.1:8787' });
      assert.equal(auditLogFor(t.db), running.service);
      const ws = await newWorkspace(t.db);
      await appendEvents(t.db, ws, 3);
      let head;
      for (let i = 0; i < 200 && (head?.treeSize ?? 0) < 3; i += 1) {
        await new Promise((r) => setTimeout(r, 20));
        head = await running.service.checkpoint((fn) => fn(t.db));
      }
      assert.equal(head?.treeSize, 3);
      assert.equal(verifyCheckpoint(head!.note, running.service.signer.publicKey).checkpoint.treeSize, 3);
      await running.stop();
      assert.match(await readFile(join(dir, 'audit-log-key.pem'), 'utf8'), /BEGIN PRIVATE KEY/);
    } finally {
      await t.destroy();
    }
  });
});
