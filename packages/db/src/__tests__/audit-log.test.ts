import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { DIALECTS, type TestDatabase } from '../testing.js';
import {
  appendAuditEvent,
  appendAuditLeaves,
  auditNodeHashes,
  findAuditLeafByEvent,
  lockAuditLog,
  readPendingAuditEvents,
  sqlState,
  withoutWorkspace,
  withWorkspace,
} from '../index.js';
import { seedWorkspace, useTestDatabase } from './helpers.js';

const h = (s: string) => new Uint8Array(createHash('sha256').update(s).digest());

for (const dialect of DIALECTS) {
  describe(`audit log storage (${dialect})`, () => {
    let t: TestDatabase;
    // clean() empties the log's tables too and resets its integrated size (testing.ts).
    useTestDatabase(dialect, (opened) => (t = opened));

    /** Two workspaces with one event each, both sequenced as leaves 0 and 1 with their parent node. */
    async function twoLeaves() {
      const a = await seedWorkspace(t.db, 'Alpha');
      const b = await seedWorkspace(t.db, 'Beta');
      const ea = await withWorkspace(t.db, a.workspaceId, (trx) => appendAuditEvent(trx, { workspaceId: a.workspaceId, type: 'x', actor: 'system', payload: {} }));
      const eb = await withWorkspace(t.db, b.workspaceId, (trx) => appendAuditEvent(trx, { workspaceId: b.workspaceId, type: 'x', actor: 'system', payload: {} }));
      await t.db.transaction().execute(async (trx) => {
        const size = await lockAuditLog(trx);
        const pending = await readPendingAuditEvents(trx, 10);
        assert.deepEqual(pending.map((p) => p.eventId), [ea.id, eb.id], 'the trigger queued both events in seq order');
        await appendAuditLeaves(trx, {
          startIndex: size,
          leaves: pending.map((p) => ({ eventId: p.eventId, workspaceId: p.event!.workspaceId, leafHash: h(p.eventId) })),
          nodes: [{ level: 1, index: 0, hash: h('parent') }],
          dequeue: pending.map((p) => p.seq),
        });
      });
      return { a, b, ea, eb };
    }

    it("lets a workspace see only its own leaves but every node hash a proof needs", async () => {
      const { a, ea, eb } = await twoLeaves();
      await withWorkspace(t.db, a.workspaceId, async (trx) => {
        const leaves = await trx.selectFrom(sql`audit_log_leaves`.as('l')).select(sql<string>`event_id`.as('event_id')).execute();
        assert.deepEqual(leaves.map((l) => l.event_id), [ea.id]);
        assert.equal(await findAuditLeafByEvent(trx, eb.id), undefined);
        const hashes = await auditNodeHashes(trx, [{ level: 0, index: 1 }, { level: 1, index: 0 }, { level: 2, index: 0 }]);
        assert.deepEqual(hashes, [h(eb.id), h('parent'), undefined]);
      });
    });

    it('gives the application role no direct access to the tree nodes, the queue or the state row', async () => {
      await twoLeaves();
      for (const table of ['audit_tree_nodes', 'audit_log_pending', 'audit_log_state']) {
        await assert.rejects(
          withoutWorkspace(t.db, (trx) => sql`SELECT * FROM ${sql.id(table)}`.execute(trx)),
          (err: unknown) => sqlState(err) === '42501',
          table,
        );
      }
      await assert.rejects(
        withoutWorkspace(t.db, (trx) => sql`INSERT INTO audit_tree_heads (tree_size, root_hash, timestamp, log_id, signature, note) VALUES (0, ''::bytea, 0, 'x', ''::bytea, '')`.execute(trx)),
        (err: unknown) => sqlState(err) === '42501',
      );
    });

    it('refuses to update or delete leaves and nodes, whoever asks', async () => {
      await twoLeaves();
      await assert.rejects(sql`UPDATE audit_tree_nodes SET hash = sha256(hash)`.execute(t.db), /append-only/);
      await assert.rejects(sql`DELETE FROM audit_log_leaves`.execute(t.db), /append-only/);
      await assert.rejects(sql`INSERT INTO audit_log_leaves (leaf_index, event_id, workspace_id, leaf_hash) SELECT 2, event_id, workspace_id, leaf_hash FROM audit_log_leaves WHERE leaf_index = 0`.execute(t.db), (err: unknown) => sqlState(err) === '23505');
    });
  });
}
