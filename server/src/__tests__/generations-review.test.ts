import assert from 'node:assert/strict';
import { DIALECTS } from '@brandsafe/db/testing';
import { apiToken, counts, generateAs, openSeeded, reseed, type Seeded } from './generations-fixture.js';
import { call, signup } from './helpers.js';

/** Code the Northwind checker refuses (an unapproved selector and a forbidden call). */
const BAD_CODE = "document.querySelector('.totally-unapproved').remove();\neval('1');\n";

for (const dialect of DIALECTS) {
  describe(`review pipeline (${dialect})`, () => {
    let s: Seeded;
    before(async function () {
      this.timeout(60_000);
      s = await openSeeded(dialect);
    });
    after(async () => {
      await s.t.destroy();
    });
    beforeEach(async () => {
      await s.t.clean();
      Object.assign(s, await reseed(s));
    });

    const move = (id: string, token: string, json: Record<string, unknown>) => call(s.app, 'POST', `/api/v1/generations/${id}/transitions`, { token, json });
    const correct = (id: string, token: string, json: Record<string, unknown>) => call(s.app, 'POST', `/api/v1/generations/${id}/corrections`, { token, json });

    it('walks GENERATED → QA_REVIEW → APPROVED → DEPLOYED with each role, recording transitions and audit events', async () => {
      const g = await generateAs(s, s.tokens.editor);
      // Read first: the read cache must not hide the moves that follow.
      assert.equal((await call(s.app, 'GET', `/api/v1/generations/${g.id}`, { token: s.tokens.viewer })).data.status, 'GENERATED');
      const submit = await move(g.id, s.tokens.editor, { to: 'QA_REVIEW' });
      assert.equal(submit.status, 201, JSON.stringify(submit.data));
      assert.equal(submit.data.generation.status, 'QA_REVIEW');
      const approve = await move(g.id, s.tokens.reviewer, { to: 'APPROVED', note: 'looks right' });
      assert.equal(approve.status, 201, JSON.stringify(approve.data));
      assert.deepEqual(approve.data.findings, []);
      assert.equal((await move(g.id, s.tokens.admin, { to: 'DEPLOYED', note: 'shipped' })).status, 201);
      const detail = await call(s.app, 'GET', `/api/v1/generations/${g.id}`, { token: s.tokens.viewer });
      assert.equal(detail.data.status, 'DEPLOYED');
      assert.deepEqual(
        detail.data.transitions.map((t: { from: string; to: string; actorId: string }) => [t.from, t.to, t.actorId]),
        [
          ['GENERATED', 'QA_REVIEW', s.userIds.editor],
          ['QA_REVIEW', 'APPROVED', s.userIds.reviewer],
          ['APPROVED', 'DEPLOYED', s.userIds.admin],
        ],
      );
      assert.deepEqual(detail.data.allowedTransitions, []);
      const events = await s.t.db.selectFrom('audit_events').selectAll().where('type', '=', 'generation.transitioned').orderBy('seq').execute();
      assert.deepEqual(events.map((e) => e.payload.to), ['QA_REVIEW', 'APPROVED', 'DEPLOYED']);
      assert.equal(events[1]!.payload.note, 'looks right');
    });

    it('answers 409 to an illegal move and 403 to a role that does not own the move, changing nothing', async () => {
      const g = await generateAs(s, s.tokens.editor);
      const before = await counts(s);
      const skip = await move(g.id, s.tokens.owner, { to: 'DEPLOYED' });
      assert.equal(skip.status, 409);
      assert.deepEqual(skip.data.allowedTransitions, ['QA_REVIEW']);
      assert.equal((await move(g.id, s.tokens.reviewer, { to: 'QA_REVIEW' })).status, 403);
      assert.equal((await move(g.id, s.tokens.viewer, { to: 'QA_REVIEW' })).status, 403);
      assert.equal((await move(g.id, s.tokens.editor, { to: 'QA_REVIEW' })).status, 201);
      assert.equal((await move(g.id, s.tokens.editor, { to: 'APPROVED', note: 'mine' })).status, 403);
      const noNote = await move(g.id, s.tokens.reviewer, { to: 'REJECTED' });
      assert.equal(noNote.status, 400);
      assert.equal(noNote.data.errors[0].field, 'note');
      assert.equal((await move(g.id, s.tokens.reviewer, { to: 'REJECTED', note: 'wrong copy' })).status, 201);
      assert.equal((await move(g.id, s.tokens.reviewer, { to: 'APPROVED', note: 'x' })).status, 409);
      const after = await counts(s);
      assert.equal(after.generation_transitions - before.generation_transitions, 2);
      // An owner holds every role: resubmits, approves and deploys alone.
      for (const [to, note] of [['QA_REVIEW'], ['APPROVED', 'ok'], ['DEPLOY_FAILED'], ['DEPLOYED']] as const) {
        assert.equal((await move(g.id, s.tokens.owner, { to, ...(note ? { note } : {}) })).status, 201, to);
      }
      const reviewToken = await apiToken(s, 'owner', ['review']);
      const g2 = await generateAs(s, s.tokens.editor);
      assert.equal((await move(g2.id, reviewToken, { to: 'QA_REVIEW' })).status, 403, 'submitting needs the generate scope');
    });

    it('refuses approval with 409 and the findings while errors remain, unless an admin overrides with a reason', async () => {
      const g = await generateAs(s, s.tokens.editor);
      const fix = await correct(g.id, s.tokens.editor, { code: BAD_CODE, reason: 'try a raw selector', kind: 'selector' });
      assert.equal(fix.status, 201, JSON.stringify(fix.data));
      assert.ok(fix.data.findings.some((f: { severity: string }) => f.severity === 'error'));
      assert.equal((await move(g.id, s.tokens.editor, { to: 'QA_REVIEW' })).status, 201);
      const refused = await move(g.id, s.tokens.reviewer, { to: 'APPROVED', note: 'fine by me' });
      assert.equal(refused.status, 409);
      assert.ok(refused.data.findings.length > 0);
      assert.ok(refused.data.findings.some((f: { ruleId: string }) => /eval/.test(f.ruleId)), JSON.stringify(refused.data.findings.map((f: { ruleId: string }) => f.ruleId)));
      const reviewerOverride = await move(g.id, s.tokens.reviewer, { to: 'APPROVED', note: 'n', override: { reason: 'hotfix' } });
      assert.equal(reviewerOverride.status, 403);
      const ok = await move(g.id, s.tokens.admin, { to: 'APPROVED', note: 'approved anyway', override: { reason: 'legal signed off the eval' } });
      assert.equal(ok.status, 201, JSON.stringify(ok.data));
      assert.equal(ok.data.overrideReason, 'legal signed off the eval');
      assert.ok(ok.data.findings.length > 0);
      const event = await s.t.db.selectFrom('audit_events').selectAll().where('type', '=', 'generation.transitioned').orderBy('seq', 'desc').executeTakeFirstOrThrow();
      assert.equal(event.payload.overrideReason, 'legal signed off the eval');
      assert.ok((event.payload.findings as { errors: number }).errors > 0);
      const override = await move(g.id, s.tokens.admin, { to: 'DEPLOYED', override: { reason: 'x' } });
      assert.equal(override.status, 400, 'an override applies to approval only');
    });

    it('lets only one of two concurrent moves of the same generation succeed', async () => {
      const g = await generateAs(s, s.tokens.editor);
      await move(g.id, s.tokens.editor, { to: 'QA_REVIEW' });
      const results = await Promise.all([
        move(g.id, s.tokens.reviewer, { to: 'APPROVED', note: 'yes' }),
        move(g.id, s.tokens.owner, { to: 'REJECTED', note: 'no' }),
        move(g.id, s.tokens.admin, { to: 'APPROVED', note: 'yes too' }),
      ]);
      const statuses = results.map((r) => r.status).sort();
      assert.deepEqual(statuses, [201, 409, 409], JSON.stringify(results.map((r) => r.data)));
      const rows = await s.t.db.selectFrom('generation_transitions').selectAll().where('generation_id', '=', g.id).execute();
      assert.equal(rows.length, 2);
    });

    it('stores a correction with its unified diff, re-checks it and replaces the code', async () => {
      const g = await generateAs(s, s.tokens.editor);
      const code = g.code.replace('Free shipping today', 'Free delivery today');
      assert.equal((await call(s.app, 'GET', `/api/v1/generations/${g.id}`, { token: s.tokens.viewer })).data.code, g.code);
      const r = await correct(g.id, s.tokens.editor, { code, reason: 'copy change from marketing', kind: 'copy' });
      assert.equal(r.status, 201, JSON.stringify(r.data));
      assert.match(r.data.diff, /^--- a\/generation-/m);
      assert.match(r.data.diff, /^-.*Free shipping today/m);
      assert.match(r.data.diff, /^\+.*Free delivery today/m);
      assert.deepEqual(r.data.findings, []);
      const detail = await call(s.app, 'GET', `/api/v1/generations/${g.id}`, { token: s.tokens.viewer });
      assert.equal(detail.data.code, code);
      assert.equal(detail.data.corrections.length, 1);
      assert.equal(detail.data.corrections[0].kind, 'copy');
      const events = await s.t.db.selectFrom('audit_events').selectAll().where('type', '=', 'generation.corrected').execute();
      assert.equal(events.length, 1);
      assert.equal(events[0]!.payload.correctionId, r.data.id);
      const same = await correct(g.id, s.tokens.editor, { code, reason: 'again', kind: 'copy' });
      assert.equal(same.status, 400);
      assert.equal((await correct(g.id, s.tokens.reviewer, { code: `${code}\n`, reason: 'r', kind: 'other' })).status, 403);
      for (const [to, token, note] of [['QA_REVIEW', s.tokens.editor], ['APPROVED', s.tokens.reviewer, 'ok']] as const) {
        await move(g.id, token, { to, ...(note ? { note } : {}) });
      }
      assert.equal((await correct(g.id, s.tokens.editor, { code: `${code}\n`, reason: 'late', kind: 'other' })).status, 409);
    });

    it("answers 404 for another workspace's generation on every review route and changes no row", async () => {
      const g = await generateAs(s, s.tokens.editor);
      const other = await signup(s.app, 'Other');
      const before = await counts(s);
      assert.equal((await move(g.id, other.token, { to: 'QA_REVIEW' })).status, 404);
      assert.equal((await correct(g.id, other.token, { code: 'x', reason: 'r', kind: 'other' })).status, 404);
      assert.deepEqual(await counts(s), before);
    });
  });
}
