import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  canonicalBytes,
  consistencyProof,
  merkleTreeHash,
  rootHashAt,
  toHex,
  verifyCheckpoint,
  verifyCheckpointConsistency,
  verifyReceipt,
} from '@brandsafe/audit';
import { createDatabase, migrateToLatest, withWorkspace, type DatabaseConnection, type DialectName } from '@brandsafe/db';
import { DIALECTS, openTestDatabase, type TestDatabase } from '@brandsafe/db/testing';
import { sql } from 'kysely';
import { AuditIntegrator } from '../integrator.js';
import { AuditLogService } from '../service.js';
import { dbHashSource } from '../store.js';
import { appendEvents, newWorkspace, testSigner } from './helpers.js';

/** Opens the same database twice in a row (a restart): PGlite on disk, or one PostgreSQL schema. */
async function reopenable(dialect: DialectName) {
  const dir = dialect === 'pglite' ? await mkdtemp(join(tmpdir(), 'bs-audit-')) : undefined;
  const schema = dialect === 'postgres' ? `bs_test_${randomBytes(6).toString('hex')}` : undefined;
  const open = async (): Promise<DatabaseConnection> => {
    const conn = await createDatabase(dialect === 'pglite' ? { dataDir: dir } : { url: process.env.DATABASE_URL, schema, poolSize: 4 });
    await migrateToLatest(conn.db, { schema });
    return conn;
  };
  const dispose = async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    if (schema) {
      const c = await createDatabase({ url: process.env.DATABASE_URL, poolSize: 1 });
      await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(c.db);
      await c.close();
    }
  };
  return { open, dispose };
}

