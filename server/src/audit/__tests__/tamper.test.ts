import assert from 'node:assert/strict';
import { verifyReceipt } from '@brandsafe/audit';
import { withWorkspace } from '@brandsafe/db';
import { DIALECTS } from '@brandsafe/db/testing';
import { sql } from 'kysely';
import { call, signup, useHarness, type Harness } from '../../__tests__/helpers.js';
import { AuditLogService, registerAuditLog } from '../service.js';
import { checkAuditLog, type TamperReport } from '../tamper.js';
import { appendEvents, tamper, testSigner } from './helpers.js';

const kinds = (r: TamperReport) => r.findings.map((f) => `${f.kind}@${f.leafIndex ?? f.treeSize ?? '-'}`).sort();

for (const dialect of DIALECTS) {
  describe(`audit tamper detection (${dialect})`, () => {
    let h: Harness;
    const signer = testSigner();
    let service: AuditLogService;
    useHarness(dialect, (opened) => {
      h = opened;
      service = new AuditLogService(h.t.db, signer, { headIntervalMs: 3_600_000 });
      registerAuditLog(h.t.db, service);
    });

    /** A signed-up workspace with 8 more events, all integrated and signed: leaves 0..9. */
    async function loggedWorkspace() {
      const a = await signup(h.app);
      const ids = await appendEvents(h.t.db, a.workspaceId, 8);
      await service.integrator.signNow();
      const leaf = async (id: string) => Number((await sql<{ i: string }>`SELECT leaf_index AS i FROM audit_log_leaves WHERE event_id = ${id}`.execute(h.t.db)).rows[0]!.i);
      return { a, ids, leaf };
    }

    it('finds nothing in an untouched log', async () => {
      await loggedWorkspace();
      const report = await checkAuditLog(h.t.db, signer);
      assert.equal(report.treeSize, 10);
      assert.deepEqual(report.findings, []);
    });

    it('reports an event row altered behind the append-only trigger, and its receipt no longer verifies', async () => {
      const { a, ids, leaf } = await loggedWorkspace();
      await tamper(h.t.db, sql`UPDATE audit_events SET payload = '{"i": 99}'::jsonb WHERE id = ${ids[3]}`);
      const report = await checkAuditLog(h.t.db, signer);
      assert.deepEqual(kinds(report), [`altered@${await leaf(ids[3]!)}`]);
      assert.equal(report.findings[0]!.eventId, ids[3]);
      const receipt = await service.receipt((fn) => withWorkspace(h.t.db, a.workspaceId, fn), ids[3]!);
      assert.ok(receipt.ok);
      const v = verifyReceipt(receipt.receipt, signer.publicKey);
      assert.ok(!v.ok && v.failures.some((f) => f.check === 'inclusion-proof'));
    });

    it('reports a deleted event row and a deleted leaf row (a gap)', async () => {
      const { ids, leaf } = await loggedWorkspace();
      const gone = await leaf(ids[1]!);
      const gap = await leaf(ids[6]!);
      await tamper(h.t.db, sql`DELETE FROM audit_events WHERE id = ${ids[1]}`);
      await tamper(h.t.db, sql`DELETE FROM audit_log_leaves WHERE leaf_index = ${gap}`);
      const report = await checkAuditLog(h.t.db, signer);
      assert.deepEqual(kinds(report), [`deleted@${gap}`, `deleted@${gone}`, 'unsequenced@-'].sort());
      assert.equal(report.findings.find((f) => f.kind === 'unsequenced')!.eventId, ids[6]);
    });

    it('reports events whose order was rewritten and leaves pointed at each other’s events', async () => {
      const { ids, leaf } = await loggedWorkspace();
      const seqOf = async (id: string) => (await sql<{ seq: string }>`SELECT seq FROM audit_events WHERE id = ${id}`.execute(h.t.db)).rows[0]!.seq;
      const [s2, s4] = [await seqOf(ids[2]!), await seqOf(ids[4]!)];
      // seq is GENERATED ALWAYS: a superuser has to drop the identity to rewrite it.
      await tamper(
        h.t.db,
        sql`ALTER TABLE audit_events ALTER COLUMN seq DROP IDENTITY`,
        sql`UPDATE audit_events SET seq = -1 WHERE id = ${ids[2]}`,
        sql`UPDATE audit_events SET seq = ${s2} WHERE id = ${ids[4]}`,
        sql`UPDATE audit_events SET seq = ${s4} WHERE id = ${ids[2]}`,
        sql`ALTER TABLE audit_events ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (START WITH 1000000)`,
      );
      const l2 = await leaf(ids[2]!);
      const l4 = await leaf(ids[4]!);
      const l5 = await leaf(ids[5]!);
      const l7 = await leaf(ids[7]!);
      await tamper(
        h.t.db,
        sql`UPDATE audit_log_leaves SET event_id = gen_random_uuid() WHERE leaf_index = ${l5}`,
        sql`UPDATE audit_log_leaves SET event_id = ${ids[5]} WHERE leaf_index = ${l7}`,
        sql`UPDATE audit_log_leaves SET event_id = ${ids[7]} WHERE leaf_index = ${l5}`,
      );
      const report = await checkAuditLog(h.t.db, signer);
      assert.deepEqual(kinds(report), [`reordered@${l2}`, `reordered@${l4}`, `reordered@${l5}`, `reordered@${l7}`].sort());
    });

    it('reports stored tree nodes and leaf hashes that disagree with the signed heads', async () => {
      await loggedWorkspace();
      await tamper(h.t.db, sql`UPDATE audit_tree_nodes SET hash = sha256(hash) WHERE level = 1 AND idx = 1`);
      await tamper(h.t.db, sql`UPDATE audit_log_leaves SET leaf_hash = sha256(leaf_hash) WHERE leaf_index = 8`);
      const report = await checkAuditLog(h.t.db, signer);
      assert.deepEqual(kinds(report), ['altered@8', 'head-mismatch@10', 'tree-mismatch@-', 'tree-mismatch@-'].sort());
    });

    it('reports a signed head whose note was rewritten', async () => {
      await loggedWorkspace();
      await tamper(h.t.db, sql`UPDATE audit_tree_heads SET note = replace(note, E'\n10\n', E'\n11\n') WHERE tree_size = 10`);
      const report = await checkAuditLog(h.t.db, signer);
      assert.deepEqual(kinds(report), ['head-signature@10']);
    });

    it('serves the findings to admins, counts them in /metrics and appends an alert to the workspace log', async () => {
      const { a, ids } = await loggedWorkspace();
      const intact = await call(h.app, 'POST', '/api/v1/audit/tamper/check', { token: a.token });
      assert.equal(intact.status, 200);
      assert.equal(intact.data.intact, true);
      await tamper(h.t.db, sql`UPDATE audit_events SET actor = 'user:mallory' WHERE id = ${ids[0]}`);
      const found = await call(h.app, 'POST', '/api/v1/audit/tamper/check', { token: a.token });
      assert.equal(found.data.intact, false);
      assert.deepEqual(
        found.data.findings.map((f: { kind: string; eventId?: string }) => [f.kind, f.eventId]),
        [['altered', ids[0]]],
      );
      assert.deepEqual((await call(h.app, 'GET', '/api/v1/audit/tamper', { token: a.token })).data.findings.length, 1);
      const metrics = await call(h.app, 'GET', '/metrics');
      assert.match(metrics.data, /brandsafe_audit_tamper_findings\{kind="altered"\} 1/);
      const alerts = await call(h.app, 'GET', '/api/v1/audit/events?type=audit.tamper-detected', { token: a.token });
      assert.equal(alerts.data.items.length, 1);
      assert.equal(alerts.data.items[0].payload.findings[0].eventId, ids[0]);
      const other = await signup(h.app, 'Other');
      const hidden = await call(h.app, 'GET', '/api/v1/audit/tamper', { token: other.token });
      assert.equal(hidden.data.findings[0].eventId, undefined, "another tenant's event ids are not shown");
      const readOnly = await call(h.app, 'POST', '/api/v1/tokens', { token: a.token, json: { name: 'r', scopes: ['read'] } });
      assert.equal((await call(h.app, 'GET', '/api/v1/audit/tamper', { token: readOnly.data.token })).status, 403);
    });
  });
}
