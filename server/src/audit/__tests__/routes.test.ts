import assert from 'node:assert/strict';
import {
  importPublicKeyPem,
  logId,
  verifyCheckpoint,
  verifyCheckpointConsistency,
  verifyReceipt,
  type Checkpoint,
} from '@brandsafe/audit';
import { DIALECTS } from '@brandsafe/db/testing';
import { call, signup, useHarness, type Harness } from '../../__tests__/helpers.js';
import type { ProblemError } from '../../http/problem.js';
import { requireAuditLog } from '../schemas.js';
import { AuditLogService, registerAuditLog } from '../service.js';
import { appendEvents, testSigner } from './helpers.js';

const fromHex = (h: string) => Buffer.from(h, 'hex');

for (const dialect of DIALECTS) {
  describe(`audit log API (${dialect})`, () => {
    let h: Harness;
    const signer = testSigner();
    let service: AuditLogService;
    useHarness(dialect, (opened) => {
      h = opened;
      service = new AuditLogService(h.t.db, signer, { headIntervalMs: 3_600_000 });
      registerAuditLog(h.t.db, service);
    });

    it('publishes a checkpoint that verifies with the well-known key, and the key with its log id', async () => {
      const pem = await call(h.app, 'GET', '/.well-known/brandsafe-log-key');
      assert.equal(pem.status, 200);
      assert.equal(pem.type, 'application/x-pem-file');
      const key = importPublicKeyPem(pem.data);
      assert.match(pem.data, new RegExp(`log id: ${logId(key)}`));
      const asJson = await call(h.app, 'GET', '/.well-known/brandsafe-log-key', { headers: { accept: 'application/json' } });
      assert.deepEqual([asJson.data.logId, asJson.data.origin], [signer.logId, signer.origin]);

      await signup(h.app);
      const cp = await call(h.app, 'GET', '/api/v1/audit/checkpoint');
      assert.equal(cp.status, 200);
      const verified = verifyCheckpoint(cp.data.note, key, signer.origin);
      assert.equal(verified.checkpoint.treeSize, cp.data.treeSize);
      assert.equal(Buffer.from(verified.checkpoint.rootHash).toString('hex'), cp.data.rootHash);
      assert.equal(cp.data.logId, signer.logId);
    });

    it("serves receipts that verify offline for the caller's events only, integrating on demand", async () => {
      const a = await signup(h.app, 'Alpha');
      const b = await signup(h.app, 'Beta');
      const mine = await call(h.app, 'GET', '/api/v1/audit/events', { token: a.token });
      assert.equal(mine.status, 200);
      assert.ok(mine.data.items.length >= 2);
      assert.ok(mine.data.items.every((e: { workspaceId: string }) => e.workspaceId === a.workspaceId));
      const id: string = mine.data.items[0].id;

      const receipt = await call(h.app, 'GET', `/api/v1/audit/receipts/${id}`, { token: a.token });
      assert.equal(receipt.status, 200);
      const result = verifyReceipt(receipt.data, signer.publicKey, { origin: signer.origin });
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(receipt.data.event.id, id);

      assert.equal((await call(h.app, 'GET', `/api/v1/audit/receipts/${id}`, { token: b.token })).status, 404);
      assert.equal((await call(h.app, 'GET', `/api/v1/audit/receipts/${id}`)).status, 401);
      assert.equal((await call(h.app, 'GET', `/api/v1/audit/receipts/not-a-uuid`, { token: a.token })).status, 400);
      const forged = { ...receipt.data, event: { ...receipt.data.event, actor: 'user:someone-else' } };
      const failed = verifyReceipt(forged, signer.publicKey);
      assert.ok(!failed.ok && failed.failures.some((f) => f.check === 'canonical-bytes'));
    });

    it('proves consistency between two signed checkpoints and refuses sizes beyond the newest head', async () => {
      const a = await signup(h.app);
      const first = (await call(h.app, 'GET', '/api/v1/audit/checkpoint')).data;
      await appendEvents(h.t.db, a.workspaceId, 9);
      const id = (await call(h.app, 'GET', '/api/v1/audit/events?type=test.event&limit=1', { token: a.token })).data.items[0].id;
      await call(h.app, 'GET', `/api/v1/audit/receipts/${id}`, { token: a.token });
      const second = (await call(h.app, 'GET', '/api/v1/audit/checkpoint')).data;
      assert.ok(second.treeSize > first.treeSize);
      const proof = await call(h.app, 'GET', `/api/v1/audit/consistency?first=${first.treeSize}&second=${second.treeSize}`);
      assert.equal(proof.status, 200);
      const older: Checkpoint = verifyCheckpoint(first.note, signer.publicKey).checkpoint;
      const newer: Checkpoint = verifyCheckpoint(second.note, signer.publicKey).checkpoint;
      verifyCheckpointConsistency(older, newer, proof.data.proof.map(fromHex));
      const beyond = await call(h.app, 'GET', `/api/v1/audit/consistency?first=1&second=${second.treeSize + 1}`);
      assert.equal(beyond.status, 400);
      assert.equal(beyond.type, 'application/problem+json');
      assert.equal((await call(h.app, 'GET', '/api/v1/audit/consistency?first=3&second=2')).status, 400);
    });

    it('lists events with filters and a cursor as JSON, NDJSON or CSV', async () => {
      const a = await signup(h.app);
      await appendEvents(h.t.db, a.workspaceId, 5, 'test.listed');
      const page1 = await call(h.app, 'GET', '/api/v1/audit/events?type=test.listed&limit=3', { token: a.token });
      assert.equal(page1.data.items.length, 3);
      assert.ok(page1.data.next);
      const page2 = await call(h.app, 'GET', `/api/v1/audit/events?type=test.listed&limit=3&cursor=${page1.data.next}`, { token: a.token });
      assert.equal(page2.data.items.length, 2);
      assert.equal(page2.data.next, null);
      assert.deepEqual(
        [...page1.data.items, ...page2.data.items].map((e: { payload: { i: number } }) => e.payload.i),
        [0, 1, 2, 3, 4],
      );
      const ndjson = await h.app.request('/api/v1/audit/events?type=test.listed', {
        headers: { authorization: `Bearer ${a.token}`, accept: 'application/x-ndjson' },
      });
      assert.equal(ndjson.headers.get('content-type'), 'application/x-ndjson');
      const lines = (await ndjson.text()).trimEnd().split('\n').map((l) => JSON.parse(l));
      assert.equal(lines.length, 5);
      const csv = await call(h.app, 'GET', '/api/v1/audit/events?format=csv&actor=user:test', { token: a.token });
      assert.match(csv.type, /^text\/csv/);
      const rows = (csv.data as string).trimEnd().split('\r\n');
      assert.equal(rows[0], 'id,seq,type,actor,at,leafIndex,payload');
      assert.equal(rows.length, 6);
      assert.match(rows[1]!, /,"\{""i"":0,""note"":""event 0""\}"$/);
      const bad = await call(h.app, 'GET', '/api/v1/audit/events?cursor=nope', { token: a.token });
      assert.equal(bad.status, 400);
    });

    it('exports a date range as one file whose receipts and checkpoint chain verify with the key alone', async () => {
      const a = await signup(h.app);
      const start = new Date(Date.now() - 60_000).toISOString();
      await call(h.app, 'GET', '/api/v1/audit/checkpoint');
      await appendEvents(h.t.db, a.workspaceId, 6);
      const end = new Date(Date.now() + 60_000).toISOString();
      const r = await call(h.app, 'GET', `/api/v1/audit/export?from=${encodeURIComponent(start)}&to=${encodeURIComponent(end)}`, { token: a.token });
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-disposition') ?? '', /attachment; filename="brandsafe-audit-/);
      const x = r.data;
      assert.equal(x.format, 'brandsafe-audit-export/v1');
      assert.equal(x.receipts.length, 8);
      const key = importPublicKeyPem(x.publicKey);
      for (const receipt of x.receipts) assert.ok(verifyReceipt(receipt, key).ok);
      assert.ok(x.checkpoints.length >= 2);
      for (let i = 1; i < x.checkpoints.length; i += 1) {
        const older = verifyCheckpoint(x.checkpoints[i - 1].note, key).checkpoint;
        const newer = verifyCheckpoint(x.checkpoints[i].note, key).checkpoint;
        verifyCheckpointConsistency(older, newer, x.consistency[i - 1].proof.map(fromHex));
      }
      const reversed = await call(h.app, 'GET', `/api/v1/audit/export?from=${encodeURIComponent(end)}&to=${encodeURIComponent(start)}`, { token: a.token });
      assert.equal(reversed.status, 400);
    });

    it('answers 409 with Retry-After when an event cannot be put in a signed head yet', async () => {
      const a = await signup(h.app);
      const id = (await call(h.app, 'GET', '/api/v1/audit/events?limit=1', { token: a.token })).data.items[0].id;
      const stalled = new AuditLogService(h.t.db, signer);
      stalled.integrator.integrate = async () => ({ appended: 0, treeSize: 0, drained: false }); // e.g. another process holds the log
      registerAuditLog(h.t.db, stalled);
      try {
        const r = await call(h.app, 'GET', `/api/v1/audit/receipts/${id}`, { token: a.token });
        assert.equal(r.status, 409);
        assert.equal(r.headers.get('retry-after'), '1');
        assert.equal(r.data.code, 'CONFLICT');
      } finally {
        registerAuditLog(h.t.db, service);
      }
    });

    it('answers 503 on the audit routes when no audit log runs for the database', () => {
      assert.throws(() => requireAuditLog({} as never), (err: ProblemError) => err.code === 'UNAVAILABLE' && err.status === 503);
    });
  });
}