for (const dialect of DIALECTS) {
  describe(`audit integrator (${dialect})`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await openTestDatabase(dialect);
    });
    after(async () => {
      await t.destroy();
    });
    beforeEach(async () => {
      await t.clean();
    });

    it('sequences queued events into a tree whose signed root is the RFC 9162 hash of their canonical bytes', async () => {
      const signer = testSigner();
      const ws = await newWorkspace(t.db);
      const ids = await appendEvents(t.db, ws, 13);
      const integrator = new AuditIntegrator(t.db, signer, { batchSize: 5, headEvery: 1000 });
      const result = await integrator.integrate({ sign: 'always' });
      assert.equal(result.appended, 13);
      assert.equal(result.treeSize, 13);
      const leaves = await sql<{ event_id: string }>`SELECT event_id FROM audit_log_leaves ORDER BY leaf_index`.execute(t.db);
      assert.deepEqual(leaves.rows.map((r) => r.event_id), ids);
      const events = await withWorkspace(t.db, ws, (trx) => sql<{ id: string }>`SELECT id FROM audit_events ORDER BY seq`.execute(trx));
      assert.equal(events.rows.length, 13);
      const service = new AuditLogService(t.db, signer);
      const receipt = await service.receipt((fn) => withWorkspace(t.db, ws, fn), ids[6]!);
      assert.ok(receipt.ok);
      const verified = verifyReceipt(receipt.receipt, signer.publicKey);
      assert.ok(verified.ok, JSON.stringify(verified));
      const head = verifyCheckpoint(receipt.receipt.checkpoint.note, signer.publicKey, signer.origin);
      assert.equal(head.checkpoint.treeSize, 13);
      const leafBytes = await withWorkspace(t.db, ws, async (trx) => {
        const out: Uint8Array[] = [];
        for (const id of ids) {
          const r = await service.receipt(async (fn) => fn(trx), id);
          assert.ok(r.ok);
          out.push(canonicalBytes(r.receipt.event));
        }
        return out;
      });
      assert.equal(toHex(merkleTreeHash(leafBytes)), toHex(head.checkpoint.rootHash));
      assert.deepEqual(await integrator.integrate(), { appended: 0, treeSize: 13, drained: true });
    });

    it('bounds the work of one call and signs on demand at its last batch', async () => {
      const signer = testSigner();
      const ws = await newWorkspace(t.db);
      await appendEvents(t.db, ws, 25);
      const integrator = new AuditIntegrator(t.db, signer, { batchSize: 2, headEvery: 1000, headIntervalMs: 3_600_000 });
      const first = await integrator.integrate({ sign: 'always' });
      assert.deepEqual([first.appended, first.treeSize, first.drained, first.head?.treeSize], [20, 20, false, 20]);
      const rest = await integrator.integrate({ sign: 'always' });
      assert.deepEqual([rest.appended, rest.treeSize, rest.drained, rest.head?.treeSize], [5, 25, true, 25]);
    });

    it('signs a head after headEvery events and leaves the queue empty', async () => {
      const signer = testSigner();
      const ws = await newWorkspace(t.db);
      await appendEvents(t.db, ws, 4);
      const integrator = new AuditIntegrator(t.db, signer, { batchSize: 100, headEvery: 4, headIntervalMs: 3_600_000 });
      const r = await integrator.integrate();
      assert.equal(r.head?.treeSize, 4);
      const pending = await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log_pending`.execute(t.db);
      assert.equal(Number(pending.rows[0]!.n), 0);
    });

    it('never forks when several integrators on separate connections race', async () => {
      const signer = testSigner();
      const ws = await newWorkspace(t.db);
      const other = dialect === 'postgres' ? await createDatabase({ url: process.env.DATABASE_URL, schema: t.schema, poolSize: 4 }) : undefined;
      try {
        const a = new AuditIntegrator(t.db, signer, { batchSize: 3, headEvery: 2 });
        const b = new AuditIntegrator(other?.db ?? t.db, signer, { batchSize: 4, headEvery: 3 });
        for (let round = 0; round < 4; round += 1) {
          await Promise.all([appendEvents(t.db, ws, 5), a.integrate(), b.integrate(), appendEvents(t.db, ws, 3), b.integrate({ sign: 'always' })]);
        }
        await a.integrate({ sign: 'always' });
        const leaves = await sql<{ leaf_index: string; event_id: string }>`SELECT leaf_index, event_id FROM audit_log_leaves ORDER BY leaf_index`.execute(t.db);
        assert.equal(leaves.rows.length, 32);
        assert.deepEqual(leaves.rows.map((r) => Number(r.leaf_index)), [...Array(32).keys()]);
        assert.equal(new Set(leaves.rows.map((r) => r.event_id)).size, 32);
        const heads = await sql<{ note: string }>`SELECT note FROM audit_tree_heads ORDER BY tree_size`.execute(t.db);
        assert.ok(heads.rows.length >= 2);
        const source = dbHashSource(t.db);
        const checkpoints = heads.rows.map((h) => verifyCheckpoint(h.note, signer.publicKey).checkpoint);
        for (const cp of checkpoints) assert.equal(toHex(await rootHashAt(source, cp.treeSize)), toHex(cp.rootHash));
        for (let i = 1; i < checkpoints.length; i += 1) {
          const older = checkpoints[i - 1]!;
          const newer = checkpoints[i]!;
          verifyCheckpointConsistency(older, newer, await consistencyProof(source, older.treeSize, newer.treeSize));
        }
      } finally {
        await other?.close();
      }
    });
  });

  describe(`audit log across a restart (${dialect})`, () => {
    it('resumes from the stored frontier and the old checkpoint stays consistent with the new one', async () => {
      const signer = testSigner();
      const { open, dispose } = await reopenable(dialect);
      try {
        let conn = await open();
        const ws = await newWorkspace(conn.db);
        await appendEvents(conn.db, ws, 11);
        const before = await new AuditIntegrator(conn.db, signer).signNow();
        await conn.close();

        conn = await open();
        await appendEvents(conn.db, ws, 6);
        const service = new AuditLogService(conn.db, signer);
        const after = await service.integrator.signNow();
        assert.equal(after.treeSize, 17);
        const older = verifyCheckpoint(before.note, signer.publicKey).checkpoint;
        const newer = verifyCheckpoint(after.note, signer.publicKey).checkpoint;
        const c = await service.consistency(conn.db, before.treeSize, after.treeSize);
        assert.ok('proof' in c);
        verifyCheckpointConsistency(older, newer, c.proof.map((h) => Buffer.from(h, 'hex')));
        const events = await withWorkspace(conn.db, ws, (trx) => sql<{ id: string }>`SELECT id FROM audit_events ORDER BY seq`.execute(trx));
        const receipt = await service.receipt((fn) => withWorkspace(conn.db, ws, fn), events.rows[15]!.id);
        assert.ok(receipt.ok && verifyReceipt(receipt.receipt, signer.publicKey).ok);
        await conn.close();
      } finally {
        await dispose();
      }
    });
  });
}
